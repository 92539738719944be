//! Reading one cell as a value of the plan: integers (ids, ranks, years,
//! scores) and the caps that keep imported quantities small enough for
//! every later computation. Numbers may be number cells or text, Swedish
//! (`1 313,50`) or plain (`1313.50`).

use rust_decimal::Decimal;

use super::Cell;
use crate::domain::number::parse_decimal;

/// More hours than this on one side of one initiative is refused: about
/// 600 full-time years, far beyond any plan, and small enough that hours ×
/// rate can never overflow an exact decimal.
pub const MAX_HOURS: i64 = 1_000_000;
/// Other costs and hourly rates above this (a thousand billion kronor) are refused.
pub const MAX_MONEY: i64 = 1_000_000_000_000;

/// A whole number, or `None` for a blank cell. Codes: `not_a_number`.
pub(crate) fn integer(cell: &Cell) -> Result<Option<i64>, &'static str> {
    let value = match cell {
        Cell::Empty => return Ok(None),
        Cell::Number(number) => *number,
        Cell::Text(_) if cell.is_blank() => return Ok(None),
        Cell::Text(_) => parse_decimal(&cell.as_text()).map_err(|_| "not_a_number")?,
    };
    if !value.fract().is_zero() {
        return Err("not_a_number");
    }
    i64::try_from(value.trunc()).map(Some).map_err(|_| "not_a_number")
}

/// A positive whole number that fits `T`, or `None` when blank.
/// Codes: `not_a_number`, `not_positive`.
pub(crate) fn positive<T: TryFrom<i64>>(cell: &Cell) -> Result<Option<T>, &'static str> {
    match integer(cell)? {
        None => Ok(None),
        Some(value) if value < 1 => Err("not_positive"),
        Some(value) => T::try_from(value).map(Some).map_err(|_| "not_a_number"),
    }
}

/// A score 1–5, or `None` when blank. Codes: `not_a_number`, `score_range`.
pub(crate) fn score(cell: &Cell) -> Result<Option<u8>, &'static str> {
    match integer(cell)? {
        None => Ok(None),
        Some(value @ 1..=5) => Ok(u8::try_from(value).ok()),
        Some(_) => Err("score_range"),
    }
}

/// `too_large` when the cell holds a number above `max`; every other
/// problem is left to the domain's own parser.
pub(crate) fn within(cell: &Cell, max: i64) -> Result<(), &'static str> {
    let value = match cell {
        Cell::Number(number) => Some(*number),
        Cell::Text(_) => parse_decimal(&cell.as_text()).ok(),
        Cell::Empty => None,
    };
    match value {
        Some(value) if value > Decimal::from(max) => Err("too_large"),
        _ => Ok(()),
    }
}

/// The text the domain's form parser gets for an integer field: a whole
/// number as digits (`2.00` from a spreadsheet is `2`), anything else as typed.
pub(crate) fn integer_text(cell: &Cell) -> String {
    match integer(cell) {
        Ok(Some(value)) => value.to_string(),
        _ => cell.as_text(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Cell {
        Cell::Text(t.into())
    }

    #[test]
    fn integers_come_from_numbers_or_text_and_never_from_fractions() {
        assert_eq!(integer(&Cell::Number(Decimal::new(200, 2))), Ok(Some(2)));
        assert_eq!(integer(&text(" 1 700 ")), Ok(Some(1700)));
        assert_eq!(integer(&text("  ")), Ok(None));
        assert_eq!(integer(&text("1,5")), Err("not_a_number"));
        assert_eq!(integer(&text("99999999999999999999999")), Err("not_a_number"));
        assert_eq!(positive::<i32>(&text("0")), Err("not_positive"));
        assert_eq!(positive::<i32>(&text("3000000000")), Err("not_a_number"));
        assert_eq!(score(&text("6")), Err("score_range"));
        assert_eq!(score(&text("5")), Ok(Some(5)));
    }

    #[test]
    fn quantities_above_the_caps_are_too_large() {
        assert_eq!(within(&text("1 000 000"), MAX_HOURS), Ok(()));
        assert_eq!(within(&text("1 000 000,01"), MAX_HOURS), Err("too_large"));
        assert_eq!(within(&text("abc"), MAX_HOURS), Ok(()));
        assert_eq!(integer_text(&Cell::Number(Decimal::new(300, 2))), "3");
        assert_eq!(integer_text(&text("ett")), "ett");
    }
}
