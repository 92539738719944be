//! `/account`: the signed-in person's roles and API tokens.

use leptos::prelude::*;
use leptos_meta::Title;

use super::super::status::ErrorPage;
use super::super::use_texts;
use super::{described, invalid, last_error, FieldError, FormOutcome};
use crate::api::{get_account, CreateApiToken, RevokeApiToken};
use crate::domain::ApiToken;
use crate::views::AccountPage as Account;

#[component]
pub fn AccountPage() -> impl IntoView {
    let t = use_texts();
    let create = ServerAction::<CreateApiToken>::new();
    let revoke = ServerAction::<RevokeApiToken>::new();
    let data = Resource::new(move || (create.version().get(), revoke.version().get()), |_| get_account());
    view! {
        <Title text=format!("{} – {}", t.account_title, t.app_name)/>
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(account) => view! { <AccountBody account create revoke/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn AccountBody(
    account: Account,
    create: ServerAction<CreateApiToken>,
    revoke: ServerAction<RevokeApiToken>,
) -> impl IntoView {
    let t = use_texts();
    let error = last_error(create.value());
    let created = move || create.value().get().and_then(Result::ok);
    view! {
        <div class="page-head">
            <div>
                <h1>{t.account_title}</h1>
                <p class="lead">{account.person.name.clone()}" · "{account.person.email.clone()}</p>
            </div>
        </div>
        <section aria-labelledby="my-roles">
            <h2 id="my-roles">{t.account_roles}</h2>
            {if account.roles.is_empty() {
                view! { <p class="muted">{t.no_roles}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {account.roles.iter().map(|(role, object)| view! {
                            <li>{t.role(*role)}" – "{object.clone().unwrap_or_else(|| t.whole_portfolio.to_owned())}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <section aria-labelledby="api-tokens">
            <h2 id="api-tokens">{t.tokens_title}</h2>
            <p>{t.tokens_intro}</p>
            <ActionForm action=create attr:class="inline-form">
                <label for="token-name">{t.token_name_label}</label>
                <input
                    id="token-name"
                    name="name"
                    type="text"
                    required
                    maxlength="100"
                    aria-invalid=invalid(error, "name")
                    aria-describedby=move || described(error, "token", "name")().unwrap_or_else(|| "token-name-hint".into())
                />
                <button type="submit">{t.token_create}</button>
                <p class="hint" id="token-name-hint">{t.token_name_hint}</p>
                <FieldError error field="name" form="token"/>
            </ActionForm>
            <FormOutcome error done=Signal::derive(|| false)/>
            {move || created().map(|new| view! {
                <div class="token-secret" role="status">
                    <p>{t.token_created}</p>
                    <code class="secret" data-token>{new.secret}</code>
                </div>
            })}
            <TokenTable tokens=account.tokens revoke/>
        </section>
    }
}

#[component]
fn TokenTable(tokens: Vec<ApiToken>, revoke: ServerAction<RevokeApiToken>) -> impl IntoView {
    let t = use_texts();
    let revoke_error = last_error(revoke.value());
    if tokens.is_empty() {
        return view! { <p class="muted">{t.no_tokens}</p> }.into_any();
    }
    let when = |at: chrono::DateTime<chrono::Utc>| at.format("%Y-%m-%d %H:%M").to_string();
    view! {
        <table class="data-table tokens stack">
            <thead>
                <tr>
                    <th scope="col">{t.col_name}</th>
                    <th scope="col">{t.col_created}</th>
                    <th scope="col">{t.col_last_used}</th>
                    <th scope="col">{t.col_status}</th>
                </tr>
            </thead>
            <tbody>
                {tokens.into_iter().map(|token| {
                    let revoke_label = format!("{} {}", t.token_revoke, token.name);
                    let status = match token.revoked_at {
                        Some(_) => view! { <span class="badge">{t.token_revoked}</span> }.into_any(),
                        None => view! {
                            <ActionForm action=revoke attr:class="row-action">
                                <input type="hidden" name="id" value=token.id.to_string()/>
                                <span class="badge ok">{t.token_active}</span>" "
                                <button type="submit" aria-label=revoke_label>
                                    {t.token_revoke}
                                </button>
                            </ActionForm>
                        }.into_any(),
                    };
                    view! {
                        <tr>
                            <th scope="row">{token.name.clone()}</th>
                            <td data-label=t.col_created>{when(token.created_at)}</td>
                            <td data-label=t.col_last_used>
                                {token.last_used_at.map_or_else(|| t.never.to_owned(), when)}
                            </td>
                            <td data-label=t.col_status>{status}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <FormOutcome error=revoke_error done=Signal::derive(|| false)/>
    }
    .into_any()
}
