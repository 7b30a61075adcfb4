//! When and how long to wait before retrying a Stripe API call: the official libraries' policy
//! (reference §13.5), as pure functions of what the attempt produced and a caller-supplied
//! jitter, so it runs the same natively and in wasm and is tested with a fake clock.
//!
//! Follows stripe-node `RequestSender.ts` (`_shouldRetry`, `_getSleepTimeInMS`, default
//! `maxNetworkRetries` 2, `initialNetworkRetryDelay` 0.5 s, `maxNetworkRetryDelay` 5 s).
//! Not carried over: stripe-node's one extra retry of a closed socket (`ECONNRESET`, `EPIPE`)
//! even with retries disabled, since the host bridge does not report socket error codes.

use super::{ApiError, ApiRequest, ApiResponse};
use std::future::Future;

/// How many times, and how far apart, a failed call is retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (so at most `max_retries + 1` attempts).
    pub max_retries: u32,
    /// Base of the exponential backoff, and the shortest wait, in milliseconds.
    pub initial_delay_ms: u64,
    /// Cap on the backoff before jitter, in milliseconds.
    pub max_delay_ms: u64,
}

impl Default for RetryPolicy {
    /// stripe-node's defaults: 2 retries, 0.5 s initial delay, 5 s cap.
    fn default() -> Self {
        RetryPolicy { max_retries: 2, initial_delay_ms: 500, max_delay_ms: 5000 }
    }
}

/// What one attempt produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome<'a> {
    /// An HTTP answer, whatever its status.
    Response(&'a ApiResponse),
    /// No answer: transport failure, timeout, lost host ([`ApiError::Network`]).
    ConnectionError,
}

/// What to do after an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Keep this outcome: success, a final error, or no retries left.
    Done,
    /// Wait `delay_ms`, then send the same request again.
    RetryAfter { delay_ms: u64 },
}

impl RetryPolicy {
    /// Whether to retry after `outcome`, given `attempt` retries already made and `jitter` in
    /// `[0, 1)` (the caller's `Math.random()`).
    ///
    /// In stripe-node's order: no retries left → done; `Stripe-Should-Retry: true|false`
    /// (name case-insensitive, value exact) decides next; otherwise retry a connection error,
    /// 409 and any status ≥ 500, and nothing else (never 429 or another 4xx, never 2xx).
    pub fn decide(&self, attempt: u32, outcome: Outcome<'_>, jitter: f64) -> Decision {
        if attempt >= self.max_retries {
            return Decision::Done;
        }
        let retry = match outcome {
            Outcome::ConnectionError => true,
            Outcome::Response(r) => {
                let advice =
                    r.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case("stripe-should-retry"));
                match advice.map(|(_, v)| v.as_str()) {
                    Some("false") => false,
                    Some("true") => true,
                    _ => r.status == 409 || r.status >= 500,
                }
            }
        };
        if retry {
            Decision::RetryAfter { delay_ms: self.delay_ms(attempt, jitter) }
        } else {
            Decision::Done
        }
    }

    /// The wait before the retry that follows `attempt` retries already made, exactly
    /// stripe-node's `_getSleepTimeInMS(numRetries)`:
    /// `max(initial, min(initial · 2^(attempt − 1), max) · 0.5 · (1 + jitter))`, truncated to
    /// whole milliseconds. With the defaults: 500 ms for the 1st and 2nd retry (the floor wins),
    /// then [500, 1000), [1000, 2000), [2000, 4000), then [2500, 5000) from the 6th on.
    ///
    /// A `Retry-After` header is ignored, as in stripe-node: its current `_getSleepTimeInMS` takes
    /// no such argument, and older builds received the header as a string that their
    /// `Number.isInteger` check always rejected. (stripe-python does honour an integer
    /// `Retry-After` ≤ 60 s as a lower bound; 429 is never retried either way.)
    pub fn delay_ms(&self, attempt: u32, jitter: f64) -> u64 {
        let jitter = if jitter.is_nan() { 0.0 } else { jitter.clamp(0.0, 1.0) };
        let initial = self.initial_delay_ms as f64;
        let exponent = attempt.min(64) as i32 - 1;
        let backoff = (initial * 2f64.powi(exponent)).min(self.max_delay_ms as f64);
        (backoff * 0.5 * (1.0 + jitter)).max(initial) as u64
    }
}

