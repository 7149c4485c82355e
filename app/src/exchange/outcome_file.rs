//! Reading an outcome file (CSV or XLSX) row by row, within limits fixed before the first
//! byte is read: no file, however small or strange, makes the server hold more than these
//! limits allow. A file over a limit is refused with a problem naming it; nothing is read
//! further. Pure: the bytes are already in memory.

use std::io::{Cursor, Read};

use super::Problem;
use super::outcomes::column_letter;
use crate::model::{Location, Message, Place};

/// What one outcome file may hold.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Data rows, the header not counted.
    pub rows: usize,
    /// Columns of any row.
    pub columns: usize,
    /// Bytes of one cell.
    pub cell_bytes: usize,
    /// Bytes an XLSX workbook unpacks to, all its parts together.
    pub unpacked_bytes: u64,
}

impl Limits {
    /// A million rows (a 64 MB CSV holds about that many); the format has six columns, so
    /// 64 leave room for a spreadsheet's notes; a comment is at most 2 000 characters.
    pub const DEFAULT: Limits = Limits {
        rows: 1_000_000,
        columns: 64,
        cell_bytes: 16 * 1024,
        unpacked_bytes: 256 * 1024 * 1024,
    };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Csv,
    Xlsx,
}

impl FileFormat {
    /// By file name: `.csv`, `.txt` or `.xlsx`.
    pub fn from_name(name: &str) -> Option<Self> {
        let lower = name.to_lowercase();
        if lower.ends_with(".xlsx") {
            Some(Self::Xlsx)
        } else if lower.ends_with(".csv") || lower.ends_with(".txt") {
            Some(Self::Csv)
        } else {
            None
        }
    }
}

/// Receives a file's rows in order.
pub trait RowSink {
    /// About how many rows the file has (for progress), told once before the first row.
    fn expect_rows(&mut self, rows: usize);
    /// A row's cells; `number` is 1-based as a spreadsheet shows it (the header is row 1).
    /// Rows with no cells at all may be left out.
    fn row(&mut self, number: usize, cells: &[String]);
}

/// Reads the file row by row into `sink`, or stops at the first limit passed or the first
/// thing that makes it unreadable.
pub fn read(bytes: &[u8], format: FileFormat, limits: &Limits, sink: &mut dyn RowSink) -> Result<(), Problem> {
    match format {
        FileFormat::Csv => read_csv(bytes, limits, sink),
        FileFormat::Xlsx => read_xlsx(bytes, limits, sink),
    }
}

fn unreadable_xlsx(e: impl std::fmt::Display) -> Problem {
    Problem::whole(Message::UnreadableXlsx { detail: e.to_string() })
}

fn too_many_rows(limits: &Limits) -> Problem {
    Problem::whole(Message::TooManyRows { max: limits.rows })
}

fn too_many_columns(row: usize, limits: &Limits) -> Problem {
    Problem::new(Place::Row { row }, Message::TooManyColumns { max: limits.columns })
}

fn cell_too_long(row: usize, column: usize, limits: &Limits) -> Problem {
    Problem::new(
        Location::cell(row, &column_letter(column)),
        Message::CellTooLong {
            max_bytes: limits.cell_bytes,
        },
    )
}

/// CSV in UTF-8 (with or without a byte order mark), separated by commas or, as a Swedish
/// Excel saves it, semicolons. Read field by field, so a line of a million commas stops at
/// the column limit instead of being held whole.
fn read_csv(bytes: &[u8], limits: &Limits, sink: &mut dyn RowSink) -> Result<(), Problem> {
    let text = std::str::from_utf8(bytes).map_err(|_| Problem::whole(Message::NotUtf8))?;
    let text = text.trim_start_matches('\u{feff}');
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.contains(';') && !first_line.contains(',') {
        b';'
    } else {
        b','
    };
    sink.expect_rows(count_byte(text.as_bytes(), b'\n').saturating_add(1));

    let mut reader = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    let mut input = text.as_bytes();
    let mut field = vec![0u8; limits.cell_bytes];
    let mut filled = 0;
    let mut cells: Vec<String> = Vec::new();
    let mut number = 1;
    loop {
        let (result, read, written) = reader.read_field(input, &mut field[filled..]);
        input = &input[read..];
        filled += written;
        match result {
            csv_core::ReadFieldResult::InputEmpty => {}
            csv_core::ReadFieldResult::OutputFull => return Err(cell_too_long(number, cells.len(), limits)),
            csv_core::ReadFieldResult::Field { record_end } => {
                if cells.len() == limits.columns {
                    return Err(too_many_columns(number, limits));
                }
                // Split at ASCII delimiters only, so each field is whole UTF-8.
                cells.push(String::from_utf8_lossy(&field[..filled]).into_owned());
                filled = 0;
                if record_end {
                    if number > limits.rows {
                        return Err(too_many_rows(limits));
                    }
                    sink.row(number, &cells);
                    cells.clear();
                    number += 1;
                }
            }
            csv_core::ReadFieldResult::End => return Ok(()),
        }
    }
}

