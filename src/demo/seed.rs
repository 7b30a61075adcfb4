//! The seeded demo customers: drawn from the tables in `seed_data` by a fixed-seed PRNG, plus
//! the hand-written ones in `specials`. Everything is a pure function of the seed: no real
//! clock, no OS randomness.

use super::rng::SplitMix64;
use super::seed_data::{Country, Place, Street, ACCOUNT_MANAGERS, COMPANIES, COUNTRIES};
use super::seed_data::{DESCRIPTIONS, PLAN_TIERS};
use super::specials::specials;
use super::DEMO_NOW;
use crate::api::types::{Address, Customer};
use std::collections::BTreeSet;

/// The demo account's seed.
pub const SEED: u64 = 0x5EED_2026_1121;
/// Generated customers; the hand-written ones come on top.
const RANDOM_CUSTOMERS: usize = 66;
/// `created` values fall in the three years before `DEMO_NOW`.
const SPAN: i64 = 3 * 365 * 86_400;

/// The seeded customers, oldest first, with distinct `created` values.
pub(super) fn customers(rng: &mut SplitMix64) -> Vec<Customer> {
    let mut slots: Vec<Option<Customer>> = vec![None; RANDOM_CUSTOMERS];
    for (index, special) in specials(rng) {
        slots.insert(index, Some(special));
    }
    let slot = SPAN / slots.len() as i64;
    let (mut names, mut emails, mut ids) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    let mut generated = 0;
    let mut out = Vec::with_capacity(slots.len());
    for (i, slot_customer) in slots.into_iter().enumerate() {
        let mut c = slot_customer.unwrap_or_else(|| {
            generated += 1;
            random_customer(rng, generated, &mut names, &mut emails)
        });
        c.created = DEMO_NOW - SPAN + i as i64 * slot + rng.below(slot as u64) as i64;
        c.id = loop {
            let id = format!("cus_{}", rng.alnum(14));
            if ids.insert(id.clone()) {
                break id;
            }
        };
        c.invoice_prefix = loop {
            let prefix = format!("{:08X}", rng.next_u64() as u32);
            if ids.insert(prefix.clone()) {
                break Some(prefix);
            }
        };
        out.push(c);
    }
    out
}

pub(super) fn blank() -> Customer {
    Customer {
        id: String::new(),
        object: "customer".into(),
        address: None,
        balance: 0,
        created: 0,
        currency: None,
        delinquent: Some(false),
        description: None,
        email: None,
        invoice_prefix: None,
        livemode: false,
        metadata: Default::default(),
        name: None,
        phone: None,
        preferred_locales: Vec::new(),
        tax_exempt: Some("none".into()),
    }
}

pub(super) fn country(code: &str) -> &'static Country {
    COUNTRIES.iter().find(|c| c.code == code).unwrap_or(&COUNTRIES[0])
}

/// Replaces `{a}` with `area`, each `#` with a random digit and each `@` with a non-zero one.
pub(super) fn fill(rng: &mut SplitMix64, template: &str, area: &str) -> String {
    let digit =
        |rng: &mut SplitMix64, low: u64| char::from(b'0' + (low + rng.below(10 - low)) as u8);
    let filled = template.replace("{a}", area);
    filled
        .chars()
        .map(|ch| match ch {
            '#' => digit(rng, 0),
            '@' => digit(rng, 1),
            _ => ch,
        })
        .collect()
}

pub(super) fn address(rng: &mut SplitMix64, country: &Country, place: &Place) -> Address {
    let &(city, state, postal, _, street) = place;
    let n = 1 + rng.below(if country.code == "US" { 2400 } else { 180 });
    let line1 = match country.street {
        Street::NumberFirst => format!("{n} {street}"),
        Street::NumberLast => format!("{street} {n}"),
        Street::NumberAfterComma => format!("{street}, {n}"),
        Street::Chome => {
            format!("{}-{}-{} {street}", 1 + n % 6, 1 + rng.below(30), 1 + rng.below(20))
        }
    };
    let line2 = rng.percent(25).then(|| fill(rng, country.line2, ""));
    Address {
        city: Some(city.into()),
        country: Some(country.code.into()),
        line1: Some(line1),
        line2,
        postal_code: Some(postal.into()),
        state: state.map(String::from),
    }
}

