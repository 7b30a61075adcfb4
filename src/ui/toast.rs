//! Toasts, like Stripe's `showToast(message, {type})`: a [`Toaster`] mounted once around the app
//! and a [`ToastHandle`] from [`use_toast`]. The queue itself is [`super::toast_state`].

use super::toast_state::{Timer, Toast, ToastId, ToastKind, Toasts};
use leptos::prelude::*;
use std::time::Duration;

/// How long a success or caution toast stays on screen.
pub const DEFAULT_DISMISS_AFTER: Duration = Duration::from_secs(4);

/// Shows, updates and dismisses toasts; get it with [`use_toast`]. Cheap to copy.
#[derive(Clone, Copy)]
pub struct ToastHandle {
    toasts: RwSignal<Toasts>,
    dismiss_after: Duration,
}

impl ToastHandle {
    /// Shows a toast; success and caution toasts go away on their own, pending ones stay until
    /// updated or dismissed.
    pub fn show(&self, message: impl Into<String>, kind: ToastKind) -> ToastId {
        let message = message.into();
        self.change(|t| t.show(message, kind)).unwrap_or_default()
    }

    /// Replaces a toast's text and kind (e.g. pending → success); its clock starts again.
    pub fn update(&self, id: ToastId, message: impl Into<String>, kind: ToastKind) {
        let message = message.into();
        self.change(|t| t.update(id, message, kind));
    }

    /// Removes a toast now.
    pub fn dismiss(&self, id: ToastId) {
        self.change(|t| t.dismiss(id));
    }

    /// Applies `f`, then arms the timers it made due. Nothing happens once the toaster is gone.
    fn change<R>(self, f: impl FnOnce(&mut Toasts) -> R) -> Option<R> {
        let (result, timers) = self.toasts.try_update(|t| {
            let result = f(t);
            (result, t.take_timers())
        })?;
        for timer in timers {
            self.arm(timer);
        }
        Some(result)
    }

    fn arm(self, timer: Timer) {
        set_timeout(
            move || {
                self.change(|t| t.expire(timer));
            },
            self.dismiss_after,
        );
    }
}

/// The handle of the [`Toaster`] around the calling component.
///
/// # Panics
/// If there is no `Toaster` around it.
pub fn use_toast() -> ToastHandle {
    use_context::<ToastHandle>().expect("use_toast() needs a <Toaster> around the view")
}

/// Provides [`use_toast`] to its children and shows their toasts at the bottom of the drawer, in
/// a polite live region (`role="status"`); caution toasts are alerts (`role="alert"`).
/// Mount it once, around the whole app.
#[component]
pub fn Toaster(
    /// How long success and caution toasts stay: [`DEFAULT_DISMISS_AFTER`] unless given.
    #[prop(optional)]
    dismiss_after: Option<Duration>,
    children: Children,
) -> impl IntoView {
    let handle = ToastHandle {
        toasts: RwSignal::new(Toasts::default()),
        dismiss_after: dismiss_after.unwrap_or(DEFAULT_DISMISS_AFTER),
    };
    provide_context(handle);
    // NB: keyed by version too, so an update replaces the element: screen readers announce the
    // new text, and a toast that turns caution is inserted as an alert.
    view! {
        {children()}
        <div class="toaster" role="status" aria-live="polite">
            <For
                each=move || handle.toasts.with(|t| t.visible().to_vec())
                key=|t| (t.id, t.version)
                children=|toast| view! { <ToastView toast /> }
            />
        </div>
    }
}

/// One toast: an icon for its kind, then the text.
#[component]
fn ToastView(toast: Toast) -> impl IntoView {
    let kind = toast.kind;
    let icon = match kind {
        ToastKind::Success => {
            view! { <span class="toast-icon" aria-hidden="true">"✓"</span> }.into_any()
        }
        ToastKind::Caution => {
            view! { <span class="toast-icon" aria-hidden="true">"!"</span> }.into_any()
        }
        ToastKind::Pending => {
            view! { <span class="spinner-wheel" aria-hidden="true"></span> }.into_any()
        }
    };
    view! {
        <div
            class=format!("toast toast-{}", kind.as_str())
            role=(kind == ToastKind::Caution).then_some("alert")
        >
            {icon}
            <span class="toast-message">{toast.message}</span>
        </div>
    }
}
