//! Turns a plan's content into the council page's view: goals in tree order with depth,
//! one indicator table per goal with the columns its indicators have, and chart series.
//! Pure: no IO, unit-tested below.

use std::collections::{BTreeSet, HashMap, HashSet};

use engine::{Period, Periodicity, Target};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::domain::AssignmentId;
use crate::exchange::document::{self as doc, Indicator, PlanContent, ValueKind};
use crate::format;
use crate::model::{
    AssignmentView, ChartPoint, Column, GoalView, IndicatorRow, IndicatorTable, PlanRights, PlanSummary, PlanView,
    TextSection,
};

/// `assignment_ids` are the ids of `content.assignments`, in the same order (for links).
pub fn build(
    plan: PlanSummary,
    levels: &[doc::Level],
    content: PlanContent,
    assignment_ids: &[AssignmentId],
) -> PlanView {
    let level_names: HashMap<&str, &str> = levels.iter().map(|l| (l.key.as_str(), l.name.as_str())).collect();
    let carrying = |carry: doc::Carry| -> HashSet<&str> {
        levels
            .iter()
            .filter(|l| l.carries.contains(&carry))
            .map(|l| l.key.as_str())
            .collect()
    };
    let (with_assignments, with_indicators) = (carrying(doc::Carry::Assignments), carrying(doc::Carry::Indicators));
    let assignments_of = |goal: Option<&str>| -> Vec<AssignmentView> {
        content
            .assignments
            .iter()
            .enumerate()
            .filter(|(_, a)| a.goal.as_deref() == goal)
            .map(|(i, a)| assignment(a, assignment_ids.get(i).copied()))
            .collect()
    };
    let mut depth: HashMap<&str, usize> = HashMap::new();
    let mut goals = Vec::new();
    for goal in &content.goals {
        let d = goal.parent.as_deref().and_then(|p| depth.get(p)).map_or(0, |d| d + 1);
        depth.insert(goal.code.as_str(), d);
        let indicators: Vec<&Indicator> = content.indicators.iter().filter(|i| i.goal == goal.code).collect();
        goals.push(GoalView {
            code: goal.code.clone(),
            number: goal.number.clone(),
            title: goal.title.clone(),
            level: level_names
                .get(goal.level.as_str())
                .copied()
                .unwrap_or_default()
                .to_owned(),
            depth: d,
            last_level: levels.last().is_some_and(|l| l.key == goal.level),
            sections: goal.sections.iter().map(section).collect(),
            table: (!indicators.is_empty()).then(|| table(&indicators)),
            carries_assignments: with_assignments.contains(goal.level.as_str()),
            carries_indicators: with_indicators.contains(goal.level.as_str()),
            assignments: assignments_of(Some(&goal.code)),
            focus_areas: content
                .focus_areas
                .iter()
                .filter(|f| f.goals.contains(&goal.code))
                .map(|f| f.title.clone())
                .collect(),
            activities: content
                .activities
                .iter()
                .filter(|a| a.goal == goal.code)
                .map(|a| a.title.clone())
                .collect(),
        });
    }
    PlanView {
        plan,
        rights: PlanRights::default(),
        adoptions: Vec::new(),
        sections: content.sections.iter().map(section).collect(),
        other_assignments: assignments_of(None),
        goals,
    }
}

fn section(s: &doc::Section) -> TextSection {
    TextSection {
        title: s.title.clone(),
        text: s.text.clone(),
    }
}

/// Yearly outcomes and forecasts become columns; monthly and tertial values are shown in
/// the chart only (a column per month would not fit the page).
fn yearly(indicator: &Indicator, kind: ValueKind) -> impl Iterator<Item = &doc::PeriodValue> {
    indicator
        .values
        .iter()
        .filter(move |v| v.kind == kind && v.gender == doc::Gender::Total && v.period.kind() == Periodicity::Year)
}

