//! `GET /v1/customers/search` on the demo account: Stripe's search query language, the subset a
//! merchant uses on customers (reference §13.3), over the seeded customers.
//!
//! A query is 1–10 clauses `field op value`, joined by spaces or `AND` (all must match) or by
//! `OR` (any may match), never both. Fields: `email`, `name`, `phone`, `metadata['key']`
//! (strings) and `created` (Unix seconds). Operators: `:` exact (strings case-insensitively),
//! `~` substring of at least 3 characters (email, name, phone), and `>`, `<`, `>=`, `<=` on
//! `created` (`created:N` and `created=N` are equality). `field:null` matches a missing value;
//! a leading `-` negates a clause. Strings are in single or double quotes, `\` escapes the next
//! character; numbers and `null` are bare.
//!
//! [`parse`] and [`Query::matches`] are pure; [`search`] adds Stripe's parameters and paging.

use super::list::{is_expand, parse_limit};
use super::{invalid_request, DemoAccount};
use crate::api::types::Customer;
use crate::api::ApiResponse;
use serde_json::{json, Value};
use std::cmp::Reverse;

/// Stripe's limit on clauses in one query.
const MAX_CLAUSES: usize = 10;
/// The shortest substring `~` accepts.
const MIN_SUBSTRING: usize = 3;
const FIELDS: &str = "created, email, metadata['key'], name and phone";

