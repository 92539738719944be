//! The timeline: one row per contract over 36 months, the term as a bar,
//! the notice period shaded, procurement start, notice deadline and end
//! marked, and today as a line through every row. Plain HTML positioned
//! in percent, drawn on the server; each row also says its dates in words
//! for screen readers. Scrolls sideways on a narrow screen.

use chrono::Datelike;
use leptos::prelude::*;

use crate::i18n::fill;
use crate::ui::use_texts;
use crate::views::{Mark, NextDate, Span, Timeline, TimelineRow};

/// Basis points as a CSS percentage: 1234 → `12.34%`.
fn percent(at: u32) -> String {
    format!("{}.{:02}%", at / 100, at % 100)
}

fn span_style(span: Span) -> String {
    format!("left:{};width:{}", percent(span.from), percent(span.to.saturating_sub(span.from)))
}

fn mark_class(kind: NextDate) -> &'static str {
    match kind {
        NextDate::ProcurementStart => "mark mark-procurement",
        NextDate::NoticeDeadline => "mark mark-deadline",
        NextDate::End => "mark mark-end",
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
            let label = if month == 0 || tick.at == 0 {
                format!("{} {}", names.get(month).copied().unwrap_or_default(), tick.month.year())
            } else if month.is_multiple_of(3) {
                names.get(month).copied().unwrap_or_default().to_owned()
            } else {
                String::new()
            };
            view! {
                <span class="tick" class:year=month == 0 style=format!("left:{}", percent(tick.at))>
                    <span class="tick-label">{label}</span>
                </span>
            }
        })
        .collect_view();
    let empty = timeline.groups.is_empty();
    let single = timeline.groups.len() == 1 && timeline.groups[0].rows.len() == 1;
    view! {
        <figure class="timeline" data-timeline style=format!("--today:{today}")>
            {heading.then(|| view! { <figcaption class="hint">{c.timeline_caption}</figcaption> })}
            <div class="timeline-scroll" tabindex="0" role="group" aria-label=c.timeline_heading>
                <div class="timeline-inner">
                    <div class="timeline-scale" aria-hidden="true">
                        <span class="timeline-corner"></span>
                        <div class="timeline-axis">
                            {ticks}
                            <span class="today-flag" style=format!("left:{today}")>{c.legend_today}</span>
                        </div>
                    </div>
                    {empty.then(|| view! { <p class="notice">{c.timeline_empty}</p> })}
                    {timeline.groups.into_iter().map(|group| {
                        let name = if group.name.is_empty() { c.no_object.to_owned() } else { group.name.clone() };
                        view! {
                            <section class="timeline-group" data-group=group.name.clone()>
                                {(!single).then(|| view! { <h3 class="timeline-group-name">{name}</h3> })}
                                <ul class="timeline-rows">
                                    {group.rows.into_iter().map(|row| view! { <Row row/> }).collect_view()}
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
fn Row(row: TimelineRow) -> impl IntoView {
    let c = use_texts().contract;
    let TimelineRow { id, reference, supplier, status, term, notice, marks } = row;
    // What a screen reader hears: the dates, in words.
    let spoken: Vec<String> = marks.iter().map(|m: &Mark| format!("{} {}", c.next(m.kind), m.date)).collect::<Vec<_>>();
    let label = format!("{reference}, {supplier}: {}", spoken.join(", "));
    view! {
        <li class=format!("timeline-row status-{}", status.key()) data-contract=id>
            <a class="timeline-label" href=format!("/contracts/{id}")>
                <span class="timeline-reference">{reference.clone()}</span>
                <span class="timeline-supplier">{supplier.clone()}</span>
            </a>
            <div class="timeline-track" role="img" aria-label=label>
                {term.map(|span| view! { <span class="bar" style=span_style(span)></span> })}
                {notice.into_iter().map(|span| view! { <span class="notice-window" style=span_style(span)></span> }).collect_view()}
                {marks.into_iter().map(|m| view! {
                    <span
                        class=mark_class(m.kind)
                        style=format!("left:{}", percent(m.at))
                        title=fill("{what} {date}", &[("what", c.next(m.kind)), ("date", &m.date.to_string())])
                        data-date=m.date.to_string()
                        data-kind=match m.kind { NextDate::ProcurementStart => "procurement", NextDate::NoticeDeadline => "deadline", NextDate::End => "end" }
                    ></span>
                }).collect_view()}
                <span class="today-line"></span>
            </div>
        </li>
    }
}
