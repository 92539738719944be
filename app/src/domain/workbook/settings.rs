//! Reading the settings block: one setting per row, label in column A and
//! value in column B, in any order. The object and year must be the plan
//! being imported into; rates and hours per FTE go through `SettingsForm`.

use std::ops::Range;

use super::labels::{parse_plan_status, Setting};
use super::values::{integer, within, MAX_HOURS, MAX_MONEY};
use super::{Cell, CellError};
use crate::domain::{PlanSettings, PlanStatus, SettingsForm};

/// Reads rows `range` (0-based) of `rows`. `None` when anything is wrong;
/// every problem is in `errors`.
pub(crate) fn read_settings(
    sheet: &str,
    rows: &[Vec<Cell>],
    range: Range<usize>,
    (object_code, year): (&str, i32),
    errors: &mut Vec<CellError>,
) -> Option<(PlanSettings, PlanStatus)> {
    let before = errors.len();
    let mut found: Vec<(Setting, usize)> = Vec::new();
    for index in range {
        let row = rows.get(index).map(Vec::as_slice).unwrap_or_default();
        if row.iter().all(Cell::is_blank) {
            continue;
        }
        for (position, cell) in row.iter().enumerate().skip(2) {
            if !cell.is_blank() {
                errors.push(CellError::at(sheet, index, position, "no_column", cell.as_text()));
            }
        }
        let label = row.first().map(Cell::as_text).unwrap_or_default();
        match Setting::from_label(&label) {
            None => errors.push(CellError::at(sheet, index, 0, "unknown_field", label)),
            Some(setting) if found.iter().any(|(s, _)| *s == setting) => {
                errors.push(CellError::at(sheet, index, 0, "duplicate_field", label));
            }
            Some(setting) => found.push((setting, index)),
        }
    }
    let value = |setting: Setting| {
        found
            .iter()
            .find(|(s, _)| *s == setting)
            .map(|&(_, index)| (index, rows.get(index).and_then(|row| row.get(1)).cloned().unwrap_or_default()))
    };
    let mut form = SettingsForm::default();
    let mut status = None;
    for setting in Setting::ALL {
        let Some((index, cell)) = value(setting) else {
            if setting != Setting::ObjectName {
                errors.push(CellError::sheet(sheet, "missing_field", setting.label()));
            }
            continue;
        };
        let text = cell.as_text();
        let mut fail = |code: &str| errors.push(CellError::at(sheet, index, 1, code, text.clone()));
        if cell.is_blank() && setting != Setting::ObjectName {
            fail("required");
            continue;
        }
        match setting {
            Setting::ObjectName => {}
            Setting::ObjectCode if !text.trim().eq_ignore_ascii_case(object_code) => fail("wrong_object"),
            Setting::ObjectCode => {}
            Setting::Year => match integer(&cell) {
                Ok(Some(value)) if value == i64::from(year) => {}
                Ok(_) => fail("wrong_year"),
                Err(code) => fail(code),
            },
            Setting::BusinessRate | Setting::ItRate | Setting::HoursPerFte => {
                let max = if setting == Setting::HoursPerFte { MAX_HOURS } else { MAX_MONEY };
                if let Err(code) = within(&cell, max) {
                    fail(code);
                }
                match setting {
                    Setting::BusinessRate => form.business_rate = text.clone(),
                    Setting::ItRate => form.it_rate = text.clone(),
                    _ => form.hours_per_fte = text.clone(),
                }
            }
            Setting::Status => {
                status = parse_plan_status(&text);
                if status.is_none() {
                    fail("unknown");
                }
            }
        }
    }
    let settings = match form.check() {
        Ok(settings) => Some(settings),
        Err(problems) => {
            for problem in problems {
                let setting = match problem.field {
                    "business_rate" => Setting::BusinessRate,
                    "it_rate" => Setting::ItRate,
                    _ => Setting::HoursPerFte,
                };
                // A missing or blank setting is reported above already.
                if let Some((index, cell)) = value(setting).filter(|(_, cell)| !cell.is_blank()) {
                    errors.push(CellError::at(sheet, index, 1, problem.error.code(), cell.as_text()));
                }
            }
            None
        }
    };
    if errors.len() > before {
        return None;
    }
    Some((settings?, status?))
}
