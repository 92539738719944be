//! Supplier contracts (001, 3.1.3).

pub mod reminders;
