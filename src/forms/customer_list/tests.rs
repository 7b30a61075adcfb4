use super::*;
use crate::api::error::interpret;
use crate::api::types::{Customer, List, SearchResult, Subscription, SubscriptionStatus};
use crate::api::{ApiError, ApiRequest, ApiResponse};
use crate::demo::DemoAccount;
use std::cell::RefCell;

fn state() -> ListState {
    ListState::default()
}

fn applied(actions: impl IntoIterator<Item = ListAction>) -> ListState {
    let mut s = state();
    actions.into_iter().for_each(|a| s.apply(a));
    s
}

fn search(text: &str) -> ListAction {
    ListAction::Search(text.into())
}

#[test]
fn filter_values_and_labels_round_trip() {
    let table = [
        (StatusFilter::All, "all", "All customers", None),
        (StatusFilter::Active, "active", "Active", Some("active")),
        (StatusFilter::Trialing, "trialing", "Trialing", Some("trialing")),
        (StatusFilter::PastDue, "past_due", "Past due", Some("past_due")),
        (StatusFilter::Canceled, "canceled", "Canceled", Some("canceled")),
    ];
    for (filter, value, label, status) in table {
        assert_eq!((filter.as_str(), filter.label(), filter.status()), (value, label, status));
        assert_eq!(StatusFilter::from_value(value), Some(filter));
    }
    assert_eq!(StatusFilter::from_value("unpaid"), None);
}

#[test]
fn each_state_makes_exactly_one_request() {
    let path = |s: &ListState| s.request().build().path;
    assert_eq!(path(&state()), "/v1/customers?limit=10");
    assert_eq!(path(&applied([ListAction::PageSize(25)])), "/v1/customers?limit=25");
    let mut s = state();
    s.cursor = Cursor::After("cus_9".into());
    assert_eq!(path(&s), "/v1/customers?limit=10&starting_after=cus_9");
    assert_eq!(
        path(&applied([search(" jo@x.co ")])),
        "/v1/customers/search?query=email%3A%27jo%40x.co%27&limit=10"
    );
    assert_eq!(path(&applied([search("cus_ABC")])), "/v1/customers/cus_ABC");
    let past_due = applied([ListAction::Filter(StatusFilter::PastDue), ListAction::PageSize(50)]);
    assert_eq!(
        path(&past_due),
        "/v1/subscriptions?status=past_due&limit=50&expand[]=data.customer"
    );
    let mut paged = applied([search("name~'son'")]);
    paged.search_pages = vec!["p1".into(), "p2".into()];
    assert_eq!(path(&paged), "/v1/customers/search?query=name~%27son%27&limit=10&page=p2");
}

#[test]
fn a_search_resets_the_filter_and_says_so() {
    let s = applied([ListAction::Filter(StatusFilter::Active), search("Rosen")]);
    assert_eq!((s.filter, s.search.as_str()), (StatusFilter::All, "Rosen"));
    assert_eq!(s.notice, Some(Notice::FilterReset));
    // Clearing the search keeps a filter: nothing to reset.
    let s = applied([ListAction::Filter(StatusFilter::Active), search("  ")]);
    assert_eq!((s.filter, s.notice), (StatusFilter::Active, None));
}

#[test]
fn a_filter_clears_the_search_and_says_so() {
    let s = applied([search("Rosen"), ListAction::Filter(StatusFilter::Trialing)]);
    assert_eq!((s.filter, s.search.as_str()), (StatusFilter::Trialing, ""));
    assert_eq!(s.notice, Some(Notice::SearchCleared));
    let s = applied([search("Rosen"), ListAction::Filter(StatusFilter::All)]);
    assert_eq!((s.search.as_str(), s.notice), ("Rosen", None));
    // The notice is about the last action only.
    let s = applied([
        search("Rosen"),
        ListAction::Filter(StatusFilter::Trialing),
        ListAction::PageSize(25),
    ]);
    assert_eq!(s.notice, None);
}

