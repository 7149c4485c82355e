//! Consistency checks: every published total against the sum of its parts, income plus
//! costs against the net, each deviation or change against the columns it is the difference
//! of, a change row against the net it changes, an average against its months, a council's
//! split by activity or department against its net, and the budget changes of a year against
//! the change in net. A failing check names the table, row and column, what the other
//! figures give and what is printed. Published figures are never corrected.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Column, Figure, Role, Row, Table, TableKind};

/// Which check a finding failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Check {
    /// A total row against the sum of the table's parts.
    SumOfParts,
    /// Netto against intäkter plus kostnader.
    IncomeAndCosts,
    /// A deviation or change column against the two columns it is the difference of.
    ColumnDifference,
    /// A change row against the change in net from the column before.
    NetChange,
    /// A change-in-percent row against the change in net from the column before.
    NetChangePercent,
    /// An average against the months of its row.
    Average,
    /// A split by activity or department: its total against the council's net.
    SplitAgainstNet,
    /// A year's budget changes against the change in net from the year before.
    ChangesAgainstNet,
}

impl Check {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::SumOfParts => "sum_of_parts",
            Self::IncomeAndCosts => "income_and_costs",
            Self::ColumnDifference => "column_difference",
            Self::NetChange => "net_change",
            Self::NetChangePercent => "net_change_percent",
            Self::Average => "average",
            Self::SplitAgainstNet => "split_against_net",
            Self::ChangesAgainstNet => "changes_against_net",
        }
    }
}

/// A published figure that does not agree with the figures it should follow from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub check: Check,
    /// The table's key.
    pub table: String,
    /// The row's label; empty for the sum of a table's items where it prints none.
    pub row: String,
    /// The column's label.
    pub column: String,
    /// What the other figures give, in the table's unit (percent for a percentage).
    pub expected: Decimal,
    /// What is printed.
    pub found: Decimal,
    /// The other table, for a check across two.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub against: Option<String>,
}

/// Every finding of a council's tables, table by table in order, then across tables.
pub fn check_tables(tables: &[Table]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for table in tables {
        sum_of_parts(table, &mut findings);
        income_and_costs(table, &mut findings);
        column_differences(table, &mut findings);
        net_changes(table, &mut findings);
        averages(table, &mut findings);
    }
    for table in tables.iter().filter(|t| t.kind.splits_net()) {
        split_against_net(table, tables, &mut findings);
    }
    for table in tables.iter().filter(|t| t.kind == TableKind::Changes) {
        changes_against_net(table, tables, &mut findings);
    }
    findings
}

/// What a printed figure may differ by: one of the table's units for amounts (figures are
/// rounded to whole units: "1 tkr rounding tolerated"), one in the last printed decimal
/// for a percentage.
fn tolerance(column: &Column, row: &Row, printed: Decimal) -> Decimal {
    if column.figure == Some(Figure::ChangePercent) || row.role == Role::ChangePercent {
        Decimal::new(1, printed.scale())
    } else {
        Decimal::ONE
    }
}

struct Cell<'a> {
    table: &'a Table,
    row: &'a Row,
    column: usize,
}

impl Cell<'_> {
    /// A finding when `expected` (`None`: not computable) differs from the printed value by
    /// more than the tolerance.
    fn compare(&self, check: Check, expected: Option<Decimal>, findings: &mut Vec<Finding>) {
        let (Some(found), Some(expected)) = (self.row.value(self.column), expected) else {
            return;
        };
        let column = &self.table.columns[self.column];
        if (expected - found).abs() > tolerance(column, self.row, found) {
            findings.push(Finding {
                check,
                table: self.table.key.clone(),
                row: self.row.label.clone(),
                column: column.label.clone(),
                expected,
                found,
                against: None,
            });
        }
    }
}

/// The sum of `rows` in `column`, `None` when none of them prints a value there.
fn sum<'a>(rows: impl Iterator<Item = &'a Row>, column: usize) -> Option<Decimal> {
    let values: Vec<Decimal> = rows.filter_map(|r| r.value(column)).collect();
    if values.is_empty() {
        return None;
    }
    values.into_iter().try_fold(Decimal::ZERO, |a, v| a.checked_add(v))
}

fn parts(table: &Table) -> impl Iterator<Item = &Row> {
    table.rows.iter().filter(|r| r.role == Role::Part)
}

fn sum_of_parts(table: &Table, findings: &mut Vec<Finding>) {
    let Some(total) = table.row(Role::Total) else { return };
    for (column, _) in table.columns.iter().enumerate().filter(|(_, c)| c.adds_up()) {
        let cell = Cell {
            table,
            row: total,
            column,
        };
        cell.compare(Check::SumOfParts, sum(parts(table), column), findings);
    }
}

fn income_and_costs(table: &Table, findings: &mut Vec<Finding>) {
    let (Some(income), Some(cost), Some(net)) = (table.row(Role::Income), table.row(Role::Cost), table.row(Role::Net))
    else {
        return;
    };
    for (column, _) in table.columns.iter().enumerate().filter(|(_, c)| c.adds_up()) {
        let expected = (income.value(column).zip(cost.value(column))).and_then(|(i, c)| i.checked_add(c));
        Cell {
            table,
            row: net,
            column,
        }
        .compare(Check::IncomeAndCosts, expected, findings);
    }
}

