//! Export, then read back: the AKN 2020 plan comes back identical, through
//! the workbook model and through CSV.

use super::fixture::{akn, akn_workbook, number, set, text, CODE, NAME, YEAR};
use crate::domain::workbook::{
    export_plan, export_plan_csv, preview, read_plan, read_plan_csv, Cell, PlanImport, Workbook,
};
use crate::domain::{Initiative, InitiativeStatus, Money, PlanYear, Scores};

/// Every stored field of `initiatives` equals the import's, row for row.
fn assert_same(import: &PlanImport, plan: &PlanYear, initiatives: &[Initiative]) {
    assert_eq!(import.settings, plan.settings);
    assert_eq!(import.status, plan.status);
    assert_eq!(import.initiatives.len(), initiatives.len());
    for (read, stored) in import.initiatives.iter().zip(initiatives) {
        assert_eq!(read.id, Some(stored.id));
        assert_eq!(read.rank, stored.rank);
        let input = &read.input;
        assert_eq!(
            (&input.name, input.main_activity, input.assignment_type, input.priority),
            (&stored.name, stored.main_activity, stored.assignment_type, stored.priority)
        );
        assert_eq!((input.business, input.it), (stored.business, stored.it), "{}", stored.name);
        assert_eq!((read.status, read.scores), (stored.status, stored.scores));
    }
    let preview = preview(initiatives, plan, import).expect("every id is stored");
    assert!(preview.is_empty(), "{preview:?}");
    assert_eq!(preview.unchanged, initiatives.len());
}

/// AKN 2020 with statuses, scores and hostile names set, so that every
/// column carries something.
fn varied() -> (PlanYear, Vec<Initiative>) {
    let (plan, mut initiatives) = akn();
    initiatives[0].name = "=HYPERLINK(\"http://evil.example\",\"klicka\")".into();
    initiatives[1].name = "-2 dagar; \"citat\", radbrytning\nhär".into();
    initiatives[2].name = "@SUMMA(A1)".into();
    initiatives[3].status = InitiativeStatus::AtRisk;
    initiatives[4].scores = Scores::new(Some(5), Some(1), Some(3)).expect("valid");
    initiatives[5].scores = Scores::new(None, Some(2), None).expect("valid");
    initiatives[6].priority = Some(12);
    initiatives[7].business.other = Money::parse("1 313,57").expect("valid");
    (plan, initiatives)
}

#[test]
fn the_akn_2020_plan_reads_back_identical_from_its_workbook() {
    let (plan, initiatives) = akn();
    let import = read_plan(&akn_workbook(), CODE, YEAR).expect("a valid export");
    assert_same(&import, &plan, &initiatives);
}

#[test]
fn the_akn_2020_plan_reads_back_identical_from_its_csv() {
    let (plan, initiatives) = akn();
    let csv = export_plan_csv(CODE, NAME, &plan, &initiatives);
    let import = read_plan_csv(&csv, CODE, YEAR).expect("a valid export");
    assert_same(&import, &plan, &initiatives);
}

#[test]
fn statuses_scores_and_hostile_names_read_back_identical_both_ways() {
    let (plan, initiatives) = varied();
    let workbook = export_plan(CODE, NAME, &plan, &initiatives);
    assert_same(&read_plan(&workbook, CODE, YEAR).expect("valid"), &plan, &initiatives);
    let csv = export_plan_csv(CODE, NAME, &plan, &initiatives);
    assert_same(&read_plan_csv(&csv, CODE, YEAR).expect("valid"), &plan, &initiatives);
}

#[test]
fn formula_looking_texts_are_neutralised_with_an_apostrophe() {
    let (plan, initiatives) = varied();
    let workbook = export_plan(CODE, NAME, &plan, &initiatives);
    let governance = &workbook.sheets[1];
    assert_eq!(governance.rows[1][2], text("'=HYPERLINK(\"http://evil.example\",\"klicka\")"));
    assert_eq!(workbook.sheets[2].rows[1][2], text("'-2 dagar; \"citat\", radbrytning\nhär"));
    assert_eq!(workbook.sheets[2].rows[2][2], text("'@SUMMA(A1)"));
    let csv = export_plan_csv(CODE, NAME, &plan, &initiatives);
    assert!(csv.contains(";'=HYPERLINK") || csv.contains(";\"'=HYPERLINK"), "{csv}");
    assert!(!csv.contains(";=") && !csv.contains(";\"="), "{csv}");
    assert!(!csv.contains(";@") && !csv.contains(";-"), "{csv}");
}

