//! The retry policy (reference §13.5, stripe-node `RequestSender.ts`) and its driver, run
//! natively against a fake clock that records every sleep and a scripted fake transport.

use std::cell::RefCell;
use std::future::{ready, Future};
use std::pin::pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use stripe_app::api::customers::{self, CustomerUpdate};
use stripe_app::api::idempotency::ActionKey;
use stripe_app::api::retry::{with_retries, Decision, Outcome, RetryPolicy};
use stripe_app::api::{ApiError, ApiRequest, ApiResponse, Method};

// ---------------------------------------------------------------------------------------------
// Helpers: responses, a fake clock, a scripted transport, a one-poll executor.

fn response(status: u16, headers: &[(&str, &str)]) -> ApiResponse {
    ApiResponse {
        status,
        headers: headers.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
        body: format!("{{\"status\":{status}}}"),
    }
}

fn status(status: u16) -> ApiResponse {
    response(status, &[])
}

fn network() -> ApiError {
    ApiError::Network("connection reset".into())
}

/// Records every requested sleep and the time that has "passed".
#[derive(Default)]
struct FakeClock {
    sleeps: RefCell<Vec<u64>>,
    now_ms: RefCell<u64>,
}

impl FakeClock {
    /// A `sleep(ms)` that completes at once, after moving the clock forward.
    fn sleeper(self: &Rc<Self>) -> impl FnMut(u64) -> std::future::Ready<()> {
        let clock = Rc::clone(self);
        move |ms| {
            clock.sleeps.borrow_mut().push(ms);
            *clock.now_ms.borrow_mut() += ms;
            ready(())
        }
    }

    fn sleeps(&self) -> Vec<u64> {
        self.sleeps.borrow().clone()
    }
}

/// Answers with the scripted results in order and records every request it was handed.
struct FakeTransport {
    script: RefCell<Vec<Result<ApiResponse, ApiError>>>,
    seen: RefCell<Vec<ApiRequest>>,
}

impl FakeTransport {
    fn new(script: Vec<Result<ApiResponse, ApiError>>) -> Rc<Self> {
        let mut script = script;
        script.reverse();
        Rc::new(FakeTransport { script: RefCell::new(script), seen: RefCell::new(vec![]) })
    }

    fn attempt(
        self: &Rc<Self>,
    ) -> impl FnMut(ApiRequest) -> std::future::Ready<Result<ApiResponse, ApiError>> {
        let t = Rc::clone(self);
        move |req| {
            t.seen.borrow_mut().push(req);
            ready(t.script.borrow_mut().pop().expect("more attempts than scripted answers"))
        }
    }

    fn seen(&self) -> Vec<ApiRequest> {
        self.seen.borrow().clone()
    }
}

/// Runs a future that never waits (the fakes are always ready) to completion.
fn block_on<F: Future>(fut: F) -> F::Output {
    let mut fut = pin!(fut);
    let mut cx = Context::from_waker(Waker::noop());
    match fut.as_mut().poll(&mut cx) {
        Poll::Ready(out) => out,
        Poll::Pending => panic!("the fake clock and transport never wait"),
    }
}

/// Constant jitter, as if `Math.random()` always returned `j`.
fn jitter(j: f64) -> impl FnMut() -> f64 {
    move || j
}

/// A write as a user action makes it: its key from `ActionKey`, made once.
fn save_request(keys: &mut ActionKey, key: &str) -> ApiRequest {
    let changes = CustomerUpdate { name: Some("Jenny Rosen".into()), ..Default::default() };
    let key = keys.key_for(&changes.to_pairs(), || key.to_string());
    customers::update("cus_123", &changes, &key)
}

fn run(
    script: Vec<Result<ApiResponse, ApiError>>,
    j: f64,
) -> (Result<ApiResponse, ApiError>, Vec<ApiRequest>, Vec<u64>) {
    let request = save_request(&mut ActionKey::default(), "key-1");
    let transport = FakeTransport::new(script);
    let clock = Rc::new(FakeClock::default());
    let policy = RetryPolicy::default();
    let result =
        block_on(with_retries(&policy, request, transport.attempt(), clock.sleeper(), jitter(j)));
    (result, transport.seen(), clock.sleeps())
}

fn decide(attempt: u32, r: &ApiResponse) -> Decision {
    RetryPolicy::default().decide(attempt, Outcome::Response(r), 0.0)
}

