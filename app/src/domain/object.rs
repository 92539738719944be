//! Förvaltningsobjekt: the unit that governs a set of IT support for a part
//! of the business, owns a budget and a yearly plan.

use serde::{Deserialize, Serialize};

use super::keyed::keyed;
use super::DomainError;

/// A short, unique code such as `AKN` or `VSOA`: 2–10 capital letters
/// (including Å, Ä, Ö) or digits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ObjectCode(String);

impl ObjectCode {
    pub fn parse(text: &str) -> Result<Self, DomainError> {
        let code = text.trim();
        let length = code.chars().count();
        let allowed = |c: char| c.is_ascii_uppercase() || c.is_ascii_digit() || "ÅÄÖ".contains(c);
        if !(2..=10).contains(&length) || !code.chars().all(allowed) {
            return Err(DomainError::BadObjectCode);
        }
        Ok(Self(code.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ObjectCode {
    type Error = DomainError;
    fn try_from(value: String) -> Result<Self, DomainError> {
        Self::parse(&value)
    }
}

impl From<ObjectCode> for String {
    fn from(code: ObjectCode) -> String {
        code.0
    }
}

impl std::fmt::Display for ObjectCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The three kinds of object in the municipality's structure (001, 2.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObjectCategory {
    /// Kärnobjekt.
    Core,
    /// Stödobjekt.
    Support,
    /// Objekt för tekniska förutsättningar.
    Technical,
}

keyed!(ObjectCategory {
    Core => "core",
    Support => "support",
    Technical => "technical",
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Object {
    pub id: i64,
    pub code: ObjectCode,
    pub name: String,
    pub category: ObjectCategory,
    pub description: String,
    /// Raised by every change, for conflict detection.
    pub version: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_codes_are_short_capitals_or_digits() {
        for good in ["AKN", "VSOA", "FST", "KÖP", "IT2"] {
            assert!(ObjectCode::parse(good).is_ok(), "{good}");
        }
        for bad in ["", "A", "akn", "AK N", "ABCDEFGHIJK", "A-B", "<b>"] {
            assert_eq!(ObjectCode::parse(bad), Err(DomainError::BadObjectCode), "{bad}");
        }
    }

    #[test]
    fn category_keys_round_trip() {
        for &category in ObjectCategory::ALL {
            assert_eq!(ObjectCategory::from_key(category.key()), Ok(category));
        }
        assert!(ObjectCategory::from_key("other").is_err());
    }
}
