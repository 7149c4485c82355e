//! From the engine's tables to what the page and the API show: money in the tenant's unit,
//! exactly; a year's columns; the year's net figures.

use engine::Period;
use engine::economy::{
    Column, Figure as Fig, Finding, MoneyUnit, Role, Row, Table, TableKind, action_summary, budget_adherence, deviation,
};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::{Figure, Stored, YearSummary};
use crate::exchange::document::ActionPlan;
use crate::model::{
    ActionFigure, ActionPlanView, CellMeasure, ChartPoint, EconomyColumn, EconomyFinding, EconomyRow, EconomyTable,
    EconomyView, MeasureView, MonthlySeries,
};

/// `value` published in `from`, in `to`, exactly (trailing zeros dropped).
fn convert(value: Decimal, from: MoneyUnit, to: MoneyUnit) -> Option<Decimal> {
    Some(value.checked_mul(from.factor())?.checked_div(to.factor())?.normalize())
}

fn percent(column: &Column, row: &Row) -> bool {
    column.figure == Some(Fig::ChangePercent) || row.role == Role::ChangePercent
}

fn measure(column: &Column) -> CellMeasure {
    match (&column.unit, column.figure) {
        (_, Some(Fig::ChangePercent)) => CellMeasure::Percent,
        (Some(unit), _) => CellMeasure::Count(unit.clone()),
        (None, Some(Fig::Count)) => CellMeasure::Count(String::new()),
        _ => CellMeasure::Money,
    }
}

fn table_view(table: &Table, unit: MoneyUnit) -> EconomyTable {
    let rows = (table.rows.iter())
        .map(|row| {
            let cells = (table.columns.iter().zip(&row.values))
                .map(|(column, value)| {
                    let money = column.is_money() && !percent(column, row);
                    value.and_then(|v| if money { convert(v, table.unit, unit) } else { Some(v) })
                })
                .collect();
            EconomyRow {
                label: row.label.clone(),
                role: row.role.as_str().to_owned(),
                note: row.note.clone(),
                cells,
                percent: row.role == Role::ChangePercent,
            }
        })
        .collect();
    EconomyTable {
        key: table.key.clone(),
        kind: table.kind.as_str().to_owned(),
        title: table.title.clone(),
        source: table.source.clone(),
        published_unit: table.unit.as_str().to_owned(),
        columns: (table.columns.iter())
            .map(|c| EconomyColumn {
                label: c.label.clone(),
                measure: measure(c),
            })
            .collect(),
        rows,
    }
}

fn finding_view(finding: &Finding, tables: &[Table]) -> EconomyFinding {
    let table = tables.iter().find(|t| t.key == finding.table);
    let title_of = |key: &str| {
        tables
            .iter()
            .find(|t| t.key == key)
            .map_or_else(|| key.to_owned(), |t| t.title.clone())
    };
    let column = table.and_then(|t| t.columns.iter().find(|c| c.label == finding.column));
    let row = table.and_then(|t| t.rows.iter().find(|r| r.label == finding.row));
    let unit = match (table, column) {
        (_, Some(c)) if row.is_some_and(|r| percent(c, r)) || c.figure == Some(Fig::ChangePercent) => "%".to_owned(),
        (_, Some(Column { unit: Some(unit), .. })) => unit.clone(),
        (Some(t), _) => t.unit.as_str().to_owned(),
        _ => String::new(),
    };
    EconomyFinding {
        check: finding.check.as_str().to_owned(),
        table: finding.table.clone(),
        table_title: title_of(&finding.table),
        row: finding.row.clone(),
        column: finding.column.clone(),
        expected: finding.expected,
        found: finding.found,
        unit,
        against: finding.against.as_deref().map(title_of),
    }
}

fn monthly(table: &Table, unit: MoneyUnit) -> Option<MonthlySeries> {
    if table.kind != TableKind::Monthly {
        return None;
    }
    let months: Vec<usize> = (table.columns.iter().enumerate())
        .filter(|(_, c)| c.month.is_some())
        .map(|(i, _)| i)
        .collect();
    let outcome = table.rows.iter().rev().find(|r| r.figure == Some(Fig::Outcome));
    let year = outcome.and_then(|r| r.year);
    let budget = (table.rows.iter()).find(|r| r.figure == Some(Fig::Budget) && (year.is_none() || r.year == year));
    let value = |row: Option<&Row>, i: usize| {
        let value = row?.value(i)?;
        convert(value, table.unit, unit)?.to_f64()
    };
    Some(MonthlySeries {
        table: table.key.clone(),
        outcome: outcome.map(|r| r.label.clone()),
        budget: budget.map(|r| r.label.clone()),
        points: (months.iter())
            .map(|&i| ChartPoint {
                label: table.columns[i].label.clone(),
                outcome: value(outcome, i),
                target: value(budget, i),
                pace: None,
            })
            .collect(),
    })
}

