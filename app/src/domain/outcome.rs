//! What an initiative actually took: hours and other costs on each side,
//! recorded against the plan (the object report compares the two). Kept
//! apart from the plan itself, so it can be recorded on an approved plan.

use serde::{Deserialize, Serialize};

use super::{Money, PlanSettings, SideEffort};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub business: SideEffort,
    pub it: SideEffort,
}

impl Outcome {
    /// At the plan year's rates, like the plan's own sums.
    pub fn cost(&self, settings: PlanSettings) -> rust_decimal::Decimal {
        self.business.cost(settings.business_rate) + self.it.cost(settings.it_rate)
    }

    pub fn other(&self) -> Money {
        self.business.other + self.it.other
    }
}
