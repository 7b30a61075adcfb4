//! The app's typed requests against the demo account, decoded with the app's types: the two
//! halves of the preview (client and backend) agree on every endpoint the views use. Written as
//! the merchant's journey: find a customer, set up Amazon Pay, subscribe, see the first invoice
//! and payment, cancel; then the settings secret.

use futures::executor::block_on;
use futures::StreamExt;
use stripe_app::api::error::interpret;
use stripe_app::api::pagination::{pages, ListParams, SearchParams};
use stripe_app::api::payment_intents::{self, PaymentIntentListParams};
use stripe_app::api::prices::{self, PriceListParams};
use stripe_app::api::secrets::{self, Scope};
use stripe_app::api::setup_intents::{self, SetupIntentCreate};
use stripe_app::api::subscriptions::{self, SubscriptionCreate, SubscriptionListParams};
use stripe_app::api::types::{
    Customer, Invoice, InvoiceStatus, List, PaymentIntent, PaymentMethod, Price, SearchResult,
    Secret, SetupIntent, SetupIntentStatus, Subscription, SubscriptionStatus,
};
use stripe_app::api::{customers, invoices, payment_methods, ApiError, ApiRequest};
use stripe_app::demo::DemoAccount;

#[allow(clippy::result_large_err)] // ApiError as the client returns it
fn call<T: serde::de::DeserializeOwned>(
    account: &mut DemoAccount,
    req: &ApiRequest,
) -> Result<T, ApiError> {
    interpret(account.handle(req))
}

fn ok<T: serde::de::DeserializeOwned>(account: &mut DemoAccount, req: &ApiRequest) -> T {
    call(account, req).unwrap_or_else(|e| panic!("{} {}: {e}", req.method.as_str(), req.path))
}

/// A usd customer without subscriptions, found through search by their email.
fn found_by_email(account: &mut DemoAccount) -> Customer {
    let everyone: Vec<Customer> = account.customers().to_vec();
    let candidate = everyone
        .iter()
        .rev()
        .find(|c| {
            let subs: List<Subscription> =
                interpret(account.handle(&subscriptions::list(&SubscriptionListParams {
                    customer: Some(c.id.clone()),
                    status: Some("all".into()),
                    ..Default::default()
                })))
                .unwrap();
            c.currency.as_deref() == Some("usd") && subs.data.is_empty() && c.email.is_some()
        })
        .expect("a usd customer without subscriptions");
    let email = candidate.email.clone().unwrap();
    let query = format!("email:'{email}'");
    let hits: SearchResult<Customer> = ok(account, &customers::search(&SearchParams::new(query)));
    assert_eq!(hits.data.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), [&candidate.id]);
    hits.data.into_iter().next().unwrap()
}

