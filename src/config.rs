//! Constants shared by the extension, the host and the CLI.

/// The Stripe API version every request pins (`Stripe-Version`). Kept before `…endive`, which
/// removed `payment_method_types` from SetupIntent create (reference §13.6).
pub const STRIPE_API_VERSION: &str = "2025-09-30.clover";

/// The only key an extension may send. Like Stripe's SDK, the host performs the call for the
/// signed-in user and refuses any request that carries a real key.
pub const PLACEHOLDER_API_KEY: &str = "DO_NOT_PASS_A_REAL_API_KEY";

/// `Authorization` header value the extension sends with every Stripe API request.
pub const AUTHORIZATION_VALUE: &str = "Bearer DO_NOT_PASS_A_REAL_API_KEY";

/// The app's brand colour, shown in the drawer header.
pub const BRAND_COLOR: &str = "#635bff";

/// How long the extension waits for the host's `init` before saying it has no host (ms).
pub const HOST_HANDSHAKE_TIMEOUT_MS: i32 = 4000;
