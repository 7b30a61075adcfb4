//! What every demo list endpoint shares: Stripe's list parameters, validated with Stripe's
//! messages, and cursor paging over newest-first records.

use super::{invalid_request, no_such};
use crate::api::pagination::HasId;
use crate::api::ApiResponse;
use serde_json::{json, Value};

/// A stored object a list endpoint pages over.
pub(super) trait Record: HasId {
    /// Unix seconds; lists are newest first, ties broken by id (descending).
    fn created(&self) -> i64;
}

/// Parsed `limit`, cursors, `created` and endpoint-specific filters. `expand` is accepted and
/// ignored; an empty value counts as absent.
pub(super) struct ListQuery {
    limit: usize,
    starting_after: Option<String>,
    ending_before: Option<String>,
    created: Vec<(String, i64)>,
    filters: Vec<(String, String)>,
}

impl ListQuery {
    /// Validates `params` as Stripe does, in its order: unknown names, then types and ranges,
    /// then the cursors. `filters` are the endpoint's own parameter names (e.g. `email`).
    pub fn parse(params: &[(String, String)], filters: &[&str]) -> Result<Self, ApiResponse> {
        let mut q = ListQuery {
            limit: 10,
            starting_after: None,
            ending_before: None,
            created: Vec::new(),
            filters: Vec::new(),
        };
        for (key, value) in params {
            let known = matches!(key.as_str(), "limit" | "starting_after" | "ending_before")
                || is_expand(key)
                || created_op(key).is_some()
                || filters.contains(&key.as_str());
            if !known {
                return Err(invalid_request(
                    &format!("Received unknown parameter: {key}"),
                    Some(key),
                ));
            }
            if value.is_empty() {
                continue;
            }
            match key.as_str() {
                "limit" => q.limit = parse_limit(value)?,
                "starting_after" => q.starting_after = Some(value.clone()),
                "ending_before" => q.ending_before = Some(value.clone()),
                k if is_expand(k) => {}
                k => match created_op(k) {
                    Some(op) => q.created.push((op.to_string(), parse_int(k, value)?)),
                    None => q.filters.push((key.clone(), value.clone())),
                },
            }
        }
        if q.starting_after.is_some() && q.ending_before.is_some() {
            return Err(invalid_request(
                "You may only specify one of these parameters: ending_before, starting_after.",
                None,
            ));
        }
        Ok(q)
    }

    /// The value of filter `name`, if given.
    pub fn filter(&self, name: &str) -> Option<&str> {
        self.filters.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// Whether `created` passes every `created[...]` bound.
    pub fn created_matches(&self, created: i64) -> bool {
        self.created.iter().all(|(op, t)| match op.as_str() {
            "gt" => created > *t,
            "gte" => created >= *t,
            "lt" => created < *t,
            "lte" => created <= *t,
            _ => created == *t,
        })
    }

    /// The page of `all` (any order) selected by the cursors and `keep`, newest first, and
    /// Stripe's `has_more` for it. A cursor must name an existing `kind`, filtered or not.
    pub fn page<'a, T: Record>(
        &self,
        all: &'a [T],
        kind: &str,
        keep: impl Fn(&T) -> bool,
    ) -> Result<(Vec<&'a T>, bool), ApiResponse> {
        let key = |t: &T| (t.created(), t.id().to_string());
        let mut items: Vec<&T> = all.iter().filter(|t| keep(t)).collect();
        items.sort_by_cached_key(|t| std::cmp::Reverse(key(t)));
        let find = |id: &str, param: &str| {
            all.iter().find(|t| t.id() == id).map(key).ok_or_else(|| no_such(400, kind, id, param))
        };
        if let Some(id) = &self.ending_before {
            let at = find(id, "ending_before")?;
            let newer: Vec<&T> = items.into_iter().filter(|t| key(t) > at).collect();
            let start = newer.len().saturating_sub(self.limit);
            return Ok((newer[start..].to_vec(), start > 0));
        }
        if let Some(id) = &self.starting_after {
            let at = find(id, "starting_after")?;
            items.retain(|t| key(t) < at);
        }
        let has_more = items.len() > self.limit;
        items.truncate(self.limit);
        Ok((items, has_more))
    }
}

/// Stripe's list envelope.
pub(super) fn list_json(url: &str, has_more: bool, data: Vec<Value>) -> Value {
    json!({ "object": "list", "url": url, "has_more": has_more, "data": data })
}

/// `expand`, `expand[]` or `expand[N]`.
pub(super) fn is_expand(key: &str) -> bool {
    key == "expand"
        || key
            .strip_prefix("expand[")
            .and_then(|r| r.strip_suffix(']'))
            .is_some_and(|i| i.bytes().all(|b| b.is_ascii_digit()))
}

fn created_op(key: &str) -> Option<&str> {
    match key {
        "created" => Some("eq"),
        "created[gt]" | "created[gte]" | "created[lt]" | "created[lte]" => {
            Some(&key[8..key.len() - 1])
        }
        _ => None,
    }
}

fn parse_int(param: &str, value: &str) -> Result<i64, ApiResponse> {
    value.parse().map_err(|_| invalid_request(&format!("Invalid integer: {value}"), Some(param)))
}

/// Stripe's `limit`: an integer from 1 to 100, with Stripe's messages.
pub(super) fn parse_limit(value: &str) -> Result<usize, ApiResponse> {
    match parse_int("limit", value)? {
        n if n < 1 => {
            Err(invalid_request("This value must be greater than or equal to 1.", Some("limit")))
        }
        n if n > 100 => {
            Err(invalid_request("This value must be less than or equal to 100.", Some("limit")))
        }
        n => Ok(n as usize),
    }
}
