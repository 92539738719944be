//! Each bad cell of an otherwise valid AKN export is refused with the right
//! sheet, cell and code, and all problems are reported together.

use super::fixture::{akn, akn_workbook, located, number, set, text, CODE, NAME, YEAR};
use crate::domain::workbook::{export_plan_csv, read_plan, read_plan_csv, Cell, Sheet};

const GOV: &str = "Förvaltningsstyrning";
const SUP: &str = "Användarstöd";
const CHG: &str = "Ändringshantering";

#[test]
fn each_bad_cell_is_reported_at_its_sheet_row_and_column_with_its_code() {
    // (sheet, cell, new content, expected code at that cell)
    #[rustfmt::skip]
    let cases: &[(&str, &str, Cell, &str)] = &[
        (SUP, "A2", text("x"), "not_a_number"),
        (SUP, "A2", number("0"), "not_positive"),
        (SUP, "A2", number("1.5"), "not_a_number"),
        (SUP, "A3", number("102"), "duplicate_id"),
        (CHG, "A2", number("101"), "id_in_two_sheets"),
        (SUP, "B2", Cell::Empty, "required"),
        (SUP, "B2", text("två"), "not_a_number"),
        (SUP, "B3", number("2"), "duplicate_rank"),
        (SUP, "C2", Cell::Empty, "required"),
        (SUP, "C2", text("   "), "required"),
        (SUP, "C2", text(&"x".repeat(201)), "too_long"),
        (SUP, "D2", text("XX"), "unknown"),
        (SUP, "D2", Cell::Empty, "unknown"),
        (SUP, "E2", number("0"), "not_positive"),
        (SUP, "E2", text("1,5"), "not_a_number"),
        (SUP, "F2", text("Pågår"), "unknown"),
        (SUP, "F2", Cell::Empty, "required"),
        (SUP, "G2", text("-5"), "negative"),
        (SUP, "G2", number("-5"), "negative"),
        (SUP, "G2", text("1,005"), "too_many_decimals"),
        (SUP, "G2", number("1.005"), "too_many_decimals"),
        (SUP, "G2", text("12 h"), "not_a_number"),
        (SUP, "G2", text("2 000 000"), "too_large"),
        (SUP, "H2", text("1.313,50"), "not_a_number"),
        (SUP, "H2", number("1000000000000.01"), "too_large"),
        (SUP, "J2", text("=1+1"), "not_a_number"),
        (SUP, "K2", number("-0.01"), "negative"),
        (SUP, "N2", number("6"), "score_range"),
        (SUP, "O2", number("0"), "score_range"),
        (SUP, "P2", text("bra"), "not_a_number"),
        (SUP, "Q2", text("anteckning"), "no_column"),
        (SUP, "C1", text("Namn"), "unknown_column"),
        (SUP, "D1", text("Id"), "duplicate_column"),
        (GOV, "A1", text("Huvudaktivitet"), "unknown_column"),
        ("Plan", "B1", text("UKF"), "wrong_object"),
        ("Plan", "B1", Cell::Empty, "required"),
        ("Plan", "B3", number("2021"), "wrong_year"),
        ("Plan", "B3", text("tjugotjugo"), "not_a_number"),
        ("Plan", "B4", text("x"), "not_a_number"),
        ("Plan", "B5", text("655,001"), "too_many_decimals"),
        ("Plan", "B6", number("0"), "not_positive"),
        ("Plan", "B6", number("-1700"), "negative"),
        ("Plan", "B7", text("Klar"), "unknown"),
        ("Plan", "A4", text("Timpris"), "unknown_field"),
        ("Plan", "A5", text("Objekt"), "duplicate_field"),
        ("Plan", "C1", text("extra"), "no_column"),
    ];
    for (sheet, cell, content, code) in cases {
        let mut workbook = akn_workbook();
        set(&mut workbook, sheet, cell, content.clone());
        let errors = read_plan(&workbook, CODE, YEAR).expect_err(&format!("{sheet}!{cell} = {content:?}"));
        let expected = (sheet.to_string(), cell.to_string(), code.to_string());
        assert!(located(&errors).contains(&expected), "{sheet}!{cell} = {content:?}: {errors:?}");
    }
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut workbook = akn_workbook();
    set(&mut workbook, SUP, "C2", Cell::Empty);
    set(&mut workbook, SUP, "G5", text("x"));
    set(&mut workbook, CHG, "N3", number("9"));
    set(&mut workbook, "Plan", "B3", number("2019"));
    let errors = read_plan(&workbook, CODE, YEAR).unwrap_err();
    let mut found = located(&errors);
    found.sort();
    let expected = [
        ("Plan", "B3", "wrong_year"),
        (SUP, "C2", "required"),
        (SUP, "G5", "not_a_number"),
        (CHG, "N3", "score_range"),
    ];
    let mut expected: Vec<_> = expected.iter().map(|(s, c, k)| (s.to_string(), c.to_string(), k.to_string())).collect();
    expected.sort();
    assert_eq!(found, expected);
    let g5 = errors.iter().find(|e| e.cell_name() == "G5").expect("G5");
    assert_eq!(g5.text, "x");
}

