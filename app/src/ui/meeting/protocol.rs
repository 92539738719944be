//! `/meetings/:id/protocol`: the protocol as it prints — the meeting's
//! date, title and attendees, the snapshot's key figures, each agenda item
//! with its decision, and every object's figures in the snapshot. A print
//! button after hydration; the print stylesheet drops the chrome.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::Figures;
use crate::api::{get_protocol, AppError};
use crate::domain::MeetingState;
use crate::i18n::{format_date, format_fte, format_hours, format_money, format_timestamp};
use crate::ui::locale::use_locale;
use crate::ui::status::ErrorPage;
use crate::ui::tables::Scroller;
use crate::ui::{title_text, use_texts};
use crate::views::{agenda_groups, Protocol};

#[component]
pub fn ProtocolPage() -> impl IntoView {
    let m = use_locale().meeting();
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|id| id.parse::<i64>().ok());
    let data = Resource::new(id, |id| async move {
        match id {
            Some(id) => get_protocol(id).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Transition fallback=move || view! { <p class="loading">{m.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(protocol) => view! { <ProtocolBody protocol/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn ProtocolBody(protocol: Protocol) -> impl IntoView {
    let t = use_texts();
    let m = use_locale().meeting();
    let Protocol { meeting, figures, objects } = protocol;
    let title = title_text(format!("{} – {} – {}", m.protocol_title, meeting.title, t.app_name));
    let id = meeting.id;
    let groups = agenda_groups(&meeting.items);
    let attendees = if meeting.attendees.is_empty() {
        m.no_attendees.to_owned()
    } else {
        meeting.attendees.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join(", ")
    };
    let printing = RwSignal::new(false);
    Effect::new(move |_| printing.set(true));
    let mut number = 0;
    view! {
        <Title text=title/>
        <p class="breadcrumb no-print"><a href=format!("/meetings/{id}")>{meeting.title.clone()}</a></p>
        <article class="protocol">
            <header class="page-head">
                <div>
                    <p class="eyebrow">{m.protocol_title}</p>
                    <h1>{meeting.title.clone()}</h1>
                </div>
                <p class="no-print protocol-tools">
                    <Show when=move || printing.get()>
                        <button type="button" on:click=move |_| print()>{m.print_button}</button>" "
                    </Show>
                    <a href=format!("/meetings/{id}/protocol.xlsx") rel="external" download>{m.export_link}</a>
                </p>
            </header>
            {(meeting.state == MeetingState::Open).then(|| view! { <p class="notice" data-draft>{m.draft_notice}</p> })}
            <dl class="facts protocol-facts">
                <div><dt>{m.col_date}</dt><dd data-held-on>{format_date(meeting.held_on)}</dd></div>
                <div><dt>{m.col_year}</dt><dd>{meeting.year}</dd></div>
                <div><dt>{m.attendees_label}</dt><dd data-attendees>{attendees}</dd></div>
                <div><dt>{m.snapshot_label}</dt><dd>{format_timestamp(meeting.snapshot_taken_at)}</dd></div>
            </dl>
            <section aria-labelledby="protocol-figures">
                <h2 id="protocol-figures">{m.figures_heading}</h2>
                <Figures figures/>
            </section>
            <section aria-labelledby="protocol-decisions">
                <h2 id="protocol-decisions">{m.decisions_heading}</h2>
                {groups.is_empty().then(|| view! { <p class="muted">{m.empty_agenda}</p> })}
                {groups.into_iter().map(|(kind, items)| view! {
                    <h3>{m.kind(kind)}</h3>
                    <ol class="protocol-items">
                        {items.into_iter().map(|item| {
                            number += 1;
                            view! {
                                <li value=number data-item=item.id>
                                    <p class="agenda-title"><strong>{item.title.clone()}</strong></p>
                                    {(!item.detail.is_empty()).then(|| view! { <p class="agenda-detail muted">{item.detail.clone()}</p> })}
                                    <p class="decision-text" data-decision=item.decision.clone()>
                                        <span class="decision-label">{m.label_decision}": "</span>
                                        {if item.decision.is_empty() { m.no_decision.to_owned() } else { item.decision.clone() }}
                                    </p>
                                    {item.decided_by_name.clone().map(|name| view! {
                                        <p class="muted decided-by">{m.decided_by}" "{name}</p>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }).collect_view()}
            </section>
            <section aria-labelledby="protocol-objects">
                <h2 id="protocol-objects">{m.objects_heading}</h2>
                <Scroller label=m.objects_heading>
                    <table class="data-table protocol-objects">
                        <thead>
                            <tr>
                                <th scope="col">{m.col_object}</th>
                                <th scope="col">{m.col_status}</th>
                                <th scope="col" class="num">{m.col_budget}</th>
                                <th scope="col" class="num">{m.col_hours}</th>
                                <th scope="col" class="num">{m.col_fte}</th>
                                <th scope="col">{m.col_over}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {objects.into_iter().map(|o| view! {
                                <tr data-object=o.code.clone()>
                                    <th scope="row"><span class="code">{o.code.clone()}</span>" "{o.name.clone()}</th>
                                    <td>{o.status.map(|s| t.plan_status_label(s)).unwrap_or(m.no_plan)}</td>
                                    <td class="num">{o.total.map(|l| format_money(l.amount, t.currency))}</td>
                                    <td class="num">{o.total.map(|l| format_hours(l.hours))}</td>
                                    <td class="num">{o.total.map(|l| format_fte(l.fte))}</td>
                                    <td>{o.over_capacity.then_some(m.yes)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </Scroller>
            </section>
        </article>
    }
}

#[cfg(feature = "hydrate")]
fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

#[cfg(not(feature = "hydrate"))]
fn print() {}
