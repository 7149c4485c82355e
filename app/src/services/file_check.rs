//! Reading an uploaded file (CSV or XLSX) row by row into a checker made from its header
//! row, reporting progress as it goes; shared by the outcome and the ledger imports.

use super::ServiceError;
use crate::exchange::Problem;
use crate::exchange::outcome_file::{self, FileFormat, Limits, RowSink};
use crate::exchange::outcomes::MAX_LISTED_PROBLEMS;
use crate::model::{ImportPhase, Message};

/// Told how far a check has come: the phase, rows done, rows in all.
pub type ProgressFn = dyn Fn(ImportPhase, usize, usize) + Send + Sync;

/// Rows checked between two progress reports.
const ROWS_PER_REPORT: usize = 10_000;

/// Checks data rows one by one.
pub trait RowChecker {
    fn row(&mut self, number: usize, cells: &[String]);
}

impl RowChecker for crate::exchange::outcomes::Checker<'_> {
    fn row(&mut self, number: usize, cells: &[String]) {
        crate::exchange::outcomes::Checker::row(self, number, cells);
    }
}

impl RowChecker for crate::exchange::ledger::LedgerChecker<'_> {
    fn row(&mut self, number: usize, cells: &[String]) {
        crate::exchange::ledger::LedgerChecker::row(self, number, cells);
    }
}

struct CheckingSink<'p, C, F> {
    make: F,
    checker: Option<C>,
    header_problems: Vec<Problem>,
    expected: usize,
    progress: &'p ProgressFn,
}

impl<C: RowChecker, F: FnMut(&[String]) -> Result<C, Vec<Problem>>> RowSink for CheckingSink<'_, C, F> {
    fn expect_rows(&mut self, rows: usize) {
        self.expected = rows.saturating_sub(1);
        (self.progress)(ImportPhase::Checking, 0, self.expected);
    }

    fn row(&mut self, number: usize, cells: &[String]) {
        match &mut self.checker {
            Some(checker) => {
                if number.is_multiple_of(ROWS_PER_REPORT) {
                    (self.progress)(ImportPhase::Checking, number, self.expected.max(number));
                }
                checker.row(number, cells);
            }
            None if !self.header_problems.is_empty() => {}
            None => match (self.make)(cells) {
                Ok(checker) => self.checker = Some(checker),
                Err(problems) => self.header_problems = problems,
            },
        }
    }
}

/// Reads the whole file into the checker `make` builds from its header row (CPU work: run
/// it off the async workers). The checker with every data row seen, or the file's problems:
/// unreadable, over a limit, a refused header, or `empty` when there is no header row.
pub fn check_file<C: RowChecker>(
    bytes: &[u8],
    format: FileFormat,
    limits: &Limits,
    make: impl FnMut(&[String]) -> Result<C, Vec<Problem>>,
    empty: Message,
    progress: &ProgressFn,
) -> Result<C, ServiceError> {
    let mut sink = CheckingSink {
        make,
        checker: None,
        header_problems: Vec::new(),
        expected: 0,
        progress,
    };
    outcome_file::read(bytes, format, limits, &mut sink).map_err(|p| ServiceError::Rejected(vec![p]))?;
    if !sink.header_problems.is_empty() {
        let total = sink.header_problems.len();
        return Err(rejected(sink.header_problems, total));
    }
    sink.checker
        .ok_or_else(|| ServiceError::Rejected(vec![Problem::whole(empty)]))
}

/// The listed problems of `total`, with a last line counting those not listed.
pub fn rejected(mut problems: Vec<Problem>, total: usize) -> ServiceError {
    if total > problems.len() {
        let message = Message::MoreProblems {
            count: total - problems.len(),
            listed: MAX_LISTED_PROBLEMS,
        };
        problems.push(Problem::whole(message));
    }
    ServiceError::Rejected(problems)
}
