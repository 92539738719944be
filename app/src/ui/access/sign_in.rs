//! `/sign-in`: e-mail and password, or the municipality's single sign-on.
//! A plain form posted to the server, so it works before the wasm loads;
//! a refused attempt comes back here with the reason and real status.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::super::use_texts;
use crate::api::get_sign_in_options;

#[component]
pub fn SignInPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let param = move |name: &str| query.read().get(name).filter(|v| !v.is_empty());
    let options = OnceResource::new(get_sign_in_options());
    let error = param("error");
    let message = error.as_deref().map(|code| match code {
        "credentials" => t.err_credentials.to_owned(),
        "throttled" => t.err_throttled.replace("{n}", &param("wait").unwrap_or_else(|| "15".into())),
        "sso_failed" => t.err_sso_failed.to_owned(),
        "sso_unknown" => t.err_sso_unknown.to_owned(),
        "sso_off" => t.err_sso_off.to_owned(),
        _ => t.err_missing.to_owned(),
    });
    let has_error = message.is_some();
    let next = param("next").unwrap_or_else(|| "/".into());
    let sso_href = format!("/auth/oidc/start?next={}", crate::ui::encode_component(&next));
    view! {
        <Title text=format!("{} – {}", t.sign_in_title, t.app_name)/>
        <section class="sign-in">
            <h1>{t.sign_in_title}</h1>
            <p class="lead">{t.sign_in_intro}</p>
            {param("notice").map(|_| view! { <p class="notice" role="status">{t.notice_signed_out}</p> })}
            {message.map(|m| view! { <p class="form-error" id="sign-in-error" role="alert">{m}</p> })}
            <form method="post" action="/auth/sign-in" class="stacked-form">
                <input type="hidden" name="next" value=next/>
                <label for="sign-in-email">{t.email_label}</label>
                <input
                    id="sign-in-email"
                    name="email"
                    type="email"
                    autocomplete="username"
                    required
                    value=param("email").unwrap_or_default()
                    aria-invalid=has_error.then_some("true")
                    aria-describedby=has_error.then_some("sign-in-error")
                />
                <label for="sign-in-password">{t.password_label}</label>
                <input
                    id="sign-in-password"
                    name="password"
                    type="password"
                    autocomplete="current-password"
                    required
                    aria-invalid=has_error.then_some("true")
                    aria-describedby=has_error.then_some("sign-in-error")
                />
                <button type="submit" class="primary">{t.sign_in_button}</button>
            </form>
            <Suspense fallback=|| ()>
                {move || {
                    let sso_href = sso_href.clone();
                    Suspend::new(async move {
                    let options = options.await.unwrap_or_default();
                    let sso = options.single_sign_on.then(|| view! {
                        <p class="sso">
                            <span class="muted">{t.sign_in_or}</span>
                            <a class="button" href=sso_href.clone() rel="external">{t.sign_in_sso}</a>
                        </p>
                    });
                    let demo = options.demo_password.clone().map(|password| view! {
                        <details class="demo-accounts">
                            <summary>{t.demo_accounts_title}</summary>
                            <p>{t.demo_accounts_intro}" "<code>{password}</code></p>
                            <ul class="plain-list">
                                {options.demo_accounts.iter().map(|(email, role, object)| view! {
                                    <li>
                                        <code>{email.clone()}</code>" – "{t.role(*role)}
                                        {object.clone().map(|o| format!(" ({o})"))}
                                    </li>
                                }).collect_view()}
                            </ul>
                        </details>
                    });
                    view! { {sso} {demo} }
                })}}
            </Suspense>
        </section>
    }
}
