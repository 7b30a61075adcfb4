//! Stripe's `Table` family as plain `<table>` markup: no signals per cell, so a large table costs
//! what its elements cost. For a list of items, key the rows with `<For>`:
//!
//! ```ignore
//! <Table label="Customers">
//!     <TableHead><TableRow>
//!         <TableHeaderCell>"Name"</TableHeaderCell>
//!         <TableHeaderCell align=Align::Right>"Balance"</TableHeaderCell>
//!     </TableRow></TableHead>
//!     <TableBody>
//!         <For each=move || customers.get() key=|c| c.id.clone() let:c>
//!             <TableRow on_press=move || open(&c.id)>
//!                 <TableCell>{c.name.clone()}</TableCell>
//!                 <TableCell align=Align::Right>{c.balance.clone()}</TableCell>
//!             </TableRow>
//!         </For>
//!     </TableBody>
//! </Table>
//! ```

use leptos::ev::{KeyboardEvent, MouseEvent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Horizontal alignment of a cell's content (Stripe's `align`); amounts go right.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Align {
    /// Start of the line (the default).
    #[default]
    Left,
    /// Centred.
    Center,
    /// End of the line, for numbers and amounts.
    Right,
}

impl Align {
    /// Stripe's name for the alignment.
    pub fn as_str(self) -> &'static str {
        match self {
            Align::Left => "left",
            Align::Center => "center",
            Align::Right => "right",
        }
    }

    /// The cell's CSS class, if it needs one.
    fn class(self) -> Option<String> {
        (self != Align::Left).then(|| format!("align-{}", self.as_str()))
    }
}

/// A table (Stripe's `Table`).
#[component]
pub fn Table(
    /// The table's accessible name, when no heading right before it says what it lists.
    #[prop(optional, into)]
    label: Option<String>,
    children: Children,
) -> impl IntoView {
    view! { <table class="table" aria-label=label>{children()}</table> }
}

/// The header rows of a [`Table`] (Stripe's `TableHead`).
#[component]
pub fn TableHead(children: Children) -> impl IntoView {
    view! { <thead>{children()}</thead> }
}

/// The body rows of a [`Table`] (Stripe's `TableBody`).
#[component]
pub fn TableBody(children: Children) -> impl IntoView {
    view! { <tbody>{children()}</tbody> }
}

/// A row (Stripe's `TableRow`). With `on_press` the row is an action, like a Dashboard list row
/// that opens the object: a click anywhere on it, or Enter or Space while it has focus, calls
/// `on_press`. It joins the Tab order (`tabindex="0"`) and keeps its `row` role, so screen
/// readers still read it as a row of cells. A press that starts on a link, button or field
/// inside the row belongs to that control and does not also press the row.
#[component]
pub fn TableRow(
    /// Makes the row an action: called on click, Enter or Space.
    #[prop(optional, into)]
    on_press: Option<Callback<()>>,
    children: Children,
) -> impl IntoView {
    let Some(on_press) = on_press else {
        return view! { <tr>{children()}</tr> }.into_any();
    };
    let click = move |ev: MouseEvent| {
        if pressed_the_row_itself(&ev) {
            on_press.run(());
        }
    };
    let keydown = move |ev: KeyboardEvent| {
        if matches!(ev.key().as_str(), "Enter" | " ") && pressed_the_row_itself(&ev) {
            ev.prevent_default(); // Space would scroll the drawer
            on_press.run(());
        }
    };
    view! {
        <tr class="table-row-pressable" tabindex="0" on:click=click on:keydown=keydown>
            {children()}
        </tr>
    }
    .into_any()
}

/// Whether the nearest interactive element around the event's target is the row, not a
/// control inside it.
fn pressed_the_row_itself(ev: &web_sys::Event) -> bool {
    const INTERACTIVE: &str = "a[href], button, input, select, textarea, label, [tabindex]";
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(INTERACTIVE).ok().flatten())
        .is_some_and(|el| el.class_list().contains("table-row-pressable"))
}

/// A column (or row) heading (Stripe's `TableHeaderCell`), in a [`TableHead`] row.
#[component]
pub fn TableHeaderCell(
    /// Horizontal alignment; match the column's cells.
    #[prop(optional)]
    align: Align,
    /// How many columns the heading spans.
    #[prop(optional)]
    col_span: Option<u32>,
    children: Children,
) -> impl IntoView {
    view! {
        <th scope="col" class=align.class() colspan=col_span.map(|n| n.to_string())>
            {children()}
        </th>
    }
}

/// A data cell (Stripe's `TableCell`).
#[component]
pub fn TableCell(
    /// Horizontal alignment: [`Align::Right`] for amounts.
    #[prop(optional)]
    align: Align,
    /// How many columns the cell spans.
    #[prop(optional)]
    col_span: Option<u32>,
    children: Children,
) -> impl IntoView {
    view! { <td class=align.class() colspan=col_span.map(|n| n.to_string())>{children()}</td> }
}
