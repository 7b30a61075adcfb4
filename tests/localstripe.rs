//! Conformance: our Stripe API client (request builders, pagination, decoding, errors) against
//! localstripe, a third-party stateful Stripe emulator (PyPI `localstripe` 1.15.10, pinned with
//! its dependencies in tests/localstripe/requirements.txt).
//!
//! Needs `LOCALSTRIPE_PYTHON`, the venv's python that `scripts/setup.sh` installs and exports, so
//! the tests are `#[ignore]`d in a plain `cargo test` and `scripts/test.sh` runs them with
//! `--ignored`. Each test starts its own localstripe (tests/localstripe/serve.py: in memory,
//! 127.0.0.1, an ephemeral port) and kills it by PID when it ends, also on a panic.
//!
//! localstripe lags the API. Where it differs from Stripe the test says so and asserts the
//! difference explicitly, so a localstripe upgrade that closes a gap fails here and gets noticed;
//! the client is never bent to fit it.

#![cfg(not(target_arch = "wasm32"))]

use futures::executor::block_on;
use futures::StreamExt;
use serde::de::{DeserializeOwned, IgnoredAny};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Debug;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;
use stripe_app::api::customers::{self, CustomerUpdate, SearchParams};
use stripe_app::api::error::{decode, interpret, StripeErrorBody};
use stripe_app::api::pagination::{next_page, page_links, pages, Cursor, ListParams};
use stripe_app::api::payment_intents::{self, PaymentIntentListParams};
use stripe_app::api::prices::{self, PriceListParams};
use stripe_app::api::setup_intents::{self, SetupIntentCreate};
use stripe_app::api::subscriptions::{self, SubscriptionCreate, SubscriptionListParams};
use stripe_app::api::types::{
    Customer, Invoice, List, PaymentIntent, PaymentIntentStatus, PaymentMethod, Price, Product,
    SearchResult, SetupIntent, SetupIntentStatus, Subscription,
};
use stripe_app::api::{invoices, payment_methods, products};
use stripe_app::api::{ApiError, ApiRequest, ApiResponse, Method};

/// localstripe accepts any `sk_…` key longer than five characters.
const SECRET_KEY: &str = "sk_test_localstripe";

/// A running localstripe, killed (by PID) and reaped when dropped.
struct Localstripe {
    child: Child,
    /// Held open: serve.py exits when its standard input closes, so it cannot outlive us even
    /// if this process is killed before `drop` runs.
    _stdin: ChildStdin,
    port: u16,
    stderr: Arc<Mutex<String>>,
    agent: ureq::Agent,
}

