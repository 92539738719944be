//! `/admin/people`: administrators add people, grant and remove roles, and
//! turn the public status pages on or off. Every change is audited.

use leptos::prelude::*;
use leptos_meta::Title;

use super::super::status::ErrorPage;
use super::super::tables::Scroller;
use super::super::use_texts;
use super::{described, invalid, last_error, succeeded, FieldError, FormOutcome};
use crate::api::{get_people_admin, AddPerson, GrantRole, RevokeRole, SetPublicStatus};
use crate::domain::{PersonAccount, Role};
use crate::views::{ObjectChoice, PeopleAdmin};

#[derive(Clone, Copy)]
struct Actions {
    add: ServerAction<AddPerson>,
    grant: ServerAction<GrantRole>,
    revoke: ServerAction<RevokeRole>,
    public: ServerAction<SetPublicStatus>,
}

#[component]
pub fn PeoplePage() -> impl IntoView {
    let t = use_texts();
    let actions = Actions {
        add: ServerAction::new(),
        grant: ServerAction::new(),
        revoke: ServerAction::new(),
        public: ServerAction::new(),
    };
    let versions = move || {
        (
            actions.add.version().get(),
            actions.grant.version().get(),
            actions.revoke.version().get(),
            actions.public.version().get(),
        )
    };
    let data = Resource::new(versions, |_| get_people_admin());
    view! {
        <Title text=format!("{} – {}", t.people_title, t.app_name)/>
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(admin) => view! { <PeopleBody admin actions/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn PeopleBody(admin: PeopleAdmin, actions: Actions) -> impl IntoView {
    let t = use_texts();
    let objects = StoredValue::new(admin.objects);
    let grant_error = last_error(actions.grant.value());
    let revoke_error = last_error(actions.revoke.value());
    view! {
        <div class="page-head">
            <div>
                <h1>{t.people_title}</h1>
                <p class="lead">{t.people_intro}</p>
            </div>
        </div>
        <PublicStatus enabled=admin.public_status_pages action=actions.public/>
        <section aria-labelledby="people-list">
            <h2 id="people-list" class="visually-hidden">{t.people_title}</h2>
            <FormOutcome error=grant_error done=succeeded(actions.grant.value())/>
            <FormOutcome error=revoke_error done=succeeded(actions.revoke.value())/>
            <Scroller label=t.people_title>
                <table class="data-table people">
                    <thead>
                        <tr>
                            <th scope="col">{t.col_person}</th>
                            <th scope="col">{t.col_roles}</th>
                            <th scope="col">{t.col_sign_in}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {admin.people.into_iter().map(|account| view! {
                            <PersonRow account objects=objects.get_value() actions/>
                        }).collect_view()}
                    </tbody>
                </table>
            </Scroller>
        </section>
        <AddPersonForm action=actions.add/>
    }
}

#[component]
fn PersonRow(account: PersonAccount, objects: Vec<ObjectChoice>, actions: Actions) -> impl IntoView {
    let t = use_texts();
    let person = account.person;
    let id = person.id.to_string();
    let sign_in = match (account.has_password, account.has_single_sign_on) {
        (true, true) => format!("{}, {}", t.sign_in_by_password, t.sign_in_by_sso),
        (true, false) => t.sign_in_by_password.to_owned(),
        (false, true) => t.sign_in_by_sso.to_owned(),
        (false, false) => t.sign_in_by_none.to_owned(),
    };
    let role_form_id = format!("grant-{}", person.id);
    view! {
        <tr data-person=person.email.clone()>
            <th scope="row">
                {person.name.clone()}
                <br/>
                <span class="muted">{person.email.clone()}</span>
            </th>
            <td>
                <ul class="plain-list roles">
                    {account.roles.into_iter().map(|(role, object)| {
                        let (id, name) = (id.clone(), person.name.clone());
                        let label = format!("{}{}", t.role(role), object.as_ref().map(|o| format!(" – {o}")).unwrap_or_default());
                        view! {
                            <li>
                                <ActionForm action=actions.revoke attr:class="row-action">
                                    <input type="hidden" name="person_id" value=id.clone()/>
                                    <input type="hidden" name="role" value=role.key()/>
                                    <input type="hidden" name="object" value=object.clone().unwrap_or_default()/>
                                    {label.clone()}" "
                                    <button type="submit" class="link-button" aria-label=format!("{}: {label}, {name}", t.revoke_role_label)>
                                        {t.revoke_role}
                                    </button>
                                </ActionForm>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <details class="grant-role">
                    <summary>{t.add_role_title}</summary>
                    <ActionForm action=actions.grant attr:class="inline-form">
                        <input type="hidden" name="person_id" value=id/>
                        <label for=format!("{role_form_id}-role")>{t.role_label}</label>
                        <select id=format!("{role_form_id}-role") name="role">
                            {Role::ALL.iter().map(|role| view! { <option value=role.key()>{t.role(*role)}</option> }).collect_view()}
                        </select>
                        <label for=format!("{role_form_id}-object")>{t.object_label}</label>
                        <select id=format!("{role_form_id}-object") name="object">
                            <option value="">{t.object_none}</option>
                            {objects.iter().map(|o| view! { <option value=o.code.clone()>{format!("{} – {}", o.code, o.name)}</option> }).collect_view()}
                        </select>
                        <button type="submit">{t.add_role_button}</button>
                    </ActionForm>
                </details>
            </td>
            <td>{sign_in}</td>
        </tr>
    }
}

#[component]
fn AddPersonForm(action: ServerAction<AddPerson>) -> impl IntoView {
    let t = use_texts();
    let error = last_error(action.value());
    view! {
        <section aria-labelledby="add-person">
            <h2 id="add-person">{t.add_person_title}</h2>
            <ActionForm action attr:class="stacked-form" attr:novalidate=true>
                <label for="person-name">{t.name_label}</label>
                <input id="person-name" name="name" type="text" autocomplete="off" maxlength="200"
                    aria-invalid=invalid(error, "name") aria-describedby=described(error, "person", "name")/>
                <FieldError error field="name" form="person"/>
                <label for="person-email">{t.email_label}</label>
                <input id="person-email" name="email" type="email" autocomplete="off"
                    aria-invalid=invalid(error, "email") aria-describedby=described(error, "person", "email")/>
                <FieldError error field="email" form="person"/>
                <label for="person-password">{t.password_optional_label}</label>
                <input id="person-password" name="password" type="password" autocomplete="new-password"
                    aria-invalid=invalid(error, "password")
                    aria-describedby=move || described(error, "person", "password")().unwrap_or_else(|| "person-password-hint".into())/>
                <p class="hint" id="person-password-hint">{t.password_optional_hint}</p>
                <FieldError error field="password" form="person"/>
                <button type="submit" class="primary">{t.add_person_button}</button>
            </ActionForm>
            <FormOutcome error done=succeeded(action.value())/>
        </section>
    }
}

#[component]
fn PublicStatus(enabled: bool, action: ServerAction<SetPublicStatus>) -> impl IntoView {
    let t = use_texts();
    view! {
        <section class="public-status" aria-labelledby="public-status">
            <h2 id="public-status">{t.public_title}</h2>
            <ActionForm action attr:class="inline-form">
                <p>{if enabled { t.public_on } else { t.public_off }}</p>
                <input type="hidden" name="enabled" value=(!enabled).to_string()/>
                <button type="submit">{if enabled { t.public_turn_off } else { t.public_turn_on }}</button>
            </ActionForm>
            <FormOutcome error=last_error(action.value()) done=Signal::derive(|| false)/>
        </section>
    }
}
