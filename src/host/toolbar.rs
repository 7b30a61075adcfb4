//! The preview's controls: viewport, customer, signed-in user, mode, and the backend in use.

use super::HostState;
use crate::api::types::Customer;
use crate::context::Mode;
use crate::preview::{BackendChoice, PreviewState, USERS};
use leptos::prelude::*;

#[component]
pub fn Toolbar(host: HostState) -> impl IntoView {
    let state = host.state;
    let views = host.manifest.ui_extension.views.clone();
    // The picker's list depends on the mode and backend only: listed when a detail viewport
    // first shows the picker (a list viewport's first paint doesn't wait for it), then kept
    // until the mode or backend changes, so switching viewports doesn't list again.
    let source =
        Memo::new(move |_| state.with(|s| ((s.mode, s.backend), PreviewState::shows_object(s))));
    let listed = StoredValue::new(None::<((Mode, BackendChoice), Vec<Customer>)>);
    let customers = {
        let host = host.clone();
        LocalResource::new(move || {
            let (host, (key, shown)) = (host.clone(), source.get());
            async move {
                if !shown {
                    return Vec::new();
                }
                if let Some((_, list)) = listed.get_value().filter(|(k, _)| *k == key) {
                    return list;
                }
                let list = host.customers().await;
                listed.set_value(Some((key, list.clone())));
                list
            }
        })
    };
    let is_detail = move || state.with(PreviewState::shows_object);
    view! {
        <div class="preview-bar" role="toolbar" aria-label="Preview controls">
            <label>
                "Viewport "
                <select
                    id="viewport-select"
                    on:change=move |ev| state.update(|s| s.viewport = event_target_value(&ev))
                    prop:value=move || state.with(|s| s.viewport.clone())
                >
                    {views.into_iter().map(|v| {
                        let label = format!("{} ({})", v.viewport, v.component);
                        view! { <option value=v.viewport.clone()>{label}</option> }
                    }).collect_view()}
                </select>
            </label>
            <Show when=is_detail>
                <label>
                    "Customer "
                    <select
                        id="customer-select"
                        on:change=move |ev| state.update(|s| s.object_id = Some(event_target_value(&ev)))
                        prop:value=move || state.with(|s| s.object_id.clone().unwrap_or_default())
                    >
                        {move || customers.get().unwrap_or_default().into_iter().map(|c| {
                            let label = format!("{} ({})", c.display_name(), c.id);
                            view! { <option value=c.id.clone()>{label}</option> }
                        }).collect_view()}
                    </select>
                </label>
            </Show>
            <label>
                "Signed in as "
                <select
                    id="user-select"
                    on:change=move |ev| {
                        let i = event_target_value(&ev).parse().unwrap_or(0);
                        state.update(|s| s.user = i)
                    }
                    prop:value=move || state.with(|s| s.user.to_string())
                >
                    {USERS.iter().enumerate().map(|(i, u)| {
                        view! { <option value=i.to_string()>{format!("{} ({})", u.name, u.role_name)}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label class="mode-toggle">
                <input
                    id="live-toggle"
                    type="checkbox"
                    prop:checked=move || state.with(|s| s.mode == Mode::Live)
                    on:change=move |ev| {
                        let live = event_target_checked(&ev);
                        state.update(|s| s.mode = if live { Mode::Live } else { Mode::Test })
                    }
                />
                " Live mode"
            </label>
            <label title="Who answers the extension's Stripe API calls">
                "Backend "
                <select
                    id="backend-select"
                    on:change=move |ev| {
                        let forward = event_target_value(&ev) == BackendChoice::Forward.as_str();
                        state.update(|s| {
                            s.backend = if forward { BackendChoice::Forward } else { BackendChoice::Demo }
                        })
                    }
                    prop:value=move || state.with(|s| s.backend.as_str())
                >
                    {[BackendChoice::Demo, BackendChoice::Forward].map(|b| {
                        view! { <option value=b.as_str()>{b.describe()}</option> }
                    }).collect_view()}
                </select>
            </label>
        </div>
    }
}
