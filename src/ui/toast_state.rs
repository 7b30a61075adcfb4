//! The toasts' state, without the DOM: a queue in the order they were shown, of which the first
//! [`MAX_VISIBLE`] are on screen and the rest wait their turn. A success or caution toast asks
//! for a dismiss timer when it comes on screen (so it is seen for the whole time) and again
//! after each update; a timer that fires after a newer update is stale and does nothing.
//! The `Toaster` component only renders [`Toasts::visible`] and arms [`Toasts::take_timers`].

/// How many toasts are on screen at once.
pub const MAX_VISIBLE: usize = 3;

/// The kind of a toast, as in Stripe's `showToast(message, {type})`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ToastKind {
    /// Something worked; dismisses itself.
    Success,
    /// Something went wrong or needs attention; announced as an alert, dismisses itself.
    Caution,
    /// Something is under way; stays until updated or dismissed.
    Pending,
}

impl ToastKind {
    /// Stripe's name for the kind, also the CSS class suffix (`toast-success`).
    pub fn as_str(self) -> &'static str {
        match self {
            ToastKind::Success => "success",
            ToastKind::Caution => "caution",
            ToastKind::Pending => "pending",
        }
    }

    /// Whether a toast of this kind goes away on its own.
    pub fn dismisses_itself(self) -> bool {
        !matches!(self, ToastKind::Pending)
    }
}

/// Names one toast for [`Toasts::update`] and [`Toasts::dismiss`]. The default id belongs to
/// no toast.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ToastId(u64);

/// One toast.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Toast {
    /// Its id, as [`Toasts::show`] returned it.
    pub id: ToastId,
    /// The text, shown as text.
    pub message: String,
    /// Its kind.
    pub kind: ToastKind,
    /// Bumped by every update: a timer armed for an older version is stale.
    pub version: u32,
    armed: bool,
}

/// A request to dismiss a toast after the toaster's delay, unless it changed meanwhile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timer {
    /// The toast to dismiss.
    pub id: ToastId,
    /// The version the timer was armed for.
    pub version: u32,
}

/// Every toast shown and not yet dismissed, oldest first.
#[derive(Clone, Debug, Default)]
pub struct Toasts {
    queue: Vec<Toast>,
    last_id: u64,
}

impl Toasts {
    /// Adds a toast at the end of the queue.
    pub fn show(&mut self, message: impl Into<String>, kind: ToastKind) -> ToastId {
        self.last_id += 1;
        let id = ToastId(self.last_id);
        self.queue.push(Toast { id, message: message.into(), kind, version: 0, armed: false });
        id
    }

    /// Replaces a toast's text and kind in place; false if it is gone.
    pub fn update(&mut self, id: ToastId, message: impl Into<String>, kind: ToastKind) -> bool {
        let Some(toast) = self.queue.iter_mut().find(|t| t.id == id) else { return false };
        toast.message = message.into();
        toast.kind = kind;
        toast.version += 1;
        toast.armed = false;
        true
    }

    /// Removes a toast; false if it was already gone.
    pub fn dismiss(&mut self, id: ToastId) -> bool {
        let before = self.queue.len();
        self.queue.retain(|t| t.id != id);
        self.queue.len() != before
    }

    /// A timer fired: dismisses its toast unless the toast was updated since it was armed.
    pub fn expire(&mut self, timer: Timer) -> bool {
        let current = self.queue.iter().any(|t| t.id == timer.id && t.version == timer.version);
        current && self.dismiss(timer.id)
    }

    /// The toasts on screen, oldest first.
    pub fn visible(&self) -> &[Toast] {
        &self.queue[..self.queue.len().min(MAX_VISIBLE)]
    }

    /// How many toasts wait for room on screen.
    pub fn waiting(&self) -> usize {
        self.queue.len().saturating_sub(MAX_VISIBLE)
    }

