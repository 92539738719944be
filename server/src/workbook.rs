//! `.xlsx` files ↔ the domain's neutral `Workbook`: written with
//! rust_xlsxwriter (bold frozen header row, column widths, numbers as
//! numbers), read from memory with calamine. Reading is for uploads, so it
//! refuses garbage and oversized files with an error and never panics.
//! Both directions are CPU-bound: call them from `spawn_blocking`.

use std::io::Cursor;

use app::domain::workbook::{Cell, Sheet, Workbook, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, SETTINGS_SHEET};
use calamine::{DataRef, Reader, Xlsx};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Worksheet};

/// An upload may unpack to at most this many bytes: a plan of the largest
/// accepted size is far smaller, and a zip bomb is stopped before calamine
/// loads it.
const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;

/// Why a file could not be written or read as a workbook.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum WorkbookFileError {
    #[error("the file is larger than {MAX_FILE_BYTES} bytes")]
    TooLarge,
    #[error("the file is not an Excel workbook (.xlsx): {0}")]
    NotXlsx(String),
    #[error("sheet {0:?} has more than {MAX_ROWS} rows")]
    TooManyRows(String),
    #[error("sheet {0:?} has more than {MAX_COLUMNS} columns")]
    TooManyColumns(String),
    #[error("the workbook could not be written: {0}")]
    Write(String),
}

impl WorkbookFileError {
    /// A stable code for the interface's message table, like `DomainError::code`.
    pub fn code(&self) -> &'static str {
        match self {
            WorkbookFileError::TooLarge => "too_large",
            WorkbookFileError::NotXlsx(_) => "not_xlsx",
            WorkbookFileError::TooManyRows(_) => "too_many_rows",
            WorkbookFileError::TooManyColumns(_) => "too_many_columns",
            WorkbookFileError::Write(_) => "write_failed",
        }
    }
}

/// Hours, money and FTE: two decimals, thousands grouped. In a format code
/// `,` is the grouping placeholder and `.` the decimal point; Swedish Excel
/// shows them as a space and a comma (`18 988 100,00`).
const QUANTITY_FORMAT: &str = "#,##0.00";

/// The workbook as `.xlsx` bytes. Row 1 of every sheet is a bold, frozen
/// header, except on the settings sheet, whose labels (column A) are bold.
pub fn write_xlsx(workbook: &Workbook) -> Result<Vec<u8>, WorkbookFileError> {
    let write = |e: rust_xlsxwriter::XlsxError| WorkbookFileError::Write(e.to_string());
    let mut book = rust_xlsxwriter::Workbook::new();
    for sheet in &workbook.sheets {
        let worksheet = book.add_worksheet();
        worksheet.set_name(&sheet.name).map_err(write)?;
        write_sheet(worksheet, sheet).map_err(write)?;
    }
    book.save_to_buffer().map_err(write)
}

fn write_sheet(worksheet: &mut Worksheet, sheet: &Sheet) -> Result<(), rust_xlsxwriter::XlsxError> {
    let settings = sheet.name == SETTINGS_SHEET;
    let quantity = Format::new().set_num_format(QUANTITY_FORMAT);
    let mut widths: Vec<usize> = Vec::new();
    for (r, row) in sheet.rows.iter().enumerate() {
        let row_number = u32::try_from(r).map_err(|_| rust_xlsxwriter::XlsxError::RowColumnLimitError)?;
        for (c, cell) in row.iter().enumerate() {
            let column = u16::try_from(c).map_err(|_| rust_xlsxwriter::XlsxError::RowColumnLimitError)?;
            let bold = if settings { c == 0 } else { r == 0 };
            let mut format =
                if matches!(cell, Cell::Number(n) if n.scale() == 2) { quantity.clone() } else { Format::new() };
            if bold {
                format = format.set_bold();
            }
            let width = match cell {
                Cell::Empty => 0,
                Cell::Text(text) => {
                    worksheet.write_string_with_format(row_number, column, text, &format)?;
                    text.chars().count()
                }
                Cell::Number(number) => {
                    let value = number.to_f64().unwrap_or_default();
                    worksheet.write_number_with_format(row_number, column, value, &format)?;
                    number.to_string().len() + 3
                }
            };
            if widths.len() <= c {
                widths.resize(c + 1, 0);
            }
            widths[c] = widths[c].max(width);
        }
    }
    for (c, width) in widths.into_iter().enumerate() {
        let column = u16::try_from(c).map_err(|_| rust_xlsxwriter::XlsxError::RowColumnLimitError)?;
        let chars = u32::try_from(width.clamp(6, 60)).unwrap_or(60) + 2;
        worksheet.set_column_width(column, chars)?;
    }
    if !settings && !sheet.rows.is_empty() {
        worksheet.set_freeze_panes(1, 0)?;
    }
    Ok(())
}

