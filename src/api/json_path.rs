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
#[path = "json_path_tests.rs"]
mod tests;