#[test]
fn missing_unknown_and_doubled_sheets_and_columns_are_named() {
    let mut workbook = akn_workbook();
    workbook.sheets.retain(|s| s.name != CHG);
    workbook.sheets.push(Sheet::new("Anteckningar", vec![vec![text("hej")]]));
    workbook.sheets.push(Sheet::new("plan", vec![]));
    workbook.sheets.push(Sheet::new("Blad1", vec![vec![Cell::Empty, text(" ")]]));
    for row in &mut workbook.sheets[2].rows {
        row.remove(3);
    }
    let found = located(&read_plan(&workbook, CODE, YEAR).unwrap_err());
    let expected = [
        (CHG, "", "missing_sheet"),
        ("Anteckningar", "", "unknown_sheet"),
        ("plan", "", "duplicate_sheet"),
        (SUP, "1", "missing_column"),
    ];
    for (sheet, cell, code) in expected {
        assert!(found.contains(&(sheet.into(), cell.into(), code.into())), "{sheet} {code}: {found:?}");
    }
    assert_eq!(found.len(), expected.len(), "{found:?}");
}

#[test]
fn a_settings_block_without_a_setting_names_the_missing_one() {
    let mut workbook = akn_workbook();
    workbook.sheets[0].rows.remove(5);
    let errors = read_plan(&workbook, CODE, YEAR).unwrap_err();
    assert_eq!(located(&errors), [("Plan".into(), String::new(), "missing_field".into())]);
    assert_eq!(errors[0].text, "Timmar per heltid");
}

#[test]
fn oversized_sheets_are_refused_whole() {
    let mut workbook = akn_workbook();
    workbook.sheets[1].rows.resize(crate::domain::workbook::MAX_ROWS + 1, Vec::new());
    workbook.sheets[2].rows[1].resize(crate::domain::workbook::MAX_COLUMNS + 1, Cell::Empty);
    let found = located(&read_plan(&workbook, CODE, YEAR).unwrap_err());
    assert!(found.contains(&(GOV.into(), String::new(), "too_many_rows".into())), "{found:?}");
    assert!(found.contains(&(SUP.into(), String::new(), "too_many_columns".into())), "{found:?}");
}

#[test]
fn bad_csv_cells_are_reported_as_csv_with_record_and_column() {
    let (plan, initiatives) = akn();
    let csv = export_plan_csv(CODE, NAME, &plan, &initiatives);
    // Record 10 is the first initiative (7 settings, a blank line, the header).
    let bad = csv.replacen("Förvaltningsstyrning;101;1;OL - löpande förvaltningsstyrning;VM", "Styrning;101;1;;VX", 1);
    let mut found = located(&read_plan_csv(&bad, CODE, YEAR).unwrap_err());
    found.sort();
    let expected = [("A10", "unknown"), ("D10", "required"), ("E10", "unknown")];
    assert_eq!(found, expected.map(|(c, k)| ("CSV".to_string(), c.to_string(), k.to_string())));
    let wrong_year = csv.replace("År;2020", "År;2021");
    assert_eq!(
        located(&read_plan_csv(&wrong_year, CODE, YEAR).unwrap_err()),
        [("CSV".into(), "B3".into(), "wrong_year".into())]
    );
    let no_table = "Objekt;AKN\r\n";
    assert_eq!(located(&read_plan_csv(no_table, CODE, YEAR).unwrap_err())[0].2, "missing_column");
}

#[test]
fn csv_with_commas_plain_numbers_and_lf_reads_like_the_export() {
    let (plan, initiatives) = akn();
    let csv = export_plan_csv(CODE, NAME, &plan, &initiatives);
    let rows = crate::domain::workbook::csv::parse_csv(&csv).expect("valid");
    let field = |cell: &Cell| {
        let text = cell.as_text();
        if text.contains([',', '"', '\n']) {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text
        }
    };
    let commas: String = rows.iter().map(|r| r.iter().map(field).collect::<Vec<_>>().join(",") + "\n").collect();
    let import = read_plan_csv(&commas, CODE, YEAR).expect("comma-separated, no BOM, LF");
    assert_eq!(import, read_plan_csv(&csv, CODE, YEAR).expect("the export"));
}
