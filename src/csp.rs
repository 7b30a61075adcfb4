//! The manifest's `content_security_policy` as the browser enforces it.

use crate::manifest::Manifest;

/// The `Content-Security-Policy` of the extension document: `'self'` (the bundle's own
/// origin, which serves its .js and .wasm) plus the manifest's `connect-src`, and `'self'`,
/// `data:` plus its `image-src` for images. extension.html must carry exactly this.
pub fn extension_policy(manifest: &Manifest) -> String {
    let csp = manifest.ui_extension.content_security_policy.as_ref();
    let list = |extra: &[&str], entries: Option<&Vec<String>>| {
        extra
            .iter()
            .map(|s| s.to_string())
            .chain(entries.into_iter().flatten().cloned())
            .collect::<Vec<_>>()
            .join(" ")
    };
    format!(
        "connect-src {}; img-src {}",
        list(&["'self'"], csp.map(|c| &c.connect_src)),
        list(&["'self'", "data:"], csp.map(|c| &c.image_src)),
    )
}
