//! Checks of councils' economies: one per council that exists; tables with unique keys,
//! bounded in size, every row with a value per column and every column referring to
//! columns that exist; figures within the numbers a document may hold; action plans with
//! unique keys and measures with unique numbers; ledger sums once per month, unit and
//! account class; forecasts by a known method with a comment. Consistency of the figures themselves is
//! not checked here: a figure that does not add up is kept as published and reported by
//! the budget engine's checks.

use std::collections::HashSet;

use engine::economy::{ForecastMethod, Table, TableError};
use engine::number::MAX_NUMBER;
use rust_decimal::Decimal;

use super::{Checker, MAX_NAME, MAX_TITLE, duplicate, indicator_code_char};
use crate::domain::UnitKind;
use crate::exchange::document::{ForecastEntry, LedgerEntry, TenantDocument};
use crate::model::{CodeChars, Known, Location, Message, Place, echo};

/// Tables a council may publish, columns and rows a table may have.
pub const MAX_TABLES: usize = 200;
pub const MAX_COLUMNS: usize = 40;
pub const MAX_ROWS: usize = 1000;
pub const MAX_MEASURES: usize = 500;
/// Ledger sums and forecasts a council's economy may hold (a year of a large council's
/// ledger is a few thousand sums).
pub const MAX_LEDGER: usize = 500_000;
pub const MAX_FORECASTS: usize = 10_000;
const MAX_UNIT: usize = 200;
const MAX_COMMENT: usize = 2000;

pub(super) fn check(check: &mut Checker, doc: &TenantDocument) {
    let mut councils = HashSet::new();
    for economy in &doc.economies {
        let at = Location::of(Place::Council {
            slug: economy.council.clone(),
        });
        if !doc.councils.iter().any(|c| c.slug == economy.council) {
            let message = Message::Unknown {
                what: Known::Council,
                value: echo(&economy.council),
            };
            check.fail(&at, message);
        }
        if !councils.insert(economy.council.as_str()) {
            check.fail(&at, duplicate(&economy.council));
        }
        count(check, &at.field("tables"), economy.tables.len(), MAX_TABLES);
        let mut keys = HashSet::new();
        for table in &economy.tables {
            let here = at.at(Place::Table { key: table.key.clone() });
            check.code(
                &here.field("key"),
                &table.key,
                indicator_code_char,
                CodeChars::IndicatorCode,
            );
            if !keys.insert(table.key.as_str()) {
                check.fail(&here, duplicate(&table.key));
            }
            self::table(check, &here, table);
        }
        let mut keys = HashSet::new();
        for plan in &economy.action_plans {
            let here = at.at(Place::ActionPlan { key: plan.key.clone() });
            check.code(
                &here.field("key"),
                &plan.key,
                indicator_code_char,
                CodeChars::IndicatorCode,
            );
            if !keys.insert(plan.key.as_str()) {
                check.fail(&here, duplicate(&plan.key));
            }
            check.text(&here.field("title"), &plan.title, MAX_NAME);
            count(check, &here.field("measures"), plan.measures.len(), MAX_MEASURES);
            let mut numbers = HashSet::new();
            for measure in &plan.measures {
                let place = here.at(Place::Measure { number: measure.number });
                if !numbers.insert(measure.number) {
                    check.fail(&place, duplicate(&measure.number.to_string()));
                }
                check.text(&place.field("name"), &measure.name, MAX_TITLE);
                let amounts = [measure.gross_effect, measure.cost, measure.net_effect]
                    .into_iter()
                    .flatten();
                let effects = measure.expected.iter().map(|e| e.value);
                let realised = measure.realised.iter().map(|r| r.value);
                for value in amounts.chain(effects).chain(realised) {
                    figure(check, &place, value);
                }
            }
        }
        ledger(check, &at, &economy.ledger);
        forecasts(check, &at, &economy.forecasts);
    }
}

fn month(check: &mut Checker, at: &Location, year: i32, month: u8) {
    if !(engine::period::FIRST_YEAR..=engine::period::LAST_YEAR).contains(&year) {
        let message = Message::OutsideYears {
            value: year.to_string(),
            first: engine::period::FIRST_YEAR,
            last: engine::period::LAST_YEAR,
        };
        check.fail(&at.field("year"), message);
    }
    if !(1..=12).contains(&month) {
        check.fail(
            &at.field("month"),
            Message::NotAMonth {
                text: month.to_string(),
            },
        );
    }
}

