//! The yearly object plan: its settings (rates, hours per FTE, status) and
//! its initiatives ("delmål") with hours and other costs on both sides.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::keyed::keyed;
use super::{DomainError, Hours, Money};

/// The four main activities of pm3 object management (000, section 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MainActivity {
    /// Förvaltningsstyrning.
    Governance,
    /// Användarstöd.
    UserSupport,
    /// Ändringshantering.
    ChangeManagement,
    /// Daglig IT-drift och underhåll.
    Operations,
}

/// Uppdragstyp.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssignmentType {
    /// Vidmakthållande (VM).
    Maintain,
    /// Vidareutveckling (VU).
    Develop,
    /// Nyutveckling.
    NewDevelopment,
    /// Avveckling.
    Decommission,
}

/// Verksamhetsnära or IT-nära förvaltning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Business,
    It,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    Draft,
    Approved,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InitiativeStatus {
    NotStarted,
    OnTrack,
    AtRisk,
    Delayed,
    Done,
    Stopped,
}

keyed!(MainActivity {
    Governance => "governance",
    UserSupport => "user_support",
    ChangeManagement => "change_management",
    Operations => "operations",
});
keyed!(AssignmentType {
    Maintain => "maintain",
    Develop => "develop",
    NewDevelopment => "new_development",
    Decommission => "decommission",
});
keyed!(Side { Business => "business", It => "it" });
keyed!(PlanStatus { Draft => "draft", Approved => "approved" });
keyed!(InitiativeStatus {
    NotStarted => "not_started",
    OnTrack => "on_track",
    AtRisk => "at_risk",
    Delayed => "delayed",
    Done => "done",
    Stopped => "stopped",
});

/// The settings of a plan year that turn hours into money and FTE. In the
/// AKN 2020 plan both rates are 655 kr/h and a full-time equivalent is
/// 1 700 h, but every plan year carries its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanSettings {
    pub business_rate: Money,
    pub it_rate: Money,
    pub hours_per_fte: Hours,
}

impl PlanSettings {
    pub fn new(business_rate: Money, it_rate: Money, hours_per_fte: Hours) -> Result<Self, DomainError> {
        if hours_per_fte.value().is_zero() {
            return Err(DomainError::NotPositive);
        }
        Ok(Self { business_rate, it_rate, hours_per_fte })
    }

    pub fn rate(&self, side: Side) -> Money {
        match side {
            Side::Business => self.business_rate,
            Side::It => self.it_rate,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanYear {
    pub id: i64,
    pub object_id: i64,
    pub object_code: String,
    pub year: i32,
    pub settings: PlanSettings,
    pub status: PlanStatus,
    /// Goes up by one with every saved change of the settings: an edit
    /// started from an older version is stale.
    pub version: i64,
    /// What the object has for the year, for the capacity line.
    #[serde(default)]
    pub capacity: super::Capacity,
}

/// Hours and other costs ("övriga") on one side of an initiative.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SideEffort {
    pub hours: Hours,
    pub other: Money,
}

impl SideEffort {
    pub fn new(hours: Hours, other: Money) -> Self {
        Self { hours, other }
    }

    /// hours × rate + other costs: the "summa" of the object plan, to the
    /// öre (hours × rate can have four decimals; the plan counts in öre).
    pub fn cost(&self, rate: Money) -> Decimal {
        super::two_decimals(self.hours.value() * rate.value()) + self.other.value()
    }
}

/// Scores from the guideline's prioritisation criteria (001, 2.3.4), each
/// 1–5 when set: benefit, contribution to the municipality's goals, effort.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scores {
    pub benefit: Option<u8>,
    pub goal_contribution: Option<u8>,
    pub effort: Option<u8>,
}

impl Scores {
    pub fn new(benefit: Option<u8>, goal_contribution: Option<u8>, effort: Option<u8>) -> Result<Self, DomainError> {
        for score in [benefit, goal_contribution, effort].into_iter().flatten() {
            if !(1..=5).contains(&score) {
                return Err(DomainError::ScoreOutOfRange);
            }
        }
        Ok(Self { benefit, goal_contribution, effort })
    }
}

/// A goal or initiative ("delmål") of a plan year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Initiative {
    pub id: i64,
    pub plan_year_id: i64,
    /// Position in the object's priority order, 1 first.
    pub rank: i32,
    pub name: String,
    pub main_activity: MainActivity,
    pub assignment_type: AssignmentType,
    /// "Prio" as the object plan writes it; often blank.
    pub priority: Option<i32>,
    pub status: InitiativeStatus,
    pub business: SideEffort,
    pub it: SideEffort,
    pub scores: Scores,
    /// Goes up by one with every saved edit: an edit started from an older
    /// version is stale. Status reports do not count as edits.
    pub version: i64,
}

/// A dated report of an initiative's status, kept as history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusReport {
    pub id: i64,
    pub status: InitiativeStatus,
    /// The day the report is about.
    pub as_of: chrono::NaiveDate,
    pub comment: String,
    /// Who reported it (their name, read from the people table).
    pub reported_by: Option<String>,
    pub reported_at: chrono::DateTime<chrono::Utc>,
}

impl Initiative {
    pub fn effort(&self, side: Side) -> SideEffort {
        match side {
            Side::Business => self.business,
            Side::It => self.it,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_round_trips() {
        for a in MainActivity::ALL {
            assert_eq!(MainActivity::from_key(a.key()), Ok(*a));
        }
        for a in AssignmentType::ALL {
            assert_eq!(AssignmentType::from_key(a.key()), Ok(*a));
        }
        for s in InitiativeStatus::ALL {
            assert_eq!(InitiativeStatus::from_key(s.key()), Ok(*s));
        }
        assert!(Side::from_key("both").is_err());
    }

    #[test]
    fn a_side_costs_hours_times_rate_plus_other_costs() {
        let effort = SideEffort::new(Hours::parse("595").unwrap(), Money::parse("25 000").unwrap());
        assert_eq!(effort.cost(Money::parse("655").unwrap()), "414725".parse::<Decimal>().unwrap());
    }

    #[test]
    fn zero_hours_per_fte_is_refused() {
        let rate = Money::parse("655").unwrap();
        assert_eq!(PlanSettings::new(rate, rate, Hours::ZERO), Err(DomainError::NotPositive));
    }

    #[test]
    fn scores_must_be_between_one_and_five() {
        assert!(Scores::new(Some(1), Some(5), None).is_ok());
        assert_eq!(Scores::new(Some(0), None, None), Err(DomainError::ScoreOutOfRange));
        assert_eq!(Scores::new(None, None, Some(6)), Err(DomainError::ScoreOutOfRange));
    }
}
