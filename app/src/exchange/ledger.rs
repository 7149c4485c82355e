//! Ledger files (huvudbok, CSV or XLSX as the municipality's ledger exports them): one row
//! per booking or balance with a month, a department or verksamhet, an account and an
//! amount, in columns the user maps by their headers ([`LedgerMapping`]). Every row is
//! checked before anything is written; problems name the row (as a spreadsheet numbers
//! it: the header is row 1) and the column by its header. The rows are summed per council,
//! month, unit and account class (income or costs) as they are read, so a year of a large
//! municipality's ledger is held as a few thousand sums. Pure: no IO.

use std::collections::HashMap;

use engine::parse_number;
use engine::period::{FIRST_YEAR, LAST_YEAR};
use rust_decimal::Decimal;
use uuid::Uuid;

use super::Problem;
use super::outcome_file::Limits;
use super::outcomes::MAX_LISTED_PROBLEMS;
use crate::domain::{LedgerClass, LedgerSigns, UnitKind};
use crate::model::{LedgerMapping, Location, Message, echo};

/// What one ledger file may hold: a year of a large municipality's ledger is about two
/// million rows (some 150 MB of CSV); an XLSX holds at most a sheet's 1 048 576 rows.
pub const LIMITS: Limits = Limits {
    rows: 5_000_000,
    columns: 64,
    cell_bytes: 4 * 1024,
    unpacked_bytes: 1024 * 1024 * 1024,
};

/// A department or verksamhet a ledger row may book on, and its council.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub council_id: Uuid,
    pub council: String,
    pub council_name: String,
    pub kind: UnitKind,
    pub name: String,
}

/// The tenant's units by name, compared without case and surrounding space.
pub struct Units {
    pub units: Vec<Unit>,
    by_name: HashMap<String, Vec<usize>>,
}

fn name_key(text: &str) -> String {
    text.trim().to_lowercase()
}

impl Units {
    /// `units` as given; a name listed twice for the same council and kind counts once.
    pub fn new(mut units: Vec<Unit>) -> Self {
        units.dedup_by(|a, b| {
            a.council_id == b.council_id && a.kind == b.kind && name_key(&a.name) == name_key(&b.name)
        });
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, unit) in units.iter().enumerate() {
            let same = by_name.entry(name_key(&unit.name)).or_default();
            // A council's department and verksamhet of one name are one unit: the department.
            let council_has_it = same.iter().any(|&i| units[i].council_id == unit.council_id);
            if !council_has_it {
                same.push(index);
            }
        }
        Units { units, by_name }
    }

    fn find(&self, text: &str) -> Result<usize, Message> {
        match self.by_name.get(&name_key(text)).map(Vec::as_slice) {
            Some([one]) => Ok(*one),
            Some(several) if !several.is_empty() => Err(Message::AmbiguousUnit {
                text: echo(text),
                councils: several.iter().map(|&i| self.units[i].council_name.clone()).collect(),
            }),
            _ => Err(Message::UnknownUnit { text: echo(text) }),
        }
    }
}

/// A sum's key: the unit (an index into [`Units::units`]), year, month, account class.
pub type SumKey = (usize, i32, u8, LedgerClass);

/// A sum of ledger rows: the amount in kronor as reports sign it, and how many rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sum {
    pub amount: Decimal,
    pub rows: u64,
}

