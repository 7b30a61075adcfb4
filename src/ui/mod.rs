//! Widgets named and shaped after Stripe's UI toolkit (reference §9), styled in
//! style/extension.css to look like the Dashboard. User text is always rendered as text.

mod badge;
mod banner;
mod button;
mod context_view;
mod error_state;
mod focus_view;
mod property_list;
mod spinner;
mod text_field;

pub use badge::Badge;
pub use banner::Banner;
pub use button::Button;
pub use context_view::{ContextView, SettingsView};
pub use error_state::ErrorState;
pub use focus_view::FocusView;
pub use property_list::{PropertyList, PropertyListItem};
pub use spinner::Spinner;
pub use text_field::TextField;