fn action_plan_view(plan: &ActionPlan, unit: MoneyUnit) -> ActionPlanView {
    let money = |v: Option<Decimal>| v.and_then(|v| convert(v, plan.unit, unit));
    let latest = plan
        .measures
        .iter()
        .flat_map(|m| m.realised.iter().map(|r| r.period))
        .max();
    let year = latest.map(Period::year).or_else(|| {
        plan.measures
            .iter()
            .flat_map(|m| m.expected.iter().map(|e| e.year))
            .max()
    });
    let through = latest.or_else(|| year.and_then(|y| format!("{y}-12").parse().ok()));
    let summary = through.and_then(|t| action_summary(&plan.measures, t));
    ActionPlanView {
        key: plan.key.clone(),
        title: plan.title.clone(),
        source: plan.source.clone(),
        decided: plan.decided,
        unit: unit.as_str().to_owned(),
        summary: plan.summary.clone(),
        figures: (plan.figures.iter())
            .map(|f| ActionFigure {
                label: f.label.clone(),
                year: f.year,
                value: money(Some(f.value)).unwrap_or(f.value),
            })
            .collect(),
        key_figures: plan.key_figures.clone(),
        measures: (plan.measures.iter())
            .map(|m| {
                let computed = m
                    .computed_net()
                    .filter(|c| m.net_effect.is_some_and(|n| (n - c).abs() > Decimal::ONE));
                MeasureView {
                    number: m.number,
                    name: m.name.clone(),
                    responsible: m.responsible.clone(),
                    gross_effect: money(m.gross_effect),
                    cost: money(m.cost),
                    net_effect: money(m.net_effect),
                    computed_net: money(computed),
                    full_effect: m.full_effect.clone(),
                    expected: money(year.and_then(|y| m.expected_in(y))),
                    realised: money(through.and_then(|t| m.realised_through(t))),
                    realised_through: m.realised.iter().map(|r| r.period).max().map(|p| p.to_string()),
                    status: m.status.clone(),
                }
            })
            .collect(),
        year,
        expected_total: money(summary.as_ref().map(|s| s.expected)),
        realised_total: money(summary.as_ref().map(|s| s.realised)),
        net_total: money(summary.as_ref().map(|s| s.net_effect)),
    }
}

pub(super) fn economy_view(stored: &Stored, findings: &[Finding]) -> EconomyView {
    EconomyView {
        council: stored.council.clone(),
        council_slug: stored.council_slug.clone(),
        unit: stored.unit.as_str().to_owned(),
        tables: stored.tables.iter().map(|t| table_view(t, stored.unit)).collect(),
        findings: findings.iter().map(|f| finding_view(f, &stored.tables)).collect(),
        action_plans: (stored.action_plans.iter())
            .map(|p| action_plan_view(p, stored.unit))
            .collect(),
        monthly: (stored.tables.iter()).filter_map(|t| monthly(t, stored.unit)).collect(),
    }
}

/// The table with only the columns of `year` (with `month`, of periods ending by it) and,
/// where rows carry the year (monthly and placement tables), only the year's rows; `None`
/// when nothing of the year is left.
pub(super) fn narrowed(table: &Table, year: i32, month: Option<u8>) -> Option<Table> {
    let by_rows = table.rows.iter().any(|r| r.year.is_some());
    let keep_column = |c: &Column| {
        let by_month = match (month, c.month, c.months) {
            (Some(m), Some(own), _) => own <= m,
            (Some(m), _, Some((_, last))) => last == m,
            _ => true,
        };
        by_month && (by_rows || c.year == Some(year))
    };
    let columns: Vec<usize> = (table.columns.iter().enumerate())
        .filter(|(_, c)| keep_column(c))
        .map(|(i, _)| i)
        .collect();
    let rows: Vec<Row> = (table.rows.iter())
        .filter(|r| !by_rows || r.year.is_none_or(|y| y == year))
        .map(|r| Row {
            values: columns.iter().map(|&i| r.value(i)).collect(),
            ..r.clone()
        })
        .collect();
    if columns.is_empty() || rows.is_empty() {
        return None;
    }
    // Columns computed from others refer to them by index: keep them only when both stay.
    let renumbered = |of: [usize; 2]| {
        Some([
            columns.iter().position(|&c| c == of[0])?,
            columns.iter().position(|&c| c == of[1])?,
        ])
    };
    Some(Table {
        columns: (columns.iter())
            .map(|&i| Column {
                of: table.columns[i].of.and_then(renumbered),
                ..table.columns[i].clone()
            })
            .collect(),
        rows,
        ..table.clone()
    })
}