/// Reads `.xlsx` bytes into a workbook, cell values only (a formula gives
/// the value Excel last computed). Refuses files over `MAX_FILE_BYTES`, or
/// unpacking to more than 64 MB, and sheets beyond `MAX_ROWS` rows or
/// `MAX_COLUMNS` columns; garbage is an error, never a panic.
pub fn read_xlsx(bytes: Vec<u8>) -> Result<Workbook, WorkbookFileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(WorkbookFileError::TooLarge);
    }
    check_unpacked_size(&bytes)?;
    // calamine parses hostile input; should it ever panic on some file, that
    // file is refused like any other garbage instead of failing the request.
    std::panic::catch_unwind(move || read_checked(bytes))
        .unwrap_or_else(|_| Err(WorkbookFileError::NotXlsx("unreadable".into())))
}

fn check_unpacked_size(bytes: &[u8]) -> Result<(), WorkbookFileError> {
    let not_xlsx = |e: zip::result::ZipError| WorkbookFileError::NotXlsx(e.to_string());
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(not_xlsx)?;
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        total = total.saturating_add(archive.by_index_raw(index).map_err(not_xlsx)?.size());
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(WorkbookFileError::TooLarge);
    }
    Ok(())
}

fn read_checked(bytes: Vec<u8>) -> Result<Workbook, WorkbookFileError> {
    let not_xlsx = |e: calamine::XlsxError| WorkbookFileError::NotXlsx(e.to_string());
    let mut xlsx: Xlsx<Cursor<Vec<u8>>> = Xlsx::new(Cursor::new(bytes)).map_err(not_xlsx)?;
    let mut sheets = Vec::new();
    for name in xlsx.sheet_names() {
        let mut reader = xlsx.worksheet_cells_reader(&name).map_err(not_xlsx)?;
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        while let Some(cell) = reader.next_cell().map_err(not_xlsx)? {
            let value = cell_of(cell.get_value());
            if value == Cell::Empty {
                continue;
            }
            let (row, column) = cell.get_position();
            let (row, column) = (row as usize, column as usize);
            if row >= MAX_ROWS {
                return Err(WorkbookFileError::TooManyRows(name));
            }
            if column >= MAX_COLUMNS {
                return Err(WorkbookFileError::TooManyColumns(name));
            }
            if rows.len() <= row {
                rows.resize(row + 1, Vec::new());
            }
            let cells = &mut rows[row];
            if cells.len() <= column {
                cells.resize(column + 1, Cell::Empty);
            }
            cells[column] = value;
        }
        sheets.push(Sheet { name, rows });
    }
    Ok(Workbook { sheets })
}

/// One calamine value as a neutral cell. Numbers become exact decimals by
/// way of their shortest decimal form (Excel's 0.1 is 0.1, not
/// 0.1000000000000000055…); one too large for a decimal stays text, so the
/// import refuses it at its cell.
fn cell_of(value: &DataRef<'_>) -> Cell {
    let text = |t: &str| if t.is_empty() { Cell::Empty } else { Cell::Text(t.to_owned()) };
    match value {
        DataRef::Empty => Cell::Empty,
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => text(s),
        DataRef::SharedString(s) => text(s),
        DataRef::Int(i) => Cell::Number(Decimal::from(*i)),
        DataRef::Float(f) => number(*f),
        DataRef::DateTime(d) => number(d.as_f64()),
        DataRef::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.into()),
        DataRef::Error(e) => Cell::Text(e.to_string()),
    }
}

fn number(value: f64) -> Cell {
    let shortest = value.to_string();
    Decimal::from_str_exact(&shortest).map_or(Cell::Text(shortest), Cell::Number)
}

#[cfg(test)]
mod tests;
