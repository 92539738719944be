//! Exact quantities: money in kronor and hours, both `rust_decimal` with at
//! most two decimals. They parse Swedish (`1 313,50`) and plain (`1313.50`)
//! notation, so form input and imports reach the domain the same way.

use std::fmt;
use std::ops::{Add, AddAssign};
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::DomainError;

/// An amount in Swedish kronor, never negative, at most two decimals (öre).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "Decimal", into = "Decimal")]
pub struct Money(Decimal);

/// A number of hours, never negative, at most two decimals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "Decimal", into = "Decimal")]
pub struct Hours(Decimal);

macro_rules! quantity {
    ($t:ident, $max:expr) => {
        impl $t {
            pub const ZERO: $t = $t(Decimal::ZERO);
            /// The largest accepted value: far above any municipal plan, and
            /// low enough that hours × rate and every sum of them stay exact
            /// (a `Decimal` overflow would panic).
            pub const MAX: i64 = $max;

            /// Accepts a non-negative decimal with at most two decimals, and
            /// keeps it with exactly two (`655` becomes `655.00`), so that
            /// every backend and every client sees the same text.
            pub fn new(value: Decimal) -> Result<Self, DomainError> {
                if value.is_sign_negative() && !value.is_zero() {
                    return Err(DomainError::Negative);
                }
                if value.normalize().scale() > 2 {
                    return Err(DomainError::TooManyDecimals(2));
                }
                if value > Decimal::from(Self::MAX) {
                    return Err(DomainError::TooLarge);
                }
                Ok(Self(two_decimals(value.abs())))
            }

            /// Parses user text in Swedish or plain notation.
            pub fn parse(text: &str) -> Result<Self, DomainError> {
                Self::new(parse_decimal(text)?)
            }

            pub fn value(self) -> Decimal {
                self.0
            }
        }

        impl TryFrom<Decimal> for $t {
            type Error = DomainError;
            fn try_from(value: Decimal) -> Result<Self, DomainError> {
                Self::new(value)
            }
        }

        impl From<$t> for Decimal {
            fn from(value: $t) -> Decimal {
                value.0
            }
        }

        impl FromStr for $t {
            type Err = DomainError;
            fn from_str(text: &str) -> Result<Self, DomainError> {
                Self::parse(text)
            }
        }

        impl Add for $t {
            type Output = $t;
            fn add(self, other: $t) -> $t {
                $t(self.0 + other.0)
            }
        }

        impl AddAssign for $t {
            fn add_assign(&mut self, other: $t) {
                self.0 += other.0;
            }
        }

        impl std::iter::Sum for $t {
            fn sum<I: Iterator<Item = $t>>(iter: I) -> $t {
                iter.fold($t::ZERO, Add::add)
            }
        }

        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

quantity!(Money, 1_000_000_000_000);
quantity!(Hours, 1_000_000);

/// Rounds to öre (half away from zero, as a spreadsheet does) and writes
/// exactly two decimals.
pub fn two_decimals(value: Decimal) -> Decimal {
    let mut rounded = value.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    rounded
}

/// Reads a decimal written the Swedish way (`1 313,50`, with ordinary or
/// no-break spaces) or the plain way (`1313.50`). Anything else is refused:
/// a number is never guessed.
pub fn parse_decimal(text: &str) -> Result<Decimal, DomainError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(DomainError::Required);
    }
    let mut cleaned = String::with_capacity(trimmed.len());
    for c in trimmed.chars() {
        match c {
            ' ' | '\u{a0}' | '\u{202f}' => {}
            ',' => cleaned.push('.'),
            '−' => cleaned.push('-'),
            _ => cleaned.push(c),
        }
    }
    let valid_shape = cleaned.chars().filter(|c| *c == '.').count() <= 1
        && cleaned.char_indices().all(|(i, c)| c.is_ascii_digit() || c == '.' || (c == '-' && i == 0))
        && cleaned.chars().any(|c| c.is_ascii_digit());
    if !valid_shape {
        return Err(DomainError::NotANumber);
    }
    Decimal::from_str_exact(&cleaned).map_err(|_| DomainError::NotANumber)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_above_their_ceiling_are_refused_so_products_never_overflow() {
        assert!(Hours::parse("1 000 000").is_ok());
        assert_eq!(Hours::parse("1 000 000,01"), Err(DomainError::TooLarge));
        assert!(Money::parse("1 000 000 000 000").is_ok());
        assert_eq!(Money::parse("1000000000000.01"), Err(DomainError::TooLarge));
        // The largest hours at the largest rate still multiply exactly.
        let product = Hours::parse("1000000").unwrap().value() * Money::parse("1000000000000").unwrap().value();
        assert_eq!(product, Decimal::from(10_i64.pow(18)));
    }

    fn dec(text: &str) -> Decimal {
        text.parse().expect("test literal")
    }

    #[test]
    fn swedish_and_plain_notation_parse_to_the_same_value() {
        let cases = [
            ("1 313,50", "1313.50"),
            ("1313.50", "1313.50"),
            ("1\u{a0}313,5", "1313.5"),
            ("0", "0"),
            (" 42 ", "42"),
            ("18 988 100", "18988100"),
        ];
        for (input, expected) in cases {
            assert_eq!(Money::parse(input).map(Money::value), Ok(dec(expected)), "{input}");
        }
    }

    #[test]
    fn bad_input_is_refused_with_the_rule_it_broke() {
        let cases = [
            ("", DomainError::Required),
            ("abc", DomainError::NotANumber),
            ("1.2.3", DomainError::NotANumber),
            ("1,234.5", DomainError::NotANumber),
            ("12e3", DomainError::NotANumber),
            ("-5", DomainError::Negative),
            ("1,005", DomainError::TooManyDecimals(2)),
            ("-", DomainError::NotANumber),
        ];
        for (input, expected) in cases {
            assert_eq!(Hours::parse(input), Err(expected), "{input:?}");
        }
    }

    #[test]
    fn trailing_zeros_beyond_two_decimals_are_accepted() {
        assert_eq!(Hours::parse("1,500").map(Hours::value), Ok(dec("1.500")));
    }

    #[test]
    fn quantities_always_carry_two_decimals() {
        assert_eq!(Money::parse("655").map(|m| m.to_string()), Ok("655.00".to_string()));
        assert_eq!(Hours::parse("1313,5").map(|h| h.to_string()), Ok("1313.50".to_string()));
        assert_eq!(two_decimals(dec("2.005")).to_string(), "2.01");
        assert_eq!(two_decimals(dec("0")).to_string(), "0.00");
    }

    #[test]
    fn money_serialises_as_an_exact_decimal_string() {
        let money = Money::parse("860015.00").expect("valid");
        assert_eq!(serde_json::to_string(&money).expect("json"), "\"860015.00\"");
        let back: Money = serde_json::from_str("\"860015.00\"").expect("json");
        assert_eq!(back, money);
        assert!(serde_json::from_str::<Money>("\"-1\"").is_err());
    }
}