/// The first of `candidates` (table, value) that no finding doubts, else the first.
fn trusted<'a>(
    candidates: Vec<(&'a Table, &'a Row, &'a Column, Decimal)>,
    findings: &[Finding],
) -> Option<(&'a Table, Decimal)> {
    let doubted = |t: &Table, r: &Row, c: &Column| {
        (findings.iter()).any(|f| f.table == t.key && f.row == r.label && f.column == c.label)
    };
    let first = candidates.first().map(|(t, _, _, v)| (*t, *v));
    (candidates.iter())
        .find(|(t, r, c, _)| !doubted(t, r, c))
        .map(|(t, _, _, v)| (*t, *v))
        .or(first)
}

/// The year's net of `figure` from every table that prints it whole-year on its net or
/// total row, splits first (a total that agrees with its parts), in the tenant's unit.
fn net_of<'a>(tables: &'a [Table], findings: &[Finding], figure: Fig, year: i32, unit: MoneyUnit) -> Option<Figure> {
    let order = [
        TableKind::Activities,
        TableKind::Departments,
        TableKind::Operating,
        TableKind::FollowUp,
    ];
    let candidates: Vec<(&'a Table, &'a Row, &'a Column, Decimal)> = (order.iter())
        .flat_map(|kind| tables.iter().filter(move |t| t.kind == *kind))
        .filter_map(|t| {
            let column = t.year_column(figure, year)?;
            let row = t.net_row()?;
            Some((t, row, &t.columns[column], row.value(column)?))
        })
        .collect();
    let (table, value) = trusted(candidates, findings)?;
    Some(Figure {
        value: convert(value, table.unit, unit)?,
        source: table.title.clone(),
    })
}

/// The sum of a kind of table's total (or parts) in `year`'s budget column, in `unit`.
fn year_total(tables: &[Table], kind: TableKind, year: i32, unit: MoneyUnit) -> Option<Decimal> {
    let table = tables.iter().find(|t| {
        t.kind == kind
            && t.year_column(Fig::Budget, year)
                .or(t.year_column(Fig::Plan, year))
                .is_some()
    })?;
    let column = table
        .year_column(Fig::Budget, year)
        .or(table.year_column(Fig::Plan, year))?;
    let value = match table.row(Role::Total) {
        Some(total) => total.value(column)?,
        None => (table.rows.iter().filter(|r| r.role == Role::Part))
            .filter_map(|r| r.value(column))
            .try_fold(Decimal::ZERO, |a, v| a.checked_add(v))?,
    };
    convert(value, table.unit, unit)
}

/// The year's net budget, outcome and forecast, deviation and adherence, changes and
/// investments, in `unit`.
pub fn year_summary(tables: &[Table], findings: &[Finding], unit: MoneyUnit, year: i32) -> YearSummary {
    let budget = net_of(tables, findings, Fig::Budget, year, unit);
    let outcome = net_of(tables, findings, Fig::Outcome, year, unit);
    let forecast = net_of(tables, findings, Fig::Forecast, year, unit);
    let result = outcome.as_ref().or(forecast.as_ref()).map(|f| f.value);
    let deviation = budget.as_ref().zip(result).and_then(|(b, r)| deviation(b.value, r));
    let adherence_percent = budget
        .as_ref()
        .zip(result)
        .and_then(|(b, r)| budget_adherence(b.value, r))
        .map(|p| p.round_dp(2));
    YearSummary {
        budget,
        outcome,
        forecast,
        deviation,
        adherence_percent,
        changes: year_total(tables, TableKind::Changes, year, unit),
        investments: year_total(tables, TableKind::Investments, year, unit),
    }
}
