//! A council's economy for its page, the API and the CLI: the published tables with money in
//! the tenant's unit, the consistency report, the action plans, monthly series; and one
//! year of it with the year's budget, outcome, forecast, deviation and budget adherence.
//! Any role of the tenant reads it (callers pass their tenant's scope); another tenant's
//! council is not found.

mod scenario;
mod view;

use engine::economy::{MoneyUnit, Table, check_tables};
use rust_decimal::Decimal;
use sea_orm::{ConnectionTrait, DatabaseConnection};
use serde::Serialize;

use super::ServiceError;
use crate::db::TenantScope;
use crate::db::repo::{councils, economy, tenants};
use crate::exchange::document::ActionPlan;
use crate::exchange::economy::{action_plan_of, table_of};
use crate::model::EconomyView;

pub use scenario::volume_scenario;
pub use view::year_summary;

/// The council's tables and action plans as stored, with the tenant's money unit.
pub(crate) struct Stored {
    pub tenant_slug: String,
    pub council_id: uuid::Uuid,
    pub council: String,
    pub council_slug: String,
    pub unit: MoneyUnit,
    pub tables: Vec<Table>,
    pub action_plans: Vec<ActionPlan>,
}

pub(crate) async fn stored(db: &impl ConnectionTrait, scope: TenantScope, slug: &str) -> Result<Stored, ServiceError> {
    let council = councils::find_by_slug(db, scope, slug)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let tenant = tenants::find_by_id(db, scope.tenant_id())
        .await?
        .ok_or(ServiceError::NotFound)?;
    let unit = tenant
        .money_unit
        .as_deref()
        .and_then(MoneyUnit::parse)
        .unwrap_or(MoneyUnit::Tkr);
    let table_rows = economy::tables_of_council(db, scope, council.id).await?;
    let plan_rows = economy::action_plans_of_council(db, scope, council.id).await?;
    Ok(Stored {
        tenant_slug: tenant.slug,
        council_id: council.id,
        council: council.name,
        council_slug: council.slug,
        unit,
        tables: table_rows.iter().map(table_of).collect::<Result<_, _>>()?,
        action_plans: plan_rows.iter().map(action_plan_of).collect::<Result<_, _>>()?,
    })
}

/// The council's whole economy: for any role of the tenant (`scope` is the caller's tenant).
pub async fn council_economy(
    db: &DatabaseConnection,
    scope: TenantScope,
    slug: &str,
) -> Result<EconomyView, ServiceError> {
    let stored = stored(db, scope, slug).await?;
    let findings = check_tables(&stored.tables);
    Ok(view::economy_view(&stored, &findings))
}

/// One year of a council's economy (`malbild budget`, `GET …/economy?year=`): the year's
/// figures in the tenant's unit, its tables narrowed to the year's columns (and with
/// `month`, periods and months up to it), the action plans and the consistency report.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct EconomyYear {
    pub tenant: String,
    pub council: String,
    pub year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    /// The unit of every amount below (the tenant's): `tkr`, `mnkr` or `kr`.
    pub unit: String,
    pub summary: YearSummary,
    pub economy: EconomyView,
    /// The year month by month from the ledger, where it has been imported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub months: Option<crate::model::MonthlyFollowUp>,
}

/// The year's net: budget, outcome and forecast where a table prints them (each with the
/// table it is from), the deviation from budget and the budget adherence in percent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct YearSummary {
    pub budget: Option<Figure>,
    pub outcome: Option<Figure>,
    pub forecast: Option<Figure>,
    /// Outcome (or, without one, forecast) less budget.
    pub deviation: Option<Decimal>,
    /// The deviation in percent of the budget's size (budgetföljsamhet).
    pub adherence_percent: Option<Decimal>,
    /// Of the outcome (or forecast) against the year's budget changes and investments.
    pub changes: Option<Decimal>,
    pub investments: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Figure {
    pub value: Decimal,
    /// The title of the table it is from.
    pub source: String,
}

pub async fn council_year(
    db: &DatabaseConnection,
    scope: TenantScope,
    slug: &str,
    year: i32,
    month: Option<u8>,
) -> Result<EconomyYear, ServiceError> {
    if !(engine::period::FIRST_YEAR..=engine::period::LAST_YEAR).contains(&year) {
        let message = crate::model::Message::OutsideYears {
            value: year.to_string(),
            first: engine::period::FIRST_YEAR,
            last: engine::period::LAST_YEAR,
        };
        return Err(ServiceError::invalid("year", message));
    }
    if let Some(month) = month.filter(|m| !(1..=12).contains(m)) {
        let message = crate::model::Message::NotAMonth {
            text: month.to_string(),
        };
        return Err(ServiceError::invalid("month", message));
    }
    let mut stored = stored(db, scope, slug).await?;
    let findings = check_tables(&stored.tables);
    let summary = year_summary(&stored.tables, &findings, stored.unit, year);
    stored.tables = (stored.tables.iter())
        .filter_map(|t| view::narrowed(t, year, month))
        .collect();
    let shown = |f: &engine::economy::Finding| {
        (stored.tables.iter()).any(|t| t.key == f.table && t.columns.iter().any(|c| c.label == f.column))
    };
    let findings: Vec<_> = findings.into_iter().filter(shown).collect();
    let months = super::ledger::follow_up(db, scope, slug, Some(year), month, None).await?;
    Ok(EconomyYear {
        months: (!months.lines.is_empty()).then_some(months),
        tenant: stored.tenant_slug.clone(),
        council: stored.council_slug.clone(),
        year,
        month,
        unit: stored.unit.as_str().to_owned(),
        summary,
        economy: view::economy_view(&stored, &findings),
    })
}
