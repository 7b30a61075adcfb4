//! The customer list's state as plain data (STYLE §10): what the merchant asked for (a
//! search, a subscription-status filter, a page size), where in the pages they are, and the
//! one Stripe request that shows that page. The view renders it and forwards actions.
//!
//! Only the page on screen is fetched, so the list costs the same at 10 or 10,000 customers.
//!
//! **Search and the status filter are exclusive.** Customer search cannot filter by
//! subscription status and `/v1/subscriptions` cannot search customers, so combining them
//! would mean fetching every customer. Choosing one resets the other, visibly: the box or the
//! select changes, and [`ListState::notice`] says why.

mod page;
pub mod summary;

pub use page::{load, query_error, Shown};

use super::customer_search::{lookup, CustomerLookup};
use crate::api::pagination::{Cursor, ListParams, SearchParams};
use crate::api::subscriptions::SubscriptionListParams;

/// The page sizes offered.
pub const PAGE_SIZES: [u8; 4] = [10, 25, 50, 100];

/// The status filter's choices. Anything but `All` lists customers through their
/// subscriptions in that status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum StatusFilter {
    #[default]
    All,
    Active,
    Trialing,
    PastDue,
    Canceled,
}

impl StatusFilter {
    pub const ALL: [StatusFilter; 5] = [
        StatusFilter::All,
        StatusFilter::Active,
        StatusFilter::Trialing,
        StatusFilter::PastDue,
        StatusFilter::Canceled,
    ];

    /// The select's value: Stripe's subscription `status`, or `all`.
    pub fn as_str(self) -> &'static str {
        match self {
            StatusFilter::All => "all",
            StatusFilter::Active => "active",
            StatusFilter::Trialing => "trialing",
            StatusFilter::PastDue => "past_due",
            StatusFilter::Canceled => "canceled",
        }
    }

    /// The option's text.
    pub fn label(self) -> &'static str {
        match self {
            StatusFilter::All => "All customers",
            StatusFilter::Active => "Active",
            StatusFilter::Trialing => "Trialing",
            StatusFilter::PastDue => "Past due",
            StatusFilter::Canceled => "Canceled",
        }
    }

    /// The filter with this select value.
    pub fn from_value(value: &str) -> Option<StatusFilter> {
        Self::ALL.into_iter().find(|f| f.as_str() == value)
    }

    /// The subscription status to list, `None` for every customer.
    pub fn status(self) -> Option<&'static str> {
        (self != StatusFilter::All).then(|| self.as_str())
    }
}

/// Why the list changed something the merchant did not touch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// A search was run while a status filter was on.
    FilterReset,
    /// A status filter was chosen while a search was on.
    SearchCleared,
}

impl Notice {
    pub fn text(self) -> &'static str {
        match self {
            Notice::FilterReset => {
                "Search looks through all customers, so the status filter is back to All customers."
            }
            Notice::SearchCleared => {
                "The status filter lists customers by subscription, so the search was cleared."
            }
        }
    }
}

/// A pager move.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// To the list page at this cursor.
    Cursor(Cursor),
    /// To the search page at this `next_page` token.
    SearchPage(String),
    /// Back to the search page before this one.
    SearchBack,
}

/// The pager's moves from the page on screen; `None` disables the button.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Links {
    pub prev: Option<Step>,
    pub next: Option<Step>,
}

/// What the merchant does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListAction {
    /// Runs the search box's text ("" lists every customer).
    Search(String),
    Filter(StatusFilter),
    PageSize(u8),
    Go(Step),
}

/// The request that shows a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageRequest {
    /// `GET /v1/customers`.
    Customers(ListParams),
    /// `GET /v1/customers/{id}`.
    Customer(String),
    /// `GET /v1/customers/search`.
    Search(SearchParams),
    /// `GET /v1/subscriptions?status=…&expand[]=data.customer`.
    Subscriptions(SubscriptionListParams),
}

