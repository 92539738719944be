//! Which language the interface speaks. The server reads the language
//! cookie and provides it; the browser reads it back from `<html lang>`,
//! which the server wrote, so both render the same text.

use leptos::prelude::*;

use crate::i18n::{Locale, Texts};

pub fn provide_locale() {
    if use_context::<Locale>().is_none() {
        provide_context(browser_locale());
    }
}

pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

pub fn use_texts() -> &'static Texts {
    use_locale().texts()
}

#[cfg(feature = "hydrate")]
fn browser_locale() -> Locale {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|root| root.get_attribute("lang"))
        .and_then(|lang| Locale::from_code(&lang))
        .unwrap_or_default()
}

#[cfg(not(feature = "hydrate"))]
fn browser_locale() -> Locale {
    Locale::default()
}