const RETRY_500: Decision = Decision::RetryAfter { delay_ms: 500 };

// ---------------------------------------------------------------------------------------------
// `decide`: which outcomes are retried.

#[test]
fn default_policy_is_stripe_nodes() {
    assert_eq!(
        RetryPolicy::default(),
        RetryPolicy { max_retries: 2, initial_delay_ms: 500, max_delay_ms: 5000 }
    );
}

#[test]
fn conflict_409_is_retried() {
    assert_eq!(decide(0, &status(409)), RETRY_500);
}

#[test]
fn server_errors_are_retried() {
    for s in [500, 502, 503, 504, 599] {
        assert_eq!(decide(0, &status(s)), RETRY_500, "{s}");
    }
}

#[test]
fn connection_errors_are_retried() {
    let p = RetryPolicy::default();
    assert_eq!(p.decide(0, Outcome::ConnectionError, 0.0), RETRY_500);
    assert_eq!(p.decide(1, Outcome::ConnectionError, 0.0), RETRY_500);
}

#[test]
fn rate_limit_429_is_never_retried() {
    assert_eq!(decide(0, &status(429)), Decision::Done);
}

#[test]
fn other_client_errors_are_never_retried() {
    for s in [400, 401, 402, 403, 404, 408, 410, 422, 424] {
        assert_eq!(decide(0, &status(s)), Decision::Done, "{s}");
    }
}

#[test]
fn success_is_done() {
    for s in [200, 201, 204, 302] {
        assert_eq!(decide(0, &status(s)), Decision::Done, "{s}");
    }
}

#[test]
fn should_retry_false_overrides_a_retryable_status() {
    for s in [409, 500, 502, 503] {
        let r = response(s, &[("Stripe-Should-Retry", "false")]);
        assert_eq!(decide(0, &r), Decision::Done, "{s}");
    }
}

#[test]
fn should_retry_true_overrides_a_final_status() {
    for s in [200, 400, 402, 404, 429] {
        let r = response(s, &[("Stripe-Should-Retry", "true")]);
        assert_eq!(decide(0, &r), RETRY_500, "{s}");
    }
}

#[test]
fn should_retry_header_name_is_case_insensitive() {
    let lower = response(500, &[("stripe-should-retry", "false")]);
    let upper = response(400, &[("STRIPE-SHOULD-RETRY", "true")]);
    assert_eq!(decide(0, &lower), Decision::Done);
    assert_eq!(decide(0, &upper), RETRY_500);
}

#[test]
fn other_should_retry_values_fall_back_to_the_status() {
    // stripe-node compares the value with 'true' / 'false' exactly.
    let odd = response(500, &[("Stripe-Should-Retry", "False")]);
    let odd_400 = response(400, &[("Stripe-Should-Retry", "yes")]);
    assert_eq!(decide(0, &odd), RETRY_500);
    assert_eq!(decide(0, &odd_400), Decision::Done);
}

#[test]
fn nothing_is_retried_once_retries_are_exhausted() {
    let p = RetryPolicy::default();
    let forced = response(500, &[("Stripe-Should-Retry", "true")]);
    for attempt in [2, 3, u32::MAX] {
        assert_eq!(p.decide(attempt, Outcome::ConnectionError, 0.0), Decision::Done);
        assert_eq!(p.decide(attempt, Outcome::Response(&status(503)), 0.0), Decision::Done);
        assert_eq!(p.decide(attempt, Outcome::Response(&forced), 0.0), Decision::Done);
    }
    let none = RetryPolicy { max_retries: 0, ..RetryPolicy::default() };
    assert_eq!(none.decide(0, Outcome::ConnectionError, 0.0), Decision::Done);
}

#[test]
fn retry_after_header_does_not_change_the_delay() {
    // As in stripe-node, `Retry-After` is not read; and a 429 carrying it is still final.
    let r = response(503, &[("Retry-After", "30")]);
    assert_eq!(decide(0, &r), RETRY_500);
    assert_eq!(decide(0, &response(429, &[("Retry-After", "1")])), Decision::Done);
}

// ---------------------------------------------------------------------------------------------
// Delays: `max(initial, min(initial · 2^(attempt − 1), max) · 0.5 · (1 + jitter))`.

const ALMOST_ONE: f64 = 1.0 - f64::EPSILON;

