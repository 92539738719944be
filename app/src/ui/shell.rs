//! The HTML document around the application, rendered on the server.

use leptos::prelude::*;
use leptos_meta::MetaTags;

use super::{App, STYLESHEET, WITHOUT_WASM};
use crate::i18n::Locale;

pub fn shell(options: LeptosOptions) -> impl IntoView {
    let locale = use_context::<Locale>().unwrap_or_default();
    set_content_security_policy();
    let hydrate = use_context::<http::request::Parts>().is_none_or(|parts| !WITHOUT_WASM.contains(&parts.uri.path()));
    view! {
        <!DOCTYPE html>
        <html lang=locale.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="description" content=locale.texts().tagline/>
                <meta name="theme-color" content="#0b3d5c"/>
                <link rel="stylesheet" href=STYLESHEET/>
                {hydrate.then(|| view! { <HydrationScripts options/> })}
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Allows our own files, the wasm, and the one inline hydration script
/// (by this response's nonce); nothing else: no other origin, no plugins,
/// no `<base>`, no framing.
fn set_content_security_policy() {
    let (Some(nonce), Some(response)) = (leptos::nonce::use_nonce(), use_context::<leptos_axum::ResponseOptions>())
    else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
         frame-ancestors 'none'; form-action 'self'"
    );
    if let Ok(value) = http::HeaderValue::from_str(&policy) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}
