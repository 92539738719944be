//! Tests across the workbook module: the AKN 2020 round trips, located
//! validation errors, previews, and fuzzing of both readers.

mod fixture;
mod fuzz;
mod preview;
mod round_trip;
mod validation;
