//! Outcome and forecast files (CSV or XLSX) with the header `indicator,period,value` and
//! optional `kind` (outcome/forecast, default outcome), `gender` (T/K/M, default T) and
//! `comment`. Every row is checked before anything is written; problems name the row (as
//! numbered in a spreadsheet: the header is row 1) and the column. Pure: no IO.

use std::collections::HashMap;

use engine::{Period, Periodicity, parse_number};
use rust_decimal::Decimal;

use super::Problem;
use super::document::{Gender, ValueKind};
use super::validate::period_mismatch;
use crate::model::{Known, Location, Message, echo};

/// At most this many problems are listed; the count says how many there were.
pub const MAX_LISTED_PROBLEMS: usize = 200;
const MAX_COMMENT: usize = 2000;

/// What the file may refer to: the tenant's indicators by code.
pub struct IndicatorRef {
    pub id: uuid::Uuid,
    pub periodicity: Periodicity,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OutcomeRow {
    pub indicator_id: uuid::Uuid,
    pub period: Period,
    pub kind: ValueKind,
    pub gender: Gender,
    pub value: Decimal,
    pub comment: Option<String>,
}

/// A known column; its number is its place in [`FIELDS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Indicator,
    Period,
    Value,
    Kind,
    Gender,
    Comment,
}

const FIELDS: [(&str, Field); 6] = [
    ("indicator", Field::Indicator),
    ("period", Field::Period),
    ("value", Field::Value),
    ("kind", Field::Kind),
    ("gender", Field::Gender),
    ("comment", Field::Comment),
];

/// Where each known column is in the file, found once from the header.
struct Header {
    positions: [Option<usize>; FIELDS.len()],
}

impl Header {
    fn parse(cells: &[String]) -> Result<Self, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut positions = [None; FIELDS.len()];
        for (i, cell) in cells.iter().enumerate() {
            let name = cell.trim().trim_start_matches('\u{feff}').to_lowercase();
            match FIELDS.iter().position(|(n, _)| *n == name) {
                Some(field) if positions[field].is_some() => {
                    problems.push(Problem::new(
                        Location::cell(1, &column_letter(i)),
                        Message::Duplicate { value: name },
                    ));
                }
                Some(field) => positions[field] = Some(i),
                None if name.is_empty() => {}
                None => problems.push(Problem::new(
                    Location::cell(1, &column_letter(i)),
                    Message::NotOneOf {
                        text: echo(cell),
                        allowed: FIELDS.iter().map(|(n, _)| (*n).to_owned()).collect(),
                    },
                )),
            }
        }
        for required in [Field::Indicator, Field::Period, Field::Value] {
            if positions[required as usize].is_none() {
                problems.push(Problem::new(
                    Location::cell(1, FIELDS[required as usize].0),
                    Message::Missing,
                ));
            }
        }
        if problems.is_empty() {
            Ok(Header { positions })
        } else {
            Err(problems)
        }
    }

    fn cell<'a>(&self, cells: &'a [String], field: Field) -> &'a str {
        self.positions[field as usize]
            .and_then(|i| cells.get(i))
            .map_or("", |s| s.trim())
    }
}

/// `A`, `B`, … `AA`: how a spreadsheet names column `index` (0-based).
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        out.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    out.into_iter().map(char::from).collect()
}

/// Checks every row. Blank rows are skipped; a value given twice for the same indicator,
/// period, kind and gender is a problem (which one would win is not obvious).
pub struct Checker<'a> {
    header: Header,
    indicators: &'a HashMap<String, IndicatorRef>,
    seen: HashMap<(uuid::Uuid, Period, ValueKind, Gender), usize>,
    pub rows: Vec<OutcomeRow>,
    pub problems: Vec<Problem>,
    pub problem_count: usize,
}

impl<'a> Checker<'a> {
    pub fn new(header: &[String], indicators: &'a HashMap<String, IndicatorRef>) -> Result<Self, Vec<Problem>> {
        Ok(Self {
            header: Header::parse(header)?,
            indicators,
            seen: HashMap::new(),
            rows: Vec::new(),
            problems: Vec::new(),
            problem_count: 0,
        })
    }

    fn problem(&mut self, row: usize, column: &str, message: Message) {
        self.problem_count += 1;
        if self.problems.len() < MAX_LISTED_PROBLEMS {
            self.problems.push(Problem::new(Location::cell(row, column), message));
        }
    }

