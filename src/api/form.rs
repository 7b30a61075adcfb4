//! Stripe's `application/x-www-form-urlencoded` encoding, byte for byte as stripe-node sends it.
//!
//! stripe-node runs `qs.stringify` (RFC 3986: only `A-Za-z0-9-._~` stay literal, UTF-8 bytes
//! become `%XX`, space is `%20`) and then turns `%5B`/`%5D` back into `[`/`]` so nested keys
//! stay readable (reference §13.1). Path segments use `encodeURIComponent`, as its URL
//! interpolator does.

use serde_json::{Map, Number, Value};
use std::fmt::Write;

/// Encodes `key=value` pairs joined by `&`, exactly like stripe-node's `stringifyRequestData`.
pub fn encode_pairs(pairs: &[(String, String)]) -> String {
    let mut out = String::new();
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        encode_into(&mut out, k, b"[]");
        out.push('=');
        encode_into(&mut out, v, b"[]");
    }
    out
}

/// One `key=value` parameter, the value written with `ToString` (`true`, `2`).
pub(crate) fn pair(key: &str, value: impl ToString) -> (String, String) {
    (key.to_string(), value.to_string())
}

/// Percent-encodes one path segment like JavaScript's `encodeURIComponent`.
pub fn encode_path_segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    encode_into(&mut out, segment, b"!'()*");
    out
}

/// Appends `s` with every byte outside the RFC 3986 unreserved set (plus `keep`) as `%XX`.
fn encode_into(out: &mut String, s: &str, keep: &[u8]) {
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || keep.contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
}

/// Decodes a query string or form body into pairs, in order. `+` is a space; an escape that is
/// not `%` + two hex digits stays as written; invalid UTF-8 becomes U+FFFD.
pub fn decode_pairs(input: &str) -> Vec<(String, String)> {
    input
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            (decode_component(k), decode_component(v))
        })
        .collect()
}

fn decode_component(s: &str) -> String {
    percent_decode(&s.replace('+', " "))
}

/// Decodes `%XX` escapes (not `+`), keeping malformed escapes literal.
pub fn percent_decode(s: &str) -> String {
    String::from_utf8_lossy(&percent_decode_bytes(s)).into_owned()
}

/// Decodes `%XX` escapes to raw bytes (not `+`); a `%` not followed by two hex digits stays.
pub fn percent_decode_bytes(s: &str) -> Vec<u8> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |j: usize| bytes.get(j).and_then(|b| (*b as char).to_digit(16));
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// Flattens JSON params into Stripe's bracket form: `metadata[k]=v`, `items[0][price]=…`.
/// `null` becomes an empty string (which unsets a field), empty arrays and objects emit nothing,
/// and a bare scalar at the top level has no key, so it emits nothing either.
///
/// Matches stripe-node given the same JSON (checked by `tests/encoding_node.rs`): numbers are
/// written as JavaScript's `String(number)` does (`1.0` → `1`, `1e21` → `1e+21`), and keys come
/// in JavaScript's property order: array-index keys (`"0"`, `"10"`) first, ascending, then the
/// rest in the map's order, which is insertion order natively (serde_json's `preserve_order`)
/// and sorted otherwise.
pub fn flatten(value: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    match value {
        Value::Object(map) => {
            for (k, v) in js_key_order(map) {
                flatten_into(&mut out, k.clone(), v);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                flatten_into(&mut out, i.to_string(), v);
            }
        }
        _ => {}
    }
    out
}

fn flatten_into(out: &mut Vec<(String, String)>, key: String, value: &Value) {
    match value {
        Value::Null => out.push((key, String::new())),
        Value::Bool(b) => out.push((key, b.to_string())),
        Value::Number(n) => out.push((key, js_number(n))),
        Value::String(s) => out.push((key, s.clone())),
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                flatten_into(out, format!("{key}[{i}]"), v);
            }
        }
        Value::Object(map) => {
            for (k, v) in js_key_order(map) {
                flatten_into(out, format!("{key}[{k}]"), v);
            }
        }
    }
}

/// The entries in JavaScript's `Object.keys` order: array indexes (canonical decimal integers
/// below 2³² − 1) first, numerically, then every other key in the map's order.
fn js_key_order(map: &Map<String, Value>) -> Vec<(&String, &Value)> {
    let mut entries: Vec<_> = map.iter().collect();
    // A stable sort, so the non-index keys keep their order.
    entries.sort_by_key(|(k, _)| array_index(k).map_or((1, 0), |i| (0, i)));
    entries
}

