//! The names a manifest may use: permissions, viewports, and the "did you mean" helper.

/// Permission names accepted in `permissions[].permission`: the enum of Stripe's
/// `stripe-app.schema.json` (stripe/stripe-apps 9b14b71), typos included
/// (`apply_pay_domain_*`, `shpping_rate_write`), since that is what the upload checks against.
pub const KNOWN_PERMISSIONS: &[&str] = &[
    "account_link_write",
    "application_fee_read",
    "application_fee_write",
    "apply_pay_domain_read",
    "apply_pay_domain_write",
    "balance_read",
    "balance_transaction_source_read",
    "billing_clock_read",
    "billing_clock_write",
    "capital_for_platforms_financing_offer_read",
    "charge_read",
    "charge_write",
    "checkout_session_read",
    "checkout_session_write",
    "connected_account_read",
    "coupon_read",
    "coupon_write",
    "credit_note_read",
    "credit_note_write",
    "customer_portal_read",
    "customer_portal_write",
    "customer_read",
    "customer_write",
    "dispute_read",
    "dispute_write",
    "edit_link_write",
    "elements_write",
    "event_read",
    "file_read",
    "file_write",
    "invoice_read",
    "invoice_write",
    "issuing_authorization_read",
    "issuing_authorization_write",
    "issuing_card_read",
    "issuing_card_write",
    "issuing_cardholder_read",
    "issuing_cardholder_write",
    "issuing_dispute_read",
    "issuing_dispute_write",
    "issuing_transaction_read",
    "issuing_transaction_write",
    "mandate_read",
    "mandate_write",
    "order_read",
    "order_write",
    "payment_intent_read",
    "payment_intent_write",
    "payment_links_read",
    "payment_links_write",
    "payment_method_read",
    "payment_method_write",
    "payout_read",
    "payout_write",
    "plan_read",
    "plan_write",
    "product_read",
    "product_write",
    "quote_read",
    "quote_write",
    "report_runs_and_report_types_read",
    "secret_write",
    "setup_intent_read",
    "setup_intent_write",
    "shipping_rate_read",
    "shpping_rate_write",
    "sku_read",
    "sku_write",
    "source_read",
    "source_write",
    "stripecli_session_write",
    "subscription_read",
    "subscription_write",
    "tax_rate_read",
    "tax_rate_write",
    "token_read",
    "token_write",
    "top_up_read",
    "top_up_write",
    "transfer_read",
    "transfer_write",
    "usage_record_read",
    "usage_record_write",
    "user_email_read",
    "webhook_read",
    "webhook_write",
];

/// Viewport IDs a view may target: the schema enum, then the IDs only the docs and SDK know
/// (`stripe.dashboard.fullpage`, `stripe.dashboard.shipping-rates.*`), then `app.settings`,
/// our name for the settings page (see [`canonical_viewport`]).
pub const KNOWN_VIEWPORTS: &[&str] = &[
    "onboarding",
    "settings",
    "stripe.dashboard.balance.overview",
    "stripe.dashboard.billing.overview",
    "stripe.dashboard.customer.detail",
    "stripe.dashboard.customer.detail.page-module",
    "stripe.dashboard.customer.list",
    "stripe.dashboard.drawer.default",
    "stripe.dashboard.home.overview",
    "stripe.dashboard.invoice.detail",
    "stripe.dashboard.invoice.detail.page-module",
    "stripe.dashboard.invoice.list",
    "stripe.dashboard.payment-link.detail",
    "stripe.dashboard.payment-link.list",
    "stripe.dashboard.payment.detail",
    "stripe.dashboard.payment.list",
    "stripe.dashboard.product.detail",
    "stripe.dashboard.product.list",
    "stripe.dashboard.report.overview",
    "stripe.dashboard.revenue-recognition.overview",
    "stripe.dashboard.subscription.detail",
    "stripe.dashboard.subscription.list",
    "stripe.dashboard.tax-report.overview",
    // Docs/SDK only (not in the schema enum):
    "stripe.dashboard.fullpage",
    "stripe.dashboard.shipping-rates.list",
    "stripe.dashboard.shipping-rates.detail",
    // Ours: the seed docs' name for the settings page.
    "app.settings",
];

/// The viewport a view ID stands for: `app.settings` and `settings` are the same settings page,
/// so both map to `settings`; every other ID maps to itself.
pub fn canonical_viewport(id: &str) -> &str {
    if id == "app.settings" {
        "settings"
    } else {
        id
    }
}

/// The candidate closest to `word` by edit distance, if it is close enough to be a typo.
pub(crate) fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).clamp(1, 3);
    candidates
        .iter()
        .map(|c| (edit_distance(word, c), *c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over chars (two-row dynamic programming).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// `did you mean "x"? ` (with trailing space) when a close candidate exists, else "".
pub(crate) fn did_you_mean(word: &str, candidates: &[&str]) -> String {
    closest(word, candidates).map_or_else(String::new, |c| format!("did you mean \"{c}\"? "))
}