#[test]
fn first_two_retries_wait_the_floor_whatever_the_jitter() {
    let p = RetryPolicy::default();
    for j in [0.0, 0.25, 0.5, 0.75, ALMOST_ONE] {
        assert_eq!(p.delay_ms(0, j), 500, "jitter {j}");
        assert_eq!(p.delay_ms(1, j), 500, "jitter {j}");
    }
}

#[test]
fn delay_doubles_within_jittered_bounds() {
    let p = RetryPolicy::default();
    // attempt: (delay at jitter 0, delay at jitter ~1)
    let expected = [(2, 500, 999), (3, 1000, 1999), (4, 2000, 3999), (5, 2500, 4999)];
    for (attempt, low, high) in expected {
        assert_eq!(p.delay_ms(attempt, 0.0), low, "attempt {attempt}, jitter 0");
        assert_eq!(p.delay_ms(attempt, ALMOST_ONE), high, "attempt {attempt}, jitter ~1");
        assert_eq!(p.delay_ms(attempt, 1.0), high + 1, "attempt {attempt}, jitter 1");
    }
    assert_eq!(p.delay_ms(2, 0.5), 750);
    assert_eq!(p.delay_ms(3, 0.5), 1500);
}

#[test]
fn delay_is_capped_at_the_maximum() {
    let p = RetryPolicy::default();
    for attempt in [6, 10, 31, 63, 64, 1000, u32::MAX] {
        assert_eq!(p.delay_ms(attempt, 0.0), 2500, "attempt {attempt}");
        assert_eq!(p.delay_ms(attempt, 1.0), 5000, "attempt {attempt}");
    }
}

#[test]
fn delay_never_leaves_floor_and_cap_for_any_jitter() {
    let p = RetryPolicy::default();
    for attempt in 0..20 {
        for step in 0..=100 {
            let d = p.delay_ms(attempt, f64::from(step) / 100.0);
            assert!((500..=5000).contains(&d), "attempt {attempt} step {step}: {d}");
        }
    }
}

#[test]
fn out_of_range_jitter_is_clamped() {
    let p = RetryPolicy::default();
    assert_eq!(p.delay_ms(3, -1.0), 1000);
    assert_eq!(p.delay_ms(3, f64::NAN), 1000);
    assert_eq!(p.delay_ms(3, 7.0), 2000);
    assert_eq!(p.delay_ms(3, f64::INFINITY), 2000);
}

#[test]
fn decide_uses_the_same_delay() {
    let p = RetryPolicy { max_retries: 10, ..RetryPolicy::default() };
    for attempt in 0..10 {
        let expected = Decision::RetryAfter { delay_ms: p.delay_ms(attempt, 0.6) };
        assert_eq!(p.decide(attempt, Outcome::ConnectionError, 0.6), expected);
    }
}

#[test]
fn custom_policy_scales_floor_and_cap() {
    let p = RetryPolicy { max_retries: 5, initial_delay_ms: 100, max_delay_ms: 300 };
    let delays: Vec<u64> = (0..6).map(|a| p.delay_ms(a, ALMOST_ONE)).collect();
    assert_eq!(delays, [100, 100, 199, 299, 299, 299]);
}

// ---------------------------------------------------------------------------------------------
// The driver, with the fake clock.

#[test]
fn succeeds_after_two_failures_with_two_sleeps_and_one_key() {
    let (result, seen, sleeps) = run(vec![Err(network()), Ok(status(503)), Ok(status(200))], 0.9);
    assert_eq!(result, Ok(status(200)));
    assert_eq!(sleeps, [500, 500], "stripe-node waits the 0.5 s floor before retries 1 and 2");
    assert_eq!(seen.len(), 3);
    assert!(seen.iter().all(|r| r == &seen[0]), "every attempt sends the identical request");
    assert_eq!(seen[0].method, Method::Post);
    assert_eq!(seen[0].header("Idempotency-Key"), Some("key-1"));
}

#[test]
fn gives_up_after_three_attempts_with_the_last_response() {
    let script = vec![Ok(status(500)), Ok(status(502)), Ok(status(503))];
    let (result, seen, sleeps) = run(script, 0.0);
    assert_eq!(result, Ok(status(503)), "the last answer is handed back");
    assert_eq!((seen.len(), sleeps), (3, vec![500, 500]));
}