fn array_index(key: &str) -> Option<u32> {
    let i: u32 = key.parse().ok()?;
    (i < u32::MAX && i.to_string() == key).then_some(i)
}

/// A JSON number as JavaScript's `String(number)` writes it. Integers print as they are (above
/// 2⁵³ JavaScript would already have rounded them when parsing; we keep them exact). Floats
/// follow ECMAScript's Number::toString: the shortest round-trip digits, plain notation for
/// 1e-6 ≤ |x| < 1e21, otherwise `d.ddde±n`; `-0` is `0`.
fn js_number(n: &Number) -> String {
    let f = match n.as_f64() {
        Some(f) if n.is_f64() => f,
        _ => return n.to_string(),
    };
    if f == 0.0 {
        return "0".to_string();
    }
    // Rust's `{:e}` gives the shortest round-trip digits: `1.25e1`, `1e-7`.
    let sci = format!("{:e}", f.abs());
    let (mantissa, exponent) = sci.split_once('e').expect("`{:e}` has an exponent");
    let digits = mantissa.replace('.', "");
    let k = digits.len() as i32;
    // The decimal point sits after `n` digits: value = 0.digits × 10^n.
    let n = exponent.parse::<i32>().expect("`{:e}` exponent is an integer") + 1;
    let mut out = String::new();
    if f < 0.0 {
        out.push('-');
    }
    if k <= n && n <= 21 {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', (n - k) as usize));
    } else if 0 < n && n <= 21 {
        out.push_str(&digits[..n as usize]);
        out.push('.');
        out.push_str(&digits[n as usize..]);
    } else if -6 < n && n <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-n) as usize));
        out.push_str(&digits);
    } else {
        out.push_str(&digits[..1]);
        if k > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let _ = write!(out, "e{}{}", if n > 0 { '+' } else { '-' }, (n - 1).abs());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn encode_keeps_unreserved_and_brackets_and_escapes_the_rest() {
        let encoded = encode_pairs(&pairs(&[
            ("metadata[note]", "a b&c=d"),
            ("email", "jo+test@example.com"),
            ("q", "!'()*~._-/?#"),
        ]));
        assert_eq!(
            encoded,
            "metadata[note]=a%20b%26c%3Dd&email=jo%2Btest%40example.com\
             &q=%21%27%28%29%2A~._-%2F%3F%23"
        );
    }

    #[test]
    fn encode_writes_utf8_bytes_as_uppercase_escapes() {
        assert_eq!(encode_pairs(&pairs(&[("name", "Zoë 日")])), "name=Zo%C3%AB%20%E6%97%A5");
        assert_eq!(encode_pairs(&pairs(&[("e", "😀")])), "e=%F0%9F%98%80");
    }

    #[test]
    fn encode_of_nothing_is_empty_and_empty_values_keep_their_key() {
        assert_eq!(encode_pairs(&[]), "");
        assert_eq!(encode_pairs(&pairs(&[("metadata[k]", ""), ("a", "1")])), "metadata[k]=&a=1");
    }

    #[test]
    fn path_segments_are_encoded_like_encode_uri_component() {
        assert_eq!(encode_path_segment("cus_123"), "cus_123");
        assert_eq!(encode_path_segment("a/b c?d#[e]"), "a%2Fb%20c%3Fd%23%5Be%5D");
        assert_eq!(encode_path_segment("!'()*"), "!'()*");
    }

    #[test]
    fn decode_reads_plus_as_space_and_keeps_order_and_duplicates() {
        assert_eq!(
            decode_pairs("a=1+2&expand[]=x&expand%5B%5D=y&flag&&b=%C3%A9"),
            pairs(&[("a", "1 2"), ("expand[]", "x"), ("expand[]", "y"), ("flag", ""), ("b", "é")])
        );
    }

    #[test]
    fn decode_keeps_bad_escapes_literal() {
        assert_eq!(
            decode_pairs("a=100%&b=%zz&c=%4"),
            pairs(&[("a", "100%"), ("b", "%zz"), ("c", "%4")])
        );
        assert_eq!(decode_pairs("a=%FF"), pairs(&[("a", "\u{FFFD}")]));
        assert_eq!(decode_pairs(""), vec![]);
    }

    #[test]
    fn decode_inverts_encode() {
        let original =
            pairs(&[("metadata[k k]", "v=1&2"), ("name", "Łukasz O'Brien"), ("x", "+%")]);
        assert_eq!(decode_pairs(&encode_pairs(&original)), original);
    }

    #[test]
    fn percent_decode_leaves_plus_alone() {
        assert_eq!(percent_decode("cus%5F1+2"), "cus_1+2");
    }

    #[test]
    fn flatten_uses_brackets_for_objects_and_indexes_for_arrays() {
        // NB: keys come in the map's order (sorted without serde_json's `preserve_order`).
        let params = json!({
            "customer": "cus_1",
            "expand": ["latest_invoice"],
            "items": [{"price": "price_1", "quantity": 2}, {"price": "price_2"}],
            "metadata": {"order": "42"},
            "off_session": true,
            "trial": false,
        });
        assert_eq!(
            flatten(&params),
            pairs(&[
                ("customer", "cus_1"),
                ("expand[0]", "latest_invoice"),
                ("items[0][price]", "price_1"),
                ("items[0][quantity]", "2"),
                ("items[1][price]", "price_2"),
                ("metadata[order]", "42"),
                ("off_session", "true"),
                ("trial", "false"),
            ])
        );
    }

    #[test]
    fn flatten_turns_null_into_empty_and_skips_empty_containers() {
        let params = json!({"description": null, "metadata": {}, "items": [], "deep": {"a": {}}});
        assert_eq!(flatten(&params), pairs(&[("description", "")]));
    }

    #[test]
    fn flatten_writes_numbers_like_javascript() {
        // stripe-node sends String(number); serde_json would write `1.0`, `1e21`, `-0.0`.
        let cases = [
            (json!(2000), "2000"),
            (json!(-5), "-5"),
            (json!(1.0), "1"),
            (json!(1e2), "100"),
            (json!(-0.0), "0"),
            (json!(12.5), "12.5"),
            (json!(0.1), "0.1"),
            (json!(1e20), "100000000000000000000"),
            (json!(1.2345678901234568e20), "123456789012345680000"),
            (json!(1e21), "1e+21"),
            (json!(0.000001), "0.000001"),
            (json!(1e-7), "1e-7"),
            (json!(-1.5e-7), "-1.5e-7"),
            (json!(f64::MAX), "1.7976931348623157e+308"),
        ];
        for (number, expected) in cases {
            assert_eq!(flatten(&json!({ "n": number })), pairs(&[("n", expected)]), "{number}");
        }
    }

    #[test]
    fn flatten_puts_array_index_keys_first_like_javascript() {
        // The other keys keep the map's order; they are written sorted here, so that order is
        // the same with or without serde_json's `preserve_order`.
        let params: Value = serde_json::from_str(
            r#"{"name": "x", "1": "a", "0": "b", "z": {"-1": "1", "10": "2", "01": "3", "2": "4",
                "4294967295": "5", "4294967294": "6", "b": "7"}}"#,
        )
        .unwrap();
        let keys: Vec<String> = flatten(&params).into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            keys,
            [
                "0",
                "1",
                "name",
                "z[2]",
                "z[10]",
                "z[4294967294]",
                "z[-1]",
                "z[01]",
                "z[4294967295]",
                "z[b]",
            ]
        );
    }

    #[test]
    fn flatten_of_a_scalar_is_empty() {
        assert!(flatten(&json!("x")).is_empty());
        assert!(flatten(&json!(null)).is_empty());
    }

    #[test]
    fn flatten_then_encode_matches_stripe_node() {
        let params = json!({
            "mandate_data": {"customer_acceptance": {
                "online": {"ip_address": "127.0.0.1", "user_agent": "Mozilla/5.0 (X11)"},
                "type": "online"}},
        });
        assert_eq!(
            encode_pairs(&flatten(&params)),
            "mandate_data[customer_acceptance][online][ip_address]=127.0.0.1\
             &mandate_data[customer_acceptance][online][user_agent]=Mozilla%2F5.0%20%28X11%29\
             &mandate_data[customer_acceptance][type]=online"
        );
    }
}
