//! Fetching and reading the page on screen: one request, whatever its kind, becomes rows of
//! customers and the pager's links.

use super::{Links, ListState, PageRequest, Step};
use crate::api::error::{decode, interpret};
use crate::api::form::encode_pairs;
use crate::api::pagination::{next_search_page, page_links, HasId, PageLinks};
use crate::api::types::{Customer, List, SearchResult};
use crate::api::{customers, subscriptions, ApiError, ApiRequest, ApiResponse};
use serde::Deserialize;
use serde_json::Value;
use std::future::Future;

/// The page on screen: one row per customer, and where the pager leads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shown {
    pub customers: Vec<Customer>,
    pub links: Links,
}

impl PageRequest {
    /// The API request (pure, STYLE §6).
    pub fn build(&self) -> ApiRequest {
        match self {
            PageRequest::Customers(params) => customers::list(params),
            PageRequest::Customer(id) => customers::retrieve(id),
            PageRequest::Search(params) => customers::search(params),
            PageRequest::Subscriptions(params) => {
                let mut request = subscriptions::list(params);
                let sep = if request.path.contains('?') { '&' } else { '?' };
                let expand = encode_pairs(&[("expand[]".into(), "data.customer".into())]);
                request.path = format!("{}{sep}{expand}", request.path);
                request
            }
        }
    }
}

/// A subscription on a filter page: only its id (the cursor) and its customer, read by
/// [`customer_of`].
#[derive(Deserialize)]
struct SubscriptionEntry {
    id: String,
    customer: Value,
}

impl HasId for SubscriptionEntry {
    fn id(&self) -> &str {
        &self.id
    }
}

/// The customer of a retrieve or an expansion; `None` for a deleted customer (Stripe sends
/// only `id`, `object` and `deleted: true`) or an id that was not expanded.
fn customer_of(value: Value, path: &str) -> Result<Option<Customer>, ApiError> {
    if !value.is_object() || value["deleted"] == true {
        return Ok(None);
    }
    decode(&value.to_string()).map(Some).map_err(|e| match e {
        ApiError::Decode { path: inner, message } => {
            let path = [path, &inner].into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>();
            ApiError::Decode { path: path.join("."), message }
        }
        other => other,
    })
}

fn cursor_links(links: PageLinks) -> Links {
    Links { prev: links.prev.map(Step::Cursor), next: links.next.map(Step::Cursor) }
}

/// Fetches the page `state` is on and reads it. `send` is the transport (the wasm client's
/// `fetch`, or the demo account in tests).
///
/// A filter page is a page of *subscriptions* (`page_size` of them, newest first) shown as one
/// row per distinct customer, so it can hold fewer rows than the page size; its cursors are
/// subscription ids. An id that matches no customer is an empty page, not an error.
pub async fn load<S, Fut>(state: &ListState, send: S) -> Result<Shown, ApiError>
where
    S: FnOnce(ApiRequest) -> Fut,
    Fut: Future<Output = Result<ApiResponse, ApiError>>,
{
    let request = state.request();
    let response = send(request.build()).await?;
    match request {
        PageRequest::Customers(_) => {
            let list: List<Customer> = interpret(response)?;
            let links = cursor_links(page_links(&state.cursor, &list));
            Ok(Shown { customers: list.data, links })
        }
        PageRequest::Customer(_) => match interpret::<Value>(response) {
            Ok(value) => {
                let customers = customer_of(value, "")?.into_iter().collect();
                Ok(Shown { customers, ..Default::default() })
            }
            Err(e) if e.is_not_found() => Ok(Shown::default()),
            Err(e) => Err(e),
        },
        PageRequest::Search(params) => {
            let result: SearchResult<Customer> = interpret(response)?;
            let next = next_search_page(&params, &result).and_then(|p| p.page);
            let links = Links {
                prev: (!state.search_pages.is_empty()).then_some(Step::SearchBack),
                next: next.map(Step::SearchPage),
            };
            Ok(Shown { customers: result.data, links })
        }
        PageRequest::Subscriptions(_) => {
            let list: List<SubscriptionEntry> = interpret(response)?;
            let links = cursor_links(page_links(&state.cursor, &list));
            let mut customers: Vec<Customer> = Vec::new();
            for (i, entry) in list.data.into_iter().enumerate() {
                let path = format!("data[{i}].customer");
                if let Some(c) = customer_of(entry.customer, &path)? {
                    if customers.iter().all(|seen| seen.id != c.id) {
                        customers.push(c);
                    }
                }
            }
            Ok(Shown { customers, links })
        }
    }
}

/// Stripe's explanation of an invalid search query (a 400 on `query`, naming the position), to
/// show next to the box; `None` for any other failure.
pub fn query_error(state: &ListState, error: &ApiError) -> Option<String> {
    if !matches!(state.request(), PageRequest::Search(_)) {
        return None;
    }
    let ApiError::Stripe { status: 400, error } = error else { return None };
    let message = error.message.clone()?;
    let about_query = error.param.as_deref() == Some("query") || message.contains("search query");
    about_query.then_some(message)
}
