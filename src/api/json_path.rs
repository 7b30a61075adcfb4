//! Where in a JSON text a decode failed, as a path (`data[3].created`), found after the fact.
//!
//! [`super::error::decode`] decodes with plain `serde_json::from_str` (one pass, no tracking);
//! only when that fails does it turn the error's line and column into a byte offset
//! ([`offset`]) and walk the text up to it ([`path_at`]). The walk follows serde_json's way of
//! placing errors:
//!
//! - a value of the wrong type or out of range (`invalid type: null, expected i64`, an unknown
//!   enum variant): at or just after the value, so the path names the value (`data[3].created`);
//!   a key counts from its `:` on, so an error at a key itself (`duplicate field`) names the
//!   object;
//! - `missing field` and other errors of a whole object or array: just after its closing
//!   bracket, so the path names the object (`data[3]`, "" for the root);
//! - syntax errors and an early end: the deepest value reached.
//!
//! Limitation: serde_json places an error raised outside its own reading of a value at the end
//! of the enclosing object (a `#[serde(try_from)]` check, run once the value is read) or of the
//! buffered value (`#[serde(flatten)]`, untagged or internally tagged types read the value into
//! a buffer first), so the path names that, not the field. The API types avoid both: see
//! `Expandable` and `Scope`, which check inside their `visit_map`.
//!
//! The walk is lenient: on any text and offset (malformed JSON, an offset past the end or inside
//! a multibyte character) it returns some path and never panics.

use std::ops::Range;

/// The path at which serde_json failed with `error` on `text` ("" if it gave no position).
pub fn error_path(text: &str, error: &serde_json::Error) -> String {
    let Some(at) = offset(text, error.line(), error.column()) else {
        return String::new();
    };
    // A syntax error is placed just after the byte that broke the syntax. When that byte is a
    // `,`, `:` or closing bracket (`{"a": }`, `[1,]`, `{"a": fals,`), it ends nothing: the path
    // is where the walk was before it, and in an array whose next element was due (`[1, }`), that
    // element (as serde_json was reading it), unless the byte closed the array (`[1,]`). Other
    // bytes, such as the `1` of `[1]` where an enum was expected (also `expected value`), are
    // part of the value.
    let broke_syntax = error.classify() == serde_json::error::Category::Syntax;
    match at.checked_sub(1).map(|before| text.as_bytes()[before]) {
        Some(byte @ (b',' | b':' | b'}' | b']')) if broke_syntax => {
            walk(text, at - 1, byte != b']')
        }
        _ => path_at(text, at),
    }
}

/// The byte offset serde_json means by `line` and `column` (both count from the error's
/// `line()`/`column()`: lines from 1, columns in bytes from 0 at the line's start), clamped to
/// `text`; `None` for line 0, an error serde_json did not place.
pub fn offset(text: &str, line: usize, column: usize) -> Option<usize> {
    let line_start = match line {
        0 => return None,
        1 => 0,
        _ => match text.bytes().enumerate().filter(|&(_, b)| b == b'\n').nth(line - 2) {
            Some((newline, _)) => newline + 1,
            None => return Some(text.len()),
        },
    };
    Some(line_start.saturating_add(column).min(text.len()))
}

/// One open container on the way to the offset.
enum Frame {
    /// An object; `key` is the last key read (with its quotes), `in_value` whether its `:` was
    /// seen, i.e. the walk is inside that key's value.
    Object { key: Option<Range<usize>>, in_value: bool },
    /// An array; `in_value` whether element `index` has started.
    Array { index: usize, in_value: bool },
}

/// The path of the value the first `offset` bytes of `text` end in: `data[3].created`, "" for
/// the root. Keys are written unescaped and unquoted, as they are in the JSON (a key holding a
/// `.` or `[` is written as is). An opening bracket at `offset` counts as reached: serde_json
/// places `invalid type: map` (or `sequence`) there, before the value, and in an array that
/// names the element.
pub fn path_at(text: &str, offset: usize) -> String {
    walk(text, offset, matches!(text.as_bytes().get(offset), Some(b'{' | b'[')))
}

/// [`path_at`], where `value_here`: a value starts at `offset` (in an array, the next element).
fn walk(text: &str, offset: usize, value_here: bool) -> String {
    let bytes = &text.as_bytes()[..offset.min(text.len())];
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        i += 1;
        match byte {
            b' ' | b'\t' | b'\n' | b'\r' => {}
            b'"' => {
                let start = i - 1;
                let closed;
                (i, closed) = skip_string(bytes, i);
                match stack.last_mut() {
                    Some(Frame::Object { key, in_value: false }) => {
                        *key = closed.then_some(start..i);
                    }
                    top => start_value(top),
                }
            }
            b'{' | b'[' => {
                start_value(stack.last_mut());
                stack.push(match byte {
                    b'{' => Frame::Object { key: None, in_value: false },
                    _ => Frame::Array { index: 0, in_value: false },
                });
            }
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object { key: Some(_), in_value }) = stack.last_mut() {
                    *in_value = true;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, in_value }) => (*key, *in_value) = (None, false),
                Some(Frame::Array { index, in_value }) => {
                    if *in_value {
                        *index += 1;
                    }
                    *in_value = false;
                }
                None => {}
            },
            _ => start_value(stack.last_mut()), // a number, `true`, `null`, or stray bytes
        }
    }
    if value_here {
        start_value(stack.last_mut());
    }
    write_path(text, &stack)
}

/// A value starts in `top`: in an array, that is the current element.
fn start_value(top: Option<&mut Frame>) {
    if let Some(Frame::Array { in_value, .. }) = top {
        *in_value = true;
    }
}

/// From just after a string's opening quote: the offset just after its closing quote and
/// `true`, or the end of `bytes` and `false` if it does not close there.
fn skip_string(bytes: &[u8], mut i: usize) -> (usize, bool) {
    while i < bytes.len() {
        match bytes[i] {
            b'"' => return (i + 1, true),
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    (bytes.len(), false)
}

fn write_path(text: &str, stack: &[Frame]) -> String {
    let mut out = String::new();
    for frame in stack {
        match frame {
            Frame::Object { key: Some(key), in_value: true } => {
                if !out.is_empty() {
                    out.push('.');
                }
                // The key is a whole JSON string (quotes included), so serde_json unescapes it.
                match serde_json::from_str::<String>(&text[key.clone()]) {
                    Ok(name) => out.push_str(&name),
                    Err(_) => out.push_str(&text[key.start + 1..key.end - 1]),
                }
            }
            Frame::Array { index, in_value: true } => {
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
            _ => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
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
}
