//! Pieces shared by the pages' tables: a keyboard-scrollable wrapper for
//! wide tables on narrow screens, the year picker, and number cells.

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::use_texts;
use crate::i18n::{format_amount, format_fte, format_hours, format_money};

/// A wide table inside a region that scrolls sideways and can be focused,
/// so keyboard users can scroll it too.
#[component]
pub fn Scroller(#[prop(into)] label: String, children: Children) -> impl IntoView {
    let t = use_texts();
    view! {
        <div class="scroller" role="region" aria-label=label tabindex="0" title=t.scroll_hint>
            {children()}
        </div>
    }
}

/// Links to each plan year; the shown one is marked as current.
#[component]
pub fn YearPicker(years: Vec<i32>, selected: Option<i32>, base: String) -> impl IntoView {
    let t = use_texts();
    view! {
        <nav class="year-picker" aria-label=t.years_nav_label>
            <span class="year-picker-label">{t.year_label}</span>
            <ul>
                {years
                    .into_iter()
                    .map(|year| {
                        let current = Some(year) == selected;
                        view! {
                            <li>
                                // A plain <a>: the router's <A> marks every link to the
                                // same path as current, whatever its query.
                                <a href=format!("{base}?year={year}") aria-current=current.then_some("page")>
                                    {year}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

pub fn money(amount: Decimal) -> String {
    format_money(amount, use_texts().currency)
}

/// Whole kronor, as the object plan writes them; exact values are in the API.
pub fn amount(amount: Decimal) -> String {
    format_amount(amount)
}

pub fn hours(hours: Decimal) -> String {
    format_hours(hours)
}

pub fn fte(fte: Decimal) -> String {
    format_fte(fte)
}
