//! Cursor pagination over Stripe's newest-first lists, as pure functions (STYLE §8).
//!
//! Stripe's `has_more` is relative to the cursor: with `starting_after` (or none) it means
//! more items after the page (older); with `ending_before` it means more items before it
//! (newer). A page fetched with `ending_before` is still in newest-first order.
//!
//! Search endpoints page differently: by the opaque `next_page` cursor of the previous result.
//! [`pages`] and [`search_pages`] walk either kind to the end, as a `Stream` of pages.

use super::error::interpret;
use super::types::{List, SearchResult};
use super::{ApiError, ApiRequest, ApiResponse};
use futures::stream::{self, Stream};
use serde::de::DeserializeOwned;
use std::future::Future;

/// An object with a Stripe id, usable as a pagination cursor. Every listed type in
/// [`super::types`] implements it.
pub trait HasId {
    fn id(&self) -> &str;
}

/// The paging parameters every list endpoint takes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListParams {
    /// 1–100; Stripe's default is 10.
    pub limit: Option<u8>,
    /// Items older than this id.
    pub starting_after: Option<String>,
    /// Items newer than this id. Stripe refuses both cursors at once.
    pub ending_before: Option<String>,
}

impl ListParams {
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the page size.
    pub fn limit(mut self, limit: u8) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Pages forward from `id` (and drops `ending_before`).
    pub fn starting_after(mut self, id: impl Into<String>) -> Self {
        self.starting_after = Some(id.into());
        self.ending_before = None;
        self
    }

    /// Pages backward from `id` (and drops `starting_after`).
    pub fn ending_before(mut self, id: impl Into<String>) -> Self {
        self.ending_before = Some(id.into());
        self.starting_after = None;
        self
    }

    /// The parameters that fetch the page at `cursor`, `limit` items long.
    pub fn for_cursor(cursor: &Cursor, limit: u8) -> Self {
        let params = ListParams::new().limit(limit);
        match cursor {
            Cursor::First => params,
            Cursor::After(id) => params.starting_after(id.as_str()),
            Cursor::Before(id) => params.ending_before(id.as_str()),
        }
    }

    /// The query pairs, in the order stripe-node would send them.
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        if let Some(limit) = self.limit {
            pairs.push(("limit".to_string(), limit.to_string()));
        }
        if let Some(id) = &self.starting_after {
            pairs.push(("starting_after".to_string(), id.clone()));
        }
        if let Some(id) = &self.ending_before {
            pairs.push(("ending_before".to_string(), id.clone()));
        }
        pairs
    }
}

/// Where a page of a previous/next pager starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cursor {
    /// The newest page.
    First,
    /// The page after (older than) this id.
    After(String),
    /// The page before (newer than) this id.
    Before(String),
}

/// The pager's links from the page on screen; `None` disables the button.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageLinks {
    /// Older items.
    pub next: Option<Cursor>,
    /// Newer items.
    pub prev: Option<Cursor>,
}

/// Previous/next links for `list`, fetched at `cursor`.
pub fn page_links<T: HasId>(cursor: &Cursor, list: &List<T>) -> PageLinks {
    let first = list.data.first().map(|t| t.id().to_string());
    let last = list.data.last().map(|t| t.id().to_string());
    match cursor {
        Cursor::First => {
            PageLinks { next: last.filter(|_| list.has_more).map(Cursor::After), prev: None }
        }
        Cursor::After(from) => PageLinks {
            next: last.filter(|_| list.has_more).map(Cursor::After),
            // We came from a newer page, so there is always one to go back to.
            prev: Some(Cursor::Before(first.unwrap_or_else(|| from.clone()))),
        },
        Cursor::Before(_) => PageLinks {
            // We came from an older page, so there is always one to go forward to.
            next: Some(last.map_or(Cursor::First, Cursor::After)),
            prev: first.filter(|_| list.has_more).map(Cursor::Before),
        },
    }
}

