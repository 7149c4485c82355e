//! The budget engine: a council's economy as its documents publish it — tables of income,
//! costs and net per activity or department, budget changes, investments, volumes and unit
//! prices, monthly series and placements — and what is computed from them: deviations,
//! changes, budget adherence, forecasts, volume × price scenarios, action plans' effects,
//! and the consistency checks that report every published figure that does not add up.
//!
//! Figures stay as published: a table holds its values in its own unit (`tkr`, `mnkr`, `kr`)
//! with the precision printed, and nothing here corrects them. Money is [`Decimal`]
//! throughout; [`Table::in_kr`] gives a value's exact amount in kronor.

mod action;
mod check;
mod follow_up;
mod forecast;
mod measure;
mod scenario;
#[cfg(test)]
mod tests;

pub use action::{ActionSummary, Measure, MonthAmount, YearAmount, action_summary};
pub use check::{Check, Finding, check_tables};
pub use follow_up::{ForecastLine, MonthFigures, YearToDate, year_to_date};
pub use forecast::{Forecast, ForecastMethod, MonthlyProfile, forecasts, monthly_budget};
pub use measure::{budget_adherence, change, change_percent, deviation, forecast_deviation};
pub use scenario::{ScenarioChange, ScenarioError, ScenarioLine, ScenarioResult, VolumePrice, scenario};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The unit money figures are published in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoneyUnit {
    Kr,
    Tkr,
    Mnkr,
}

impl MoneyUnit {
    pub const ALL: [MoneyUnit; 3] = [Self::Kr, Self::Tkr, Self::Mnkr];

    /// Kronor in one of this unit.
    pub fn factor(self) -> Decimal {
        match self {
            Self::Kr => Decimal::ONE,
            Self::Tkr => Decimal::from(1_000),
            Self::Mnkr => Decimal::from(1_000_000),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Kr => "kr",
            Self::Tkr => "tkr",
            Self::Mnkr => "mnkr",
        }
    }

    pub fn parse(text: &str) -> Option<MoneyUnit> {
        Self::ALL.into_iter().find(|u| u.as_str() == text)
    }
}

/// What a table shows, as the documents title them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// Driftbudget: income, costs and net.
    Operating,
    /// Per verksamhet.
    Activities,
    /// Per avdelning, verksamhetsområde or ansvar.
    Departments,
    /// Ekonomiska förändringar between two years.
    Changes,
    Investments,
    Volumes,
    /// Mått och à-priser.
    Prices,
    /// Driftredovisning for a period of a year.
    FollowUp,
    /// A series by month, e.g. utbetalt bistånd.
    Monthly,
    /// Days, budget and net cost of placements.
    Placements,
}

impl TableKind {
    pub const ALL: [TableKind; 10] = [
        Self::Operating,
        Self::Activities,
        Self::Departments,
        Self::Changes,
        Self::Investments,
        Self::Volumes,
        Self::Prices,
        Self::FollowUp,
        Self::Monthly,
        Self::Placements,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Operating => "operating",
            Self::Activities => "activities",
            Self::Departments => "departments",
            Self::Changes => "changes",
            Self::Investments => "investments",
            Self::Volumes => "volumes",
            Self::Prices => "prices",
            Self::FollowUp => "follow_up",
            Self::Monthly => "monthly",
            Self::Placements => "placements",
        }
    }

    pub fn parse(text: &str) -> Option<TableKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// Tables whose total is the council's net, split by activity or department.
    pub fn splits_net(self) -> bool {
        matches!(self, Self::Activities | Self::Departments)
    }
}

/// What a figure is: a column's or a series row's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Figure {
    /// Utfall.
    Outcome,
    Budget,
    Plan,
    /// Prognos.
    Forecast,
    /// Avvikelse: one column minus another.
    Deviation,
    /// Förändring: one column minus another.
    Change,
    ChangePercent,
    /// Snitt of a row's monthly values.
    Average,
    /// Antal, dygn.
    Count,
    /// À-pris.
    UnitPrice,
}

impl Figure {
    pub const ALL: [Figure; 10] = [
        Self::Outcome,
        Self::Budget,
        Self::Plan,
        Self::Forecast,
        Self::Deviation,
        Self::Change,
        Self::ChangePercent,
        Self::Average,
        Self::Count,
        Self::UnitPrice,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Outcome => "outcome",
            Self::Budget => "budget",
            Self::Plan => "plan",
            Self::Forecast => "forecast",
            Self::Deviation => "deviation",
            Self::Change => "change",
            Self::ChangePercent => "change_percent",
            Self::Average => "average",
            Self::Count => "count",
            Self::UnitPrice => "unit_price",
        }
    }

    pub fn parse(text: &str) -> Option<Figure> {
        Self::ALL.into_iter().find(|f| f.as_str() == text)
    }

    /// A budget-like figure of a year: what the year is planned to cost.
    pub fn is_budget(self) -> bool {
        matches!(self, Self::Budget | Self::Plan)
    }
}

/// What a row is in its table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Intäkter.
    Income,
    /// Kostnader.
    Cost,
    /// A "varav" line of the row above; not added to anything.
    OfWhich,
    /// Netto: income plus costs.
    Net,
    /// An item summed into the table's total.
    Part,
    /// A published sum of the parts.
    Total,
    /// Förändring of the net from the column before.
    Change,
    /// Förändring in percent of the net in the column before.
    ChangePercent,
    /// A row that is a series across the columns (months, or a period of a placement table).
    Series,
}

