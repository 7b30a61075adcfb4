//! A view's first API requests, started before the wasm runs.
//!
//! The bootstrap script in extension.html (a few hundred bytes of plain JS) says `ready` to the
//! Dashboard as soon as the document parses, keeps the port the host answers with, and, when
//! `init` names the component, sends that component's first requests from [`bootstrap_table`]
//! over the port at once. They travel while the bundle downloads and compiles; the extension
//! then adopts the port and hands each response to the view that asks the identical request
//! (`extension::link`). A request no view asks for is simply never read, so a stale table costs
//! a wasted request, never a wrong answer; `tests/registry.rs` keeps the copy in
//! extension.html equal to this module.
//!
//! Only reads (GET) are prefetched, and they go through the host like any other call: its
//! permission check and the user's role apply unchanged.

use crate::api::{customers, ApiRequest, Method};
use crate::forms::customer_list::ListState;

/// Stands for the page's object id in the table; the bootstrap substitutes the id from
/// `init`'s `environment.objectContext.id` (only an id of `[A-Za-z0-9_]`, which needs no
/// percent-encoding, so the request is byte for byte what the view builds).
pub const OBJECT_ID: &str = "__OBJECT_ID__";

/// The bootstrap numbers its requests from here up; the extension's own count from 1.
pub const FIRST_ID: u32 = 0x7fff_0000;

/// The requests `component` sends first on mount, for the page's `object_id`: what its first
/// paint waits for. The views build theirs with the same functions.
pub fn first_requests(component: &str, object_id: &str) -> Vec<ApiRequest> {
    match component {
        "CustomerListView" => vec![ListState::default().request().build()],
        "CustomerDetailView" => vec![customers::retrieve(object_id)],
        _ => Vec::new(),
    }
}

/// The bootstrap's table, as it appears in extension.html: `{component: [request, …]}` with
/// [`OBJECT_ID`] in place of the object id.
pub fn bootstrap_table() -> String {
    let table: serde_json::Map<String, serde_json::Value> = crate::registry::VIEWS
        .iter()
        .map(|(component, _)| (component, first_requests(component, OBJECT_ID)))
        .filter(|(_, requests)| !requests.is_empty())
        .map(|(component, requests)| {
            debug_assert!(requests.iter().all(|r| r.method == Method::Get));
            (component.to_string(), serde_json::to_value(requests).expect("plain data"))
        })
        .collect();
    serde_json::to_string(&table).expect("plain data")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_starts_with_its_default_page_and_the_detail_with_its_customer() {
        let list = first_requests("CustomerListView", OBJECT_ID);
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].path, "/v1/customers?limit=10");
        let detail = first_requests("CustomerDetailView", "cus_123");
        assert_eq!(detail, vec![customers::retrieve("cus_123")]);
        assert!(first_requests("AppSettings", OBJECT_ID).is_empty());
    }

    #[test]
    fn the_placeholder_survives_path_encoding_so_the_bootstrap_can_find_it() {
        let table = bootstrap_table();
        assert!(table.contains("/v1/customers/__OBJECT_ID__"), "{table}");
        assert!(table.contains(r#""method":"GET""#), "{table}");
        assert!(!table.contains("AppSettings"), "{table}");
    }
}