fn count_byte(haystack: &[u8], needle: u8) -> usize {
    haystack.iter().filter(|b| **b == needle).count()
}

/// The first sheet of an XLSX workbook, cell by cell: the sheet's stated size is never
/// allocated, so one cell at A1 and one at XFD1048576 cost two cells, and the workbook's
/// parts are measured unpacked before anything is parsed.
fn read_xlsx(bytes: &[u8], limits: &Limits, sink: &mut dyn RowSink) -> Result<(), Problem> {
    use calamine::{Reader, Xlsx};
    check_unpacked_size(bytes, limits.unpacked_bytes)?;
    let mut workbook = Xlsx::new(Cursor::new(bytes)).map_err(unreadable_xlsx)?;
    let first = workbook
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| Problem::whole(Message::NoSheets))?;
    let mut cells_reader = workbook.worksheet_cells_reader(&first).map_err(unreadable_xlsx)?;
    let stated_rows = cells_reader.dimensions().end.0 as usize;
    sink.expect_rows(stated_rows.min(limits.rows).saturating_add(1));

    let mut row: Vec<String> = Vec::new();
    let mut current: Option<usize> = None;
    while let Some(cell) = cells_reader.next_cell().map_err(unreadable_xlsx)? {
        let (r, c) = cell.get_position();
        let (number, column) = (r as usize + 1, c as usize);
        if current.is_some_and(|n| number < n) {
            return Err(Problem::new(Place::Row { row: number }, Message::RowsOutOfOrder));
        }
        if current != Some(number) {
            if let Some(done) = current.replace(number) {
                sink.row(done, &row);
            }
            row.clear();
            if number > limits.rows.saturating_add(1) {
                return Err(too_many_rows(limits));
            }
        }
        if column >= limits.columns {
            return Err(too_many_columns(number, limits));
        }
        let text = cell_text(cell.get_value());
        if text.len() > limits.cell_bytes {
            return Err(cell_too_long(number, column, limits));
        }
        if row.len() <= column {
            row.resize(column + 1, String::new());
        }
        row[column] = text;
    }
    if let Some(done) = current {
        sink.row(done, &row);
    }
    Ok(())
}

fn cell_text(value: &calamine::DataRef<'_>) -> String {
    use calamine::{Data, DataRef};
    match value {
        DataRef::Empty => String::new(),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Float(f) => f.to_string(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Bool(b) => b.to_string(),
        other => Data::from(other.clone()).to_string(),
    }
}

/// Refuses a workbook whose parts unpack to more than `limit` bytes, counting what really
/// comes out (a part's stated size may lie), so a small file cannot unpack to gigabytes.
fn check_unpacked_size(bytes: &[u8], limit: u64) -> Result<(), Problem> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(unreadable_xlsx)?;
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let mut part = archive.by_index(index).map_err(unreadable_xlsx)?;
        let room = limit.saturating_sub(total);
        let unpacked = std::io::copy(&mut (&mut part).take(room.saturating_add(1)), &mut std::io::sink())
            .map_err(unreadable_xlsx)?;
        total = total.saturating_add(unpacked);
        if total > limit {
            return Err(Problem::whole(Message::UnpackedTooLarge {
                max_mb: limit / (1024 * 1024),
            }));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