impl Role {
    pub const ALL: [Role; 9] = [
        Self::Income,
        Self::Cost,
        Self::OfWhich,
        Self::Net,
        Self::Part,
        Self::Total,
        Self::Change,
        Self::ChangePercent,
        Self::Series,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Income => "income",
            Self::Cost => "cost",
            Self::OfWhich => "of_which",
            Self::Net => "net",
            Self::Part => "part",
            Self::Total => "total",
            Self::Change => "change",
            Self::ChangePercent => "change_percent",
            Self::Series => "series",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        Self::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

/// A column: what its figures are, for which year and months.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    pub label: String,
    /// `None` where the rows say what the figures are (a monthly table's months).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figure: Option<Figure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// First and last month of a period column (Jan–Jul: `(1, 7)`); `None` for a whole year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<(u8, u8)>,
    /// The month of a one-month column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    /// A unit other than the table's money (`dygn`, `antal`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// For a deviation or change column: the columns it is the difference of (`[i, j]`:
    /// column `j` minus column `i`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<[usize; 2]>,
}

impl Column {
    pub fn new(label: &str, figure: Figure, year: Option<i32>) -> Column {
        Column {
            label: label.to_owned(),
            figure: Some(figure),
            year,
            months: None,
            month: None,
            unit: None,
            of: None,
        }
    }

    /// Whether the column's figures are amounts that add up down the rows (money or counts,
    /// not percentages).
    pub fn adds_up(&self) -> bool {
        self.figure != Some(Figure::ChangePercent)
    }

    /// Whether the column holds money in the table's unit.
    pub fn is_money(&self) -> bool {
        self.unit.is_none() && !matches!(self.figure, Some(Figure::ChangePercent | Figure::Count))
    }

    /// The same figure of the same time as `other`.
    fn same_time(&self, other: &Column) -> bool {
        self.figure == other.figure
            && self.year == other.year
            && self.months == other.months
            && self.month == other.month
    }
}

/// A row: its label and role, and one value per column (`None`: nothing printed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    pub label: String,
    pub role: Role,
    /// What a series row's values are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figure: Option<Figure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// A printed remark, e.g. "prognos nov–dec".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub values: Vec<Option<Decimal>>,
}

impl Row {
    pub fn new(label: &str, role: Role, values: Vec<Option<Decimal>>) -> Row {
        Row {
            label: label.to_owned(),
            role,
            figure: None,
            year: None,
            note: None,
            values,
        }
    }

    pub fn value(&self, column: usize) -> Option<Decimal> {
        self.values.get(column).copied().flatten()
    }
}

/// One published table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// Unique among the council's tables.
    pub key: String,
    pub kind: TableKind,
    pub title: String,
    /// Where the figures were published.
    #[serde(default)]
    pub source: String,
    pub unit: MoneyUnit,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

/// Why a table is not well formed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    #[error("row \"{row}\" has {found} values for {columns} columns")]
    RowLength { row: String, found: usize, columns: usize },
    #[error("column \"{column}\" refers to column {index}, which does not exist")]
    NoSuchColumn { column: String, index: usize },
    #[error("column \"{column}\" has month {month}; months are 1 to 12")]
    BadMonth { column: String, month: u8 },
}

impl Table {
    /// Every row has a value per column, and what columns refer to exists.
    pub fn validate(&self) -> Result<(), TableError> {
        let columns = self.columns.len();
        if let Some(row) = self.rows.iter().find(|r| r.values.len() != columns) {
            return Err(TableError::RowLength {
                row: row.label.clone(),
                found: row.values.len(),
                columns,
            });
        }
        for column in &self.columns {
            if let Some(index) = column.of.into_iter().flatten().find(|&i| i >= columns) {
                return Err(TableError::NoSuchColumn {
                    column: column.label.clone(),
                    index,
                });
            }
            let months = column
                .month
                .into_iter()
                .chain(column.months.into_iter().flat_map(|(a, b)| [a, b]));
            if let Some(month) = months.into_iter().find(|m| !(1..=12).contains(m)) {
                return Err(TableError::BadMonth {
                    column: column.label.clone(),
                    month,
                });
            }
        }
        Ok(())
    }

    /// The value in kronor, exactly; `None` on overflow (not for any value a document prints).
    pub fn in_kr(&self, value: Decimal) -> Option<Decimal> {
        value.checked_mul(self.unit.factor())
    }

    /// The first row with `role`.
    pub fn row(&self, role: Role) -> Option<&Row> {
        self.rows.iter().find(|r| r.role == role)
    }

    /// The row the table's net or total is on: `Net` in an operating table, else `Total`.
    pub fn net_row(&self) -> Option<&Row> {
        self.row(Role::Net).or_else(|| self.row(Role::Total))
    }

    /// The column of `figure` for `year` covering the whole year.
    pub fn year_column(&self, figure: Figure, year: i32) -> Option<usize> {
        let whole_year = |c: &Column| c.year == Some(year) && c.months.is_none() && c.month.is_none();
        (self.columns.iter()).position(|c| c.figure == Some(figure) && whole_year(c))
    }

    /// The net (or total) of the whole year `year` of `figure`, in kronor.
    pub fn net_in_kr(&self, figure: Figure, year: i32) -> Option<Decimal> {
        let column = self.year_column(figure, year)?;
        self.in_kr(self.net_row()?.value(column)?)
    }
}