pub fn table(indicators: &[&Indicator]) -> IndicatorTable {
    let mut columns = Vec::new();
    if indicators.iter().any(|i| i.baseline.is_some()) {
        columns.push(Column::Baseline);
    }
    let outcome_years: BTreeSet<Period> = indicators
        .iter()
        .flat_map(|i| yearly(i, ValueKind::Outcome).map(|v| v.period))
        .collect();
    columns.extend(outcome_years.iter().map(|p| Column::Outcome(p.to_string())));
    let forecast_years: BTreeSet<Period> = indicators
        .iter()
        .flat_map(|i| yearly(i, ValueKind::Forecast).map(|v| v.period))
        .collect();
    columns.extend(forecast_years.iter().map(|p| Column::Forecast(p.to_string())));
    let target_years: BTreeSet<i32> = indicators
        .iter()
        .flat_map(|i| i.targets.iter().map(|t| t.year))
        .collect();
    columns.extend(target_years.iter().map(|y| Column::Target(*y)));
    if indicators.iter().any(|i| i.source.is_some()) {
        columns.push(Column::Source);
    }
    let rows = indicators.iter().map(|i| row(i, &columns)).collect();
    IndicatorTable { columns, rows }
}

fn row(i: &Indicator, columns: &[Column]) -> IndicatorRow {
    let value_at = |kind: ValueKind, period: &str| {
        yearly(i, kind)
            .find(|v| v.period.to_string() == period)
            .map(|v| formatted(v.value, i))
            .unwrap_or_default()
    };
    let cells = columns
        .iter()
        .map(|column| match column {
            Column::Baseline => i
                .baseline
                .as_ref()
                .map(|b| match (&b.value, &b.label) {
                    (Some(value), Some(label)) => format!("{value} ({label})"),
                    (Some(value), None) => value.clone(),
                    (None, Some(label)) => label.clone(),
                    (None, None) => String::new(),
                })
                .unwrap_or_default(),
            Column::Outcome(period) => value_at(ValueKind::Outcome, period),
            Column::Forecast(period) => value_at(ValueKind::Forecast, period),
            Column::Target(year) => i
                .targets
                .iter()
                .find(|t| t.year == *year)
                .map(|t| t.label.clone().unwrap_or_else(|| target_text(&t.target, i)))
                .unwrap_or_default(),
            Column::Source => i.source.clone().unwrap_or_default(),
        })
        .collect();
    IndicatorRow {
        code: i.code.clone(),
        name: i.name.clone(),
        kind: i.kind,
        unit: i.unit.clone(),
        department: i.department.clone(),
        definition: i.definition.clone(),
        footnotes: i.footnotes.clone(),
        cells,
        latest: latest_outcome(i),
        chart: chart(i),
    }
}

/// The indicator's latest outcome in total with its period (`6,2 % (2025-10)`): the one
/// whose period ends last (a month before the year it closes); empty when there is none.
fn latest_outcome(i: &Indicator) -> String {
    (i.values.iter())
        .filter(|v| v.kind == ValueKind::Outcome && v.gender == crate::domain::Gender::Total)
        .max_by_key(|v| (v.period.end_month(), std::cmp::Reverse(v.period.month_count())))
        .map(|v| format!("{} ({})", formatted(v.value, i), v.period))
        .unwrap_or_default()
}

/// A value with the indicator's decimals, and its unit where it is a percentage.
pub fn formatted(value: Decimal, i: &Indicator) -> String {
    if i.unit == "%" {
        format::percent(value, i.decimals)
    } else {
        format::number(value, i.decimals)
    }
}

/// A target as the plan writes it: its own precision (`20`, `5,8`), with `%` where it is a
/// percentage.
fn target_text(target: &Target, i: &Indicator) -> String {
    match target {
        Target::Value { .. } if i.unit == "%" => format!("{target}\u{a0}%"),
        other => other.to_string(),
    }
}

/// The number a target aims at, where it has one (for the chart's target line).
pub(crate) fn target_level(target: &Target) -> Option<Decimal> {
    match target {
        Target::Value { value } | Target::Compare { value, .. } => Some(*value),
        Target::Band { center, .. } => Some(*center),
        _ => None,
    }
}

/// Outcomes over time with the year's target beside each; monthly series get the year's
/// target on every month.
pub fn chart(i: &Indicator) -> Vec<ChartPoint> {
    let outcomes: Vec<&doc::PeriodValue> = i
        .values
        .iter()
        .filter(|v| v.kind == ValueKind::Outcome && v.gender == doc::Gender::Total)
        .collect();
    let target_of = |year: i32| {
        i.targets
            .iter()
            .find(|t| t.year == year)
            .and_then(|t| target_level(&t.target))
    };
    let mut periods: BTreeSet<Period> = outcomes.iter().map(|v| v.period).collect();
    let fine_grained = periods.iter().any(|p| p.kind() != Periodicity::Year);
    if !fine_grained {
        periods.extend(
            i.targets
                .iter()
                .filter(|t| target_level(&t.target).is_some())
                .filter_map(|t| Period::year_of(t.year).ok()),
        );
    }
    periods
        .into_iter()
        .map(|period| ChartPoint {
            label: period.to_string(),
            outcome: outcomes
                .iter()
                .find(|v| v.period == period)
                .and_then(|v| v.value.to_f64()),
            target: target_of(period.year()).and_then(|t| t.to_f64()),
            pace: None,
        })
        .collect()
}

