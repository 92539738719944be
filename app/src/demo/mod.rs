//! The demo portfolio loaded into an empty database on first start.
//!
//! AKN 2020 is transcribed from its object plan (`shared/seeds/000_…`) and
//! must reproduce that document's tables exactly. The other objects of the
//! guideline (`001_…`) get plausible, deterministic synthetic plans, and the
//! IT components get contracts whose dates are placed relative to `today`
//! so that expiry views always have something to show.

mod akn;
mod contracts;
mod portfolio;

use chrono::NaiveDate;

use crate::dataset::Dataset;

/// The whole demo portfolio as of `today`.
pub fn dataset(today: NaiveDate) -> Dataset {
    let mut data = Dataset::default();
    akn::add(&mut data);
    portfolio::add(&mut data);
    contracts::add(&mut data, today);
    data
}
