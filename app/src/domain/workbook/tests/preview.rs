//! The preview of an edited AKN export against the stored plan.

use super::fixture::{akn, akn_workbook, located, number, set, text, CODE, YEAR};
use crate::domain::workbook::{preview, read_plan, Cell, FieldChange};

fn change(field: &str, before: &str, after: &str) -> FieldChange {
    FieldChange { field: field.into(), before: before.into(), after: after.into() }
}

#[test]
fn an_edited_workbook_previews_as_created_changed_removed_and_unchanged() {
    let (plan, initiatives) = akn();
    let mut workbook = akn_workbook();
    // Användarstöd row 2 is eArkiv - vidmakthållande (id 102, rank 2).
    set(&mut workbook, "Användarstöd", "C2", text("eArkiv - förvaltning"));
    set(&mut workbook, "Användarstöd", "G2", text("600"));
    set(&mut workbook, "Användarstöd", "N2", number("4"));
    // A new row without id, ranked last; the last operations row is removed.
    let operations = &mut workbook.sheets[4].rows;
    let mut new_row = operations[1].clone();
    operations.pop();
    new_row[0] = Cell::Empty;
    new_row[1] = number("100");
    new_row[2] = text("NY - Chattbot i drift");
    operations.push(new_row);
    set(&mut workbook, "Plan", "B5", number("700"));

    let import = read_plan(&workbook, CODE, YEAR).expect("valid");
    let result = preview(&initiatives, &plan, &import).expect("all ids stored");
    assert_eq!(result.created.len(), 1);
    assert_eq!(result.created[0].input.name, "NY - Chattbot i drift");
    assert_eq!(result.created[0].rank, 39, "last, after renumbering");
    assert_eq!(result.removed.iter().map(|i| i.id).collect::<Vec<_>>(), [139]);
    assert_eq!(result.changed.len(), 1);
    assert_eq!(result.changed[0].id, 102);
    assert_eq!(
        result.changed[0].changes,
        [
            change("name", "eArkiv - vidmakthållande", "eArkiv - förvaltning"),
            change("business_hours", "595.00", "600.00"),
            change("benefit", "", "4"),
        ]
    );
    assert_eq!(result.unchanged, 37);
    assert_eq!(result.settings, [change("it_rate", "655.00", "700.00")]);
}

#[test]
fn a_moved_row_changes_rank_and_main_activity() {
    let (plan, initiatives) = akn();
    let mut workbook = akn_workbook();
    // Move the governance goal (rank 1) to the end of Ändringshantering.
    let moved = workbook.sheets[1].rows.remove(1);
    workbook.sheets[3].rows.push(moved);
    set(&mut workbook, "Ändringshantering", "B16", number("99"));
    let import = read_plan(&workbook, CODE, YEAR).expect("valid");
    let result = preview(&initiatives, &plan, &import).expect("valid");
    let ol = result.changed.iter().find(|c| c.id == 101).expect("the moved goal changed");
    assert_eq!(ol.changes, [change("rank", "1", "39"), change("main_activity", "governance", "change_management")]);
    assert_eq!(result.changed.len(), 39, "every other goal moves up one rank");
}

#[test]
fn an_id_that_is_not_in_the_plan_is_an_error_at_its_cell_not_a_creation() {
    let (plan, initiatives) = akn();
    let mut workbook = akn_workbook();
    set(&mut workbook, "Ändringshantering", "A4", number("999"));
    let import = read_plan(&workbook, CODE, YEAR).expect("well-formed");
    let errors = preview(&initiatives, &plan, &import).unwrap_err();
    assert_eq!(located(&errors), [("Ändringshantering".into(), "A4".into(), "unknown_id".into())]);
    assert_eq!(errors[0].text, "999");
}