    /// Checks one data row; `row` is its 1-based number in the file.
    pub fn row(&mut self, row: usize, cells: &[String]) {
        if cells.iter().all(|c| c.trim().is_empty()) {
            return;
        }
        let h = &self.header;
        let (code, period, value) = (
            h.cell(cells, Field::Indicator),
            h.cell(cells, Field::Period),
            h.cell(cells, Field::Value),
        );
        let (kind, gender, comment) = (
            h.cell(cells, Field::Kind),
            h.cell(cells, Field::Gender),
            h.cell(cells, Field::Comment),
        );
        let before = self.problem_count;

        let indicator = match self.indicators.get(code) {
            Some(found) => Some(found),
            None if code.is_empty() => {
                self.problem(row, "indicator", Message::Required);
                None
            }
            None => {
                let message = Message::Unknown {
                    what: Known::IndicatorCode,
                    value: echo(code),
                };
                self.problem(row, "indicator", message);
                None
            }
        };
        let period = match period.parse::<Period>() {
            Ok(p) => Some(p),
            Err(e) => {
                self.problem(row, "period", (&e).into());
                None
            }
        };
        if let (Some(indicator), Some(period)) = (indicator, period)
            && let Some(message) = period_mismatch(indicator.periodicity, period)
        {
            self.problem(row, "period", message);
        }
        let value = match parse_number(value) {
            Ok(v) => Some(v),
            Err(e) => {
                self.problem(row, "value", (&e).into());
                None
            }
        };
        let kind = match kind.to_lowercase().as_str() {
            "" | "outcome" | "utfall" => Some(ValueKind::Outcome),
            "forecast" | "prognos" => Some(ValueKind::Forecast),
            other => {
                let message = Message::NotOneOf {
                    text: echo(other),
                    allowed: vec!["outcome".into(), "forecast".into()],
                };
                self.problem(row, "kind", message);
                None
            }
        };
        let gender = match gender.to_uppercase().as_str() {
            "" | "T" => Some(Gender::Total),
            "K" => Some(Gender::Women),
            "M" => Some(Gender::Men),
            other => {
                let message = Message::NotOneOf {
                    text: echo(other),
                    allowed: vec!["T".into(), "K".into(), "M".into()],
                };
                self.problem(row, "gender", message);
                None
            }
        };
        let length = comment.chars().count();
        if length > MAX_COMMENT {
            self.problem(
                row,
                "comment",
                Message::TooLong {
                    max: MAX_COMMENT,
                    length,
                },
            );
        }
        if self.problem_count > before {
            return;
        }
        let (Some(indicator), Some(period), Some(value), Some(kind), Some(gender)) =
            (indicator, period, value, kind, gender)
        else {
            return;
        };
        let key = (indicator.id, period, kind, gender);
        if let Some(first) = self.seen.insert(key, row) {
            let message = Message::DuplicateRow {
                indicator: code.to_owned(),
                period: period.to_string(),
                first_row: first,
            };
            self.problem(row, "period", message);
            return;
        }
        self.rows.push(OutcomeRow {
            indicator_id: indicator.id,
            period,
            kind,
            gender,
            value,
            comment: (!comment.is_empty()).then(|| comment.to_owned()),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs() -> HashMap<String, IndicatorRef> {
        let mut map = HashMap::new();
        map.insert(
            "sjukfranvaro".into(),
            IndicatorRef {
                id: uuid::Uuid::from_u128(1),
                periodicity: Periodicity::Month,
            },
        );
        map.insert(
            "budget".into(),
            IndicatorRef {
                id: uuid::Uuid::from_u128(2),
                periodicity: Periodicity::Tertial,
            },
        );
        map
    }

    fn cells(line: &str) -> Vec<String> {
        line.split(',').map(str::to_owned).collect()
    }

    fn check(lines: &[&str]) -> Result<Vec<OutcomeRow>, Vec<String>> {
        let refs = refs();
        let mut checker =
            Checker::new(&cells(lines[0]), &refs).map_err(|p| p.iter().map(ToString::to_string).collect::<Vec<_>>())?;
        for (i, line) in lines[1..].iter().enumerate() {
            checker.row(i + 2, &cells(line));
        }
        if checker.problems.is_empty() {
            Ok(checker.rows)
        } else {
            Err(checker.problems.iter().map(ToString::to_string).collect())
        }
    }

    #[test]
    fn reads_rows_with_defaults_and_optional_columns() {
        let rows = check(&[
            "indicator,period,value",
            "sjukfranvaro,2025-10,2.31",
            "budget,2025-T2,-0.4",
        ])
        .expect("valid");
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].kind, rows[0].gender), (ValueKind::Outcome, Gender::Total));
        assert_eq!(rows[1].period.to_string(), "2025-T2");

        let rows = check(&[
            "Indicator,Period,Value,Kind,Gender,Comment",
            "sjukfranvaro,2025,7,prognos,K,Enligt HR",
            ",,,,,",
        ])
        .expect("valid");
        assert_eq!(rows.len(), 1, "blank rows are skipped");
        assert_eq!(
            (rows[0].kind, rows[0].gender, rows[0].comment.as_deref()),
            (ValueKind::Forecast, Gender::Women, Some("Enligt HR"))
        );
    }

    #[test]
    fn every_problem_names_its_row_and_column() {
        let problems = check(&[
            "indicator,period,value,kind,gender",
            "okand,2025-10,1,,",
            "sjukfranvaro,2025-13,1,,",
            "sjukfranvaro,2025-T2,1,,",
            "sjukfranvaro,2025-10,tre,,",
            "sjukfranvaro,2025-10,1,budget,X",
            "sjukfranvaro,2025-09,1,,",
            "sjukfranvaro,2025-09,2,,",
        ])
        .expect_err("invalid");
        assert_eq!(
            problems,
            [
                "row 2 › column indicator: \"okand\" is not an indicator code of this municipality",
                "row 3 › column period: \"2025-13\" does not exist: a year has two half-years, three tertials and twelve months",
                "row 4 › column period: the period is a tertial, but the indicator is measured per month",
                "row 5 › column value: \"tre\" is not a number",
                "row 6 › column kind: \"budget\" cannot be used here; use outcome or forecast",
                "row 6 › column gender: \"X\" cannot be used here; use T, K or M",
                "row 8 › column period: sjukfranvaro 2025-09 is also on row 7",
            ]
        );
    }

    #[test]
    fn the_header_must_name_the_required_columns_once() {
        let problems = check(&["indikator,period,value,value"]).expect_err("bad header");
        assert_eq!(
            problems,
            [
                "row 1 › column A: \"indikator\" cannot be used here; use indicator, period, value, kind, gender or comment",
                "row 1 › column D: \"value\" appears twice",
                "row 1 › column indicator: is missing",
            ]
        );
    }

    #[test]
    fn spreadsheet_column_letters() {
        assert_eq!(
            [
                column_letter(0),
                column_letter(25),
                column_letter(26),
                column_letter(701)
            ],
            ["A", "Z", "AA", "ZZ"]
        );
    }
}
