//! Pages for what went wrong: not found, and failures.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::use_texts;
use crate::api::AppError;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let t = use_texts();
    view! {
        <Title text=format!("{} – {}", t.not_found_title, t.app_name)/>
        <section class="status-page">
            <h1>{t.not_found_title}</h1>
            <p>{t.not_found_body}</p>
            <p><A href="/">{t.back_to_overview}</A></p>
        </section>
    }
}

/// What a page shows when its data could not be had.
#[component]
pub fn ErrorPage(error: AppError) -> impl IntoView {
    match error {
        AppError::NotFound => view! { <NotFound/> }.into_any(),
        AppError::Unauthorized => {
            let t = use_texts();
            view! {
                <Title text=format!("{} – {}", t.err_unauthorized_title, t.app_name)/>
                <section class="status-page" role="alert">
                    <h1>{t.err_unauthorized_title}</h1>
                    <p>{t.err_unauthorized}</p>
                    <p><a href="/sign-in" rel="external">{t.sign_in_link}</a></p>
                </section>
            }
            .into_any()
        }
        AppError::Forbidden => {
            #[cfg(feature = "ssr")]
            if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                response.set_status(http::StatusCode::FORBIDDEN);
            }
            let t = use_texts();
            view! {
                <Title text=format!("{} – {}", t.err_forbidden_title, t.app_name)/>
                <section class="status-page" role="alert">
                    <h1>{t.err_forbidden_title}</h1>
                    <p>{t.err_forbidden}</p>
                    <p><A href="/">{t.back_to_overview}</A></p>
                </section>
            }
            .into_any()
        }
        _ => {
            let t = use_texts();
            view! {
                <Title text=format!("{} – {}", t.error_title, t.app_name)/>
                <section class="status-page" role="alert">
                    <h1>{t.error_title}</h1>
                    <p>{t.error_body}</p>
                    <p><A href="/">{t.back_to_overview}</A></p>
                </section>
            }
            .into_any()
        }
    }
}
