//! AKN 2020, transcribed from its object plan.

use crate::dataset::Dataset;

pub fn add(_data: &mut Dataset) {}