#[test]
fn gives_up_after_three_attempts_with_the_last_network_error() {
    let last = ApiError::Network("timed out".into());
    let (result, seen, sleeps) = run(vec![Err(network()), Err(network()), Err(last.clone())], 0.5);
    assert_eq!(result, Err(last));
    assert_eq!((seen.len(), sleeps.len()), (3, 2));
}

#[test]
fn never_retries_a_400() {
    let bad = response(400, &[("Request-Id", "req_1")]);
    let (result, seen, sleeps) = run(vec![Ok(bad.clone())], 0.0);
    assert_eq!(result, Ok(bad));
    assert_eq!((seen.len(), sleeps), (1, vec![]));
}

#[test]
fn never_retries_a_429() {
    let (result, seen, sleeps) = run(vec![Ok(status(429))], 0.0);
    assert_eq!(result, Ok(status(429)));
    assert_eq!((seen.len(), sleeps.len()), (1, 0));
}

#[test]
fn honours_should_retry_false_on_a_500() {
    let replayed = response(500, &[("Stripe-Should-Retry", "false")]);
    let (result, seen, sleeps) = run(vec![Ok(replayed.clone())], 0.0);
    assert_eq!(result, Ok(replayed));
    assert_eq!((seen.len(), sleeps.len()), (1, 0));
}

#[test]
fn honours_should_retry_true_on_a_400() {
    let lock_timeout = response(400, &[("stripe-should-retry", "true")]);
    let (result, seen, sleeps) = run(vec![Ok(lock_timeout), Ok(status(200))], 0.0);
    assert_eq!(result, Ok(status(200)));
    assert_eq!((seen.len(), sleeps), (2, vec![500]));
}

#[test]
fn first_success_sends_once_and_never_sleeps() {
    let (result, seen, sleeps) = run(vec![Ok(status(200))], 0.0);
    assert_eq!(result, Ok(status(200)));
    assert_eq!((seen.len(), sleeps.len()), (1, 0));
}

#[test]
fn errors_other_than_network_are_returned_at_once() {
    let err = ApiError::Http { status: 503, body: "bridge said no".into() };
    let (result, seen, sleeps) = run(vec![Err(err.clone())], 0.0);
    assert_eq!(result, Err(err));
    assert_eq!((seen.len(), sleeps.len()), (1, 0));
}

#[test]
fn longer_policy_records_the_whole_backoff_on_the_fake_clock() {
    let request = ApiRequest::new(Method::Get, "/v1/customers", &[]);
    let transport = FakeTransport::new(vec![Err(network()); 6]);
    let clock = Rc::new(FakeClock::default());
    let policy = RetryPolicy { max_retries: 5, ..RetryPolicy::default() };
    let result =
        block_on(with_retries(&policy, request, transport.attempt(), clock.sleeper(), jitter(0.0)));
    assert_eq!(result, Err(network()));
    assert_eq!(clock.sleeps(), [500, 500, 500, 1000, 2000]);
    assert_eq!(*clock.now_ms.borrow(), 4500);
    assert_eq!(transport.seen().len(), 6);
}

#[test]
fn jitter_is_drawn_per_attempt() {
    let request = ApiRequest::new(Method::Get, "/v1/customers", &[]);
    let transport = FakeTransport::new(vec![Ok(status(500)); 5]);
    let clock = Rc::new(FakeClock::default());
    let policy = RetryPolicy { max_retries: 4, ..RetryPolicy::default() };
    let mut draws = [0.0, 0.0, 0.0, 0.5, 0.99].into_iter();
    let result =
        block_on(with_retries(&policy, request, transport.attempt(), clock.sleeper(), move || {
            draws.next().unwrap_or(0.0)
        }));
    assert_eq!(result, Ok(status(500)));
    assert_eq!(clock.sleeps(), [500, 500, 500, 1500]);
}

#[test]
fn a_user_retry_of_the_same_action_reuses_the_key() {
    // The automatic retries are exhausted; the user presses "Save" again with the same changes.
    let mut keys = ActionKey::default();
    let first = save_request(&mut keys, "key-1");
    let again = save_request(&mut keys, "key-2");
    assert_eq!(first.header("Idempotency-Key"), Some("key-1"));
    assert_eq!(again, first, "same action, same request, same key");
    keys.done();
    assert_eq!(save_request(&mut keys, "key-3").header("Idempotency-Key"), Some("key-3"));
}