pub(crate) fn assignment(a: &doc::Assignment, id: Option<AssignmentId>) -> AssignmentView {
    let latest = a.comments.iter().max_by_key(|c| c.date);
    AssignmentView {
        id,
        kind: a.kind,
        title: a.title.clone(),
        department: a.department.clone(),
        is_new: a.new,
        end_date: a.end_date.map(format::date),
        status: a.status,
        forecast: a.forecast,
        latest_comment: latest.map(|c| (format::date(c.date), c.text.clone())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn indicator(json: serde_json::Value) -> Indicator {
        let mut base = serde_json::json!({
            "code": "x", "goal": "1", "name": "X", "kind": "kf", "unit": "%", "decimals": 1,
            "direction": "lower", "periodicity": "year", "cumulative": false
        });
        base.as_object_mut()
            .expect("object")
            .extend(json.as_object().expect("object").clone());
        serde_json::from_value(base).expect("indicator")
    }

    fn value(period: &str, kind: &str, v: &str) -> serde_json::Value {
        serde_json::json!({ "period": period, "kind": kind, "gender": "T", "value": v })
    }

    #[test]
    fn a_table_has_the_columns_its_indicators_fill_and_formats_swedishly() {
        let sick = indicator(serde_json::json!({
            "values": [value("2024", "outcome", "8.8"), value("2025", "forecast", "7.2"), value("2024-01", "outcome", "8.41")],
            "targets": [
                { "year": 2026, "target": { "kind": "value", "value": "6" } },
                { "year": 2027, "target": { "kind": "compare", "op": "less_or_equal", "value": "24" }, "label": "Inom 24 timmar" }
            ]
        }));
        let other = indicator(
            serde_json::json!({ "code": "y", "unit": "st", "decimals": 0, "source": "Egenkontroll",
            "values": [value("2023", "outcome", "534")] }),
        );
        let t = table(&[&sick, &other]);
        assert_eq!(
            t.columns,
            [
                Column::Outcome("2023".into()),
                Column::Outcome("2024".into()),
                Column::Forecast("2025".into()),
                Column::Target(2026),
                Column::Target(2027),
                Column::Source
            ]
        );
        assert_eq!(
            t.rows[0].cells,
            ["", "8,8\u{a0}%", "7,2\u{a0}%", "6\u{a0}%", "Inom 24 timmar", ""]
        );
        assert_eq!(t.rows[1].cells, ["534", "", "", "", "", "Egenkontroll"]);
    }

    #[test]
    fn monthly_series_chart_by_month_with_the_years_target() {
        let monthly = indicator(serde_json::json!({
            "periodicity": "month",
            "values": [value("2024-02", "outcome", "9.14"), value("2024-01", "outcome", "8.41")],
            "targets": [{ "year": 2024, "target": { "kind": "value", "value": "7" } }]
        }));
        let points = chart(&monthly);
        let labels: Vec<&str> = points.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["2024-01", "2024-02"]);
        assert_eq!((points[0].outcome, points[0].target), (Some(8.41), Some(7.0)));
    }

    #[test]
    fn yearly_chart_runs_on_to_the_target_years() {
        let yearly = indicator(serde_json::json!({
            "values": [value("2024", "outcome", "448")],
            "targets": [{ "year": 2026, "target": { "kind": "value", "value": "470" } },
                        { "year": 2027, "target": { "kind": "direction", "direction": "increase" } }]
        }));
        let points = chart(&yearly);
        let summary: Vec<(String, Option<f64>, Option<f64>)> =
            points.into_iter().map(|p| (p.label, p.outcome, p.target)).collect();
        assert_eq!(
            summary,
            [("2024".into(), Some(448.0), None), ("2026".into(), None, Some(470.0))]
        );
        assert_eq!(
            formatted(
                Decimal::from_str("-401630").expect("d"),
                &indicator(serde_json::json!({"unit": "tkr", "decimals": 0}))
            ),
            "-401\u{a0}630"
        );
    }
}
