//! The contract register as a spreadsheet (one sheet, one row per
//! contract) and as CSV, with the dates the engine computes for the day of
//! the export. Every text cell is neutralised (a supplier called
//! `=HYPERLINK(…)` stays text); dates are ISO text, which Excel reads as
//! dates in a Swedish locale; money is a number with two decimals.

use chrono::NaiveDate;

use super::csv::write_csv;
use super::{Cell, Sheet, Workbook};
use crate::domain::{Contract, ContractStatus};

pub const CONTRACTS_SHEET: &str = "Avtal";

const HEADERS: [&str; 22] = [
    "Avtal",
    "Leverantör",
    "Objekt",
    "IT-komponenter",
    "Status",
    "Startdatum",
    "Slutdatum enligt avtal",
    "Nuvarande slutdatum",
    "Uppsägningstid (månader)",
    "Senast uppsägning",
    "Upphandlingstid (månader)",
    "Starta upphandling",
    "Optioner",
    "Optionslängd (månader)",
    "Nyttjade optioner",
    "Automatisk förlängning (månader)",
    "Uppsagt",
    "Årskostnad",
    "Linjeorganisation",
    "Avtalsägare",
    "Ersättare",
    "Anteckningar",
];

pub fn contract_status_name(status: ContractStatus) -> &'static str {
    match status {
        ContractStatus::Ended => "Avslutat",
        ContractStatus::NoticePassed => "Uppsägningstiden passerad",
        ContractStatus::ActNow => "Agera nu",
        ContractStatus::Within12Months => "Inom 12 månader",
        ContractStatus::Ok => "Ok",
    }
}

fn rows(contracts: &[Contract], today: NaiveDate) -> Vec<Vec<Cell>> {
    let date = |d: NaiveDate| Cell::text(&d.to_string());
    let count = |n: u32| Cell::Number(n.into());
    let optional = |text: &Option<String>| text.as_deref().map_or(Cell::Empty, Cell::text);
    let mut rows = vec![HEADERS.iter().map(|h| Cell::text(h)).collect::<Vec<Cell>>()];
    for c in contracts {
        let d = c.deadlines(today);
        rows.push(vec![
            Cell::text(&c.reference),
            Cell::text(&c.supplier),
            Cell::text(&c.object_codes.join(", ")),
            Cell::text(&c.it_components.join(", ")),
            Cell::text(contract_status_name(d.status)),
            date(c.start),
            date(c.end),
            date(d.term.end),
            count(c.notice_months),
            date(d.term.notice_deadline),
            count(c.procurement_lead_months),
            date(d.term.procurement_start),
            count(c.options.count),
            count(c.options.months),
            count(c.options.used),
            c.auto_renewal_months.map_or(Cell::Empty, count),
            c.notice_given_on.map_or(Cell::Empty, date),
            Cell::Number(c.yearly_cost.value().round_dp(2).trunc_with_scale(2)),
            optional(&c.line_organisation),
            optional(&c.owner),
            optional(&c.deputy),
            Cell::text(&c.notes),
        ]);
    }
    rows
}

/// The register as a one-sheet workbook, dates as on `today`.
pub fn export_contracts(contracts: &[Contract], today: NaiveDate) -> Workbook {
    Workbook { sheets: vec![Sheet::new(CONTRACTS_SHEET, rows(contracts, today))] }
}

/// The register as CSV (`;`, BOM, CRLF, decimal comma), dates as on `today`.
pub fn export_contracts_csv(contracts: &[Contract], today: NaiveDate) -> String {
    write_csv(&rows(contracts, today))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ExtensionOptions, Money};

    fn contract(reference: &str, supplier: &str) -> Contract {
        Contract {
            id: 1,
            reference: reference.into(),
            supplier: supplier.into(),
            it_components: vec!["Public 360".into(), "eArkiv".into()],
            object_codes: vec!["AKN".into()],
            start: "2020-01-01".parse().expect("date"),
            end: "2027-12-31".parse().expect("date"),
            notice_months: 6,
            options: ExtensionOptions { count: 2, months: 12, used: 0 },
            auto_renewal_months: None,
            renewals_used: 0,
            notice_given_on: None,
            yearly_cost: Money::parse("1200000,5").expect("money"),
            line_organisation: Some("Kommunledningsförvaltningen".into()),
            owner: None,
            deputy: None,
            procurement_lead_months: 12,
            notes: "Rad ett\nrad två; med semikolon".into(),
            version: 1,
            procurement_initiative_id: None,
        }
    }

    #[test]
    fn the_csv_has_the_engines_dates_neutralised_text_and_swedish_numbers() {
        let today = "2026-11-24".parse().expect("date");
        let csv = export_contracts_csv(&[contract("AVT-1", "=HYPERLINK(\"http://x\")")], today);
        assert!(csv.starts_with('\u{feff}'), "BOM for Excel");
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert!(lines[0].starts_with("Avtal;Leverantör;Objekt;IT-komponenter;Status;"), "{}", lines[0]);
        let row = lines[1];
        assert!(
            row.starts_with("AVT-1;\"'=HYPERLINK(\"\"http://x\"\")\";AKN;\"Public 360, eArkiv\";Agera nu;"),
            "{row}"
        );
        assert!(row.contains(";2027-12-31;6;2027-06-30;12;2026-06-30;2;12;0;;;1200000,50;"), "{row}");
        assert!(csv.contains("\"Rad ett\nrad två; med semikolon\""), "quoted with its line break");
    }

    #[test]
    fn the_workbook_has_one_sheet_with_a_header_and_a_row_per_contract() {
        let today = "2026-11-24".parse().expect("date");
        let book = export_contracts(&[contract("AVT-1", "Formpipe"), contract("AVT-2", "Tieto")], today);
        assert_eq!(book.sheets.len(), 1);
        assert_eq!(book.sheets[0].name, "Avtal");
        assert_eq!(book.sheets[0].rows.len(), 3);
        assert_eq!(book.sheets[0].rows[2][0], Cell::Text("AVT-2".into()));
    }
}
