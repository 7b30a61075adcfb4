//! What the customer list's search box sends: a merchant types a name, an email, an id or a
//! query in Stripe's search language, and gets the query Stripe's `/v1/customers/search`
//! understands (reference §13.3).

/// How the list fetches what the box asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CustomerLookup {
    /// Nothing typed: the plain, newest-first list.
    All,
    /// A customer id: retrieve it (search does not index ids).
    Id(String),
    /// A search query for `/v1/customers/search`.
    Query(String),
}

/// Reads the search box. An email searches `email:` exactly, `cus_…` retrieves that customer,
/// text already in the query language (a `field:`/`field~` clause) is sent as typed, and other
/// text searches names: `name~` (substring) from 3 characters, `name:` (exact) below, since
/// Stripe's substring match needs at least 3.
pub fn lookup(input: &str) -> CustomerLookup {
    let text = input.trim();
    if text.is_empty() {
        return CustomerLookup::All;
    }
    if text.starts_with("cus_") && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return CustomerLookup::Id(text.to_string());
    }
    if is_query(text) {
        return CustomerLookup::Query(text.to_string());
    }
    let quoted = quote(text);
    CustomerLookup::Query(if text.contains('@') && !text.contains(char::is_whitespace) {
        format!("email:{quoted}")
    } else if text.chars().count() >= 3 {
        format!("name~{quoted}")
    } else {
        format!("name:{quoted}")
    })
}

/// Whether `text` starts like a clause of the query language (`email:`, `-name:`,
/// `metadata['k']:`, `created>`…), so a merchant who knows it can use it.
fn is_query(text: &str) -> bool {
    const FIELDS: &[&str] = &["email", "name", "phone", "created", "metadata["];
    let body = text.strip_prefix('-').unwrap_or(text);
    FIELDS.iter().any(|f| {
        body.strip_prefix(f)
            .is_some_and(|rest| f.ends_with('[') || rest.starts_with([':', '~', '>', '<', '=']))
    })
}

/// A single-quoted string of the query language, with `'` and `\` escaped.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('\'');
    for c in text.chars() {
        if c == '\'' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use CustomerLookup::{All, Id, Query};

    fn q(s: &str) -> CustomerLookup {
        Query(s.to_string())
    }

    #[test]
    fn what_a_merchant_types_becomes_a_query() {
        assert_eq!(lookup("   "), All);
        assert_eq!(lookup(" jenny@example.com "), q("email:'jenny@example.com'"));
        assert_eq!(lookup("Rosen"), q("name~'Rosen'"));
        assert_eq!(lookup("Jenny Rosen"), q("name~'Jenny Rosen'"));
        assert_eq!(lookup("Al"), q("name:'Al'"));
        assert_eq!(lookup("cus_NffrFeUfNV2Hib"), Id("cus_NffrFeUfNV2Hib".into()));
        // An @ inside a longer phrase is a name search, not an email.
        assert_eq!(lookup("Bob @ Acme"), q("name~'Bob @ Acme'"));
    }

    #[test]
    fn quotes_and_backslashes_are_escaped() {
        assert_eq!(lookup("O'Brien"), q(r"name~'O\'Brien'"));
        assert_eq!(lookup(r"a\b"), q(r"name~'a\\b'"));
        assert_eq!(quote(""), "''");
    }

    #[test]
    fn query_language_passes_through() {
        for typed in [
            "email:'a@b.c'",
            "-name:'x'",
            "metadata['tier']:'gold'",
            "created>1700000000 AND name~'ann'",
            "name~'ros'",
            "phone:'+15555550100'",
        ] {
            assert_eq!(lookup(typed), q(typed), "{typed}");
        }
        // A word that merely starts like a field is a name.
        assert_eq!(lookup("Emailia"), q("name~'Emailia'"));
        assert_eq!(lookup("cus_ with space"), q("name~'cus_ with space'"));
    }
}