/// The parameters for the page after `list` when auto-paging, or `None` when done. Pages in
/// the direction `params` already goes: backward (newer) if it has `ending_before`, as
/// stripe-node's auto-pagination does.
pub fn next_page<T: HasId>(params: &ListParams, list: &List<T>) -> Option<ListParams> {
    if !list.has_more {
        return None;
    }
    // NB: `has_more` with no item to take a cursor from would request the same page forever
    // (async-stripe's infinite-loop guard), so stop instead.
    if params.ending_before.is_some() {
        let first = list.data.first()?;
        Some(params.clone().ending_before(first.id()))
    } else {
        let last = list.data.last()?;
        Some(params.clone().starting_after(last.id()))
    }
}

/// The parameters of a search endpoint (`/v1/…/search`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchParams {
    /// Stripe's search query language, e.g. `email~"jenny" AND metadata['tier']:'gold'`.
    pub query: String,
    /// 1–100; Stripe's default is 10.
    pub limit: Option<u8>,
    /// The `next_page` cursor of the previous result.
    pub page: Option<String>,
}

impl SearchParams {
    /// The first page of results for `query`.
    pub fn new(query: impl Into<String>) -> Self {
        SearchParams { query: query.into(), ..Self::default() }
    }

    /// Sets the page size.
    pub fn limit(mut self, limit: u8) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Fetches the page at this `next_page` cursor.
    pub fn page(mut self, page: impl Into<String>) -> Self {
        self.page = Some(page.into());
        self
    }

    /// The query pairs: `query`, then `limit` and `page` if set.
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        let mut pairs = vec![("query".to_string(), self.query.clone())];
        if let Some(limit) = self.limit {
            pairs.push(("limit".to_string(), limit.to_string()));
        }
        if let Some(page) = &self.page {
            pairs.push(("page".to_string(), page.clone()));
        }
        pairs
    }
}

/// The parameters for the search page after `result`, or `None` when done.
pub fn next_search_page<T>(
    params: &SearchParams,
    result: &SearchResult<T>,
) -> Option<SearchParams> {
    if !result.has_more {
        return None;
    }
    // NB: `has_more` without a `next_page` (or with the page we just fetched) has nothing new to
    // ask for; requesting it again would loop forever.
    let page = result.next_page.as_ref().filter(|p| params.page.as_ref() != Some(*p))?;
    Some(params.clone().page(page.as_str()))
}

/// Every page of a list endpoint, from `first` on, as a stream: `build` makes the request for a
/// page's parameters (e.g. `customers::list`, or a closure over `invoices::list(customer, …)`),
/// `send` performs it. Pages in the direction `first` goes (see [`next_page`]); ends after the
/// last page, or after the first error, which it yields once.
///
/// `send` is the transport (the wasm `Client`'s `fetch`, or canned responses in tests);
/// it answers every HTTP status with `Ok`, which [`interpret`] reads.
pub fn pages<T, S, Fut, B>(
    send: S,
    build: B,
    first: ListParams,
) -> impl Stream<Item = Result<List<T>, ApiError>>
where
    T: DeserializeOwned + HasId,
    S: FnMut(ApiRequest) -> Fut,
    Fut: Future<Output = Result<ApiResponse, ApiError>>,
    B: Fn(&ListParams) -> ApiRequest,
{
    walk(send, build, first, next_page::<T>)
}

/// Every page of a search endpoint, from `first` on, as a stream; like [`pages`], paging by
/// `next_page` (see [`next_search_page`]). `build` is e.g. `customers::search`.
pub fn search_pages<T, S, Fut, B>(
    send: S,
    build: B,
    first: SearchParams,
) -> impl Stream<Item = Result<SearchResult<T>, ApiError>>
where
    T: DeserializeOwned,
    S: FnMut(ApiRequest) -> Fut,
    Fut: Future<Output = Result<ApiResponse, ApiError>>,
    B: Fn(&SearchParams) -> ApiRequest,
{
    walk(send, build, first, next_search_page::<T>)
}

