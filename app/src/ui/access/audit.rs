//! `/audit`: the audit trail for administrators and the steering group,
//! filtered by object, person and dates (a plain GET form, so the filter
//! is in the address and can be shared), with a CSV export of the same.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::super::status::ErrorPage;
use super::super::tables::Scroller;
use super::super::use_texts;
use crate::api::{get_audit, AppError};
use crate::views::{AuditEntry, AuditPage as Audit, AuditQuery};

#[component]
pub fn AuditPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let key = move || {
        let q = query.read();
        (q.get("object"), q.get("person"), q.get("from"), q.get("to"))
    };
    let data = Resource::new(key, |(object, person, from, to)| get_audit(object, person, from, to));
    view! {
        <Title text=format!("{} – {}", t.audit_title, t.app_name)/>
        <div class="page-head">
            <div>
                <h1>{t.audit_title}</h1>
                <p class="lead">{t.audit_intro}</p>
            </div>
        </div>
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(audit) => view! { <AuditBody audit/> }.into_any(),
                    Err(AppError::Validation { field, message }) => {
                        let q = query.read_untracked();
                        let typed = AuditQuery {
                            object: q.get("object"),
                            person: None,
                            from: q.get("from"),
                            to: q.get("to"),
                        };
                        view! {
                            <AuditFilter query=typed objects=Vec::new() people=Vec::new()/>
                            <p class="form-error" role="alert">{t.field_error(&field, &message)}</p>
                        }.into_any()
                    }
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn AuditBody(audit: Audit) -> impl IntoView {
    let t = use_texts();
    let csv = format!("/audit.csv{}", query_string(&audit.query));
    let limited = audit.entries.len() >= audit.limit;
    view! {
        <AuditFilter query=audit.query.clone() objects=audit.objects.clone() people=audit.people.clone()/>
        <p class="actions"><a class="button" href=csv rel="external" download="styrbord-audit.csv">{t.export_csv}</a></p>
        {limited.then(|| view! { <p class="notice">{t.audit_limited.replace("{n}", &audit.limit.to_string())}</p> })}
        {if audit.entries.is_empty() {
            view! { <p class="muted">{t.audit_empty}</p> }.into_any()
        } else {
            view! {
                <Scroller label=t.audit_title>
                    <table class="data-table audit">
                        <thead>
                            <tr>
                                <th scope="col">{t.col_time}</th>
                                <th scope="col">{t.col_actor}</th>
                                <th scope="col">{t.col_action}</th>
                                <th scope="col">{t.col_entity}</th>
                                <th scope="col">{t.col_object}</th>
                                <th scope="col">{t.col_change}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {audit.entries.into_iter().map(|entry| view! { <AuditRow entry/> }).collect_view()}
                        </tbody>
                    </table>
                </Scroller>
            }.into_any()
        }}
    }
}

#[component]
fn AuditRow(entry: AuditEntry) -> impl IntoView {
    let t = use_texts();
    let what = format!("{}{}", entry.entity, entry.entity_id.as_deref().map(|id| format!(" {id}")).unwrap_or_default());
    let change = match (entry.before, entry.after) {
        (None, None) => None,
        (before, after) => {
            Some(format!("{} → {}", before.unwrap_or_else(|| "–".into()), after.unwrap_or_else(|| "–".into())))
        }
    };
    view! {
        <tr data-action=entry.action.key()>
            <td class="nowrap">{entry.at.format("%Y-%m-%d %H:%M:%S").to_string()}</td>
            <td>{entry.actor.unwrap_or_else(|| t.system_actor.to_owned())}</td>
            <td>{t.audit_action(entry.action)}</td>
            <td>{what}</td>
            <td>{entry.object_code.unwrap_or_default()}</td>
            <td><code class="change">{change}</code></td>
        </tr>
    }
}

#[component]
fn AuditFilter(
    query: AuditQuery,
    objects: Vec<crate::views::ObjectChoice>,
    people: Vec<(i64, String)>,
) -> impl IntoView {
    let t = use_texts();
    let selected_object = query.object.clone().unwrap_or_default();
    view! {
        <form method="get" action="/audit" class="filter-form" aria-label=t.filter_label>
            <div>
                <label for="audit-object">{t.object_label}</label>
                <select id="audit-object" name="object">
                    <option value="">{t.filter_all}</option>
                    {objects.into_iter().map(|o| {
                        let selected = o.code == selected_object;
                        view! { <option value=o.code.clone() selected=selected>{format!("{} – {}", o.code, o.name)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div>
                <label for="audit-person">{t.col_person}</label>
                <select id="audit-person" name="person">
                    <option value="">{t.filter_all}</option>
                    {people.into_iter().map(|(id, name)| {
                        let selected = query.person == Some(id);
                        view! { <option value=id.to_string() selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div>
                <label for="audit-from">{t.filter_from}</label>
                <input id="audit-from" name="from" type="date" value=query.from.clone().unwrap_or_default()/>
            </div>
            <div>
                <label for="audit-to">{t.filter_to}</label>
                <input id="audit-to" name="to" type="date" value=query.to.clone().unwrap_or_default()/>
            </div>
            <button type="submit">{t.filter_button}</button>
        </form>
    }
}

fn query_string(q: &AuditQuery) -> String {
    let pairs: Vec<String> = [
        ("object", q.object.clone()),
        ("person", q.person.map(|p| p.to_string())),
        ("from", q.from.clone()),
        ("to", q.to.clone()),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| format!("{k}={}", crate::ui::encode_component(&v))))
    .collect();
    if pairs.is_empty() {
        String::new()
    } else {
        format!("?{}", pairs.join("&"))
    }
}