fn weighted_country(rng: &mut SplitMix64) -> &'static Country {
    let mut roll = rng.below(100);
    for c in COUNTRIES {
        if roll < c.weight {
            return c;
        }
        roll -= c.weight;
    }
    &COUNTRIES[0]
}

/// Lower-case ASCII for an email local part: `Jürgen` → `juergen`, `O'Brien` → `obrien`.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for ch in name.to_lowercase().chars() {
        match ch {
            'a'..='z' | '0'..='9' | '-' => out.push(ch),
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            'á' | 'à' | 'â' | 'ã' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'í' | 'î' | 'ï' => out.push('i'),
            'ó' | 'ô' | 'õ' => out.push('o'),
            'ú' | 'û' => out.push('u'),
            'ç' => out.push('c'),
            _ => {}
        }
    }
    out
}

fn random_customer(
    rng: &mut SplitMix64,
    n: usize,
    names: &mut BTreeSet<String>,
    emails: &mut BTreeSet<String>,
) -> Customer {
    let country = weighted_country(rng);
    let (first, last) = loop {
        let (f, l) = (*rng.pick(country.first), *rng.pick(country.last));
        if names.insert(format!("{f} {l}")) {
            break (f, l);
        }
    };
    let place = rng.pick(country.places);
    let business = rng.percent(35);
    let (f, l) = (slug(first), slug(last));
    let local = match (business, rng.below(4)) {
        (true, 0 | 1) => f.clone(),
        (_, 0) => format!("{}{l}", &f[..1]),
        (_, 1) => format!("{f}_{l}"),
        (_, 2) => format!("{f}.{l}"),
        _ => format!("{f}{l}{}", 10 + rng.below(90)),
    };
    let domain = match business {
        true => format!("{}.{}", rng.pick(COMPANIES), country.tld),
        false => rng.pick(country.mail).to_string(),
    };
    let mut email = format!("{local}@{domain}");
    while !emails.insert(email.clone()) {
        email = format!("{local}{}@{domain}", rng.below(100));
    }

    let mut c = blank();
    c.name = Some(format!("{first} {last}"));
    c.email = Some(email);
    c.phone = rng.percent(80).then(|| fill(rng, country.phone, place.3));
    c.address = rng.percent(85).then(|| address(rng, country, place));
    match n % 13 {
        4 => {
            c.delinquent = Some(true);
            c.balance = if rng.percent(50) { 100 * (20 + rng.below(900) as i64) } else { 0 };
        }
        7 => c.balance = 100 * (5 + rng.below(2500) as i64),
        11 => c.balance = -100 * (10 + rng.below(500) as i64),
        _ => {}
    }
    let billed = c.balance != 0 || c.delinquent == Some(true) || !rng.percent(15);
    c.currency = billed.then(|| country.currency.to_string());
    if rng.percent(50) {
        let locale = if place.0 == "Montréal" { "fr-CA" } else { country.locale };
        c.preferred_locales.push(locale.into());
    }
    if rng.percent(40) {
        c.metadata.insert("crm_id".into(), format!("CRM-{:05}", rng.below(100_000)));
        let tier = *rng.pick(PLAN_TIERS);
        if tier != "starter" && rng.percent(60) {
            c.metadata.insert("account_manager".into(), rng.pick(ACCOUNT_MANAGERS).to_string());
        }
        c.metadata.insert("plan_tier".into(), tier.into());
    }
    if rng.percent(22) {
        c.description = Some(rng.pick(DESCRIPTIONS).to_string());
    }
    if business && matches!(country.code, "DE" | "FR") && rng.percent(40) {
        c.tax_exempt = Some("reverse".into());
    } else if n % 29 == 17 {
        c.tax_exempt = Some("exempt".into());
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_makes_ascii_email_parts() {
        assert_eq!(slug("Jürgen"), "juergen");
        assert_eq!(slug("O'Brien"), "obrien");
        assert_eq!(slug("Lefèvre-Dubois"), "lefevre-dubois");
        assert_eq!(slug("Côté"), "cote");
    }
}