/// Fetches `first`, then whatever `next` says follows each page, until it says nothing or a
/// request fails.
fn walk<P, R, S, Fut, B, N>(
    send: S,
    build: B,
    first: P,
    next: N,
) -> impl Stream<Item = Result<R, ApiError>>
where
    R: DeserializeOwned,
    S: FnMut(ApiRequest) -> Fut,
    Fut: Future<Output = Result<ApiResponse, ApiError>>,
    B: Fn(&P) -> ApiRequest,
    N: Fn(&P, &R) -> Option<P>,
{
    stream::unfold(Some((first, send, build, next)), |state| async move {
        let (params, mut send, build, next) = state?;
        match send(build(&params)).await.and_then(interpret::<R>) {
            Ok(page) => {
                let after = next(&params, &page).map(|p| (p, send, build, next));
                Some((Ok(page), after))
            }
            Err(e) => Some((Err(e), None)),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq)]
    struct Item(String);

    impl HasId for Item {
        fn id(&self) -> &str {
            &self.0
        }
    }

    /// A fake Stripe list of `n` items, newest first: `obj_{n-1}` … `obj_0`.
    fn all(n: usize) -> Vec<Item> {
        (0..n).rev().map(|i| Item(format!("obj_{i}"))).collect()
    }

    /// What Stripe answers for `params` over `items`.
    fn fetch(items: &[Item], params: &ListParams) -> List<Item> {
        let limit = params.limit.unwrap_or(10) as usize;
        let pos = |id: &String| items.iter().position(|i| &i.0 == id).unwrap();
        let (data, has_more): (Vec<Item>, bool) = if let Some(id) = &params.ending_before {
            let end = pos(id);
            let start = end.saturating_sub(limit);
            (items[start..end].to_vec(), start > 0)
        } else {
            let start = params.starting_after.as_ref().map_or(0, |id| pos(id) + 1);
            let end = (start + limit).min(items.len());
            (items[start..end].to_vec(), end < items.len())
        };
        List { object: "list".into(), url: "/v1/items".into(), has_more, data }
    }

    fn list(ids: &[&str], has_more: bool) -> List<Item> {
        let data = ids.iter().map(|s| Item(s.to_string())).collect();
        List { object: "list".into(), url: "/v1/items".into(), has_more, data }
    }

    fn after(id: &str) -> Option<Cursor> {
        Some(Cursor::After(id.into()))
    }

    fn before(id: &str) -> Option<Cursor> {
        Some(Cursor::Before(id.into()))
    }

    #[test]
    fn params_serialize_only_what_is_set_and_cursors_exclude_each_other() {
        assert!(ListParams::new().to_pairs().is_empty());
        let p = ListParams::new().limit(3).ending_before("x").starting_after("cus_1");
        let want = [("limit", "3"), ("starting_after", "cus_1")];
        assert_eq!(p.to_pairs(), want.map(|(k, v)| (k.to_string(), v.to_string())));
        let before = ListParams::for_cursor(&Cursor::Before("y".into()), 5);
        assert_eq!(before, ListParams::new().limit(5).ending_before("y"));
        assert_eq!(ListParams::for_cursor(&Cursor::First, 5), ListParams::new().limit(5));
    }

    #[test]
    fn empty_list_has_no_links_and_no_next_page() {
        let empty = list(&[], false);
        assert_eq!(page_links(&Cursor::First, &empty), PageLinks { next: None, prev: None });
        assert_eq!(next_page(&ListParams::new(), &empty), None);
    }

    #[test]
    fn single_page_has_no_links() {
        let page = list(&["c", "b", "a"], false);
        assert_eq!(page_links(&Cursor::First, &page), PageLinks { next: None, prev: None });
        assert_eq!(next_page(&ListParams::new(), &page), None);
    }

    #[test]
    fn first_page_with_more_links_forward_from_its_last_item() {
        let page = list(&["c", "b"], true);
        assert_eq!(page_links(&Cursor::First, &page), PageLinks { next: after("b"), prev: None });
    }

    #[test]
    fn page_after_a_cursor_links_back_from_its_first_item() {
        let middle = list(&["c", "b"], true);
        let links = page_links(&Cursor::After("d".into()), &middle);
        assert_eq!(links, PageLinks { next: after("b"), prev: before("c") });
        let last = list(&["a"], false);
        assert_eq!(page_links(&Cursor::After("b".into()), &last).next, None);
    }

    // An emptied page (its items were deleted) must still lead back to where we came from.
    #[test]
    fn empty_page_after_a_cursor_links_back_to_that_cursor() {
        let links = page_links(&Cursor::After("b".into()), &list(&[], false));
        assert_eq!(links, PageLinks { next: None, prev: before("b") });
    }

    #[test]
    fn page_before_a_cursor_reads_has_more_as_newer_items() {
        let page = list(&["e", "d"], true);
        let links = page_links(&Cursor::Before("c".into()), &page);
        assert_eq!(links, PageLinks { next: after("d"), prev: before("e") });
        let newest = list(&["e", "d"], false);
        assert_eq!(page_links(&Cursor::Before("c".into()), &newest).prev, None);
        let empty = page_links(&Cursor::Before("c".into()), &list(&[], false));
        assert_eq!(empty, PageLinks { next: Some(Cursor::First), prev: None });
    }

    // async-stripe's guard: `has_more` with no data would re-request the same page forever.
    #[test]
    fn has_more_without_a_cursor_item_stops_paging() {
        assert_eq!(next_page(&ListParams::new(), &list(&[], true)), None);
        assert_eq!(next_page(&ListParams::new().ending_before("x"), &list(&[], true)), None);
        assert_eq!(page_links(&Cursor::First, &list(&[], true)).next, None);
    }

    #[test]
    fn next_page_keeps_the_limit_and_direction() {
        let page = list(&["c", "b"], true);
        let fwd = next_page(&ListParams::new().limit(2), &page);
        assert_eq!(fwd, Some(ListParams::new().limit(2).starting_after("b")));
        let back = next_page(&ListParams::new().limit(2).ending_before("a"), &page);
        assert_eq!(back, Some(ListParams::new().limit(2).ending_before("c")));
    }

    #[test]
    fn auto_paging_visits_every_item_once_in_order() {
        for (n, limit) in [(0, 3), (1, 3), (3, 3), (10, 3), (10, 1), (25, 100)] {
            let items = all(n);
            let mut params = Some(ListParams::new().limit(limit));
            let mut seen = Vec::new();
            while let Some(p) = params {
                let page = fetch(&items, &p);
                seen.extend(page.data.iter().cloned());
                params = next_page(&p, &page);
            }
            assert_eq!(seen, items, "n={n} limit={limit}");
        }
    }

    #[test]
    fn pager_walks_forward_then_back_through_the_same_pages() {
        for (n, limit) in [(10, 3), (9, 3), (7, 1), (2, 5)] {
            let items = all(n);
            let mut cursor = Some(Cursor::First);
            let mut forward = Vec::new();
            let mut page = None;
            while let Some(c) = cursor {
                let list = fetch(&items, &ListParams::for_cursor(&c, limit));
                cursor = page_links(&c, &list).next;
                forward.push(list.data.clone());
                page = Some((c, list));
            }
            let mut backward = vec![forward.last().unwrap().clone()];
            let (mut c, mut list) = page.unwrap();
            while let Some(prev) = page_links(&c, &list).prev {
                list = fetch(&items, &ListParams::for_cursor(&prev, limit));
                backward.push(list.data.clone());
                c = prev;
            }
            backward.reverse();
            assert_eq!(backward, forward, "n={n} limit={limit}");
            assert_eq!(forward.concat(), items);
        }
    }
}