/// Headers that say what a column is, as ledgers and their exports name them.
const HEADERS: [(&[&str], Field); 4] = [
    (
        &[
            "period",
            "månad",
            "manad",
            "bokföringsperiod",
            "redovisningsperiod",
            "month",
        ],
        Field::Period,
    ),
    (
        &[
            "avdelning",
            "ansvar",
            "enhet",
            "verksamhet",
            "verksamhetsområde",
            "resultatområde",
            "department",
            "activity",
            "unit",
        ],
        Field::Unit,
    ),
    (
        &[
            "konto",
            "kontoklass",
            "kontogrupp",
            "kontoslag",
            "account",
            "account class",
            "class",
        ],
        Field::Account,
    ),
    (
        &["belopp", "utfall", "amount", "saldo", "värde", "value"],
        Field::Amount,
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Period,
    Unit,
    Account,
    Amount,
}

/// The mapping the headers suggest: each field's first column whose header names it.
pub fn suggest(header: &[String]) -> LedgerMapping {
    let found = |field: Field| {
        let names = HEADERS.iter().find(|(_, f)| *f == field).map_or(&[][..], |(n, _)| n);
        (header.iter())
            .find(|cell| names.contains(&name_key(cell).as_str()))
            .map_or_else(String::new, |cell| cell.trim().to_owned())
    };
    LedgerMapping {
        period: found(Field::Period),
        unit: found(Field::Unit),
        account: found(Field::Account),
        amount: found(Field::Amount),
        signs: LedgerSigns::Ledger,
    }
}

/// `mapping` with each empty field taken from what the header suggests.
pub fn completed(mapping: &LedgerMapping, header: &[String]) -> LedgerMapping {
    let suggested = suggest(header);
    let pick = |given: &String, suggested: String| {
        if given.trim().is_empty() {
            suggested
        } else {
            given.clone()
        }
    };
    LedgerMapping {
        period: pick(&mapping.period, suggested.period),
        unit: pick(&mapping.unit, suggested.unit),
        account: pick(&mapping.account, suggested.account),
        amount: pick(&mapping.amount, suggested.amount),
        signs: mapping.signs,
    }
}

/// The year and month of `2024-07`, `2024-7`, `2024/07`, `202407`, or a date such as
/// `2024-07-31` (a time after it is ignored).
pub fn ledger_month(text: &str) -> Option<(i32, u8)> {
    let text = text.trim();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (year, month) = if text.len() == 6 && digits(text) {
        (&text[..4], &text[4..])
    } else {
        let (year, rest) = text.split_at_checked(4)?;
        let rest = rest.strip_prefix(['-', '/'])?;
        let month = rest.split(['-', '/', ' ', 'T']).next()?;
        (year, month)
    };
    if !digits(year) || !digits(month) || month.len() > 2 {
        return None;
    }
    let (year, month) = (year.parse::<i32>().ok()?, month.parse::<u8>().ok()?);
    ((FIRST_YEAR..=LAST_YEAR).contains(&year) && (1..=12).contains(&month)).then_some((year, month))
}

/// Income or costs: an account (or class) starting with 3 is income, 4 to 7 costs (the
/// operating classes of Kommun-Bas); the words `intäkt`, `kostnad` (or `income`, `cost`)
/// and their plurals say it outright.
pub fn account_class(text: &str) -> Option<LedgerClass> {
    let text = text.trim();
    match text.to_lowercase().as_str() {
        "intäkt" | "intäkter" | "income" => return Some(LedgerClass::Income),
        "kostnad" | "kostnader" | "cost" | "costs" => return Some(LedgerClass::Cost),
        _ => {}
    }
    match text.bytes().next()? {
        b'3' => Some(LedgerClass::Income),
        b'4'..=b'7' => Some(LedgerClass::Cost),
        _ => None,
    }
}

/// Checks and sums a ledger file's rows as they are read.
pub struct LedgerChecker<'a> {
    /// Each field's column, and its header as the file writes it (for problems).
    columns: [(usize, String); 4],
    signs: LedgerSigns,
    units: &'a Units,
    pub sums: HashMap<SumKey, Sum>,
    pub rows: usize,
    pub problems: Vec<Problem>,
    pub problem_count: usize,
}

