//! Tests of `api::json_path` (kept apart to keep the module readable).

use super::*;

/// The path at the first `|` of `marked`, which is removed.
fn at(marked: &str) -> String {
    let cut = marked.find('|').expect("a | marks the offset");
    let text = marked.replacen('|', "", 1);
    path_at(&text, cut)
}

#[test]
fn paths_through_nested_objects_and_arrays() {
    assert_eq!(at(r#"{"a": |1}"#), "a");
    assert_eq!(at(r#"{"a": 1|}"#), "a");
    assert_eq!(at(r#"{"a": 1,| "b": 2}"#), "");
    assert_eq!(at(r#"{"a": {"b": [1, 2, {"c": nul|l}]}}"#), "a.b[2].c");
    assert_eq!(at(r#"{"a": {"b": [1, 2, {"c": null}]|}}"#), "a.b");
    assert_eq!(at(r#"{"a": [[1], [2, [3, 4|]]]}"#), "a[1][1][1]");
    assert_eq!(at(r#"{"a": [[1], [2, [3, 4]|]]}"#), "a[1][1]");
    assert_eq!(at(r#"{"a": [|]}"#), "a");
    assert_eq!(at(r#"{"a": [1, |]}"#), "a");
    assert_eq!(at(r#"{"a": [1, |2]}"#), "a");
    assert_eq!(at(r#"{"a": [1, 2|]}"#), "a[1]");
    assert_eq!(at(r#"[{"x": 1}, {"x": tru|e}]"#), "[1].x");
    assert_eq!(at(r#"{"a": 1} |x"#), "");
}

#[test]
fn a_key_counts_from_its_colon() {
    assert_eq!(at(r#"{"a": {"b|": 1}}"#), "a");
    assert_eq!(at(r#"{"a": {"b"|: 1}}"#), "a");
    assert_eq!(at(r#"{"a": {"b":| 1}}"#), "a.b");
    // An error at the value's opening bracket (serde_json places `invalid type: map` there).
    assert_eq!(at(r#"{"a": |{"b": 1}}"#), "a");
    assert_eq!(at(r#"{"a": [1, |{"b": 1}]}"#), "a[1]");
    assert_eq!(at(r#"{"a": [|[]]}"#), "a[0]");
}

#[test]
fn a_missing_field_names_the_object_just_closed() {
    assert_eq!(at(r#"{"data": [{"id": "a"}, {"id": "b"}|]}"#), "data[1]");
    assert_eq!(at(r#"{"x": {"id": "a"}|, "y": 2}"#), "x");
    assert_eq!(at(r#"{"id": "a"}|"#), "");
}

#[test]
fn escapes_in_keys_and_strings() {
    assert_eq!(at(r#"{"s": "a \" ] } , [ {", "k": |1}"#), "k");
    assert_eq!(at(r#"{"s": "back\\", "k": |1}"#), "k");
    assert_eq!(at(r#"{"s": "\\\"\\", "k": |1}"#), "k");
    assert_eq!(at(r#"{"q\"uo\\te": |1}"#), r#"q"uo\te"#);
    assert_eq!(at(r#"{"caf\u00e9 \ud83d\ude00": |1}"#), "café 😀");
    assert_eq!(at(r#"{"a.b": {"c[0]": |1}}"#), "a.b.c[0]");
    // Cut inside a string or an escape.
    assert_eq!(at(r#"{"a": {"b": "x\|"y"}}"#), "a.b");
    assert_eq!(at(r#"{"a": {"b|\"": 1}}"#), "a");
}

#[test]
fn multibyte_text_and_serde_json_columns_count_bytes() {
    let text = "{\"名前\": \"ÿ😀\",\n \"n\": \"é\"}";
    let err = serde_json::from_str::<std::collections::HashMap<String, u8>>(text).unwrap_err();
    let at = offset(text, err.line(), err.column()).unwrap();
    assert_eq!(path_at(text, at), "名前");
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct T {
        #[serde(rename = "名前")]
        name: String,
        n: u8,
    }
    let err = serde_json::from_str::<T>(text).unwrap_err();
    assert_eq!((err.line(), err.column()), (2, 10), "{err}");
    let at = offset(text, err.line(), err.column()).unwrap();
    assert_eq!(&text[..at], "{\"名前\": \"ÿ😀\",\n \"n\": \"é\"");
    assert_eq!(path_at(text, at), "n");
    // An offset inside a multibyte character walks the bytes, no panic.
    for cut in 0..=text.len() + 2 {
        path_at(text, cut);
    }
}

#[test]
fn offsets_of_lines_and_columns() {
    let text = "ab\ncd\n\nef";
    assert_eq!(offset(text, 0, 0), None);
    assert_eq!(offset(text, 1, 0), Some(0));
    assert_eq!(offset(text, 1, 2), Some(2));
    assert_eq!(offset(text, 2, 1), Some(4));
    assert_eq!(offset(text, 3, 0), Some(6));
    assert_eq!(offset(text, 4, 2), Some(9));
    assert_eq!(offset(text, 4, 99), Some(9));
    assert_eq!(offset(text, 9, 0), Some(9));
    assert_eq!(offset("", 1, 0), Some(0));
    assert_eq!(offset("", 1, 5), Some(0));
    assert_eq!(offset("x", usize::MAX, usize::MAX), Some(1));
    assert_eq!(offset("x", 1, usize::MAX), Some(1));
}

#[test]
fn malformed_text_gives_some_path() {
    for text in [
        "",
        "{",
        "[",
        "}",
        "]",
        "\"",
        "\\",
        ":",
        ",",
        "{\"",
        "{\"a\"",
        "{\"a\":",
        "[,,,]",
        "{]",
        "[}",
        "}}}]]]",
        "{{{",
        "[[[",
        "{\"a\":[{\"b\":",
        "\"\\",
        "{\"a\\",
        "nul",
        "<html>",
        "{\"a\" 1 \"b\": 2}",
        "{,\"a\":1}",
        "[1 2 3]",
        "{\"a\"::1}",
    ] {
        for cut in 0..=text.len() + 1 {
            path_at(text, cut);
        }
    }
    assert_eq!(at("{\"a\":[{\"b\":|"), "a[0].b");
    assert_eq!(at("}}]]{\"a\":|1"), "a");
}

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
    }
}

const FIXTURES: &str = include_str!("../../tests/fixtures/stripe-api-fixtures.json");

/// Random truncations and byte mutations of a real fixture, at every kind of offset, through
/// serde_json's own error positions too: never a panic.
#[test]
fn random_truncations_and_mutations_of_a_fixture_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let source = FIXTURES.as_bytes();
    let alphabet = b"{}[]\":,\\ \n0a-.\xc3\xa9\xf0";
    for round in 0..1000 {
        let mut bytes = source[..rng.below(source.len() + 1)].to_vec();
        for _ in 0..rng.below(6) {
            let at = rng.below(bytes.len() + 1);
            let byte = alphabet[rng.below(alphabet.len())];
            match rng.below(3) {
                0 if at < bytes.len() => bytes[at] = byte,
                1 if at < bytes.len() => {
                    bytes.remove(at);
                }
                _ => bytes.insert(at, byte),
            }
        }
        let text = String::from_utf8_lossy(&bytes);
        for cut in [0, rng.below(text.len() + 1), text.len(), text.len() + 1] {
            path_at(&text, cut);
        }
        if let Err(err) = serde_json::from_str::<serde_json::Value>(&text) {
            let at = offset(&text, err.line(), err.column());
            assert!(at.is_some_and(|at| at <= text.len()), "round {round}: {err}");
            path_at(&text, at.unwrap());
        }
    }
}