impl Localstripe {
    fn start() -> Self {
        let python = std::env::var_os("LOCALSTRIPE_PYTHON").unwrap_or_else(|| {
            panic!(
                "LOCALSTRIPE_PYTHON is not set. These tests need localstripe: run \
                 `source scripts/setup.sh` (it installs localstripe into .venv-localstripe/ and \
                 exports LOCALSTRIPE_PYTHON), then `cargo test --test localstripe -- --ignored`; \
                 or run scripts/test.sh, which does both."
            )
        });
        let serve = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/localstripe/serve.py");
        let mut child = Command::new(&python)
            .arg(&serve)
            .arg("0")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("could not run {python:?} {serve:?}: {e}"));
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut stderr_pipe = child.stderr.take().unwrap();
        let stderr = Arc::new(Mutex::new(String::new()));
        let sink = Arc::clone(&stderr);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stderr_pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout);
            let mut first = String::new();
            let _ = tx.send(lines.read_line(&mut first).map(|_| first));
            // Keep draining so the server never blocks on a full pipe.
            std::io::copy(&mut lines, &mut std::io::sink()).ok();
        });
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .proxy(None)
            .timeout_global(Some(Duration::from_secs(10)))
            .build()
            .into();
        // From here on the guard owns the child: any panic below still kills it.
        let mut server = Localstripe { child, _stdin: stdin, port: 0, stderr, agent };
        let line = rx.recv_timeout(Duration::from_secs(15));
        server.port = match line {
            Ok(Ok(line)) => line.trim().parse().unwrap_or_else(|_| {
                panic!("serve.py printed {line:?}, not a port; stderr:\n{}", server.stderr())
            }),
            other => panic!("serve.py did not print its port ({other:?}); stderr:\n{}", {
                std::thread::sleep(Duration::from_millis(200));
                server.stderr()
            }),
        };
        server
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Performs `req` as the host would: our placeholder key replaced by a secret key.
    fn call(&self, req: &ApiRequest) -> ApiResponse {
        assert_eq!(
            req.header("Authorization"),
            Some(stripe_app::config::AUTHORIZATION_VALUE),
            "every request the app builds carries the placeholder key"
        );
        let mut req = req.clone();
        for (name, value) in &mut req.headers {
            if name.eq_ignore_ascii_case("Authorization") {
                *value = format!("Bearer {SECRET_KEY}");
            }
        }
        self.call_as_is(&req)
    }

    /// Performs `req` with its headers unchanged. 4xx/5xx come back as responses.
    fn call_as_is(&self, req: &ApiRequest) -> ApiResponse {
        let url = format!("http://127.0.0.1:{}{}", self.port, req.path);
        let result = match req.method {
            Method::Get | Method::Delete => {
                let mut builder = match req.method {
                    Method::Get => self.agent.get(&url),
                    _ => self.agent.delete(&url),
                };
                for (name, value) in &req.headers {
                    builder = builder.header(name, value);
                }
                builder.call()
            }
            Method::Post => {
                let mut builder = self.agent.post(&url);
                for (name, value) in &req.headers {
                    builder = builder.header(name, value);
                }
                builder.send(req.body.as_deref().unwrap_or(""))
            }
        };
        let mut response = result.unwrap_or_else(|e| {
            panic!("{} {url}: transport error {e}; stderr:\n{}", req.method.as_str(), self.stderr())
        });
        let headers = response
            .headers()
            .iter()
            .map(|(k, v)| (k.as_str().to_string(), v.to_str().unwrap_or_default().to_string()))
            .collect();
        ApiResponse {
            status: response.status().as_u16(),
            headers,
            body: response.body_mut().read_to_string().unwrap(),
        }
    }

    /// The JSON body of a 2xx answer.
    fn ok(&self, req: &ApiRequest) -> Value {
        let response = self.call(req);
        assert!(
            (200..300).contains(&response.status),
            "{} {}: {} {}",
            req.method.as_str(),
            req.path,
            response.status,
            response.body
        );
        decode(&response.body).unwrap()
    }

    /// A 200 answer read as the app reads it ([`interpret`]): decoded with the crate's type `T`.
    fn ok_as<T: DeserializeOwned>(&self, req: &ApiRequest) -> T {
        let response = self.call(req);
        assert_eq!(response.status, 200, "{} {}: {}", req.method.as_str(), req.path, response.body);
        let body = response.body.clone();
        interpret(response).unwrap_or_else(|e| panic!("{e}\n{body}"))
    }

    /// A 200 answer that our type `T` cannot read because localstripe's shape lacks `field`
    /// (in the object at JSON path `at`): asserts the [`ApiError::Decode`] that [`interpret`]
    /// gives, and returns the answer as raw JSON, to check what localstripe sent instead.
    fn lacks<T: DeserializeOwned + Debug>(&self, req: &ApiRequest, at: &str, field: &str) -> Value {
        let response = self.call(req);
        assert_eq!(response.status, 200, "{} {}: {}", req.method.as_str(), req.path, response.body);
        let raw: Value = decode(&response.body).unwrap();
        match interpret::<T>(response) {
            Err(ApiError::Decode { path, message }) => {
                assert_eq!(path, at, "{message}");
                assert!(message.starts_with(&format!("missing field `{field}`")), "{message}");
            }
            other => panic!("expected a decode error at {at} ({field}), got {other:?}"),
        }
        raw
    }

    /// The error of a non-2xx answer, as the client reads it ([`interpret`]).
    fn fail(&self, req: &ApiRequest) -> ApiError {
        let response = self.call(req);
        assert!(response.status >= 400, "{} {}: {}", req.method.as_str(), req.path, response.body);
        let (status, body) = (response.status, response.body.clone());
        let error = interpret::<IgnoredAny>(response).unwrap_err();
        assert_eq!(error, ApiError::from_response(status, &body));
        error
    }

    fn create_customer(&self, params: &[(&str, &str)]) -> Customer {
        self.ok_as(&post("/v1/customers", params))
    }
}

impl Drop for Localstripe {
    fn drop(&mut self) {
        // Child::kill is SIGKILL to this child's PID; wait() reaps it.
        let _ = self.child.kill();
        let _ = self.child.wait();
        if std::thread::panicking() {
            eprintln!("localstripe stderr:\n{}", self.stderr());
        }
    }
}

