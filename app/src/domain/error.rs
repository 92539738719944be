//! Why a value was refused. Each variant names the rule that was broken so
//! the interface can put a specific, translated message next to the field.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum DomainError {
    #[error("value is required")]
    Required,
    #[error("not a number")]
    NotANumber,
    #[error("must not be negative")]
    Negative,
    #[error("at most {0} decimals")]
    TooManyDecimals(u32),
    #[error("must be greater than zero")]
    NotPositive,
    #[error("too long (at most {0} characters)")]
    TooLong(usize),
    #[error("object code must be 2–10 capital letters or digits")]
    BadObjectCode,
    #[error("unknown value: {0}")]
    UnknownValue(String),
    #[error("score must be between 1 and 5")]
    ScoreOutOfRange,
    #[error("too large")]
    TooLarge,
    #[error("date is in the past")]
    InPast,
    #[error("date is before the start")]
    BeforeStart,
}
