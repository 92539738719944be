//! The frame of every page: skip link, header with the menu and the
//! language switch, and the main landmark.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use super::locale::{use_locale, use_texts};
use crate::api::who_am_i;
use crate::i18n::Locale;
use crate::views::SessionUser;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let t = use_texts();
    // Who is signed in decides the menu; read once per page load (signing
    // in and out are full page loads).
    let user = OnceResource::new(who_am_i());
    view! {
        <a class="skip-link" href="#main">{t.skip_to_content}</a>
        <header class="site-header">
            <A href="/" attr:class="brand">
                <span class="brand-mark" aria-hidden="true">"◢"</span>
                <span class="brand-name">{t.app_name}</span>
            </A>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let user = user.await.ok().flatten();
                    view! {
                        <Menu user=user.clone()/>
                        <UserMenu user/>
                    }
                })}
            </Suspense>
            <LanguageSwitch/>
        </header>
        <main id="main" tabindex="-1">{children()}</main>
    }
}

#[component]
fn Menu(user: Option<SessionUser>) -> impl IntoView {
    let t = use_texts();
    let user = user.filter(|u| u.can_read)?;
    Some(view! {
        <nav class="site-nav" aria-label=t.nav_label>
            <A href="/">{t.nav_overview}</A>
            <A href="/status">{use_locale().status_page().nav}</A>
            <A href="/dashboard">{use_locale().dashboard().nav}</A>
            <A href="/meetings">{use_locale().meeting().nav}</A>
            <A href="/portfolio/priorities">{t.nav_portfolio}</A>
            {user.can_manage_people.then(|| view! { <A href="/admin/people">{t.nav_people}</A> })}
            {user.can_view_audit.then(|| view! { <A href="/audit">{t.nav_audit}</A> })}
            <A href="/contracts">{t.contract.nav}</A>
            <A href="/escalations">{t.escalation.nav}</A>
        </nav>
    })
}

/// The signed-in person with a link to their account and a sign-out
/// button (a plain form post, so it works before the wasm loads); for
/// public readers, a sign-in link.
#[component]
fn UserMenu(user: Option<SessionUser>) -> impl IntoView {
    let t = use_texts();
    let user = user?;
    Some(if user.public {
        view! {
            <div class="user-menu">
                <span class="muted">{t.public_reading}</span>
                <a href="/sign-in" rel="external">{t.sign_in_link}</a>
            </div>
        }
        .into_any()
    } else {
        view! {
            <div class="user-menu">
                <A href="/account" attr:class="user-name" attr:title=t.nav_account>
                    <span class="visually-hidden">{t.signed_in_as}" "</span>
                    {user.name}
                </A>
                <form method="post" action="/auth/sign-out">
                    <button type="submit" class="link-button">{t.sign_out}</button>
                </form>
            </div>
        }
        .into_any()
    })
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
                        let href = move || format!("/lang/{}?to={}", locale.code(), super::encode_component(&back()));
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
