//! Swedish number formats: a no-break space between thousands, a decimal
//! comma. `18 988 100 kr`, `1 313,00`, `0,77`.

use rust_decimal::{Decimal, RoundingStrategy};

const GROUP: char = '\u{a0}';

/// An amount to the krona, as the object plan writes it: `18 988 100`.
/// Exact amounts (with öre) travel in the API; screens show kronor.
pub fn format_amount(amount: Decimal) -> String {
    format_fixed(amount, 0)
}

/// An amount with its currency unit: `18 988 100 kr`.
pub fn format_money(amount: Decimal, currency: &str) -> String {
    format!("{}{GROUP}{currency}", format_amount(amount))
}

/// Hours with two decimals: `1 313,00`.
pub fn format_hours(hours: Decimal) -> String {
    format_fixed(hours, 2)
}

/// Hours with their unit, where no column header gives it: `1 313,00 h`.
pub fn format_hours_unit(hours: Decimal) -> String {
    format!("{}{GROUP}h", format_hours(hours))
}

/// Full-time equivalents with two decimals: `0,77`.
pub fn format_fte(fte: Decimal) -> String {
    format_fixed(fte, 2)
}

/// A calendar day as Swedes write it (and ISO 8601): `2027-03-31`.
pub fn format_date(date: chrono::NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// An instant as the clock on the wall in Sweden showed it: `2027-03-31 14:05`
/// (summer or winter time as it was then).
pub fn format_timestamp(at: chrono::DateTime<chrono::Utc>) -> String {
    let local = at + chrono::Duration::hours(crate::domain::clock::swedish_offset_hours(at));
    local.format("%Y-%m-%d %H:%M").to_string()
}

fn format_fixed(value: Decimal, places: u32) -> String {
    let rounded = value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    let text = format!("{:.*}", places as usize, rounded.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::with_capacity(text.len() + whole.len() / 3 + 1);
    if rounded.is_sign_negative() && !rounded.is_zero() {
        out.push('−');
    }
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(GROUP);
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push(',');
        out.push_str(fraction);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(text: &str) -> Decimal {
        text.parse().expect("test literal")
    }

    fn plain(text: String) -> String {
        text.replace(GROUP, " ")
    }

    #[test]
    fn numbers_are_written_the_swedish_way() {
        assert_eq!(plain(format_money(dec("18988100"), "kr")), "18 988 100 kr");
        assert_eq!(plain(format_amount(dec("860015.00"))), "860 015");
        assert_eq!(plain(format_amount(dec("1313.5"))), "1 314");
        assert_eq!(plain(format_amount(dec("1313.49"))), "1 313");
        assert_eq!(plain(format_hours(dec("1313"))), "1 313,00");
        assert_eq!(plain(format_hours(dec("40"))), "40,00");
        assert_eq!(format_fte(dec("0.77")), "0,77");
        assert_eq!(format_fte(dec("9.4900")), "9,49");
        assert_eq!(format_amount(dec("0")), "0");
        assert_eq!(plain(format_amount(dec("100000"))), "100 000");
        assert_eq!(plain(format_amount(dec("-1234"))), "−1 234");
    }

    #[test]
    fn dates_are_iso_and_times_are_swedish_wall_clock_time() {
        let day = chrono::NaiveDate::from_ymd_opt(2027, 3, 1).expect("date");
        assert_eq!(format_date(day), "2027-03-01");
        let winter: chrono::DateTime<chrono::Utc> = "2027-01-15T23:30:00Z".parse().expect("time");
        assert_eq!(format_timestamp(winter), "2027-01-16 00:30");
        let summer: chrono::DateTime<chrono::Utc> = "2027-07-15T12:05:00Z".parse().expect("time");
        assert_eq!(format_timestamp(summer), "2027-07-15 14:05");
    }
}