/// Each entry a month of a department or verksamhet, once per account class.
fn ledger(check: &mut Checker, at: &Location, entries: &[LedgerEntry]) {
    let at = at.field("ledger");
    count(check, &at, entries.len(), MAX_LEDGER);
    let mut seen = HashSet::new();
    for (index, entry) in entries.iter().enumerate() {
        let here = at.at(Place::Row { row: index + 1 });
        month(check, &here, entry.year, entry.month);
        check.text(&here.field("unit"), &entry.unit, MAX_UNIT);
        if entry.unit_kind == UnitKind::Council {
            check.fail(
                &here.field("unit_kind"),
                Message::NotOneOf {
                    text: UnitKind::Council.as_str().to_owned(),
                    allowed: vec![
                        UnitKind::Department.as_str().to_owned(),
                        UnitKind::Activity.as_str().to_owned(),
                    ],
                },
            );
        }
        let key = (
            entry.year,
            entry.month,
            entry.unit_kind,
            entry.unit.as_str(),
            entry.class,
        );
        if !seen.insert(key) {
            check.fail(
                &here,
                duplicate(&format!(
                    "{}-{:02} {} {}",
                    entry.year, entry.month, entry.unit, entry.class
                )),
            );
        }
    }
}

fn forecasts(check: &mut Checker, at: &Location, entries: &[ForecastEntry]) {
    let at = at.field("forecasts");
    count(check, &at, entries.len(), MAX_FORECASTS);
    for (index, entry) in entries.iter().enumerate() {
        let here = at.at(Place::Row { row: index + 1 });
        month(check, &here, entry.year, entry.month);
        if entry.unit_kind != UnitKind::Council {
            check.text(&here.field("unit"), &entry.unit, MAX_UNIT);
        }
        if ForecastMethod::parse(&entry.method).is_none() {
            check.fail(
                &here.field("method"),
                Message::NotOneOf {
                    text: echo(&entry.method),
                    allowed: ForecastMethod::ALL.map(|m| m.as_str().to_owned()).to_vec(),
                },
            );
        }
        check.text(&here.field("comment"), &entry.comment, MAX_COMMENT);
    }
}

fn count(check: &mut Checker, at: &Location, found: usize, max: usize) {
    if found > max {
        check.fail(
            at,
            Message::AtMost {
                max: max as i64,
                value: found as i64,
            },
        );
    }
}

fn figure(check: &mut Checker, at: &Location, value: Decimal) {
    if value.abs() > MAX_NUMBER {
        check.fail(
            at,
            Message::NumberTooLarge {
                text: value.to_string(),
            },
        );
    }
}

fn table(check: &mut Checker, at: &Location, table: &Table) {
    check.text(&at.field("title"), &table.title, MAX_TITLE);
    count(check, &at.field("columns"), table.columns.len(), MAX_COLUMNS);
    count(check, &at.field("rows"), table.rows.len(), MAX_ROWS);
    for column in &table.columns {
        let here = at.at(Place::TableColumn {
            label: column.label.clone(),
        });
        check.text(&here.field("label"), &column.label, MAX_NAME);
    }
    for row in &table.rows {
        let here = at.at(Place::TableRow {
            label: row.label.clone(),
        });
        check.text(&here.field("label"), &row.label, MAX_TITLE);
        for value in row.values.iter().flatten() {
            figure(check, &here, *value);
        }
    }
    match table.validate() {
        Ok(()) => {}
        Err(TableError::RowLength { row, found, columns }) => check.fail(
            &at.at(Place::TableRow { label: row }),
            Message::RowLength { found, columns },
        ),
        Err(TableError::NoSuchColumn { column, index }) => check.fail(
            &at.at(Place::TableColumn { label: column }),
            Message::NoSuchColumn { index },
        ),
        Err(TableError::BadMonth { column, month }) => check.fail(
            &at.at(Place::TableColumn { label: column }).field("month"),
            Message::NotAMonth {
                text: month.to_string(),
            },
        ),
    }
}
