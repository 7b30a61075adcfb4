//! Hand-written demo customers that make views prove they render text only, cope with long
//! and non-Latin names, and fall back when a customer has no name or no email.

use super::rng::SplitMix64;
use super::seed::{address, blank, country, fill};
use crate::api::types::Customer;

/// Hand-written customers, each with the index it takes in the oldest-first sequence (the
/// highest ones land on the first page of the list).
pub(super) fn specials(rng: &mut SplitMix64) -> Vec<(usize, Customer)> {
    let mut at = |code: &str, place: usize, name: Option<&str>, email: Option<&str>| {
        let country = country(code);
        let place = &country.places[place];
        let mut c = blank();
        c.name = name.map(String::from);
        c.email = email.map(String::from);
        c.phone = Some(fill(rng, country.phone, place.3));
        c.address = Some(address(rng, country, place));
        c.currency = Some(country.currency.into());
        c
    };

    let mut walk_in = at("US", 1, None, None);
    walk_in.description = Some("Walk-in customer (point of sale), no contact details".into());
    walk_in.address = None;

    let mut zoe = at("FR", 0, Some("Zoë Lefèvre-Dubois"), Some("zoe.lefevre-dubois@orange.fr"));
    zoe.preferred_locales = vec!["fr".into()];
    zoe.description = Some("Prefers invoices in French".into());

    let mut hanako = at("JP", 0, Some("山田 花子"), Some("hanako.yamada@yahoo.co.jp"));
    hanako.preferred_locales = vec!["ja".into()];

    let mut long = at(
        "DE",
        2,
        Some("Maximilian Alexander Freiherr von Hohenzollern-Sigmaringen"),
        Some("m.hohenzollern-sigmaringen@kestrel-labs.de"),
    );
    long.metadata.insert("plan_tier".into(), "enterprise".into());
    long.tax_exempt = Some("reverse".into());

    let mut aoife = at("US", 6, Some("Aoife O'Brien"), Some("aoife.obrien@gmail.com"));
    aoife.balance = -2_500;
    aoife.metadata.insert("crm_id".into(), "CRM-00417".into());

    let mut no_name = at("AU", 3, None, Some("billing@tidewater.com.au"));
    no_name.currency = None;

    // NB: markup in free text, so views must render it as text, never as HTML.
    let mut mallory = at("US", 1, Some("Mallory Quinn"), Some("mallory@oakline.com"));
    mallory.description =
        Some(r#"<script>alert("demo")</script><img src=x onerror=alert(1)> & "quotes""#.into());
    mallory.metadata.insert("note".into(), "<b>not bold</b>".into());

    vec![
        (20, walk_in),
        (52, zoe),
        (60, hanako),
        (64, long),
        (67, aoife),
        (70, no_name),
        (72, mallory),
    ]
}
