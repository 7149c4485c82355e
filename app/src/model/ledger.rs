//! The ledger (huvudbok) as the product reads it: a file's columns mapped to the fields of a
//! ledger row, what an import wrote, and a council's year followed up month by month against
//! its budget with the year's forecasts side by side.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::ChartPoint;
use crate::domain::{LedgerSigns, UnitKind};

/// Which of the file's columns (by their header) holds each field of a ledger row; an
/// empty field takes the column its header suggests.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LedgerMapping {
    /// The month booked: `2024-07`, `202407` or a date in it.
    pub period: String,
    /// The department (avdelning, verksamhetsområde) or verksamhet, by name.
    pub unit: String,
    /// The account or account class: 3… income, 4…–7… costs, or `intäkt`/`kostnad`.
    pub account: String,
    pub amount: String,
    /// How amounts are signed; `ledger` (debit +, credit −) by default.
    #[serde(default)]
    pub signs: LedgerSigns,
}

/// The start of a file, to choose its columns from before importing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LedgerPreview {
    pub file_name: String,
    /// The header row's cells.
    pub columns: Vec<String>,
    /// The first rows after the header.
    pub rows: Vec<Vec<String>>,
    /// How many rows with anything in them follow the header.
    pub row_count: usize,
    /// Each field's column where its header says what it is (`Period`, `Ansvar`, `Konto`,
    /// `Belopp` …); empty where no header does.
    pub suggested: LedgerMapping,
}

/// What a ledger import wrote: each council's months, which it replaces whole.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LedgerImportSummary {
    /// Ledger rows read (blank rows not counted).
    pub rows: usize,
    pub months: Vec<LedgerMonth>,
}

/// One council's month as imported, in kronor (income positive, costs negative).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LedgerMonth {
    pub council: String,
    pub council_name: String,
    pub year: i32,
    pub month: u8,
    /// Departments and verksamheter with amounts.
    pub units: usize,
    pub income: Decimal,
    pub cost: Decimal,
    pub net: Decimal,
    /// Whether the month had been imported before (its earlier figures are replaced).
    pub replaced: bool,
}

/// A council's year month by month from its ledger, against the budget of the same months.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MonthlyFollowUp {
    pub council: String,
    pub council_slug: String,
    pub year: i32,
    /// The unit money is shown in (the tenant's: `tkr`, `mnkr`, `kr`).
    pub unit: String,
    /// How the year's budget is spread over its months: `even`, or `last_year` (in
    /// proportion to last year's booked months, where all twelve are).
    pub profile: String,
    /// The profiles that can be chosen for this year.
    pub profiles: Vec<String>,
    /// Years with ledger outcomes, newest first.
    pub years: Vec<i32>,
    /// The latest month booked.
    pub through: u8,
    /// The council first, then its departments and verksamheter with outcomes.
    pub lines: Vec<FollowUpLine>,
    /// The council's outcome and budget summed month by month, with the forecast path.
    pub chart: Vec<ChartPoint>,
    /// Forecasts saved for the year, newest first.
    pub saved: Vec<SavedForecast>,
    pub imported_by: Option<String>,
    pub imported_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FollowUpLine {
    pub kind: UnitKind,
    pub name: String,
    /// The year's net budget and the table it is from; `None` where no table has one.
    pub year_budget: Option<Decimal>,
    pub budget_source: Option<String>,
    /// The net booked per month, January first; `None` where nothing is.
    pub months: Vec<Option<Decimal>>,
    pub outcome_to_date: Option<Decimal>,
    pub budget_to_date: Option<Decimal>,
    pub deviation_to_date: Option<Decimal>,
    /// Months before the latest with nothing booked.
    pub missing: Vec<u8>,
    /// The year's forecast by every method, side by side.
    pub forecasts: Vec<ForecastView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ForecastView {
    /// `run_rate`, `last_year_shape`, `budget_for_rest`, `manual` (the latest saved).
    pub method: String,
    pub year: Option<Decimal>,
    /// The forecast less the year's budget.
    pub deviation: Option<Decimal>,
}

/// A forecast a controller saved: the method chosen, the figure, why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SavedForecast {
    pub kind: UnitKind,
    pub unit: String,
    /// The month it was made at.
    pub month: u8,
    pub method: String,
    pub amount: Decimal,
    pub comment: String,
    pub made_by: String,
    pub made_at: DateTime<Utc>,
}

/// A forecast to save: for the council (`kind` council, `unit` empty) or one of its units,
/// by a method; the amount is computed by the method, or typed (in the view's unit) for
/// `manual`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ForecastInput {
    pub year: i32,
    pub kind: UnitKind,
    #[serde(default)]
    pub unit: String,
    pub method: String,
    #[serde(default)]
    pub amount: Option<String>,
    #[serde(default)]
    pub comment: String,
}