impl<'a> LedgerChecker<'a> {
    /// Finds the mapped columns in the header row: each must be there, once, and no column
    /// may be mapped to two fields.
    pub fn new(header: &[String], mapping: &LedgerMapping, units: &'a Units) -> Result<Self, Vec<Problem>> {
        let mut problems = Vec::new();
        let wanted = [
            ("period", &mapping.period),
            ("unit", &mapping.unit),
            ("account", &mapping.account),
            ("amount", &mapping.amount),
        ];
        let headers: Vec<String> = header.iter().map(|h| h.trim().to_owned()).collect();
        let mut columns = Vec::with_capacity(4);
        for (field, name) in wanted {
            let matching: Vec<usize> = (headers.iter().enumerate())
                .filter(|(_, h)| !h.is_empty() && name_key(h) == name_key(name))
                .map(|(i, _)| i)
                .collect();
            let location = Location::cell(1, field);
            match matching.as_slice() {
                _ if name.trim().is_empty() => problems.push(Problem::new(location, Message::Required)),
                [one] if columns.iter().any(|(c, _)| c == one) => {
                    problems.push(Problem::new(location, Message::MappedTwice { header: echo(name) }))
                }
                [one] => columns.push((*one, headers[*one].clone())),
                [] => problems.push(Problem::new(
                    location,
                    Message::NoSuchHeader {
                        header: echo(name),
                        headers: headers.iter().filter(|h| !h.is_empty()).map(|h| echo(h)).collect(),
                    },
                )),
                _ => problems.push(Problem::new(location, Message::Duplicate { value: echo(name) })),
            }
        }
        let columns: [(usize, String); 4] = match columns.try_into() {
            Ok(columns) if problems.is_empty() => columns,
            _ => return Err(problems),
        };
        Ok(Self {
            columns,
            signs: mapping.signs,
            units,
            sums: HashMap::new(),
            rows: 0,
            problems: Vec::new(),
            problem_count: 0,
        })
    }

    fn problem(&mut self, row: usize, field: usize, message: Message) {
        self.problem_count += 1;
        if self.problems.len() < MAX_LISTED_PROBLEMS {
            let column = &self.columns[field].1;
            self.problems.push(Problem::new(Location::cell(row, column), message));
        }
    }

    fn cell<'c>(&self, cells: &'c [String], field: usize) -> &'c str {
        cells.get(self.columns[field].0).map_or("", |s| s.trim())
    }

    /// Checks one data row (`row`: its 1-based number in the file) and adds it to its sum.
    pub fn row(&mut self, row: usize, cells: &[String]) {
        if cells.iter().all(|c| c.trim().is_empty()) {
            return;
        }
        self.rows += 1;
        let [period, unit, account, amount] = [0, 1, 2, 3].map(|field| self.cell(cells, field));
        let before = self.problem_count;
        fn required<T>(text: &str, read: impl FnOnce(&str) -> Result<T, Message>) -> Result<T, Message> {
            if text.is_empty() {
                Err(Message::Required)
            } else {
                read(text)
            }
        }
        let month = required(period, |t| ledger_month(t).ok_or(Message::NotAMonth { text: echo(t) }));
        let unit = required(unit, |t| self.units.find(t));
        let class = required(account, |t| {
            account_class(t).ok_or(Message::NotAnAccountClass { text: echo(t) })
        });
        let amount = required(amount, |t| parse_number(t).map_err(|e| (&e).into()));
        let results = [
            month.as_ref().err(),
            unit.as_ref().err(),
            class.as_ref().err(),
            amount.as_ref().err(),
        ];
        let problems: Vec<(usize, Message)> = (results.into_iter().enumerate())
            .filter_map(|(field, err)| err.map(|m| (field, m.clone())))
            .collect();
        for (field, message) in problems {
            self.problem(row, field, message);
        }
        if self.problem_count > before {
            return;
        }
        let (Ok((year, month)), Ok(unit), Ok(class), Ok(amount)) = (month, unit, class, amount) else {
            return;
        };
        let amount = match self.signs {
            LedgerSigns::Ledger => -amount,
            LedgerSigns::Report => amount,
        };
        let sum = self.sums.entry((unit, year, month, class)).or_default();
        match sum.amount.checked_add(amount) {
            Some(total) => {
                sum.amount = total;
                sum.rows += 1;
            }
            None => self.problem(row, 3, Message::SumTooLarge),
        }
    }
}

#[cfg(test)]
mod tests;