#[test]
fn a_merchant_sets_up_amazon_pay_subscribes_and_cancels() {
    let mut account = DemoAccount::seeded();
    let customer = found_by_email(&mut account);

    // Amazon Pay for future payments: the intent waits for the customer at the redirect.
    let setup = SetupIntentCreate::amazon_pay(
        &customer.id,
        "https://dashboard.stripe.com/test/customers",
        "203.0.113.7",
        "Mozilla/5.0",
    );
    let intent: SetupIntent = ok(&mut account, &setup_intents::create(&setup, "key-setup"));
    assert_eq!(intent.status, SetupIntentStatus::RequiresAction);
    assert!(intent.redirect_url().is_some_and(|u| u.starts_with("https://")));
    // A retry of the same action replays the same intent.
    let again: SetupIntent = ok(&mut account, &setup_intents::create(&setup, "key-setup"));
    assert_eq!(again.id, intent.id);
    account.authorize_setup_intent(&intent.id, true).unwrap();
    let done: SetupIntent = ok(&mut account, &setup_intents::retrieve(&intent.id));
    assert_eq!(done.status, SetupIntentStatus::Succeeded);
    let pm_id = done.payment_method.as_ref().map(|p| p.id().to_string()).unwrap();
    let saved: List<PaymentMethod> =
        ok(&mut account, &payment_methods::list(&customer.id, None, &ListParams::new()));
    let amazon = saved.data.iter().find(|p| p.id == pm_id).expect("listed");
    assert_eq!(amazon.kind, "amazon_pay");

    // Subscribe to a recurring usd price with it, off session.
    let prices: List<Price> = ok(
        &mut account,
        &prices::list(&PriceListParams {
            active: Some(true),
            recurring_only: true,
            expand_product: true,
            ..Default::default()
        }),
    );
    let price = prices.data.iter().find(|p| p.currency == "usd").expect("a usd price");
    assert!(price.product.object().is_some(), "product expanded");
    let create = SubscriptionCreate::new(&customer.id, &price.id)
        .default_payment_method(&pm_id)
        .off_session(true);
    let sub: Subscription = ok(&mut account, &subscriptions::create(&create, "key-subscribe"));
    assert_eq!(sub.status, SubscriptionStatus::Active);
    let first = sub.latest_invoice.as_ref().and_then(|i| i.object()).expect("expanded invoice");
    assert_eq!(first.status, Some(InvoiceStatus::Paid));
    assert_eq!(first.amount_paid, price.unit_amount.unwrap());
    assert!(sub.current_period_end().is_some_and(|end| end > sub.created));

    // The invoice and the payment show up where the detail view looks for them.
    let invoices: List<Invoice> =
        ok(&mut account, &invoices::list(&customer.id, None, &ListParams::new()));
    assert_eq!(invoices.data[0].id, first.id);
    assert_eq!(invoices.data[0].subscription_id(), Some(sub.id.as_str()));
    let payments: List<PaymentIntent> = ok(
        &mut account,
        &payment_intents::list(&PaymentIntentListParams {
            customer: Some(customer.id.clone()),
            created_gte: Some(sub.created - 60),
            ..Default::default()
        }),
    );
    assert_eq!(payments.data.len(), 1);
    assert_eq!(payments.data[0].amount, price.unit_amount.unwrap());

    // Cancel; the default list then leaves it out, status=all keeps it.
    let canceled: Subscription = ok(&mut account, &subscriptions::cancel(&sub.id, "key-cancel"));
    assert_eq!(canceled.status, SubscriptionStatus::Canceled);
    assert!(canceled.canceled_at.is_some());
    let mine = |status: Option<&str>| {
        subscriptions::list(&SubscriptionListParams {
            customer: Some(customer.id.clone()),
            status: status.map(String::from),
            ..Default::default()
        })
    };
    assert!(ok::<List<Subscription>>(&mut account, &mine(None)).data.is_empty());
    assert_eq!(ok::<List<Subscription>>(&mut account, &mine(Some("all"))).data.len(), 1);
}

#[test]
fn a_declined_amazon_pay_setup_explains_itself() {
    let mut account = DemoAccount::seeded();
    let customer = found_by_email(&mut account);
    let setup = SetupIntentCreate::amazon_pay(&customer.id, "https://x.example/back", "1", "ua");
    let intent: SetupIntent = ok(&mut account, &setup_intents::create(&setup, "k"));
    account.authorize_setup_intent(&intent.id, false).unwrap();
    let failed: SetupIntent = ok(&mut account, &setup_intents::retrieve(&intent.id));
    assert_eq!(failed.status, SetupIntentStatus::RequiresPaymentMethod);
    let error = failed.last_setup_error.expect("why it failed");
    assert_eq!(error.code.as_deref(), Some("payment_method_provider_decline"));
    assert!(error.message.is_some_and(|m| m.contains("Amazon Pay")));
}

#[test]
fn the_auto_pager_walks_every_customer_once() {
    let account = DemoAccount::seeded();
    let total = account.customers().len();
    let account = std::cell::RefCell::new(account);
    let send = |req: ApiRequest| {
        let response = account.borrow_mut().handle(&req);
        async move { Ok::<_, ApiError>(response) }
    };
    let stream = pages::<Customer, _, _, _>(send, customers::list, ListParams::new().limit(20));
    let pages: Vec<List<Customer>> = block_on(stream.map(|p| p.unwrap()).collect::<Vec<_>>());
    assert_eq!(pages.len(), total.div_ceil(20));
    let mut ids: Vec<String> = pages.into_iter().flat_map(|p| p.data).map(|c| c.id).collect();
    let seen = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!((seen, ids.len()), (total, total));
}

#[test]
fn settings_live_in_one_account_scoped_secret() {
    let mut account = DemoAccount::seeded();
    let name = "customer_sync.settings";
    let missing = call::<Secret>(&mut account, &secrets::find(&Scope::Account, name)).unwrap_err();
    assert!(missing.is_not_found(), "{missing}");
    let set = secrets::set(&Scope::Account, name, r#"{"sync_on_save":true}"#, None, "key-save");
    let saved: Secret = ok(&mut account, &set);
    assert_eq!((saved.name.as_str(), &saved.scope), (name, &Scope::Account));
    let found: Secret = ok(&mut account, &secrets::find(&Scope::Account, name));
    assert_eq!(found.payload.as_deref(), Some(r#"{"sync_on_save":true}"#));
    let user = Scope::User("usr_admin".into());
    assert!(call::<Secret>(&mut account, &secrets::find(&user, name)).unwrap_err().is_not_found());
}
