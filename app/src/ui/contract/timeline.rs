//! The timeline: one row per contract over 36 months, the term as a bar,
//! the notice period shaded, procurement start, notice deadline and end
//! marked, and today as a line through every row. Each row is a small SVG
//! positioned in percent (attributes, not inline styles: the content
//! security policy allows no `style` attribute), drawn on the server; each
//! row also says its dates in words for screen readers. Scrolls sideways
//! on a narrow screen.

use chrono::Datelike;
use leptos::prelude::*;

use crate::i18n::fill;
use crate::ui::use_texts;
use crate::views::{Mark, NextDate, Span, Timeline, TimelineRow};

/// Basis points as a CSS percentage: 1234 → `12.34%`.
fn percent(at: u32) -> String {
    format!("{}.{:02}%", at / 100, at % 100)
}

fn width(span: Span) -> String {
    percent(span.to.saturating_sub(span.from))
}

/// A mark's shape, drawn around (0, 15) inside a nested SVG placed at the
/// mark's date: a circle for procurement start, a diamond for the notice
/// deadline, a square for the end.
fn mark_shape(kind: NextDate) -> impl IntoView {
    match kind {
        NextDate::ProcurementStart => view! { <circle class="mark mark-procurement" cx="0" cy="15" r="6"/> }.into_any(),
        NextDate::NoticeDeadline => {
            view! { <path class="mark mark-deadline" d="M0 7 L8 15 L0 23 L-8 15 Z"/> }.into_any()
        }
        NextDate::End => view! { <rect class="mark mark-end" x="-6" y="9" width="12" height="12"/> }.into_any(),
    }
}

fn kind_key(kind: NextDate) -> &'static str {
    match kind {
        NextDate::ProcurementStart => "procurement",
        NextDate::NoticeDeadline => "deadline",
        NextDate::End => "end",
    }
}

#[component]
pub fn TimelineChart(timeline: Timeline, #[prop(optional)] heading: bool) -> impl IntoView {
    let c = use_texts().contract;
    let names: Vec<&'static str> = c.month_names.split(' ').collect();
    let today = percent(timeline.today);
    let ticks = timeline
        .months
        .iter()
        .map(|tick| {
            let month = tick.month.month0() as usize;
            // The year at each January; the first month by name only (the
            // next January is at most eleven ticks away).
            let label = if month == 0 {
                format!("{} {}", names.get(month).copied().unwrap_or_default(), tick.month.year())
            } else if month.is_multiple_of(3) {
                names.get(month).copied().unwrap_or_default().to_owned()
            } else {
                String::new()
            };
            let x = percent(tick.at);
            view! {
                <line class="tick" class:year=month == 0 x1=x.clone() x2=x.clone() y1=if month == 0 { "4" } else { "22" } y2="30"/>
                {(!label.is_empty()).then(|| view! { <text class="tick-label" x=x y="18" dx="3">{label}</text> })}
            }
        })
        .collect_view();
    let empty = timeline.groups.is_empty();
    let single = timeline.groups.len() == 1 && timeline.groups[0].rows.len() == 1;
    view! {
        <figure class="timeline" data-timeline>
            {heading.then(|| view! { <figcaption class="hint">{c.timeline_caption}</figcaption> })}
            <div class="timeline-scroll" tabindex="0" role="group" aria-label=c.timeline_heading>
                <div class="timeline-inner">
                    <div class="timeline-scale" aria-hidden="true">
                        <span class="timeline-corner"></span>
                        <svg class="timeline-axis" width="100%" height="30">
                            {ticks}
                            <text class="today-flag" x=today.clone() y="9" text-anchor="middle">{c.legend_today}</text>
                        </svg>
                    </div>
                    {empty.then(|| view! { <p class="notice">{c.timeline_empty}</p> })}
                    {timeline.groups.into_iter().map(|group| {
                        let name = if group.name.is_empty() { c.no_object.to_owned() } else { group.name.clone() };
                        view! {
                            <section class="timeline-group" data-group=group.name.clone()>
                                {(!single).then(|| view! { <h3 class="timeline-group-name">{name}</h3> })}
                                <ul class="timeline-rows">
                                    {group.rows.into_iter().map(|row| view! { <Row row today=today.clone()/> }).collect_view()}
                                </ul>
                            </section>
                        }
                    }).collect_view()}
                </div>
            </div>
            <ul class="timeline-legend" aria-hidden="true">
                <li><span class="key key-term"></span>{c.legend_term}</li>
                <li><span class="key key-notice"></span>{c.legend_notice}</li>
                <li><span class="key mark-procurement"></span>{c.legend_procurement}</li>
                <li><span class="key mark-deadline"></span>{c.legend_deadline}</li>
                <li><span class="key mark-end"></span>{c.legend_end}</li>
                <li><span class="key key-today"></span>{c.legend_today}</li>
            </ul>
        </figure>
    }
}

#[component]
fn Row(row: TimelineRow, today: String) -> impl IntoView {
    let c = use_texts().contract;
    let TimelineRow { id, reference, supplier, status, term, notice, marks } = row;
    // What a screen reader hears: the dates, in words.
    let spoken: Vec<String> = marks.iter().map(|m: &Mark| format!("{} {}", c.next(m.kind), m.date)).collect();
    let label = format!("{reference}, {supplier}: {}", spoken.join(", "));
    view! {
        <li class=format!("timeline-row status-{}", status.key()) data-contract=id>
            <a class="timeline-label" href=format!("/contracts/{id}")>
                <span class="timeline-reference">{reference.clone()}</span>
                <span class="timeline-supplier">{supplier.clone()}</span>
            </a>
            <svg class="timeline-track" width="100%" height="30" role="img" aria-label=label>
                {term.map(|span| view! { <rect class="bar" x=percent(span.from) y="11" width=width(span) height="8" rx="4"/> })}
                {notice.into_iter().map(|span| view! {
                    <rect class="notice-window" x=percent(span.from) y="5" width=width(span) height="20"/>
                }).collect_view()}
                <line class="today-line" x1=today.clone() x2=today y1="0" y2="30"/>
                {marks.into_iter().map(|m| view! {
                    <svg x=percent(m.at) y="0" overflow="visible" data-date=m.date.to_string() data-kind=kind_key(m.kind)>
                        <title>{fill("{what} {date}", &[("what", c.next(m.kind)), ("date", &m.date.to_string())])}</title>
                        {mark_shape(m.kind)}
                    </svg>
                }).collect_view()}
            </svg>
        </li>
    }
}
