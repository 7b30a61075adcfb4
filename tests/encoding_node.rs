//! Our Stripe form encoding (`api::form::flatten` + `encode_pairs`, and `ApiRequest`'s query
//! string for GET) against the official `stripe` npm package, byte for byte.
//!
//! Every case of `tests/encoding/cases.json` goes, as JSON on stdin, to
//! `node tests/encoding/stripe_node.mjs`, which makes real stripe-node calls
//! (`customers.update('cus_1', params)` for the POST body, `customers.list(params)` for the GET
//! query) through a capturing HttpClient that never touches the network. The package is pinned in
//! `package.json` and installed by `scripts/setup.sh` (`npm ci`); without it this test fails.
//!
//! Key order: the inputs cross to node as serde_json serialised them, so both sides see the same
//! order (insertion order natively, where serde_json has `preserve_order`; sorted otherwise).
//! JavaScript objects then list array-index keys (`"0"`, `"10"`) first, in numeric order, and
//! `flatten` does the same; the "integer-like keys" case checks it.
//!
//! `request_builders_encode_like_stripe_node` does the same for our request builders
//! (`setup_intents::create`, `subscriptions::create`, `customers::search`, `secrets::find`, …):
//! their body or query string against stripe-node's for the params a stripe-node caller would
//! pass.
//!
//! One known divergence, outside the encoder: stripe-node adds `?` to a GET path whenever the
//! params object has a key, even if nothing is encoded (`{"expand": []}` → `/v1/customers?`);
//! `ApiRequest` leaves the bare `?` off. Both mean the same request.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use stripe_app::api::form::{encode_pairs, flatten};
use stripe_app::api::pagination::{ListParams, SearchParams};
use stripe_app::api::payment_intents::PaymentIntentListParams;
use stripe_app::api::prices::PriceListParams;
use stripe_app::api::secrets::Scope;
use stripe_app::api::setup_intents::SetupIntentCreate;
use stripe_app::api::subscriptions::SubscriptionCreate;
use stripe_app::api::{customers, payment_intents, prices, secrets, setup_intents, subscriptions};
use stripe_app::api::{ApiRequest, Method};

const CASES: &str = include_str!("encoding/cases.json");

