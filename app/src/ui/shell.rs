//! The HTML document around the application, rendered on the server.

use leptos::prelude::*;
use leptos_meta::MetaTags;

use super::{App, STYLESHEET};
use crate::i18n::Locale;

pub fn shell(options: LeptosOptions) -> impl IntoView {
    let locale = use_context::<Locale>().unwrap_or_default();
    view! {
        <!DOCTYPE html>
        <html lang=locale.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="description" content=locale.texts().tagline/>
                <meta name="theme-color" content="#0b3d5c"/>
                <link rel="stylesheet" href=STYLESHEET/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}
