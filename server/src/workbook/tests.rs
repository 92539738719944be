//! `.xlsx` round trips of the AKN 2020 export, and hostile files.

use std::io::Read;

use app::domain::workbook::{export_plan, read_plan, Cell, Sheet, Workbook, MAX_COLUMNS, MAX_ROWS};
use app::domain::{Initiative, PlanYear};
use proptest::prelude::*;

use super::{read_xlsx, write_xlsx, WorkbookFileError};

fn akn() -> (PlanYear, Vec<Initiative>) {
    let data = app::demo::dataset(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default());
    let seed = data.plan_years.iter().find(|p| p.object == "AKN" && p.year == 2020).expect("AKN 2020");
    let plan = PlanYear {
        id: 1,
        object_id: 1,
        object_code: "AKN".into(),
        year: 2020,
        settings: seed.settings,
        status: seed.status,
        version: 1,
        capacity: app::domain::Capacity::default(),
    };
    let initiatives = seed
        .initiatives
        .iter()
        .enumerate()
        .map(|(i, s)| Initiative {
            id: 101 + i as i64,
            plan_year_id: 1,
            rank: i as i32 + 1,
            name: s.name.clone(),
            main_activity: s.main_activity,
            assignment_type: s.assignment_type,
            priority: s.priority,
            status: s.status,
            business: s.business,
            it: s.it,
            scores: s.scores,
            version: 1,
        })
        .collect();
    (plan, initiatives)
}

fn akn_workbook() -> Workbook {
    let (plan, initiatives) = akn();
    export_plan("AKN", "Administration, kommunikation och näringsliv", &plan, &initiatives)
}

/// The XML of one part of an `.xlsx` file.
fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut xml = String::new();
    archive.by_name(name).expect("the part").read_to_string(&mut xml).expect("utf-8");
    xml
}

fn one_sheet(rows: Vec<Vec<Cell>>) -> Workbook {
    Workbook { sheets: vec![Sheet::new("Blad1", rows)] }
}

#[test]
fn the_akn_export_reads_back_from_xlsx_cell_for_cell() {
    let workbook = akn_workbook();
    let bytes = write_xlsx(&workbook).expect("written");
    let back = read_xlsx(bytes).expect("read");
    assert_eq!(back, workbook.trimmed());
    let import = read_plan(&back, "AKN", 2020).expect("a valid plan");
    assert_eq!(import, read_plan(&workbook, "AKN", 2020).expect("a valid plan"));
}

#[test]
fn the_header_row_is_bold_and_frozen_and_quantities_get_a_grouped_format() {
    let bytes = write_xlsx(&akn_workbook()).expect("written");
    let styles = part(&bytes, "xl/styles.xml");
    assert!(styles.contains("formatCode=\"#,##0.00\""), "{styles}");
    assert!(styles.contains("<b/>"), "{styles}");
    let goals = part(&bytes, "xl/worksheets/sheet3.xml");
    assert!(goals.contains("ySplit=\"1\""), "frozen header: {goals}");
    assert!(goals.contains("<col "), "column widths: {goals}");
    let settings = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(!settings.contains("ySplit"), "the settings sheet has no header row");
}

#[test]
fn formula_looking_text_stays_literal_text_with_its_apostrophe() {
    let workbook = one_sheet(vec![vec![Cell::text("=HYPERLINK(\"http://x\")"), Cell::text("@SUM(A1)")]]);
    let bytes = write_xlsx(&workbook).expect("written");
    assert!(!part(&bytes, "xl/worksheets/sheet1.xml").contains("<f>"), "no formula is written");
    let back = read_xlsx(bytes).expect("read");
    assert_eq!(
        back.sheets[0].rows[0],
        [Cell::Text("'=HYPERLINK(\"http://x\")".into()), Cell::Text("'@SUM(A1)".into())]
    );
    assert_eq!(back.sheets[0].rows[0][0].as_text(), "=HYPERLINK(\"http://x\")");
}

#[test]
fn numbers_come_back_as_the_exact_decimals_written() {
    let numbers = ["0.1", "1313.57", "18988100.00", "0.77", "2020", "123456789012.34"];
    let row = numbers.iter().map(|n| Cell::Number(n.parse().expect("decimal"))).collect();
    let back = read_xlsx(write_xlsx(&one_sheet(vec![row])).expect("written")).expect("read");
    let read: Vec<String> = back.sheets[0].rows[0].iter().map(Cell::as_text).collect();
    let expected: Vec<String> =
        numbers.iter().map(|n| n.parse::<rust_decimal::Decimal>().expect("decimal").normalize().to_string()).collect();
    assert_eq!(read, expected);
}

#[test]
fn garbage_empty_and_oversized_files_are_errors() {
    assert!(matches!(read_xlsx(Vec::new()), Err(WorkbookFileError::NotXlsx(_))));
    assert!(matches!(read_xlsx(b"Id;Rang\r\n1;2".to_vec()), Err(WorkbookFileError::NotXlsx(_))));
    let mut truncated = write_xlsx(&akn_workbook()).expect("written");
    truncated.truncate(truncated.len() / 2);
    assert!(matches!(read_xlsx(truncated), Err(WorkbookFileError::NotXlsx(_))));
    let huge = vec![0u8; app::domain::workbook::MAX_FILE_BYTES + 1];
    assert_eq!(read_xlsx(huge), Err(WorkbookFileError::TooLarge));
    assert_eq!(WorkbookFileError::TooLarge.code(), "too_large");
}

#[test]
fn a_small_file_that_unpacks_to_more_than_64_mb_is_refused_before_it_is_read() {
    use std::io::Write;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    writer.start_file("xl/sharedStrings.xml", options).expect("entry");
    let zeros = vec![b'0'; 1024 * 1024];
    for _ in 0..65 {
        writer.write_all(&zeros).expect("written");
    }
    let bytes = writer.finish().expect("zip").into_inner();
    assert!(bytes.len() < app::domain::workbook::MAX_FILE_BYTES, "{} bytes", bytes.len());
    assert_eq!(read_xlsx(bytes), Err(WorkbookFileError::TooLarge));
}

#[test]
fn sheets_beyond_the_row_or_column_limit_are_refused() {
    let mut tall = vec![Vec::new(); MAX_ROWS];
    tall.push(vec![Cell::text("x")]);
    let bytes = write_xlsx(&one_sheet(tall)).expect("written");
    assert_eq!(read_xlsx(bytes), Err(WorkbookFileError::TooManyRows("Blad1".into())));
    let mut wide = vec![Cell::Empty; MAX_COLUMNS];
    wide.push(Cell::text("x"));
    let bytes = write_xlsx(&one_sheet(vec![wide])).expect("written");
    assert_eq!(read_xlsx(bytes), Err(WorkbookFileError::TooManyColumns("Blad1".into())));
}

#[test]
fn a_sheet_name_excel_forbids_is_a_write_error() {
    let bad = Workbook { sheets: vec![Sheet::new("a/b", vec![])] };
    assert!(matches!(write_xlsx(&bad), Err(WorkbookFileError::Write(_))));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_bytes_are_an_error_never_a_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        prop_assert!(read_xlsx(bytes).is_err());
    }

    #[test]
    fn a_real_file_with_random_bytes_changed_reads_or_fails_without_panicking(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)
    ) {
        let mut bytes = write_xlsx(&akn_workbook()).expect("written");
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        let _ = read_xlsx(bytes);
    }
}
