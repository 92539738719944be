//! The frame of every page: skip link, header with the menu and the
//! language switch, and the main landmark.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use super::locale::{use_locale, use_texts};
use crate::i18n::Locale;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let t = use_texts();
    view! {
        <a class="skip-link" href="#main">{t.skip_to_content}</a>
        <header class="site-header">
            <A href="/" attr:class="brand">
                <span class="brand-mark" aria-hidden="true">"◢"</span>
                <span class="brand-name">{t.app_name}</span>
            </A>
            <nav class="site-nav" aria-label=t.nav_label>
                <A href="/">{t.nav_overview}</A>
            </nav>
            <LanguageSwitch/>
        </header>
        <main id="main" tabindex="-1">{children()}</main>
    }
}

/// Plain links to the server's `/lang/{code}` route, which sets the cookie
/// and sends the reader back: works with and without wasm.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let t = use_texts();
    let current = use_locale();
    let location = use_location();
    let back = move || {
        let path = location.pathname.get();
        let search = location.search.get();
        if search.is_empty() {
            path
        } else {
            format!("{path}?{search}")
        }
    };
    view! {
        <nav class="lang-switch" aria-label=t.language_label>
            <ul>
                {Locale::ALL
                    .into_iter()
                    .map(|locale| {
                        let href = move || format!("/lang/{}?to={}", locale.code(), encode_component(&back()));
                        let is_current = locale == current;
                        view! {
                            <li>
                                <a
                                    href=href
                                    rel="external"
                                    hreflang=locale.code()
                                    lang=locale.code()
                                    aria-current=is_current.then_some("true")
                                >
                                    {locale.texts().language_name}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// Percent-encodes a path for use as a query value.
fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => out.push(byte as char),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}
