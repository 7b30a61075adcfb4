//! A short-lived cache of the extension's successful reads, so that switching back to a view
//! (list → detail → list) shows it at once instead of asking the host again.
//!
//! What may be served stale is kept small:
//! - only `GET` answers with a 2xx status are kept, for [`TTL_MS`];
//! - any write the extension sends (`POST`, `DELETE`) clears everything, when it leaves and when
//!   its answer comes, so a view never re-reads what it just changed from the cache;
//! - a *fresh* read (a poll waiting for something outside the app, e.g. a customer completing
//!   Amazon Pay) bypasses the cache and clears it: what it waits for may have changed the rest;
//! - a different user, account, mode or set of rights ([`ResponseCache::set_scope`]) starts
//!   over.

use super::{ApiRequest, ApiResponse, Method};
use std::collections::HashMap;

/// How long a read is served from the cache (ms).
pub const TTL_MS: f64 = 30_000.0;

/// The cache: answers by request, with the time they came.
#[derive(Debug, Default)]
pub struct ResponseCache {
    entries: HashMap<String, (f64, ApiResponse)>,
    scope: String,
}

/// A read's key: its path with the query, and its headers (`Stripe-Account` and
/// `Stripe-Version` change the answer). Writes have none.
fn key(request: &ApiRequest) -> Option<String> {
    if request.method != Method::Get {
        return None;
    }
    let mut key = request.path.clone();
    for (name, value) in &request.headers {
        key.push('\n');
        key.push_str(&name.to_ascii_lowercase());
        key.push(':');
        key.push_str(value);
    }
    Some(key)
}

impl ResponseCache {
    /// The kept answer to `request`, if it is a read answered less than [`TTL_MS`] before `now`.
    pub fn get(&mut self, request: &ApiRequest, now: f64) -> Option<ApiResponse> {
        let key = key(request)?;
        match self.entries.get(&key) {
            Some((at, response)) if now - at < TTL_MS && now >= *at => Some(response.clone()),
            Some(_) => {
                self.entries.remove(&key);
                None
            }
            None => None,
        }
    }

    /// Called as `request` leaves: a write clears the cache.
    pub fn sending(&mut self, request: &ApiRequest) {
        if request.method != Method::Get {
            self.entries.clear();
        }
    }

    /// Called with `request`'s answer: keeps a successful read; a write clears the cache again
    /// (reads answered while it ran may predate it).
    pub fn answered(&mut self, request: &ApiRequest, response: &ApiResponse, now: f64) {
        match key(request) {
            Some(key) if (200..300).contains(&response.status) => {
                self.entries.insert(key, (now, response.clone()));
            }
            Some(_) => {}
            None => self.entries.clear(),
        }
    }

    /// Forgets everything (a fresh read came back, or the Dashboard was told data changed).
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// Who is asking, with which rights (see `ExtensionContext::cache_scope`): a change
    /// starts over.
    pub fn set_scope(&mut self, scope: String) {
        if scope != self.scope {
            self.entries.clear();
            self.scope = scope;
        }
    }

    /// Whether nothing is kept.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::customers;

    fn ok(body: &str) -> ApiResponse {
        ApiResponse {
            status: 200,
            body: body.into(),
            ..ApiResponse::json(200, &serde_json::json!({}))
        }
    }

    #[test]
    fn a_read_is_served_until_its_time_is_up() {
        let mut cache = ResponseCache::default();
        let read = customers::retrieve("cus_1");
        assert_eq!(cache.get(&read, 0.0), None);
        cache.answered(&read, &ok("a"), 1_000.0);
        assert_eq!(cache.get(&read, 1_000.0 + TTL_MS - 1.0).unwrap().body, "a");
        assert_eq!(cache.get(&read, 1_000.0 + TTL_MS), None, "expired");
        assert!(cache.is_empty(), "the expired answer is dropped");
    }

    #[test]
    fn only_successful_reads_are_kept_and_each_request_has_its_own() {
        let mut cache = ResponseCache::default();
        let (one, two) = (customers::retrieve("cus_1"), customers::retrieve("cus_2"));
        cache.answered(&one, &ApiResponse::json(404, &serde_json::json!({})), 0.0);
        assert_eq!(cache.get(&one, 1.0), None, "an error is asked again");
        cache.answered(&two, &ok("two"), 0.0);
        assert_eq!(cache.get(&one, 1.0), None);
        assert_eq!(cache.get(&two, 1.0).unwrap().body, "two");
        let elsewhere = customers::retrieve("cus_2").on_account("acct_other");
        assert_eq!(cache.get(&elsewhere, 1.0), None, "another account's answer differs");
    }

    #[test]
    fn a_write_clears_everything_when_it_leaves_and_when_it_is_answered() {
        let mut cache = ResponseCache::default();
        let read = customers::retrieve("cus_1");
        let write = customers::update(
            "cus_1",
            &customers::CustomerUpdate { description: Some("x".into()), ..Default::default() },
            "key_1",
        );
        cache.answered(&read, &ok("before"), 0.0);
        cache.sending(&write);
        assert_eq!(cache.get(&read, 1.0), None);
        // A read answered while the write ran may predate it.
        cache.answered(&read, &ok("maybe before"), 2.0);
        cache.answered(&write, &ok("{}"), 3.0);
        assert_eq!(cache.get(&read, 4.0), None);
        cache.sending(&read);
        cache.answered(&read, &ok("after"), 5.0);
        assert_eq!(cache.get(&read, 6.0).unwrap().body, "after");
    }

    #[test]
    fn another_user_or_rights_start_over_and_the_same_keep_it() {
        let mut cache = ResponseCache::default();
        let read = customers::retrieve("cus_1");
        cache.set_scope("usr_1 acct_1 test customer_read".into());
        cache.answered(&read, &ok("a"), 0.0);
        cache.set_scope("usr_1 acct_1 test customer_read".into());
        assert!(cache.get(&read, 1.0).is_some());
        cache.set_scope("usr_2 acct_1 test customer_read".into());
        assert_eq!(cache.get(&read, 1.0), None);
    }
}
