//! The dashboard's charts: horizontal bars drawn on the server as small SVGs
//! positioned in percent (attributes, not inline styles: the content
//! security policy allows no `style` attribute). Each series has a colour
//! and a pattern (solid, stripes, dots, cross-hatch …), so the parts of a
//! bar tell apart in grey print and for colour-blind readers too. The bars
//! are pictures of the table beside or below them: they carry a label for
//! screen readers and the table carries the numbers and the links.

use leptos::prelude::*;
use rust_decimal::Decimal;

/// How many distinct fills there are; series beyond wrap around.
pub const SERIES: usize = 6;

/// The fills' patterns, once per page; bars refer to them by id.
#[component]
pub fn ChartDefs() -> impl IntoView {
    view! {
        <svg class="chart-defs" aria-hidden="true" focusable="false" width="0" height="0">
            <defs>
                <pattern id="fill-1" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect class="fill-1-bg" width="6" height="6"/>
                    <rect class="fill-1-fg" width="2.5" height="6"/>
                </pattern>
                <pattern id="fill-2" width="5" height="5" patternUnits="userSpaceOnUse">
                    <rect class="fill-2-bg" width="5" height="5"/>
                    <circle class="fill-2-fg" cx="2.5" cy="2.5" r="1.4"/>
                </pattern>
                <pattern id="fill-3" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect class="fill-3-bg" width="6" height="6"/>
                    <rect class="fill-3-fg" width="2" height="6"/>
                    <rect class="fill-3-fg" width="6" height="2"/>
                </pattern>
                <pattern id="fill-4" width="6" height="6" patternUnits="userSpaceOnUse">
                    <rect class="fill-4-bg" width="6" height="6"/>
                    <rect class="fill-4-fg" width="6" height="2.5"/>
                </pattern>
                <pattern id="fill-5" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
                    <rect class="fill-5-bg" width="6" height="6"/>
                    <rect class="fill-5-fg" width="1.5" height="6"/>
                </pattern>
            </defs>
        </svg>
    }
}

/// A share of a whole as a CSS percentage with two decimals: `12.34%`.
pub fn css_percent(part: Decimal, whole: Decimal) -> String {
    if whole <= Decimal::ZERO || part <= Decimal::ZERO {
        return "0%".to_owned();
    }
    let share = (part * Decimal::ONE_HUNDRED / whole).round_dp(2).min(Decimal::ONE_HUNDRED);
    format!("{share}%")
}

/// A share as Swedes write it: `12,3 %`.
pub fn share_text(part: Decimal, whole: Decimal) -> String {
    if whole <= Decimal::ZERO {
        return "–".to_owned();
    }
    let share = (part * Decimal::ONE_HUNDRED / whole).round_dp(1);
    let text = format!("{share:.1}").replace('.', ",");
    format!("{text}\u{a0}%")
}

/// One bar made of parts laid end to end, as wide as `total / max` of the
/// row. `parts` are (series, value); `label` is what a screen reader hears.
#[component]
pub fn StackBar(parts: Vec<(usize, Decimal)>, max: Decimal, #[prop(into)] label: String) -> impl IntoView {
    let mut at = Decimal::ZERO;
    let rects = parts
        .into_iter()
        .filter(|(_, value)| *value > Decimal::ZERO)
        .map(|(series, value)| {
            let x = css_percent(at, max);
            at += value;
            let width = css_percent(value, max);
            view! { <rect class=format!("bar fill-{}", series % SERIES) x=x y="0" width=width height="100%"/> }
        })
        .collect_view();
    view! {
        <svg class="stack" role="img" aria-label=label width="100%" height="18" preserveAspectRatio="none">
            {rects}
        </svg>
    }
}

/// The series' names with a swatch of each fill.
#[component]
pub fn Legend(names: Vec<&'static str>, #[prop(into)] label: String) -> impl IntoView {
    view! {
        <ul class="legend" aria-label=label>
            {names
                .into_iter()
                .enumerate()
                .map(|(series, name)| {
                    view! {
                        <li>
                            <svg class="swatch" aria-hidden="true" focusable="false" width="18" height="12">
                                <rect class=format!("bar fill-{}", series % SERIES) width="18" height="12"/>
                            </svg>
                            {name}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_are_css_percentages_and_swedish_text() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(css_percent(d("1"), d("3")), "33.33%");
        assert_eq!(css_percent(d("5"), d("0")), "0%");
        assert_eq!(css_percent(d("7"), d("5")), "100%", "never wider than the row");
        assert_eq!(share_text(d("1"), d("8")), "12,5\u{a0}%");
        assert_eq!(share_text(d("1"), d("0")), "–");
    }
}