#[test]
fn pager_moves_keep_the_query_and_everything_else_starts_over() {
    let mut s = applied([search("name~'son'")]);
    s.apply(ListAction::Go(Step::SearchPage("p1".into())));
    s.apply(ListAction::Go(Step::SearchPage("p2".into())));
    assert_eq!(s.search_pages, ["p1", "p2"]);
    s.apply(ListAction::Go(Step::SearchBack));
    assert_eq!(s.search_pages, ["p1"]);
    s.apply(ListAction::PageSize(50));
    assert_eq!((s.search_pages.len(), s.page_size), (0, 50));
    s.apply(ListAction::Go(Step::Cursor(Cursor::After("cus_1".into()))));
    s.apply(ListAction::Filter(StatusFilter::Canceled));
    assert_eq!(s.cursor, Cursor::First);
    s.apply(ListAction::Go(Step::Cursor(Cursor::Before("sub_1".into()))));
    s.apply(search(""));
    assert_eq!((s.cursor, s.filter), (Cursor::First, StatusFilter::Canceled));
}

#[test]
fn empty_pages_say_what_was_asked() {
    let title = |s: ListState| s.empty_text().0;
    assert_eq!(title(state()), "No customers yet");
    assert_eq!(title(applied([search("cus_nope")])), "No customer with id cus_nope");
    assert_eq!(title(applied([search("Zed")])), "No customers match “Zed”");
    let past_due = applied([ListAction::Filter(StatusFilter::PastDue)]);
    assert_eq!(title(past_due), "No customers with past due subscriptions");
}

/// The seeded demo account behind a `load` transport.
struct Demo(RefCell<DemoAccount>);

impl Demo {
    fn new() -> Self {
        Demo(RefCell::new(DemoAccount::seeded()))
    }

    fn answer(&self, req: &ApiRequest) -> ApiResponse {
        self.0.borrow_mut().handle(req)
    }

    fn load(&self, state: &ListState) -> Result<Shown, ApiError> {
        let response = |req: ApiRequest| {
            let res = self.answer(&req);
            async move { Ok(res) }
        };
        futures::executor::block_on(load(state, response))
    }

    fn ids(&self, state: &ListState) -> Vec<String> {
        self.load(state).unwrap().customers.into_iter().map(|c| c.id).collect()
    }

    fn customers(&self) -> Vec<Customer> {
        self.0.borrow().customers().to_vec()
    }

    fn subscriptions(&self, status: &str) -> Vec<Subscription> {
        let params = SubscriptionListParams {
            status: Some(status.into()),
            list: ListParams::new().limit(100),
            ..Default::default()
        };
        let list: List<Subscription> =
            interpret(self.answer(&PageRequest::Subscriptions(params).build())).unwrap();
        assert!(!list.has_more);
        list.data
    }
}

#[test]
fn the_plain_list_pages_by_cursor() {
    let demo = Demo::new();
    let mut s = state();
    let first = demo.load(&s).unwrap();
    assert_eq!(first.customers.len(), 10);
    assert_eq!(first.links.prev, None);
    s.apply(ListAction::Go(first.links.next.clone().unwrap()));
    let second = demo.load(&s).unwrap();
    assert!(second.customers.iter().all(|c| !first.customers.contains(c)));
    s.apply(ListAction::Go(second.links.prev.unwrap()));
    assert_eq!(demo.load(&s).unwrap().customers, first.customers);
}

#[test]
fn an_email_finds_exactly_that_customer() {
    let demo = Demo::new();
    let target = demo.customers().into_iter().find(|c| c.email.is_some()).unwrap();
    let s = applied([search(target.email.as_deref().unwrap())]);
    let shown = demo.load(&s).unwrap();
    assert_eq!(shown.customers, [target]);
    assert_eq!(shown.links, Links::default());
}

#[test]
fn a_search_pages_forward_by_token_and_back_by_the_stack() {
    let demo = Demo::new();
    let mut s = applied([search("name~'son' OR name~'mar'")]);
    let mut pages = vec![demo.load(&s).unwrap()];
    while let Some(next) = pages.last().unwrap().links.next.clone() {
        assert!(matches!(next, Step::SearchPage(_)));
        s.apply(ListAction::Go(next));
        pages.push(demo.load(&s).unwrap());
    }
    assert!(pages.len() >= 2, "the query matches more than a page");
    let seen: Vec<String> =
        pages.iter().flat_map(|p| p.customers.iter().map(|c| c.id.clone())).collect();
    let want: Vec<String> = demo
        .customers()
        .into_iter()
        .filter(|c| {
            c.name.as_deref().is_some_and(|n| {
                n.to_lowercase().contains("son") || n.to_lowercase().contains("mar")
            })
        })
        .map(|c| c.id)
        .collect();
    assert_eq!(seen.len(), want.len());
    assert!(want.iter().all(|id| seen.contains(id)));
    for page in pages.iter().rev().skip(1) {
        s.apply(ListAction::Go(Step::SearchBack));
        assert_eq!(demo.load(&s).unwrap().customers, page.customers);
    }
    assert_eq!(demo.load(&s).unwrap().links.prev, None);
}