fn pairs(params: &[(&str, &str)]) -> Vec<(String, String)> {
    params.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn get(path: &str, params: &[(&str, &str)]) -> ApiRequest {
    ApiRequest::new(Method::Get, path, &pairs(params))
}

fn post(path: &str, params: &[(&str, &str)]) -> ApiRequest {
    ApiRequest::new(Method::Post, path, &pairs(params))
}

/// The Stripe error body of `error`, which must be one.
fn stripe_error(error: &ApiError) -> (u16, &StripeErrorBody) {
    match error {
        ApiError::Stripe { status, error } => (*status, error),
        other => panic!("not a Stripe error body: {other:?}"),
    }
}

/// `(status, message)` of a Stripe error, checking that localstripe sent no `param` or `code`.
fn bare_error(error: &ApiError) -> (u16, &str) {
    let (status, body) = stripe_error(error);
    assert_eq!(body.kind, "invalid_request_error");
    // localstripe never names the param or the code, where Stripe does.
    assert_eq!((body.param.as_deref(), body.code.as_deref()), (None, None), "{body:?}");
    (status, body.message.as_deref().unwrap_or(""))
}

/// localstripe answers a path it has no route for with aiohttp's plain-text 404.
fn assert_no_route(error: &ApiError) {
    assert_eq!(
        error,
        &ApiError::Http { status: 404, body: "404: Not Found".into() },
        "expected no such route"
    );
    assert!(error.is_not_found());
}

fn ids(list: &List<Customer>) -> Vec<String> {
    list.data.iter().map(|c| c.id.clone()).collect()
}

fn data_ids(list: &Value) -> Vec<&str> {
    list["data"].as_array().unwrap().iter().map(|o| o["id"].as_str().unwrap()).collect()
}

fn id(object: &Value) -> String {
    object["id"].as_str().unwrap().to_string()
}

#[test]
#[ignore = "needs localstripe; scripts/test.sh runs it"]
fn customer_list_pages_through_every_customer() {
    let ls = Localstripe::start();
    let created: Vec<String> = (0..25)
        .map(|i| {
            let (name, email) = (format!("Customer {i:02}"), format!("customer{i:02}@example.com"));
            ls.create_customer(&[("name", &name), ("email", &email)]).id
        })
        .collect();

    // Auto-paging with next_page, 10 a page: 10 + 10 + 5, every customer exactly once.
    let mut params = Some(ListParams::new().limit(10));
    let (mut seen, mut sizes) = (Vec::new(), Vec::new());
    while let Some(p) = params {
        let page: List<Customer> = ls.ok_as(&customers::list(&p));
        assert_eq!((page.object.as_str(), page.url.as_str()), ("list", "/v1/customers"));
        sizes.push(page.data.len());
        seen.extend(ids(&page));
        params = next_page(&p, &page);
    }
    assert_eq!(sizes, [10, 10, 5]);
    // DIFFERENCE: localstripe lists customers oldest first (its store's insertion order; it
    // never sorts them), where Stripe lists newest first. Paging still visits each one once,
    // since next_page follows the last id of a page whatever the order.
    assert_eq!(seen, created, "localstripe: oldest first");
    let newest_first: Vec<String> = created.iter().rev().cloned().collect();
    assert_ne!(seen, newest_first);

    // The auto-pager (`pages`, a stream) over localstripe: the same three pages, every
    // customer exactly once.
    let send = |req: ApiRequest| {
        let response = ls.call(&req);
        async move { Ok::<_, ApiError>(response) }
    };
    let streamed: Vec<Result<List<Customer>, ApiError>> =
        block_on(pages(send, customers::list, ListParams::new().limit(10)).collect());
    let streamed: Vec<List<Customer>> = streamed.into_iter().map(Result::unwrap).collect();
    assert_eq!(streamed.iter().map(|p| p.data.len()).collect::<Vec<_>>(), [10, 10, 5]);
    let all: Vec<String> = streamed.iter().flat_map(ids).collect();
    assert_eq!(all.iter().collect::<BTreeSet<_>>().len(), all.len(), "no customer twice");
    assert_eq!(all, created);
    // Paging backward, it yields localstripe's refusal once and ends (see below).
    let back = ListParams::new().limit(10).ending_before(&created[24]);
    let streamed: Vec<Result<List<Customer>, ApiError>> =
        block_on(pages(send, customers::list, back).collect());
    assert_eq!(streamed.len(), 1);
    assert_eq!(bare_error(streamed[0].as_ref().unwrap_err()), (400, "Unexpected ending_before"));

    // The pager's links (page_links): forward through the same pages.
    let mut cursor = Some(Cursor::First);
    let mut pages = Vec::new();
    let mut last = None;
    while let Some(c) = cursor {
        let page: List<Customer> = ls.ok_as(&customers::list(&ListParams::for_cursor(&c, 10)));
        cursor = page_links(&c, &page).next;
        pages.push(ids(&page));
        last = Some((c, page));
    }
    assert_eq!(pages.concat(), created);
    // DIFFERENCE: localstripe has no `ending_before`, so the pager's "previous" link fails
    // (Stripe pages back with it).
    let (c, page) = last.unwrap();
    let prev = page_links(&c, &page).prev.expect("a page after a cursor links back");
    let error = ls.fail(&customers::list(&ListParams::for_cursor(&prev, 10)));
    assert_eq!(bare_error(&error), (400, "Unexpected ending_before"));

    // The `email` filter is exact, as on Stripe.
    let one: List<Customer> =
        ls.ok_as(&get("/v1/customers", &[("email", "customer07@example.com")]));
    assert_eq!(ids(&one), [created[7].clone()]);

    // DIFFERENCE: a cursor naming no customer is ignored (the first page comes back), where
    // Stripe answers 400 resource_missing.
    let page: List<Customer> =
        ls.ok_as(&customers::list(&ListParams::new().limit(3).starting_after("cus_missing")));
    assert_eq!(ids(&page), created[..3]);
    // DIFFERENCE: no upper bound on `limit` (Stripe: 1–100). The lower one holds, as a bare 400.
    let all: List<Customer> = ls.ok_as(&customers::list(&ListParams::new().limit(101)));
    assert_eq!((all.data.len(), all.has_more), (25, false));
    assert_eq!(bare_error(&ls.fail(&customers::list(&ListParams::new().limit(0)))).0, 400);
    // DIFFERENCE: no `created` filter on customers (Stripe has created[gt|gte|lt|lte]).
    let error = ls.fail(&get("/v1/customers", &[("created[gte]", "1700000000")]));
    assert_eq!(bare_error(&error), (400, "Unexpected created"));
}

#[test]
#[ignore = "needs localstripe; scripts/test.sh runs it"]
fn customer_retrieve_and_update_round_trip() {
    let ls = Localstripe::start();
    let created = ls.create_customer(&[
        ("name", "Aoife O'Brien"),
        ("email", "aoife@example.com"),
        ("phone", "+1 555 0100"),
        ("description", "First customer"),
        ("balance", "500"),
        ("preferred_locales[0]", "fr"),
        ("metadata[old]", "x"),
        ("metadata[keep]", "y"),
    ]);
    let got: Customer = ls.ok_as(&customers::retrieve(&created.id));
    assert_eq!(got, created);
    assert_eq!(
        (got.name.as_deref(), got.email.as_deref(), got.phone.as_deref()),
        (Some("Aoife O'Brien"), Some("aoife@example.com"), Some("+1 555 0100"))
    );
    assert_eq!(
        (got.object.as_str(), got.livemode, got.preferred_locales.clone()),
        ("customer", false, vec!["fr".to_string()])
    );
    assert!(got.id.starts_with("cus_") && got.created > 1_500_000_000);

    // Our Customer decodes localstripe's customer, with these DIFFERENCES from Stripe's shape:
    let raw = ls.ok(&customers::retrieve(&created.id));
    // - no `balance`: localstripe sends the pre-2019 `account_balance`, and negated (balance=500
    //   comes back as -500), so `Customer::balance` decodes as 0;
    assert_eq!((raw.get("balance"), &raw["account_balance"]), (None, &Value::from(-500)));
    assert_eq!(got.balance, 0);
    // - `currency` is "eur" before any billing (Stripe: null);
    assert_eq!(got.currency.as_deref(), Some("eur"));
    // - no `invoice_prefix` and no `tax_exempt` (so None), and extra `sources`, `subscriptions`
    //   and `tax_ids` lists and `business_vat_id`, which we ignore.
    assert_eq!((raw.get("invoice_prefix"), raw.get("tax_exempt")), (None, None));
    assert_eq!((got.invoice_prefix.clone(), got.tax_exempt.clone()), (None, None));
    assert_eq!(raw["sources"]["object"], "list");

    // Update with our builder: description, a new metadata key, and "" to delete `old`.
    let changes = CustomerUpdate {
        description: Some("VIP since 2024".into()),
        metadata: [("tier".to_string(), "gold".to_string()), ("old".into(), String::new())].into(),
        ..Default::default()
    };
    let updated: Customer = ls.ok_as(&customers::update(&created.id, &changes, "key-1"));
    let read_back: Customer = ls.ok_as(&customers::retrieve(&created.id));
    assert_eq!(updated, read_back);
    assert_eq!(read_back.description.as_deref(), Some("VIP since 2024"));
    assert_eq!(read_back.name, created.name, "untouched fields stay");
    // DIFFERENCE: `metadata[old]=` keeps the key with an empty value; Stripe deletes the key.
    let want: BTreeMap<String, String> =
        [("keep", "y"), ("old", ""), ("tier", "gold")].map(|(k, v)| (k.into(), v.into())).into();
    assert_eq!(read_back.metadata, want);

    // DIFFERENCE: `description=` stores "" (Stripe unsets it to null).
    let unset = CustomerUpdate { description: Some(String::new()), ..Default::default() };
    let cleared: Customer = ls.ok_as(&customers::update(&created.id, &unset, "key-2"));
    assert_eq!(cleared.description.as_deref(), Some(""));

    // DIFFERENCE: Idempotency-Key is ignored. Reusing key-1 with other changes runs them
    // (Stripe answers 400 idempotency_error), so the app's retries can't be checked here.
    let other = CustomerUpdate { name: Some("A. O'Brien".into()), ..Default::default() };
    let reused: Customer = ls.ok_as(&customers::update(&created.id, &other, "key-1"));
    assert_eq!(reused.name.as_deref(), Some("A. O'Brien"));
}

#[test]
#[ignore = "needs localstripe; scripts/test.sh runs it"]
fn errors_decode_as_our_api_errors() {
    let ls = Localstripe::start();
    let customer = ls.create_customer(&[("name", "Someone")]);

    // A missing customer is our not-found error. DIFFERENCE: the message is "Not Found", with no
    // `code` (Stripe: "No such customer: 'cus_missing'", code resource_missing, param id).
    let missing = ls.fail(&customers::retrieve("cus_missing"));
    assert!(missing.is_not_found());
    assert_eq!(bare_error(&missing), (404, "Not Found"));

    // An unknown list parameter is a Stripe error body. DIFFERENCE: "Unexpected foo" without
    // `param` (Stripe: "Received unknown parameter: foo", param foo).
    let unknown = ls.fail(&get("/v1/customers", &[("foo", "1")]));
    assert!(!unknown.is_not_found());
    assert_eq!(bare_error(&unknown), (400, "Unexpected foo"));
    // DIFFERENCE: on update it is a bare "Bad request"; on retrieve it is not checked at all.
    let path = format!("/v1/customers/{}", customer.id);
    assert_eq!(bare_error(&ls.fail(&post(&path, &[("foo", "1")]))), (400, "Bad request"));
    let ignored: Customer = ls.ok_as(&get(&path, &[("foo", "1")]));
    assert_eq!(ignored.id, customer.id);

    // The placeholder key the extension sends is refused, as Stripe would refuse it.
    let response = ls.call_as_is(&customers::list(&ListParams::new()));
    let unauthorized = ApiError::from_response(response.status, &response.body);
    assert_eq!(bare_error(&unauthorized), (401, "Unauthorized"));

    // DIFFERENCE: no customer search. The app's `/v1/customers/search` falls into
    // `/v1/customers/{id}`, so it is a "Not Found" for a customer named "search" — which our
    // client reads as not-found, not as "search is unsupported".
    let search = customers::search(&SearchParams::new("email:'a@b.co'").limit(10));
    let response = ls.call(&search);
    let search = interpret::<SearchResult<Customer>>(response).unwrap_err();
    assert!(search.is_not_found());
    assert_eq!(bare_error(&search), (404, "Not Found"));

    // DIFFERENCE: no Secret Store (`/v1/apps/secrets…`): aiohttp's plain-text 404, so our client
    // has an `ApiError::Http`, not a Stripe error.
    let find = [("name", "api_token"), ("scope[type]", "account")];
    assert_no_route(&ls.fail(&get("/v1/apps/secrets/find", &find)));
    let set = [("name", "api_token"), ("payload", "s3cr3t"), ("scope[type]", "account")];
    assert_no_route(&ls.fail(&post("/v1/apps/secrets", &set)));
}

#[test]
#[ignore = "needs localstripe; scripts/test.sh runs it"]
fn products_plans_payment_methods_subscriptions_and_invoices() {
    let ls = Localstripe::start();

    // Test setup (the app never creates products, plans or customers).
    let product = ls.ok(&post("/v1/products", &[("name", "Gold"), ("metadata[tier]", "gold")]));

    // Products: the app's list (`active`, `limit`) is accepted as on Stripe.
    // DIFFERENCE: our `Product` cannot read localstripe's product: it has no `updated` (Stripe
    // always sends it; `default_price` is absent too, which reads as None). Its extra legacy
    // `type`/`caption`/`attributes`/`shippable` are ignored. And oldest first, like every
    // localstripe list except invoices (Stripe: newest first).
    let list = products::list(Some(true), &ListParams::new().limit(100));
    let products = ls.lacks::<List<Product>>(&list, "data[0]", "updated");
    assert_eq!((&products["object"], &products["url"]), (&"list".into(), &"/v1/products".into()));
    assert_eq!(data_ids(&products), [id(&product)]);
    assert_eq!(
        (products["data"][0].get("updated"), &products["data"][0]["type"]),
        (None, &"service".into())
    );

    // DIFFERENCE: no Prices API (plain-text 404), so the app's price list (product, active,
    // `type=recurring`, `expand[0]=data.product`) fails; only the legacy Plans, with `amount`
    // where a price has `unit_amount`, and no `type` or `recurring`. Plans list filters `active`
    // and `product`.
    let price_list = PriceListParams {
        product: Some(id(&product)),
        active: Some(true),
        recurring_only: true,
        expand_product: true,
        list: ListParams::new().limit(100),
    };
    assert_no_route(&ls.fail(&prices::list(&price_list)));
    // Test setup: localstripe's stand-in for a price.
    let plan = ls.ok(&post(
        "/v1/plans",
        &[
            ("product", &id(&product)),
            ("amount", "1500"),
            ("currency", "usd"),
            ("interval", "month"),
            ("nickname", "Gold monthly"),
        ],
    ));
    assert_eq!(
        (&plan["object"], &plan["amount"], plan.get("unit_amount")),
        (&"plan".into(), &1500.into(), None)
    );
    // A probe (the app never lists plans): a plan is not a `Price` our type can read.
    let plans = [("active", "true"), ("product", &id(&product)), ("limit", "100")];
    let plans = ls.lacks::<List<Price>>(&get("/v1/plans", &plans), "data[0]", "type");
    assert_eq!(data_ids(&plans), [id(&plan)]);

    // Test setup: attaching the test card `pm_card_visa` works as on Stripe (a new pm_…).
    let customer = ls.create_customer(&[("name", "Subscriber"), ("email", "sub@example.com")]);
    let attach = "/v1/payment_methods/pm_card_visa/attach";
    let card: PaymentMethod = ls.ok_as(&post(attach, &[("customer", &customer.id)]));
    assert!(card.id.starts_with("pm_") && card.id != "pm_card_visa");

    // Payment methods: the app's list by customer and type decodes as our `PaymentMethod`.
    let listed: List<PaymentMethod> =
        ls.ok_as(&payment_methods::list(&customer.id, Some("card"), &ListParams::new().limit(10)));
    assert_eq!(listed.data, std::slice::from_ref(&card));
    let pm = &listed.data[0];
    assert_eq!((pm.kind.as_str(), pm.amazon_pay.as_ref()), ("card", None));
    assert_eq!(pm.customer.as_ref().map(|c| c.id()), Some(customer.id.as_str()));
    let last4 = pm.card.as_ref().map(|c| (c.brand.as_str(), c.last4.as_str()));
    assert_eq!(last4, Some(("visa", "4242")));
    // DIFFERENCE: `type` is required (Stripe's is optional), and other types are refused; a
    // probe shows `/v1/customers/{id}/payment_methods` does not exist.
    let no_type = ls.fail(&payment_methods::list(&customer.id, None, &ListParams::new()));
    assert_eq!(bare_error(&no_type), (400, "Bad request"));
    let amazon_pay = payment_methods::list(&customer.id, Some("amazon_pay"), &ListParams::new());
    assert_eq!(bare_error(&ls.fail(&amazon_pay)), (400, "Bad request"));
    let nested = format!("/v1/customers/{}/payment_methods", customer.id);
    assert_no_route(&ls.fail(&get(&nested, &[("type", "card")])));

    // Subscriptions, as the app creates them (reference §13.7). DIFFERENCE: refused —
    // localstripe knows neither `default_payment_method` nor `off_session` (the builder always
    // sends `off_session`; `expand[0]` passes).
    let app_shape = SubscriptionCreate::new(&customer.id, id(&plan))
        .quantity(2)
        .default_payment_method(&card.id)
        .off_session(true);
    let error = ls.fail(&subscriptions::create(&app_shape, "sub-key-1"));
    assert_eq!(bare_error(&error), (400, "Unexpected default_payment_method, off_session"));
    let on_session = SubscriptionCreate::new(&customer.id, id(&plan)).quantity(2);
    let error = ls.fail(&subscriptions::create(&on_session, "sub-key-2"));
    assert_eq!(bare_error(&error), (400, "Unexpected off_session"));
    // A probe: without those, its items still take only `plan`, never `price`.
    let price_item = [
        ("customer", customer.id.as_str()),
        ("items[0][price]", &id(&plan)),
        ("items[0][quantity]", "2"),
    ];
    let error = ls.fail(&post("/v1/subscriptions", &price_item));
    assert_eq!(bare_error(&error), (400, "Bad request"), "items[0][price]");

    // Test setup: the legacy shape works — items[0][plan], paid with the customer's default
    // payment method — and `expand[0]=latest_invoice` as the app's create asks.
    let default_pm = [("invoice_settings[default_payment_method]", card.id.as_str())];
    ls.ok(&post(&format!("/v1/customers/{}", customer.id), &default_pm));
    let legacy = [
        ("customer", customer.id.as_str()),
        ("items[0][plan]", &id(&plan)),
        ("items[0][quantity]", "2"),
        ("expand[0]", "latest_invoice"),
    ];
    // DIFFERENCE: our `Subscription` cannot read localstripe's: its items have a legacy `plan`
    // and no `price` (nor the item's `current_period_start`/`_end`, which Stripe moved there
    // from the subscription in 2025-03-31.basil; localstripe still has them at the top), and it
    // has no `currency`. The expanded `latest_invoice` lacks `amount_remaining` (see invoices).
    let subscription =
        ls.lacks::<Subscription>(&post("/v1/subscriptions", &legacy), "items.data[0]", "price");
    assert_eq!((&subscription["status"], &subscription["quantity"]), (&"active".into(), &2.into()));
    let item = &subscription["items"]["data"][0];
    assert_eq!((item.get("price"), &item["plan"]["id"]), (None, &id(&plan).as_str().into()));
    assert_eq!((item.get("current_period_end"), subscription.get("currency")), (None, None));
    assert!(subscription["current_period_end"].as_i64().is_some());
    let latest = &subscription["latest_invoice"];
    assert_eq!((&latest["object"], &latest["status"]), (&"invoice".into(), &"paid".into()));
    assert_eq!(latest.get("amount_remaining"), None);

    // Subscriptions list by customer and status, as the app sends it (`customer`, `status`,
    // `limit`, `starting_after` are all localstripe takes: a probe with any other parameter is
    // an unhandled 500, not a 400). Same DIFFERENCE in each listed subscription.
    let all = SubscriptionListParams {
        customer: Some(customer.id.clone()),
        status: Some("all".into()),
        list: ListParams::new().limit(10),
    };
    let listed = ls.lacks::<List<Subscription>>(
        &subscriptions::list(&all),
        "data[0].items.data[0]",
        "price",
    );
    assert_eq!(data_ids(&listed), [id(&subscription)]);
    let by_price = [("customer", customer.id.as_str()), ("price", &id(&plan))];
    assert!(matches!(
        ls.fail(&get("/v1/subscriptions", &by_price)),
        ApiError::Http { status: 500, .. }
    ));

    // Invoices list by customer: the subscription's first invoice, paid. Sorted by `date`,
    // newest first as on Stripe. It names its subscription under `parent` as Stripe does since
    // 2025-03-31.basil. DIFFERENCE: our `Invoice` cannot read localstripe's: no
    // `amount_remaining` (and no `number`, `hosted_invoice_url`, `invoice_pdf` or `due_date`,
    // which read as None); it also keeps legacy fields Stripe dropped (top-level
    // `subscription`, `date`, `charge`, `payment_intent`, `tax`), which we ignore.
    let by_customer = invoices::list(&customer.id, None, &ListParams::new().limit(10));
    let invoices = ls.lacks::<List<Invoice>>(&by_customer, "data[0]", "amount_remaining");
    let invoice = &invoices["data"][0];
    assert_eq!(invoices["data"].as_array().unwrap().len(), 1);
    assert_eq!(id(invoice), id(latest));
    assert_eq!(
        (&invoice["parent"]["type"], &invoice["parent"]["subscription_details"]["subscription"]),
        (&"subscription_details".into(), &id(&subscription).as_str().into())
    );
    assert_eq!(
        (&invoice["subscription"], &invoice["status"]),
        (&id(&subscription).as_str().into(), &"paid".into())
    );
    assert_eq!(
        (&invoice["total"], &invoice["amount_paid"], &invoice["currency"]),
        (&3000.into(), &3000.into(), &"usd".into())
    );
    assert_eq!((invoice.get("amount_remaining"), invoice.get("number")), (None, None));
    // DIFFERENCE: only `customer`, `subscription`, `limit` and `starting_after`: the app's
    // `status` filter (which Stripe has) is an unhandled 500.
    let paid = invoices::list(&customer.id, Some("paid"), &ListParams::new());
    assert!(matches!(ls.fail(&paid), ApiError::Http { status: 500, .. }));

    // Cancel: DELETE /v1/subscriptions/{id}, as on Stripe; the default list then leaves it out.
    // DIFFERENCE: `canceled_at` stays null (Stripe sets it); only `ended_at` is set. The answer
    // has the same shape our `Subscription` cannot read.
    let cancel = subscriptions::cancel(&id(&subscription), "cancel-key-1");
    let canceled = ls.lacks::<Subscription>(&cancel, "items.data[0]", "price");
    assert_eq!((&canceled["status"], &canceled["canceled_at"]), (&"canceled".into(), &Value::Null));
    assert!(canceled["ended_at"].as_i64().is_some());
    let default =
        SubscriptionListParams { customer: Some(customer.id.clone()), ..Default::default() };
    let active: List<Subscription> = ls.ok_as(&subscriptions::list(&default));
    assert!(active.data.is_empty() && !active.has_more);
    assert_eq!((active.object.as_str(), active.url.as_str()), ("list", "/v1/subscriptions"));

    // DIFFERENCE: a subscription (test setup, legacy shape) for a customer without a payment
    // method answers 404 "This customer has no payment method" (which our client reads as
    // not-found) and still stores an `incomplete` subscription with an open invoice.
    let bare = ls.create_customer(&[("name", "No card")]);
    let no_card = [("customer", bare.id.as_str()), ("items[0][plan]", &id(&plan))];
    let error = ls.fail(&post("/v1/subscriptions", &no_card));
    assert_eq!(bare_error(&error), (404, "This customer has no payment method"));
    assert!(error.is_not_found());
    let all = SubscriptionListParams {
        customer: Some(bare.id.clone()),
        status: Some("all".into()),
        ..Default::default()
    };
    let left = ls.lacks::<List<Subscription>>(
        &subscriptions::list(&all),
        "data[0].items.data[0]",
        "price",
    );
    assert_eq!(left["data"][0]["status"], "incomplete");
    let open = invoices::list(&bare.id, None, &ListParams::new());
    let open = ls.lacks::<List<Invoice>>(&open, "data[0]", "amount_remaining");
    assert_eq!(open["data"][0]["status"], "open");
}

#[test]
#[ignore = "needs localstripe; scripts/test.sh runs it"]
fn setup_intents_and_payment_intents() {
    let ls = Localstripe::start();
    let customer = ls.create_customer(&[("name", "Card holder")]);

    // SetupIntent for a card, as the app creates it (customer, usage, payment_method_types)
    // and retrieves it: our `SetupIntent` reads localstripe's, as on Stripe.
    let intent: SetupIntent =
        ls.ok_as(&setup_intents::create(&SetupIntentCreate::card(&customer.id), "seti-key-1"));
    assert!(intent.id.starts_with("seti_"));
    assert_eq!(
        (intent.status, intent.usage.as_str(), intent.payment_method_types.clone()),
        (SetupIntentStatus::RequiresPaymentMethod, "off_session", vec!["card".to_string()])
    );
    assert_eq!(intent.customer.as_ref().map(|c| c.id()), Some(customer.id.as_str()));
    assert_eq!(
        (&intent.payment_method, &intent.next_action, intent.redirect_url()),
        (&None, &None, None)
    );
    assert_eq!((&intent.mandate, &intent.last_setup_error, intent.livemode), (&None, &None, false));
    let retrieved: SetupIntent = ls.ok_as(&setup_intents::retrieve(&intent.id));
    assert_eq!(retrieved, intent);

    // Test setup (Stripe.js confirms, not the app): confirm with a test card, as on Stripe.
    let path = format!("/v1/setup_intents/{}/confirm", intent.id);
    let confirmed: SetupIntent = ls.ok_as(&post(&path, &[("payment_method", "pm_card_visa")]));
    assert_eq!(confirmed.status, SetupIntentStatus::Succeeded);
    let pm = confirmed.payment_method.as_ref().map(|pm| pm.id().to_string());
    assert!(pm.as_deref().is_some_and(|pm| pm.starts_with("pm_") && pm != "pm_card_visa"));
    let retrieved: SetupIntent = ls.ok_as(&setup_intents::retrieve(&intent.id));
    assert_eq!(retrieved, confirmed);

    // DIFFERENCE: create takes only customer, usage, payment_method_types and metadata: no
    // `confirm`, `return_url`, `payment_method_data` or `mandate_data` — so the Amazon Pay
    // setup of reference §13.6 is refused, and (a probe without them) its type too.
    let amazon_pay = SetupIntentCreate::amazon_pay(
        &customer.id,
        "https://example.com/back",
        "203.0.113.7",
        "Mozilla/5.0 (X11)",
    );
    let error = ls.fail(&setup_intents::create(&amazon_pay, "seti-key-2"));
    assert_eq!(
        bare_error(&error),
        (400, "Unexpected confirm, return_url, payment_method_data, mandate_data")
    );
    let amazon_pay = [
        ("customer", customer.id.as_str()),
        ("payment_method_types[0]", "amazon_pay"),
        ("usage", "off_session"),
    ];
    assert_eq!(bare_error(&ls.fail(&post("/v1/setup_intents", &amazon_pay))), (400, "Bad request"));

    // Test setup (the app never creates PaymentIntents): our `PaymentIntent` reads it.
    let payment = [("amount", "2000"), ("currency", "usd"), ("customer", customer.id.as_str())];
    let payment: PaymentIntent = ls.ok_as(&post("/v1/payment_intents", &payment));
    assert_eq!(
        (payment.status, payment.amount, payment.currency.as_str()),
        (PaymentIntentStatus::RequiresPaymentMethod, 2000, "usd")
    );
    assert_eq!(payment.customer.as_ref().map(|c| c.id()), Some(customer.id.as_str()));

    // PaymentIntents: the plain list (`limit`, `starting_after`) decodes as ours.
    let plain = PaymentIntentListParams { list: ListParams::new().limit(10), ..Default::default() };
    let listed: List<PaymentIntent> = ls.ok_as(&payment_intents::list(&plain));
    assert_eq!(listed.data, std::slice::from_ref(&payment));
    // DIFFERENCE: the list takes no filter at all — the app's `customer` and `created[gte]`/
    // `created[lte]` are refused, together or alone.
    let window = PaymentIntentListParams {
        customer: Some(customer.id.clone()),
        created_gte: Some(payment.created - 60),
        created_lte: Some(payment.created + 60),
        list: ListParams::new().limit(10),
    };
    let error = ls.fail(&payment_intents::list(&window));
    assert_eq!(bare_error(&error), (400, "Unexpected customer, created"));
    let created_only = PaymentIntentListParams { customer: None, ..window.clone() };
    let error = ls.fail(&payment_intents::list(&created_only));
    assert_eq!(bare_error(&error), (400, "Unexpected created"));
    let customer_only =
        PaymentIntentListParams { created_gte: None, created_lte: None, ..window.clone() };
    let error = ls.fail(&payment_intents::list(&customer_only));
    assert_eq!(bare_error(&error), (400, "Unexpected customer"));
}