    /// The timers to arm now: one per visible self-dismissing toast that has none for its
    /// current version. Each is handed out once.
    pub fn take_timers(&mut self) -> Vec<Timer> {
        let visible = self.queue.len().min(MAX_VISIBLE);
        self.queue[..visible]
            .iter_mut()
            .filter(|t| t.kind.dismisses_itself() && !t.armed)
            .map(|t| {
                t.armed = true;
                Timer { id: t.id, version: t.version }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ToastKind::*;

    fn messages(toasts: &Toasts) -> Vec<&str> {
        toasts.visible().iter().map(|t| t.message.as_str()).collect()
    }

    #[test]
    fn kinds_use_stripes_names_and_only_pending_stays() {
        for (kind, name, stays) in
            [(Success, "success", false), (Caution, "caution", false), (Pending, "pending", true)]
        {
            assert_eq!(kind.as_str(), name);
            assert_eq!(kind.dismisses_itself(), !stays, "{name}");
        }
    }

    #[test]
    fn each_toast_gets_its_own_id_and_none_is_the_default() {
        let mut toasts = Toasts::default();
        let a = toasts.show("a", Success);
        let b = toasts.show("b", Success);
        assert_ne!(a, b);
        assert_ne!(a, ToastId::default());
        assert!(!toasts.dismiss(ToastId::default()));
    }

    #[test]
    fn at_most_three_are_visible_and_the_next_moves_up_when_one_goes() {
        let mut toasts = Toasts::default();
        let ids: Vec<_> = ["1", "2", "3", "4"].map(|m| toasts.show(m, Pending)).into();
        assert_eq!(messages(&toasts), ["1", "2", "3"]);
        assert_eq!(toasts.waiting(), 1);
        assert!(toasts.dismiss(ids[1]));
        assert_eq!(messages(&toasts), ["1", "3", "4"]);
        assert_eq!(toasts.waiting(), 0);
        assert!(!toasts.dismiss(ids[1]), "already gone");
    }

    #[test]
    fn update_changes_text_and_kind_in_place() {
        let mut toasts = Toasts::default();
        let first = toasts.show("Saving…", Pending);
        toasts.show("other", Pending);
        assert!(toasts.update(first, "Saved", Success));
        assert_eq!(messages(&toasts), ["Saved", "other"]);
        assert_eq!(toasts.visible()[0].kind, Success);
        assert!(toasts.dismiss(first));
        assert!(!toasts.update(first, "late", Caution), "an update after dismiss is ignored");
    }

    #[test]
    fn self_dismissing_toasts_ask_for_one_timer_and_pending_for_none() {
        let mut toasts = Toasts::default();
        let ok = toasts.show("ok", Success);
        let warn = toasts.show("careful", Caution);
        toasts.show("working", Pending);
        let timers = toasts.take_timers();
        assert_eq!(timers.iter().map(|t| t.id).collect::<Vec<_>>(), [ok, warn]);
        assert!(toasts.take_timers().is_empty(), "each timer is handed out once");
        assert!(toasts.expire(timers[0]));
        assert_eq!(messages(&toasts), ["careful", "working"]);
    }

    // A queued toast must be on screen for its whole time, so its timer starts when it shows.
    #[test]
    fn a_waiting_toast_gets_its_timer_when_it_comes_on_screen() {
        let mut toasts = Toasts::default();
        let first = toasts.show("1", Success);
        toasts.show("2", Pending);
        toasts.show("3", Pending);
        let fourth = toasts.show("4", Success);
        let timers = toasts.take_timers();
        assert_eq!(timers.len(), 1, "only the visible success toast: {timers:?}");
        assert!(toasts.expire(timers[0]));
        assert!(!toasts.visible().iter().any(|t| t.id == first));
        assert_eq!(toasts.take_timers(), [Timer { id: fourth, version: 0 }]);
    }

    // An update must restart the clock: the old timer must not cut the new text short.
    #[test]
    fn a_timer_armed_before_an_update_is_stale() {
        let mut toasts = Toasts::default();
        let id = toasts.show("Saved", Success);
        let old = toasts.take_timers()[0];
        toasts.update(id, "Saved again", Success);
        assert!(!toasts.expire(old));
        assert_eq!(messages(&toasts), ["Saved again"]);
        let new = toasts.take_timers();
        assert_eq!(new, [Timer { id, version: 1 }]);
        assert!(toasts.expire(new[0]));
        assert!(toasts.visible().is_empty());
    }

    #[test]
    fn pending_updated_to_success_then_dismisses_itself() {
        let mut toasts = Toasts::default();
        let id = toasts.show("Saving…", Pending);
        assert!(toasts.take_timers().is_empty());
        toasts.update(id, "Saved", Success);
        let timers = toasts.take_timers();
        assert_eq!(timers.len(), 1);
        assert!(toasts.expire(timers[0]));
    }

    #[test]
    fn a_success_turned_pending_outlives_its_old_timer() {
        let mut toasts = Toasts::default();
        let id = toasts.show("Saved", Success);
        let old = toasts.take_timers()[0];
        toasts.update(id, "Saving again…", Pending);
        assert!(!toasts.expire(old));
        assert!(toasts.take_timers().is_empty());
        assert_eq!(messages(&toasts), ["Saving again…"]);
    }
}