#[test]
fn an_id_is_retrieved_and_an_unknown_id_is_an_empty_page() {
    let demo = Demo::new();
    let target = demo.customers().pop().unwrap();
    assert_eq!(demo.ids(&applied([search(&target.id)])), [target.id]);
    let missing = demo.load(&applied([search("cus_doesnotexist")])).unwrap();
    assert_eq!(missing, Shown::default());
}

#[test]
fn an_invalid_query_gives_stripes_message_for_the_box() {
    let demo = Demo::new();
    let s = applied([search("name:'unclosed")]);
    let err = demo.load(&s).unwrap_err();
    let message = query_error(&s, &err).expect("a query error");
    assert!(message.contains("character"), "{message}");
    // Other failures are not the query's fault.
    let down = ApiError::Network("offline".into());
    assert_eq!(query_error(&s, &down), None);
    assert_eq!(query_error(&state(), &err), None);
}

#[test]
fn a_status_filter_shows_each_customer_with_such_a_subscription_once() {
    let demo = Demo::new();
    for (filter, status) in [
        (StatusFilter::PastDue, SubscriptionStatus::PastDue),
        (StatusFilter::Active, SubscriptionStatus::Active),
        (StatusFilter::Canceled, SubscriptionStatus::Canceled),
    ] {
        let subs = demo.subscriptions(filter.as_str());
        assert!(subs.iter().all(|s| s.status == status));
        let mut want: Vec<String> = Vec::new();
        for sub in &subs {
            if !want.iter().any(|id| id == sub.customer.id()) {
                want.push(sub.customer.id().to_string());
            }
        }
        let mut s = applied([ListAction::Filter(filter), ListAction::PageSize(100)]);
        assert_eq!(demo.ids(&s), want, "{filter:?}");
        // Smaller pages are pages of subscriptions: together they show the same customers.
        s.apply(ListAction::PageSize(3));
        let mut seen: Vec<String> = Vec::new();
        loop {
            let page = demo.load(&s).unwrap();
            assert!(page.customers.len() <= 3);
            for c in page.customers {
                if !seen.contains(&c.id) {
                    seen.push(c.id);
                }
            }
            let Some(next) = page.links.next else { break };
            s.apply(ListAction::Go(next));
        }
        assert_eq!(seen, want, "{filter:?} in pages of 3");
    }
}

#[test]
fn deleted_customers_have_no_row_and_bad_ones_say_where() {
    let demo = Demo::new();
    let s = applied([ListAction::Filter(StatusFilter::Active)]);
    let page = demo.answer(&s.request().build());
    let mut body: serde_json::Value = serde_json::from_str(&page.body).unwrap();
    body["data"][0]["customer"] =
        serde_json::json!({"id": "cus_gone", "object": "customer", "deleted": true});
    let first_kept = body["data"][1]["customer"]["id"].clone();
    let canned = ApiResponse::json(200, &body);
    let shown = futures::executor::block_on(load(&s, |_| async { Ok(canned) })).unwrap();
    assert_eq!(serde_json::json!(shown.customers[0].id), first_kept);
    body["data"][1]["customer"]["created"] = "yesterday".into();
    let broken = ApiResponse::json(200, &body);
    let err = futures::executor::block_on(load(&s, |_| async { Ok(broken) })).unwrap_err();
    let ApiError::Decode { path, .. } = err else { panic!("{err:?}") };
    assert_eq!(path, "data[1].customer.created");
}

#[test]
fn search_results_decode_as_search_results() {
    // Guards the request/decoder pairing: a search answer is a `search_result`, not a list.
    let demo = Demo::new();
    let s = applied([search("name~'son'")]);
    let raw: SearchResult<Customer> = interpret(demo.answer(&s.request().build())).unwrap();
    assert_eq!(demo.load(&s).unwrap().customers, raw.data);
}