#[test]
fn the_workbook_has_the_object_plans_sheets_and_headers() {
    let workbook = akn_workbook();
    let names: Vec<&str> = workbook.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Plan",
            "Förvaltningsstyrning",
            "Användarstöd",
            "Ändringshantering",
            "Daglig IT-drift och underhåll",
            "Budget",
            "FTE"
        ]
    );
    let header: Vec<String> = workbook.sheets[2].rows[0].iter().map(Cell::as_text).collect();
    assert_eq!(
        header,
        [
            "Id",
            "Rang",
            "Delmål",
            "Uppdragstyp",
            "Prio",
            "Status",
            "Verksamhet timmar",
            "Verksamhet övriga kostnader",
            "Verksamhet summa",
            "IT timmar",
            "IT övriga kostnader",
            "IT summa",
            "Summa",
            "Nytta",
            "Måluppfyllelse",
            "Insats"
        ]
    );
    // eArkiv - vidmakthållande: 595 h and 25 000 kr; 414 725 + 222 700 SEK.
    let row = &workbook.sheets[2].rows[1];
    assert_eq!(row[..4], [number("102"), number("2"), text("eArkiv - vidmakthållande"), text("VM")]);
    assert_eq!(row[4..9], [Cell::Empty, text("Ej påbörjad"), number("595"), number("25000"), number("414725")]);
    assert_eq!(row[11..13], [number("222700"), number("637425")]);
    let plan: Vec<(String, String)> =
        workbook.sheets[0].rows.iter().map(|r| (r[0].as_text(), r[1].as_text())).collect();
    assert_eq!(plan[0], ("Objekt".into(), "AKN".into()));
    assert_eq!(plan[2], ("År".into(), "2020".into()));
    assert_eq!(plan[6], ("Planstatus".into(), "Godkänd".into()));
}

#[test]
fn the_summary_sheets_reproduce_the_budget_and_fte_tables_of_section_4_3() {
    let workbook = akn_workbook();
    let row = |sheet: usize, index: usize| -> Vec<String> {
        workbook.sheets[sheet].rows[index].iter().map(Cell::as_text).collect()
    };
    assert_eq!(
        row(5, 0),
        ["Huvudaktivitet", "Verksamhetsnära VM", "Verksamhetsnära VU", "IT-nära VM", "IT-nära VU", "Summa SEK"]
    );
    assert_eq!(row(5, 1), ["Förvaltningsstyrning", "860015.00", "0.00", "573125.00", "0.00", "1433140.00"]);
    assert_eq!(row(5, 5), ["Summa", "3761805.00", "3201640.00", "7938695.00", "4085960.00", "18988100.00"]);
    assert_eq!(row(6, 2), ["Användarstöd", "2.46", "0.02", "1.06", "0.02", "3.56"]);
    assert_eq!(row(6, 5), ["Summa FTE", "3.25", "2.87", "1.59", "1.78", "9.49"]);
}

#[test]
fn text_numbers_full_names_blank_rows_and_edited_summaries_are_accepted() {
    let (plan, mut initiatives) = akn();
    let mut workbook: Workbook = export_plan(CODE, NAME, &plan, &initiatives);
    set(&mut workbook, "Användarstöd", "G2", text("1 313,50"));
    set(&mut workbook, "Användarstöd", "H2", text("25000.00"));
    set(&mut workbook, "Användarstöd", "D2", text("vidareutveckling"));
    set(&mut workbook, "Användarstöd", "F2", text("Enligt plan"));
    set(&mut workbook, "Användarstöd", "E2", text("3"));
    set(&mut workbook, "Användarstöd", "I2", text("fel summa, ignoreras"));
    set(&mut workbook, "Budget", "B2", text("skräp"));
    set(&mut workbook, "Plan", "B4", text("655,00"));
    workbook.sheets[2].rows.insert(3, vec![Cell::Empty, text("  ")]);
    workbook.sheets[2].rows.insert(0, Vec::new());
    workbook.sheets.push(crate::domain::workbook::Sheet::new("Blad1", vec![vec![Cell::Empty]]));
    let import = read_plan(&workbook, CODE, YEAR).expect("still valid");
    let earkiv = &mut initiatives[1];
    earkiv.business.hours = crate::domain::Hours::parse("1313.5").expect("valid");
    earkiv.assignment_type = crate::domain::AssignmentType::Develop;
    earkiv.status = InitiativeStatus::OnTrack;
    earkiv.priority = Some(3);
    let import_earkiv = &import.initiatives[1];
    assert_eq!(import_earkiv.input.business, earkiv.business);
    assert_eq!(import_earkiv.input.assignment_type, earkiv.assignment_type);
    assert_eq!((import_earkiv.status, import_earkiv.input.priority), (earkiv.status, earkiv.priority));
    assert_eq!(import_earkiv.source.row, 3, "the inserted blank row moves it down");
}