/// A parsed search query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    clauses: Vec<Clause>,
    /// Joined by `OR` (any clause matches) rather than `AND` (every clause).
    any: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Clause {
    negated: bool,
    field: Field,
    test: Test,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Field {
    Email,
    Name,
    Phone,
    Metadata(String),
    Created,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Test {
    /// Exact, case-insensitive (the value is stored lower-cased).
    Equals(String),
    /// Substring, case-insensitive (lower-cased).
    Contains(String),
    /// The field has no value.
    IsNull,
    /// `created` against a number.
    Compare(Cmp, i64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmp {
    Eq,
    Gt,
    Lt,
    Gte,
    Lte,
}

impl Query {
    /// Whether `customer` is a result of this query.
    pub fn matches(&self, customer: &Customer) -> bool {
        let hit = |c: &Clause| c.matches(customer);
        if self.any {
            self.clauses.iter().any(hit)
        } else {
            self.clauses.iter().all(hit)
        }
    }
}

impl Clause {
    fn matches(&self, customer: &Customer) -> bool {
        self.negated != self.test_matches(customer)
    }

    fn test_matches(&self, customer: &Customer) -> bool {
        let text = match &self.field {
            Field::Email => customer.email.as_deref(),
            Field::Name => customer.name.as_deref(),
            Field::Phone => customer.phone.as_deref(),
            Field::Metadata(key) => customer.metadata.get(key).map(String::as_str),
            Field::Created => {
                let Test::Compare(cmp, n) = self.test else { return false };
                let t = customer.created;
                return match cmp {
                    Cmp::Eq => t == n,
                    Cmp::Gt => t > n,
                    Cmp::Lt => t < n,
                    Cmp::Gte => t >= n,
                    Cmp::Lte => t <= n,
                };
            }
        };
        match (&self.test, text) {
            (Test::IsNull, value) => value.is_none_or(str::is_empty),
            (Test::Equals(want), Some(value)) => value.to_lowercase() == *want,
            (Test::Contains(part), Some(value)) => value.to_lowercase().contains(part.as_str()),
            _ => false,
        }
    }
}

/// Parses a search query, or says what is wrong with it and where ("character N", from 1).
pub fn parse(query: &str) -> Result<Query, String> {
    Parser { chars: query.chars().collect(), pos: 0 }.query()
}

/// A clause's operator as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Colon,
    Equals,
    Tilde,
    Cmp(Cmp),
}

impl Op {
    fn as_str(&self) -> &'static str {
        match self {
            Op::Colon => ":",
            Op::Equals => "=",
            Op::Tilde => "~",
            Op::Cmp(Cmp::Gt) => ">",
            Op::Cmp(Cmp::Lt) => "<",
            Op::Cmp(Cmp::Gte) => ">=",
            Op::Cmp(Cmp::Lte) => "<=",
            Op::Cmp(Cmp::Eq) => "=",
        }
    }
}

/// A clause's value as written.
enum Literal {
    Str(String),
    Num(i64),
    Null,
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    /// `character N` of position `pos` (1-based).
    fn at(pos: usize) -> String {
        format!("character {}", pos + 1)
    }

    /// What is at the cursor, for messages: `` `x` `` or "the end of the query".
    fn found(&self) -> String {
        match self.peek() {
            Some(c) => format!("`{c}`"),
            None => "the end of the query".into(),
        }
    }

    /// Skips whitespace; whether there was any.
    fn skip_space(&mut self) -> bool {
        let start = self.pos;
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
        self.pos > start
    }

    /// Letters, digits and `_` from the cursor.
    fn word(&mut self) -> String {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_alphanumeric() || c == '_') {
            self.pos += 1;
        }
        self.chars[start..self.pos].iter().collect()
    }

    fn query(mut self) -> Result<Query, String> {
        self.skip_space();
        if self.peek().is_none() {
            return Err("The query is empty: give at least one clause, such as \
                        email:'jenny@example.com'."
                .into());
        }
        let mut clauses = vec![self.clause()?];
        // The first joiner seen: (is OR, as shown in messages, where).
        let mut joiner: Option<(bool, String, usize)> = None;
        loop {
            let spaced = self.skip_space();
            if self.peek().is_none() {
                break;
            }
            if !spaced {
                return Err(format!(
                    "Expected a space, AND or OR between clauses at {}, found {}.",
                    Self::at(self.pos),
                    self.found()
                ));
            }
            let start = self.pos;
            let word = self.word();
            let keyword = matches!(word.to_ascii_uppercase().as_str(), "AND" | "OR")
                && self.peek().is_none_or(char::is_whitespace);
            let (or, shown) = if keyword {
                (word.eq_ignore_ascii_case("OR"), format!("`{word}`"))
            } else {
                self.pos = start;
                (false, "a space".to_string())
            };
            match &joiner {
                Some((first_or, first, first_at)) if *first_or != or => {
                    return Err(format!(
                        "AND and OR can't be mixed in one query: {shown} at {} follows {first} \
                         at {} (a space between clauses means AND). Use only AND or only OR.",
                        Self::at(start),
                        Self::at(*first_at)
                    ));
                }
                Some(_) => {}
                None => joiner = Some((or, shown, start)),
            }
            if keyword && (!self.skip_space() || self.peek().is_none()) {
                return Err(format!(
                    "`{word}` at {} must be followed by a space and a clause.",
                    Self::at(start)
                ));
            }
            clauses.push(self.clause()?);
        }
        if clauses.len() > MAX_CLAUSES {
            return Err(format!(
                "A query can have at most {MAX_CLAUSES} clauses; this one has {}.",
                clauses.len()
            ));
        }
        let any = joiner.is_some_and(|(or, _, _)| or);
        Ok(Query { clauses, any })
    }

    fn clause(&mut self) -> Result<Clause, String> {
        let negated = self.peek() == Some('-');
        if negated {
            self.pos += 1;
        }
        let start = self.pos;
        let name = self.word();
        let field = match name.as_str() {
            "" => {
                let hint = match self.peek() {
                    Some('(' | ')') => " Parentheses aren't supported.",
                    _ => "",
                };
                return Err(format!(
                    "Expected a field name at {}, found {}.{hint}",
                    Self::at(self.pos),
                    self.found()
                ));
            }
            "email" => Field::Email,
            "name" => Field::Name,
            "phone" => Field::Phone,
            "created" => Field::Created,
            "metadata" => {
                if self.peek() != Some('[') {
                    return Err(format!(
                        "Search metadata as metadata['key']:'value': expected `[` at {}, \
                         found {}.",
                        Self::at(self.pos),
                        self.found()
                    ));
                }
                self.pos += 1;
                let key_at = self.pos;
                if !matches!(self.peek(), Some('\'' | '"')) {
                    return Err(format!(
                        "Expected the metadata key in quotes at {}, as in metadata['key'], \
                         found {}.",
                        Self::at(key_at),
                        self.found()
                    ));
                }
                let key = self.string()?;
                if key.is_empty() {
                    return Err(format!("The metadata key at {} is empty.", Self::at(key_at)));
                }
                if self.peek() != Some(']') {
                    return Err(format!(
                        "Expected `]` after the metadata key at {}, found {}.",
                        Self::at(self.pos),
                        self.found()
                    ));
                }
                self.pos += 1;
                Field::Metadata(key)
            }
            other => {
                return Err(format!(
                    "Unknown field `{other}` at {}: customers can be searched by {FIELDS}.",
                    Self::at(start)
                ));
            }
        };
        let label = match &field {
            Field::Metadata(key) => format!("metadata['{key}']"),
            _ => name,
        };
        let op_at = self.pos;
        let next = self.chars.get(self.pos + 1).copied();
        let op = match (self.peek(), next) {
            (Some(':'), _) => Op::Colon,
            (Some('~'), _) => Op::Tilde,
            (Some('='), _) => Op::Equals,
            (Some('>'), Some('=')) => Op::Cmp(Cmp::Gte),
            (Some('<'), Some('=')) => Op::Cmp(Cmp::Lte),
            (Some('>'), _) => Op::Cmp(Cmp::Gt),
            (Some('<'), _) => Op::Cmp(Cmp::Lt),
            _ => {
                return Err(format!(
                    "Expected an operator (`:`, `~`, `>`, `<`, `>=` or `<=`) after `{label}` at \
                     {}, found {}.",
                    Self::at(op_at),
                    self.found()
                ));
            }
        };
        self.pos += op.as_str().chars().count();
        let value_at = self.pos;
        let value = self.value(&label, op)?;
        let test = clause_test(&field, &label, op, op_at, value, value_at)?;
        Ok(Clause { negated, field, test })
    }

    /// A quoted string, a bare number or `null`.
    fn value(&mut self, label: &str, op: Op) -> Result<Literal, String> {
        match self.peek() {
            Some('\'' | '"') => return self.string().map(Literal::Str),
            None => {}
            Some(c) if c.is_whitespace() => {}
            Some(_) => {
                let start = self.pos;
                while self.peek().is_some_and(|c| !c.is_whitespace()) {
                    self.pos += 1;
                }
                let bare: String = self.chars[start..self.pos].iter().collect();
                if bare == "null" {
                    return Ok(Literal::Null);
                }
                if let Ok(n) = bare.parse() {
                    return Ok(Literal::Num(n));
                }
                return Err(format!(
                    "Unquoted value `{bare}` at {}: put strings in quotes, as in \
                     {label}{}'{bare}'.",
                    Self::at(start),
                    op.as_str()
                ));
            }
        }
        Err(format!(
            "Expected a value right after `{label}{}` at {}, found {}.",
            op.as_str(),
            Self::at(self.pos),
            self.found()
        ))
    }

    /// A string in `'` or `"` at the cursor; `\` escapes the next character.
    fn string(&mut self) -> Result<String, String> {
        let start = self.pos;
        let quote = self.chars[start];
        self.pos += 1;
        let mut out = String::new();
        loop {
            match self.peek() {
                None => break,
                Some('\\') => {
                    self.pos += 1;
                    match self.peek() {
                        Some(c) => out.push(c),
                        None => break,
                    }
                }
                Some(c) if c == quote => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(c) => out.push(c),
            }
            self.pos += 1;
        }
        Err(format!(
            "Unterminated string: the {quote} at {} has no closing {quote}.",
            Self::at(start)
        ))
    }
}

/// What `field op value` tests, or why the combination is not allowed.
fn clause_test(
    field: &Field,
    label: &str,
    op: Op,
    op_at: usize,
    value: Literal,
    value_at: usize,
) -> Result<Test, String> {
    let at = Parser::at;
    let op_str = op.as_str();
    if *field == Field::Created {
        let n = match value {
            Literal::Num(n) => n,
            Literal::Str(s) => s.trim().parse().map_err(|_| {
                format!(
                    "`created` takes a Unix timestamp in seconds, not '{s}' (at {}).",
                    at(value_at)
                )
            })?,
            Literal::Null => {
                return Err(format!("`created` is never null (at {}).", at(value_at)));
            }
        };
        return match op {
            Op::Colon | Op::Equals => Ok(Test::Compare(Cmp::Eq, n)),
            Op::Cmp(cmp) => Ok(Test::Compare(cmp, n)),
            Op::Tilde => Err(format!(
                "`~` at {} matches substrings of email, name or phone, not `created`.",
                at(op_at)
            )),
        };
    }
    match (op, value) {
        (Op::Colon, Literal::Str(s)) => Ok(Test::Equals(s.to_lowercase())),
        (Op::Colon, Literal::Null) => Ok(Test::IsNull),
        (Op::Tilde, _) if matches!(field, Field::Metadata(_)) => Err(format!(
            "`~` at {} matches substrings of email, name or phone, not metadata: use \
             {label}:'value'.",
            at(op_at)
        )),
        (Op::Tilde, Literal::Str(s)) if s.chars().count() >= MIN_SUBSTRING => {
            Ok(Test::Contains(s.to_lowercase()))
        }
        (Op::Tilde, Literal::Str(s)) => Err(format!(
            "A substring search needs at least {MIN_SUBSTRING} characters: '{s}' at {} has {}.",
            at(value_at),
            s.chars().count()
        )),
        (Op::Tilde, _) => Err(format!(
            "`~` takes a quoted string of at least {MIN_SUBSTRING} characters (at {}).",
            at(value_at)
        )),
        (Op::Cmp(_) | Op::Equals, _) => Err(format!(
            "`{op_str}` at {} compares numbers, so it applies to `created` only: match \
             `{label}` with `:` (exact) or `~` (substring).",
            at(op_at)
        )),
        (Op::Colon, Literal::Num(n)) => Err(format!(
            "`{label}` takes a quoted string: write {label}:'{n}' (at {}).",
            at(value_at)
        )),
    }
}

/// `GET /v1/customers/search`: `query` (required), `limit` (1–100, default 10), `page` (the
/// `next_page` of the previous answer) and `expand[]` (`total_count` adds the number of
/// matches). Newest first, like the list.
pub(super) fn search(account: &DemoAccount, params: &[(String, String)]) -> ApiResponse {
    match run(account, params) {
        Ok(body) => ApiResponse::json(200, &body),
        Err(error) => error,
    }
}

fn run(account: &DemoAccount, params: &[(String, String)]) -> Result<Value, ApiResponse> {
    let (mut query, mut limit, mut page, mut total_count) = (None, None, None, false);
    for (key, value) in params {
        match key.as_str() {
            "query" => query = Some(value.as_str()),
            "limit" => limit = Some(value.as_str()),
            "page" => page = Some(value.as_str()),
            k if is_expand(k) => total_count |= value == "total_count",
            k => {
                let message = format!("Received unknown parameter: {k}");
                return Err(invalid_request(&message, Some(k)));
            }
        }
    }
    let Some(query) = query.filter(|q| !q.is_empty()) else {
        return Err(invalid_request("Missing required param: query.", Some("query")));
    };
    let limit = match limit.filter(|l| !l.is_empty()) {
        Some(l) => parse_limit(l)?,
        None => 10,
    };
    let query = parse(query)
        .map_err(|why| invalid_request(&format!("Invalid search query: {why}"), Some("query")))?;
    let after = match page.filter(|p| !p.is_empty()) {
        Some(token) => Some(decode_page(token).ok_or_else(|| {
            let message = format!(
                "Invalid page: '{token}' is not a page token from this endpoint. Pass the \
                 `next_page` of the previous answer, or no page for the first one."
            );
            invalid_request(&message, Some("page"))
        })?),
        None => None,
    };
    let key = |c: &Customer| (c.created, c.id.clone());
    let mut hits: Vec<&Customer> = account.customers.iter().filter(|c| query.matches(c)).collect();
    hits.sort_by_cached_key(|c| Reverse(key(c)));
    let total = hits.len();
    if let Some(after) = &after {
        hits.retain(|c| key(c) < *after);
    }
    let has_more = hits.len() > limit;
    hits.truncate(limit);
    let next_page = hits.last().filter(|_| has_more).map(|c| encode_page(c.created, &c.id));
    let mut body = json!({
        "object": "search_result",
        "url": "/v1/customers/search",
        "has_more": has_more,
        "next_page": next_page,
        "data": hits.into_iter().map(|c| account.customer_json(c)).collect::<Vec<_>>(),
    });
    if total_count {
        body["total_count"] = total.into();
    }
    Ok(body)
}

/// The opaque `next_page` token: the position after the last customer of a page, as hex.
fn encode_page(created: i64, id: &str) -> String {
    let raw = format!("{created}:{id}");
    raw.bytes().map(|b| format!("{b:02x}")).collect()
}

fn decode_page(token: &str) -> Option<(i64, String)> {
    if !token.len().is_multiple_of(2) {
        return None;
    }
    let bytes: Option<Vec<u8>> = (0..token.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(token.get(i..i + 2)?, 16).ok())
        .collect();
    let raw = String::from_utf8(bytes?).ok()?;
    let (created, id) = raw.split_once(':')?;
    let id = id.starts_with("cus_").then(|| id.to_string())?;
    Some((created.parse().ok()?, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn customer(name: Option<&str>, email: Option<&str>, created: i64) -> Customer {
        let mut c = crate::demo::seed::blank();
        c.id = format!("cus_{created}");
        c.name = name.map(String::from);
        c.email = email.map(String::from);
        c.created = created;
        c
    }

    fn err(query: &str) -> String {
        parse(query).expect_err(query)
    }

    fn hits(query: &str, customers: &[Customer]) -> Vec<String> {
        let q = parse(query).unwrap_or_else(|e| panic!("{query}: {e}"));
        customers.iter().filter(|c| q.matches(c)).map(|c| c.id.clone()).collect()
    }

    fn sample() -> Vec<Customer> {
        let mut ada = customer(Some("Ada Lovelace"), Some("ada@example.com"), 100);
        ada.phone = Some("+44 20 7946 0000".into());
        ada.metadata.insert("tier".into(), "Gold".into());
        let mut bob = customer(Some("Bob O'Neil"), Some("bob@corp.io"), 200);
        bob.metadata.insert("tier".into(), "silver".into());
        let nameless = customer(None, Some("billing@corp.io"), 300);
        let anonymous = customer(None, None, 400);
        vec![ada, bob, nameless, anonymous]
    }

    #[test]
    fn parses_clauses_operators_and_joiners() {
        let q = parse(r#"-email:'A@b.co' OR name~"lov" or created>=5"#).unwrap();
        assert!(q.any);
        let tests: Vec<_> = q.clauses.iter().map(|c| (c.negated, &c.field, &c.test)).collect();
        assert_eq!(
            tests,
            [
                (true, &Field::Email, &Test::Equals("a@b.co".into())),
                (false, &Field::Name, &Test::Contains("lov".into())),
                (false, &Field::Created, &Test::Compare(Cmp::Gte, 5)),
            ]
        );
        let q = parse(" metadata['k']:null  created:'7' and phone:'1' ").unwrap();
        assert!(!q.any);
        assert_eq!(q.clauses[0].field, Field::Metadata("k".into()));
        assert_eq!(q.clauses[0].test, Test::IsNull);
        assert_eq!(q.clauses[1].test, Test::Compare(Cmp::Eq, 7));
        assert_eq!(parse("created=7").unwrap().clauses[0].test, Test::Compare(Cmp::Eq, 7));
        for (op, cmp) in [(">", Cmp::Gt), ("<", Cmp::Lt), ("<=", Cmp::Lte)] {
            let q = parse(&format!("created{op}-3")).unwrap();
            assert_eq!(q.clauses[0].test, Test::Compare(cmp, -3), "{op}");
        }
    }

    #[test]
    fn strings_take_either_quote_and_backslash_escapes() {
        let value = |q: &str| match parse(q).unwrap().clauses.remove(0).test {
            Test::Equals(s) => s,
            other => panic!("{other:?}"),
        };
        assert_eq!(value(r"name:'o\'neil'"), "o'neil");
        assert_eq!(value(r#"name:"say \"hi\"""#), "say \"hi\"");
        assert_eq!(value(r#"name:'a"b'"#), "a\"b");
        assert_eq!(value(r"name:'back\\slash'"), "back\\slash");
        assert_eq!(value("name:'Zoë Lefèvre'"), "zoë lefèvre");
        assert_eq!(value("name:'null'"), "null", "a quoted null is a string");
    }

    #[test]
    fn exact_matches_ignore_case_and_substrings_need_three_characters() {
        let all = sample();
        assert_eq!(hits("email:'ADA@EXAMPLE.COM'", &all), ["cus_100"]);
        assert_eq!(hits("name:'ada lovelace'", &all), ["cus_100"]);
        assert!(hits("name:'Ada'", &all).is_empty(), "`:` is not a prefix match");
        assert_eq!(hits("email~'CORP.io'", &all), ["cus_200", "cus_300"]);
        assert_eq!(hits("name~\"o'n\"", &all), ["cus_200"]);
        assert_eq!(hits("phone:'+44 20 7946 0000'", &all), ["cus_100"]);
        assert_eq!(hits("phone~'7946'", &all), ["cus_100"]);
        assert_eq!(hits("metadata['tier']:'gold'", &all), ["cus_100"]);
        assert!(hits("metadata['Tier']:'gold'", &all).is_empty(), "keys are exact");
        assert!(err("email~'ab'").contains("at least 3 characters"));
    }

    #[test]
    fn null_negation_and_created_comparisons() {
        let all = sample();
        assert_eq!(hits("name:null", &all), ["cus_300", "cus_400"]);
        assert_eq!(hits("-name:null", &all), ["cus_100", "cus_200"]);
        assert_eq!(hits("metadata['tier']:null", &all), ["cus_300", "cus_400"]);
        assert_eq!(hits("-email:'bob@corp.io'", &all), ["cus_100", "cus_300", "cus_400"]);
        assert_eq!(hits("created>200", &all), ["cus_300", "cus_400"]);
        assert_eq!(hits("created>=200", &all), ["cus_200", "cus_300", "cus_400"]);
        assert_eq!(hits("created<200", &all), ["cus_100"]);
        assert_eq!(hits("created<=200", &all), ["cus_100", "cus_200"]);
        assert_eq!(hits("created:300", &all), ["cus_300"]);
        assert_eq!(hits("-created:300", &all), ["cus_100", "cus_200", "cus_400"]);
    }

    #[test]
    fn and_needs_every_clause_and_or_any() {
        let all = sample();
        assert_eq!(hits("email~'corp' created>250", &all), ["cus_300"]);
        assert_eq!(hits("email~'corp' AND created>250", &all), ["cus_300"]);
        assert_eq!(hits("email~'corp' and -name:null", &all), ["cus_200"]);
        assert_eq!(
            hits("name:'ada lovelace' OR email:'billing@corp.io'", &all),
            ["cus_100", "cus_300"]
        );
        assert_eq!(hits("created:100 or created:400", &all), ["cus_100", "cus_400"]);
    }

    #[test]
    fn errors_name_the_problem_and_where() {
        let cases = [
            ("", "The query is empty"),
            ("   ", "The query is empty"),
            ("colour:'red'", "Unknown field `colour` at character 1"),
            ("-emial:'x'", "Unknown field `emial` at character 2"),
            ("email", "Expected an operator (`:`, `~`, `>`, `<`, `>=` or `<=`) after `email`"),
            ("email", "after `email` at character 6, found the end of the query"),
            ("email 'x'", "after `email` at character 6, found ` `"),
            ("email:", "Expected a value right after `email:` at character 7"),
            ("email: 'x'", "Expected a value right after `email:` at character 7, found ` `"),
            ("name:ada", "Unquoted value `ada` at character 6: put strings in quotes"),
            ("name:ada", "as in name:'ada'"),
            ("name:'ada", "Unterminated string: the ' at character 6 has no closing '"),
            (r#"name:"ada\""#, "the \" at character 6 has no closing \""),
            ("name~'ad'", "'ad' at character 6 has 2"),
            ("name>'a'", "`>` at character 5 compares numbers, so it applies to `created` only"),
            ("name:5", "`name` takes a quoted string: write name:'5'"),
            ("created:'soon'", "a Unix timestamp in seconds, not 'soon' (at character 9)"),
            ("created~'123'", "`~` at character 8 matches substrings of email, name or phone"),
            ("created:null", "`created` is never null"),
            ("metadata:'x'", "expected `[` at character 9"),
            ("metadata[k]:'x'", "Expected the metadata key in quotes at character 10"),
            ("metadata['k':'x'", "Expected `]` after the metadata key at character 13"),
            ("metadata['']:'x'", "The metadata key at character 10 is empty"),
            ("metadata['k']~'abc'", "not metadata: use metadata['k']:'value'"),
            ("(email:'a')", "field name at character 1, found `(`. Parentheses aren't supported."),
            ("- email:'a'", "Expected a field name at character 2, found ` `"),
            ("email:'a'name:'b'", "a space, AND or OR between clauses at character 10, found `n`"),
            ("email:'a' AND", "`AND` at character 11 must be followed by a space and a clause"),
            ("email:'a' or ", "`or` at character 11 must be followed"),
            ("AND email:'a'", "Unknown field `AND` at character 1"),
            ("email:'a' AND AND name:'b'", "Unknown field `AND` at character 15"),
            ("email:'a' AND name:'b' OR phone:'c'", "AND and OR can't be mixed in one query: `OR`"),
            (
                "email:'a' AND name:'b' OR phone:'c'",
                "`OR` at character 24 follows `AND` at character 11",
            ),
            (
                "email:'a' OR name:'b' phone:'c'",
                "a space at character 23 follows `OR` at character 11",
            ),
            (
                "email:'a' name:'b' or phone:'c'",
                "`or` at character 20 follows a space at character 11",
            ),
        ];
        for (query, want) in cases {
            let got = err(query);
            assert!(got.contains(want), "{query:?}\n got: {got}\nwant: {want}");
        }
        let ten = ["created>1"; 10].join(" ");
        assert!(parse(&ten).is_ok());
        let eleven = ["created>1"; 11].join(" OR ");
        assert_eq!(err(&eleven), "A query can have at most 10 clauses; this one has 11.");
    }

    #[test]
    fn page_tokens_round_trip_and_reject_anything_else() {
        let token = encode_page(1_700_000_000, "cus_ABC");
        assert!(token.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(decode_page(&token), Some((1_700_000_000, "cus_ABC".into())));
        for bad in ["", "xyz", "abc", &encode_page(1, "ch_1"), &token[1..], "3a3a"] {
            assert_eq!(decode_page(bad), None, "{bad}");
        }
    }
}