fn column_differences(table: &Table, findings: &mut Vec<Finding>) {
    for (column, spec) in table.columns.iter().enumerate() {
        let Some([from, to]) = spec.of else { continue };
        if !matches!(spec.figure, Some(Figure::Deviation | Figure::Change)) {
            continue;
        }
        for row in table.rows.iter().filter(|r| r.role != Role::ChangePercent) {
            let expected = (row.value(to).zip(row.value(from))).and_then(|(t, f)| t.checked_sub(f));
            Cell { table, row, column }.compare(Check::ColumnDifference, expected, findings);
        }
    }
}

fn net_changes(table: &Table, findings: &mut Vec<Finding>) {
    let Some(net) = table.row(Role::Net) else { return };
    for row in table.rows.iter() {
        let check = match row.role {
            Role::Change => Check::NetChange,
            Role::ChangePercent => Check::NetChangePercent,
            _ => continue,
        };
        for column in 1..table.columns.len() {
            let (Some(now), Some(before)) = (net.value(column), net.value(column - 1)) else {
                continue;
            };
            let expected = match check {
                Check::NetChange => now.checked_sub(before),
                _ => super::change_percent(before, now).map(|p| p.round_dp(2)),
            };
            Cell { table, row, column }.compare(check, expected, findings);
        }
    }
}

fn averages(table: &Table, findings: &mut Vec<Finding>) {
    let months: Vec<usize> = (table.columns.iter().enumerate())
        .filter(|(_, c)| c.month.is_some())
        .map(|(i, _)| i)
        .collect();
    if months.is_empty() {
        return;
    }
    for (column, _) in (table.columns.iter().enumerate()).filter(|(_, c)| c.figure == Some(Figure::Average)) {
        for row in &table.rows {
            let values: Option<Vec<Decimal>> = months.iter().map(|&m| row.value(m)).collect();
            let expected = values.and_then(|v| {
                let total = v.iter().try_fold(Decimal::ZERO, |a, x| a.checked_add(*x))?;
                total.checked_div(Decimal::from(v.len()))
            });
            Cell { table, row, column }.compare(Check::Average, expected, findings);
        }
    }
}

/// A finding across tables: `expected_kr` (from `other`) against `found` (printed in
/// `table`), tolerating a unit of the coarser table.
#[allow(clippy::too_many_arguments)]
fn across(
    check: Check,
    table: &Table,
    row: &str,
    column: &Column,
    found: Decimal,
    expected_kr: Decimal,
    other: &Table,
    findings: &mut Vec<Finding>,
) {
    let Some(found_kr) = table.in_kr(found) else { return };
    let tolerance = table.unit.factor().max(other.unit.factor());
    if (expected_kr - found_kr).abs() > tolerance {
        findings.push(Finding {
            check,
            table: table.key.clone(),
            row: row.to_owned(),
            column: column.label.clone(),
            expected: (expected_kr / table.unit.factor()).normalize(),
            found,
            against: Some(other.key.clone()),
        });
    }
}

fn split_against_net(table: &Table, tables: &[Table], findings: &mut Vec<Finding>) {
    let Some(total) = table.row(Role::Total) else { return };
    let nets = tables
        .iter()
        .filter(|t| matches!(t.kind, TableKind::Operating | TableKind::FollowUp));
    for other in nets {
        let Some(net) = other.row(Role::Net) else { continue };
        for (column, spec) in table.columns.iter().enumerate().filter(|(_, c)| c.is_money()) {
            let Some(found) = total.value(column) else { continue };
            let same = other.columns.iter().position(|c| c.same_time(spec));
            let Some(expected) = same.and_then(|d| net.value(d)).and_then(|v| other.in_kr(v)) else {
                continue;
            };
            across(
                Check::SplitAgainstNet,
                table,
                &total.label,
                spec,
                found,
                expected,
                other,
                findings,
            );
        }
    }
}

/// The whole-year budget (or plan) net of `year` in kronor, preferring `figure`.
fn budget_net(table: &Table, year: i32, figure: Figure) -> Option<Decimal> {
    [figure, Figure::Budget, Figure::Plan]
        .into_iter()
        .find_map(|f| table.net_in_kr(f, year))
}

fn changes_against_net(table: &Table, tables: &[Table], findings: &mut Vec<Finding>) {
    let total = table.row(Role::Total);
    for (column, spec) in table.columns.iter().enumerate() {
        let (Some(year), Some(figure)) = (spec.year, spec.figure.filter(|f| f.is_budget())) else {
            continue;
        };
        let found = match total {
            Some(row) => row.value(column),
            None => sum(parts(table), column),
        };
        let Some(found) = found else { continue };
        // The net to compare with: an operating table's first, else a split's.
        let sources = (tables.iter().filter(|t| t.kind == TableKind::Operating))
            .chain(tables.iter().filter(|t| t.kind.splits_net()));
        let delta = sources.into_iter().find_map(|other| {
            let now = budget_net(other, year, figure)?;
            let before = budget_net(other, year - 1, Figure::Budget)?;
            Some((other, now.checked_sub(before)?))
        });
        let Some((other, expected)) = delta else { continue };
        let row = total.map(|r| r.label.as_str()).unwrap_or_default();
        across(
            Check::ChangesAgainstNet,
            table,
            row,
            spec,
            found,
            expected,
            other,
            findings,
        );
    }
}