/// Everything that decides the page on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListState {
    /// The search as last run (the box's text may have changed since).
    pub search: String,
    pub filter: StatusFilter,
    pub page_size: u8,
    /// The list page (customers, or a filter's subscriptions).
    pub cursor: Cursor,
    /// The `next_page` tokens followed to reach the search page shown; empty on the first.
    pub search_pages: Vec<String>,
    /// Why the last action reset the search or the filter, if it did.
    pub notice: Option<Notice>,
}

impl Default for ListState {
    fn default() -> Self {
        ListState {
            search: String::new(),
            filter: StatusFilter::All,
            page_size: PAGE_SIZES[0],
            cursor: Cursor::First,
            search_pages: Vec::new(),
            notice: None,
        }
    }
}

impl ListState {
    /// Applies `action`. Anything but a pager move starts again from the first page.
    pub fn apply(&mut self, action: ListAction) {
        self.notice = None;
        if let ListAction::Go(step) = action {
            match step {
                Step::Cursor(cursor) => self.cursor = cursor,
                Step::SearchPage(token) => self.search_pages.push(token),
                Step::SearchBack => {
                    self.search_pages.pop();
                }
            }
            return;
        }
        self.cursor = Cursor::First;
        self.search_pages.clear();
        match action {
            ListAction::Search(text) => {
                self.search = text.trim().to_string();
                if !self.search.is_empty() && self.filter != StatusFilter::All {
                    self.filter = StatusFilter::All;
                    self.notice = Some(Notice::FilterReset);
                }
            }
            ListAction::Filter(filter) => {
                self.filter = filter;
                if filter != StatusFilter::All && !self.search.is_empty() {
                    self.search.clear();
                    self.notice = Some(Notice::SearchCleared);
                }
            }
            ListAction::PageSize(size) => self.page_size = size.clamp(1, 100),
            ListAction::Go(_) => unreachable!("handled above"),
        }
    }

    /// How the search box's text is looked up.
    pub fn lookup(&self) -> CustomerLookup {
        lookup(&self.search)
    }

    /// The one request for the page on screen. A search wins over a filter, though
    /// [`ListState::apply`] never leaves both on.
    pub fn request(&self) -> PageRequest {
        let list = ListParams::for_cursor(&self.cursor, self.page_size);
        match (self.lookup(), self.filter.status()) {
            (CustomerLookup::Id(id), _) => PageRequest::Customer(id),
            (CustomerLookup::Query(query), _) => {
                let params = SearchParams::new(query).limit(self.page_size);
                PageRequest::Search(match self.search_pages.last() {
                    Some(token) => params.page(token.as_str()),
                    None => params,
                })
            }
            (CustomerLookup::All, None) => PageRequest::Customers(list),
            (CustomerLookup::All, Some(status)) => {
                PageRequest::Subscriptions(SubscriptionListParams {
                    status: Some(status.into()),
                    list,
                    ..Default::default()
                })
            }
        }
    }

    /// What an empty page says: a title and a line under it.
    pub fn empty_text(&self) -> (String, String) {
        let (title, detail) = match (self.lookup(), self.filter) {
            (CustomerLookup::Id(id), _) => (
                format!("No customer with id {id}"),
                "Check the id, or search by name or email.".to_string(),
            ),
            (CustomerLookup::Query(_), _) => (
                format!("No customers match “{}”", self.search),
                "Search matches whole emails, and names from 3 letters.".to_string(),
            ),
            (CustomerLookup::All, StatusFilter::All) => (
                "No customers yet".to_string(),
                "Customers you create in the Dashboard or through the API appear here.".to_string(),
            ),
            (CustomerLookup::All, filter) => (
                format!("No customers with {} subscriptions", filter.label().to_lowercase()),
                "Choose All customers to see everyone.".to_string(),
            ),
        };
        (title, detail)
    }
}

#[cfg(test)]
mod tests;
