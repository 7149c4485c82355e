//! A council's economy seed, `<tenant>/economy/<council>.toml` (format in `seeds/README.md`):
//! tables written as the documents print them — whole numbers as TOML integers (`-415_390`),
//! decimals with a comma as strings (`"-10,21"`), `""` for a cell that prints nothing — and
//! action plans with their measures. Every figure is read exactly; nothing is corrected.

use chrono::NaiveDate;
use engine::economy::{Column, Figure, Measure, MoneyUnit, MonthAmount, Role, Row, Table, TableKind, YearAmount};
use engine::{Period, parse_number};
use rust_decimal::Decimal;
use serde::Deserialize;

use super::super::Problem;
use super::super::document::{ActionPlan, Economy, PlanFigure};
use crate::model::{Location, Message, Place, echo};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EconomyToml {
    council: String,
    #[serde(default)]
    table: Vec<TableToml>,
    #[serde(default)]
    action_plan: Vec<ActionPlanToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TableToml {
    key: String,
    kind: String,
    title: String,
    #[serde(default)]
    source: String,
    unit: String,
    columns: Vec<ColumnToml>,
    rows: Vec<RowToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ColumnToml {
    label: String,
    kind: Option<String>,
    year: Option<i32>,
    /// `"01-07"`: January to July.
    months: Option<String>,
    month: Option<u8>,
    unit: Option<String>,
    of: Option<[usize; 2]>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RowToml {
    label: String,
    role: String,
    kind: Option<String>,
    year: Option<i32>,
    note: Option<String>,
    values: Vec<Cell>,
}

/// A figure as written: a TOML integer, or a string (`"-10,21"`, `""` for none).
#[derive(Deserialize)]
#[serde(untagged)]
enum Cell {
    Whole(i64),
    Written(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActionPlanToml {
    key: String,
    title: String,
    #[serde(default)]
    source: String,
    decided: Option<NaiveDate>,
    unit: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    figures: Vec<FigureToml>,
    #[serde(default)]
    key_figures: Vec<String>,
    #[serde(default)]
    measure: Vec<MeasureToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FigureToml {
    label: String,
    year: Option<i32>,
    value: Cell,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MeasureToml {
    number: u32,
    name: String,
    #[serde(default)]
    responsible: String,
    gross_effect: Option<Cell>,
    cost: Option<Cell>,
    net_effect: Option<Cell>,
    #[serde(default)]
    full_effect: String,
    expected_this_year: Option<YearValueToml>,
    #[serde(default)]
    realised: Vec<PeriodValueToml>,
    #[serde(default)]
    status: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct YearValueToml {
    year: i32,
    value: Cell,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PeriodValueToml {
    period: String,
    value: Cell,
}

/// Collects the problems of one file, each at its place in it.
struct Problems<'a> {
    file: &'a str,
    found: Vec<Problem>,
}

impl Problems<'_> {
    fn at(&mut self, places: &[Place], field: &str, message: Message) {
        let mut location = Location::of(Place::File {
            path: self.file.to_owned(),
        });
        for place in places {
            location = location.at(place.clone());
        }
        if !field.is_empty() {
            location = location.field(field);
        }
        self.found.push(Problem::new(location, message));
    }

    /// The cell's figure (`None` for `""`), or a problem.
    fn figure(&mut self, places: &[Place], field: &str, cell: &Cell) -> Option<Decimal> {
        match cell {
            Cell::Whole(value) => Some(Decimal::from(*value)),
            Cell::Written(text) if text.trim().is_empty() => None,
            Cell::Written(text) => match parse_number(text) {
                Ok(value) => Some(value),
                Err(e) => {
                    self.at(places, field, (&e).into());
                    None
                }
            },
        }
    }

    fn one_of<T: Copy>(
        &mut self,
        places: &[Place],
        field: &str,
        text: &str,
        all: &[T],
        name: fn(T) -> &'static str,
    ) -> Option<T> {
        let found = all.iter().copied().find(|v| name(*v) == text);
        if found.is_none() {
            let allowed = all.iter().map(|v| name(*v).to_owned()).collect();
            self.at(
                places,
                field,
                Message::NotOneOf {
                    text: echo(text),
                    allowed,
                },
            );
        }
        found
    }
}

/// The file's economy, or every problem in it.
pub(super) fn economy(path: &str, file: EconomyToml) -> Result<Economy, Vec<Problem>> {
    let mut problems = Problems {
        file: path,
        found: Vec::new(),
    };
    let tables = file.table.into_iter().filter_map(|t| table(&mut problems, t)).collect();
    let action_plans = (file.action_plan.into_iter())
        .filter_map(|p| action_plan(&mut problems, p))
        .collect();
    if !problems.found.is_empty() {
        return Err(problems.found);
    }
    Ok(Economy {
        council: file.council,
        tables,
        action_plans,
        ledger: Vec::new(),
        forecasts: Vec::new(),
    })
}

fn table(problems: &mut Problems, t: TableToml) -> Option<Table> {
    let here = [Place::Table { key: t.key.clone() }];
    let kind = problems.one_of(&here, "kind", &t.kind, &TableKind::ALL, TableKind::as_str);
    let unit = problems.one_of(&here, "unit", &t.unit, &MoneyUnit::ALL, MoneyUnit::as_str);
    let columns: Vec<Column> = t.columns.into_iter().map(|c| column(problems, &here, c)).collect();
    let rows: Vec<Row> = t.rows.into_iter().map(|r| row(problems, &here, r)).collect();
    let table = Table {
        key: t.key,
        kind: kind?,
        title: t.title,
        source: t.source,
        unit: unit?,
        columns,
        rows,
    };
    Some(table)
}

fn column(problems: &mut Problems, table: &[Place], c: ColumnToml) -> Column {
    let here: Vec<Place> = [table, &[Place::TableColumn { label: c.label.clone() }]].concat();
    let figure = (c.kind.as_deref()).and_then(|k| problems.one_of(&here, "kind", k, &Figure::ALL, Figure::as_str));
    let months = c.months.as_deref().and_then(|text| {
        let span = text
            .split_once('-')
            .and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)));
        if span.is_none() {
            problems.at(
                &here,
                "months",
                Message::NotOneOf {
                    text: echo(text),
                    allowed: vec!["01-07".into()],
                },
            );
        }
        span
    });
    Column {
        label: c.label,
        figure,
        year: c.year,
        months,
        month: c.month,
        unit: c.unit,
        of: c.of,
    }
}

fn row(problems: &mut Problems, table: &[Place], r: RowToml) -> Row {
    let here: Vec<Place> = [table, &[Place::TableRow { label: r.label.clone() }]].concat();
    let role = problems.one_of(&here, "role", &r.role, &Role::ALL, Role::as_str);
    let figure = (r.kind.as_deref()).and_then(|k| problems.one_of(&here, "kind", k, &Figure::ALL, Figure::as_str));
    let values = (r.values.iter().enumerate())
        .map(|(i, cell)| problems.figure(&here, &format!("values.{}", i + 1), cell))
        .collect();
    Row {
        label: r.label,
        role: role.unwrap_or(Role::Part),
        figure,
        year: r.year,
        note: r.note,
        values,
    }
}

fn action_plan(problems: &mut Problems, p: ActionPlanToml) -> Option<ActionPlan> {
    let here = [Place::ActionPlan { key: p.key.clone() }];
    let unit = problems.one_of(&here, "unit", &p.unit, &MoneyUnit::ALL, MoneyUnit::as_str);
    let figures = (p.figures.iter())
        .filter_map(|f| {
            let value = problems.figure(&here, &format!("figures.{}", f.label), &f.value)?;
            Some(PlanFigure {
                label: f.label.clone(),
                year: f.year,
                value,
            })
        })
        .collect();
    let measures = p.measure.into_iter().map(|m| measure(problems, &here, m)).collect();
    Some(ActionPlan {
        key: p.key,
        title: p.title,
        source: p.source,
        decided: p.decided,
        unit: unit?,
        summary: p.summary,
        figures,
        key_figures: p.key_figures,
        measures,
    })
}

fn measure(problems: &mut Problems, plan: &[Place], m: MeasureToml) -> Measure {
    let here: Vec<Place> = [plan, &[Place::Measure { number: m.number }]].concat();
    let mut amount = |field: &str, cell: Option<&Cell>| cell.and_then(|c| problems.figure(&here, field, c));
    let gross_effect = amount("gross_effect", m.gross_effect.as_ref());
    let cost = amount("cost", m.cost.as_ref());
    let net_effect = amount("net_effect", m.net_effect.as_ref());
    let expected = (m.expected_this_year.iter())
        .filter_map(|e| {
            let value = amount("expected_this_year", Some(&e.value))?;
            Some(YearAmount { year: e.year, value })
        })
        .collect();
    let realised_values: Vec<Option<Decimal>> = (m.realised.iter())
        .map(|r| amount("realised", Some(&r.value)))
        .collect();
    let mut realised = Vec::new();
    for (r, value) in m.realised.iter().zip(realised_values) {
        match r.period.parse::<Period>() {
            Ok(period) if period.kind() == engine::Periodicity::Month => {
                realised.extend(value.map(|value| MonthAmount { period, value }));
            }
            _ => problems.at(&here, "realised", Message::NotAMonth { text: echo(&r.period) }),
        }
    }
    Measure {
        number: m.number,
        name: m.name,
        responsible: m.responsible,
        gross_effect,
        cost,
        net_effect,
        full_effect: m.full_effect,
        expected,
        realised,
        status: m.status,
    }
}