/// Performs `request` with retries under `policy`: `attempt` sends one request, `sleep(ms)`
/// waits, `jitter()` returns a number in `[0, 1)`. Executor-agnostic: the caller supplies the
/// transport, the timer and the randomness.
///
/// Every attempt is handed a clone of the same `request`, so a write's `Idempotency-Key` (made
/// once per user action, see [`super::idempotency::ActionKey`]) is identical on every retry and
/// Stripe applies the write at most once. A POST should carry one before it gets here.
///
/// `attempt` must return `Ok` for every HTTP answer, whatever its status (the policy reads the
/// status and `Stripe-Should-Retry`), and `Err(ApiError::Network)` when there was no answer.
/// Any other `Err` is returned at once. After the last attempt its own result is returned:
/// the last response (e.g. a 500) or the last network error.
pub async fn with_retries<A, AFut, S, SFut, J>(
    policy: &RetryPolicy,
    request: ApiRequest,
    mut attempt: A,
    mut sleep: S,
    mut jitter: J,
) -> Result<ApiResponse, ApiError>
where
    A: FnMut(ApiRequest) -> AFut,
    AFut: Future<Output = Result<ApiResponse, ApiError>>,
    S: FnMut(u64) -> SFut,
    SFut: Future<Output = ()>,
    J: FnMut() -> f64,
{
    let mut retries = 0;
    loop {
        let result = attempt(request.clone()).await;
        let outcome = match &result {
            Ok(response) => Outcome::Response(response),
            Err(ApiError::Network(_)) => Outcome::ConnectionError,
            Err(_) => return result,
        };
        match policy.decide(retries, outcome, jitter()) {
            Decision::Done => return result,
            Decision::RetryAfter { delay_ms } => sleep(delay_ms).await,
        }
        retries += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(status: u16) -> ApiResponse {
        ApiResponse { status, headers: vec![], body: "{}".into() }
    }

    #[test]
    fn defaults_are_stripe_nodes() {
        let p = RetryPolicy::default();
        assert_eq!((p.max_retries, p.initial_delay_ms, p.max_delay_ms), (2, 500, 5000));
    }

    #[test]
    fn retries_server_errors_and_conflicts_only() {
        let p = RetryPolicy::default();
        let retry = Decision::RetryAfter { delay_ms: 500 };
        for s in [409, 500, 503] {
            assert_eq!(p.decide(0, Outcome::Response(&status(s)), 0.0), retry, "{s}");
        }
        for s in [200, 400, 429] {
            assert_eq!(p.decide(0, Outcome::Response(&status(s)), 0.0), Decision::Done, "{s}");
        }
        assert_eq!(p.decide(1, Outcome::ConnectionError, 0.0), retry);
        assert_eq!(p.decide(2, Outcome::ConnectionError, 0.0), Decision::Done);
    }

    #[test]
    fn delay_follows_stripe_node() {
        let p = RetryPolicy::default();
        assert_eq!([p.delay_ms(0, 0.9), p.delay_ms(1, 0.9)], [500, 500]);
        assert_eq!([p.delay_ms(2, 0.0), p.delay_ms(2, 0.5), p.delay_ms(3, 0.5)], [500, 750, 1500]);
        let capped = [p.delay_ms(5, 0.0), p.delay_ms(9, 1.0), p.delay_ms(u32::MAX, 1.0)];
        assert_eq!(capped, [2500, 5000, 5000]);
    }
}