/// What stripe-node sent for one params object.
struct Theirs {
    post_body: String,
    post_path: String,
    get_path: String,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// The cases: `(name, params)`, in file order.
fn cases() -> Vec<(String, Value)> {
    let all: Value = serde_json::from_str(CASES).expect("tests/encoding/cases.json is JSON");
    all.as_array()
        .expect("cases.json is an array")
        .iter()
        .map(|case| {
            let name = case["name"].as_str().expect("every case has a name").to_string();
            assert!(case["params"].is_object(), "case {name:?}: params must be an object");
            (name, case["params"].clone())
        })
        .collect()
}

/// Fails (never skips) unless the `stripe` version pinned in package.json is installed.
fn require_stripe_node() {
    let pinned = read_json(&root().join("package.json"))["devDependencies"]["stripe"]
        .as_str()
        .expect("package.json pins `stripe` in devDependencies")
        .to_string();
    let installed = root().join("node_modules/stripe/package.json");
    assert!(
        installed.exists(),
        "node_modules/stripe is missing: this test compares our encoder with the official \
         `stripe` npm package ({pinned}). Run scripts/setup.sh (it runs `npm ci`), then retry."
    );
    let version = read_json(&installed)["version"].as_str().unwrap_or("?").to_string();
    assert_eq!(
        version, pinned,
        "node_modules/stripe is {version} but package.json pins {pinned}: run scripts/setup.sh"
    );
}

/// Runs stripe-node on every params object, in one node process.
fn stripe_node(inputs: &[Value]) -> Vec<Theirs> {
    require_stripe_node();
    let mut child = Command::new("node")
        .arg("tests/encoding/stripe_node.mjs")
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run `node` (Node.js >= 20 is needed): {e}"));
    let input = serde_json::to_string(inputs).unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).expect("write node's stdin");
    let out = child.wait_with_output().expect("wait for node");
    assert!(
        out.status.success(),
        "node tests/encoding/stripe_node.mjs failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let results: Value = serde_json::from_slice(&out.stdout).expect("node printed JSON");
    let results = results.as_array().expect("node printed an array");
    assert_eq!(results.len(), inputs.len(), "node answered every input");
    let field = |r: &Value, k: &str| r[k].as_str().unwrap_or_else(|| panic!("{k}: {r}")).into();
    results
        .iter()
        .map(|r| Theirs {
            post_body: field(r, "post_body"),
            post_path: field(r, "post_path"),
            get_path: field(r, "get_path"),
        })
        .collect()
}

/// Our body for `POST /v1/customers/cus_1` and path for `GET /v1/customers`.
fn ours(params: &Value) -> (ApiRequest, ApiRequest) {
    let pairs = flatten(params);
    let post = ApiRequest::new(Method::Post, "/v1/customers/cus_1", &pairs);
    assert_eq!(post.body.as_deref(), Some(encode_pairs(&pairs).as_str()));
    (post, ApiRequest::new(Method::Get, "/v1/customers", &pairs))
}

#[test]
fn every_case_encodes_exactly_like_stripe_node() {
    let cases = cases();
    assert!(cases.len() >= 25, "only {} cases", cases.len());
    let inputs: Vec<Value> = cases.iter().map(|(_, p)| p.clone()).collect();
    let theirs = stripe_node(&inputs);

    let mut failures = Vec::new();
    for ((name, params), theirs) in cases.iter().zip(&theirs) {
        let (post, get) = ours(params);
        // The documented bare-`?` divergence (module docs): compare without it.
        let their_get = theirs.get_path.strip_suffix('?').unwrap_or(&theirs.get_path);
        let checks = [
            ("POST body", post.body.as_deref().unwrap_or(""), theirs.post_body.as_str()),
            ("POST path", post.path.as_str(), theirs.post_path.as_str()),
            ("GET path", get.path.as_str(), their_get),
        ];
        for (what, ours, theirs) in checks {
            if ours != theirs {
                failures.push(format!(
                    "case {name:?}, {what}\n  input:  {params}\n  ours:   {ours}\n  theirs: {theirs}"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} checks differ from stripe-node:\n{}",
        failures.len(),
        cases.len() * 3,
        failures.join("\n")
    );
}

#[test]
fn stripe_node_keeps_a_bare_question_mark_that_we_drop() {
    // Pins the one known divergence, so the module docs stay true if stripe-node changes.
    let params = serde_json::json!({"expand": [], "metadata": {}});
    let theirs = stripe_node(std::slice::from_ref(&params));
    let (post, get) = ours(&params);
    assert_eq!(theirs[0].post_body, "");
    assert_eq!(post.body.as_deref(), Some(""));
    assert_eq!(theirs[0].get_path, "/v1/customers?");
    assert_eq!(get.path, "/v1/customers");
}

#[test]
fn the_comparison_is_not_vacuous() {
    // A sanity check on the harness: stripe-node's answers are non-trivial and case-specific.
    let inputs = [serde_json::json!({"expand": ["a b"]}), serde_json::json!({"x": "é"})];
    let theirs = stripe_node(&inputs);
    assert_eq!(theirs[0].post_body, "expand[0]=a%20b");
    assert_eq!(theirs[0].get_path, "/v1/customers?expand[0]=a%20b");
    assert_eq!(theirs[1].post_body, "x=%C3%A9");
    assert_eq!(theirs[1].post_path, "/v1/customers/cus_1");
}

#[test]
fn numbers_from_random_bit_patterns_match_stripe_node() {
    // Floats across the whole range (a fixed xorshift sequence of bit patterns; non-finite ones
    // skipped), plus integers near the boundaries, all in one params object.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut floats = Vec::new();
    while floats.len() < 3000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let f = f64::from_bits(state);
        if f.is_finite() {
            // Mix in short decimals too, the values real params carry.
            floats.push(f);
            floats.push((f.abs().ln().abs() * 100.0).round() / 100.0);
        }
    }
    let ints = [0i64, 1, -1, 999_999, 1 << 31, -(1 << 31), (1 << 53) - 1, -(1 << 53) + 1];
    let params = serde_json::json!({"f": floats, "i": ints});
    let theirs = stripe_node(std::slice::from_ref(&params));
    let (post, _) = ours(&params);
    let (ours, theirs) = (post.body.unwrap(), &theirs[0].post_body);
    if &ours != theirs {
        let mismatches: Vec<String> = ours
            .split('&')
            .zip(theirs.split('&'))
            .filter(|(a, b)| a != b)
            .take(10)
            .map(|(a, b)| format!("  ours {a}  theirs {b}"))
            .collect();
        panic!("numbers differ from stripe-node:\n{}", mismatches.join("\n"));
    }
}

/// Our request builders against stripe-node given the params a stripe-node caller would pass
/// (keys in the order our builders write them): a POST body, or a GET query string.
#[test]
fn request_builders_encode_like_stripe_node() {
    use serde_json::json;
    let ua = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Safari/605.1";
    let cases: Vec<(&str, ApiRequest, Value)> = vec![
        (
            "SetupIntent for Amazon Pay (reference 13.6)",
            setup_intents::create(
                &SetupIntentCreate::amazon_pay(
                    "cus_1",
                    "https://example.com/back?s=1&t=ü",
                    "2001:db8::1",
                    ua,
                ),
                "k",
            ),
            json!({
                "confirm": true,
                "return_url": "https://example.com/back?s=1&t=ü",
                "usage": "off_session",
                "customer": "cus_1",
                "payment_method_data": {"type": "amazon_pay"},
                "payment_method_types": ["amazon_pay"],
                "mandate_data": {"customer_acceptance": {
                    "type": "online",
                    "online": {"ip_address": "2001:db8::1", "user_agent": ua},
                }},
            }),
        ),
        (
            "SetupIntent for a card",
            setup_intents::create(&SetupIntentCreate::card("cus_1"), "k"),
            json!({"usage": "off_session", "customer": "cus_1", "payment_method_types": ["card"]}),
        ),
        (
            "subscription create (reference 13.7)",
            subscriptions::create(
                &SubscriptionCreate::new("cus_1", "price_1")
                    .quantity(3)
                    .default_payment_method("pm_1")
                    .off_session(true),
                "k",
            ),
            json!({
                "customer": "cus_1",
                "items": [{"price": "price_1", "quantity": 3}],
                "default_payment_method": "pm_1",
                "off_session": true,
                "expand": ["latest_invoice"],
            }),
        ),
        (
            "customer search",
            customers::search(
                &SearchParams::new(r#"email~"zoë+1@x.co" AND metadata['tier']:'gold'"#)
                    .limit(20)
                    .page("pg_abc="),
            ),
            json!({"query": r#"email~"zoë+1@x.co" AND metadata['tier']:'gold'"#, "limit": 20, "page": "pg_abc="}),
        ),
        (
            "secrets find",
            secrets::find(&Scope::User("usr_1".into()), "oauth/token"),
            json!({"name": "oauth/token", "scope": {"type": "user", "user": "usr_1"}, "expand": ["payload"]}),
        ),
        (
            "secrets set",
            secrets::set(&Scope::Account, "api key", "a=b&c", Some(1_900_000_000), "k"),
            json!({"name": "api key", "payload": "a=b&c", "scope": {"type": "account"}, "expires_at": 1_900_000_000}),
        ),
        (
            "prices with the product expanded",
            prices::list(&PriceListParams {
                product: Some("prod_1".into()),
                active: Some(true),
                recurring_only: true,
                expand_product: true,
                list: ListParams::new().limit(100),
            }),
            json!({"product": "prod_1", "active": true, "type": "recurring", "limit": 100, "expand": ["data.product"]}),
        ),
        (
            "payment intents in a created range",
            payment_intents::list(&PaymentIntentListParams {
                customer: Some("cus_1".into()),
                created_gte: Some(1_700_000_000),
                created_lte: Some(1_800_000_000),
                list: ListParams::new().limit(5).starting_after("pi_1"),
            }),
            json!({"customer": "cus_1", "created": {"gte": 1_700_000_000, "lte": 1_800_000_000}, "limit": 5, "starting_after": "pi_1"}),
        ),
    ];
    let inputs: Vec<Value> = cases.iter().map(|(_, _, params)| params.clone()).collect();
    let theirs = stripe_node(&inputs);
    let mut failures = Vec::new();
    for ((name, req, _), theirs) in cases.iter().zip(&theirs) {
        let (ours, theirs) = match req.method {
            Method::Post => (req.body.clone().unwrap_or_default(), theirs.post_body.clone()),
            _ => {
                let query = theirs.get_path.split_once('?').map_or("", |(_, q)| q);
                (req.query().to_string(), query.to_string())
            }
        };
        if ours != theirs {
            failures.push(format!("{name}\n  ours:   {ours}\n  theirs: {theirs}"));
        }
    }
    assert!(failures.is_empty(), "builders differ from stripe-node:\n{}", failures.join("\n"));
}
