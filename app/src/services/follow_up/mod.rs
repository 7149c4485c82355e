//! The follow-up page of a council's plan at a month: every goal's and indicator's verdict
//! and the month before's, counts per level, manual verdicts, and the uppdrag overview. The
//! plan's inputs come from the read cache; assessing two months of a plan takes
//! microseconds, so only the inputs are cached.

mod build;

use chrono::{Datelike, NaiveDate};
use sea_orm::DatabaseConnection;

use super::ServiceError;
use super::assessment;
use super::context::TenantContext;
use crate::domain::PlanId;
use crate::model::{FollowUpFilter, FollowUpView, Role};

pub use build::follow_up;

/// The plan at the filter's month (this month, within the plan's years, when none is
/// given). Any role of the tenant; another tenant's plan is not found.
pub async fn view(
    db: &DatabaseConnection,
    cache: &assessment::InputsCache,
    ctx: &TenantContext,
    plan_id: PlanId,
    filter: &FollowUpFilter,
    today: NaiveDate,
) -> Result<FollowUpView, ServiceError> {
    let inputs = assessment::cached_inputs(db, cache, ctx.scope(), plan_id).await?;
    let inputs = &inputs.1;
    let at = match filter.month.as_deref().filter(|m| !m.trim().is_empty()) {
        Some(month) => assessment::month(month)?,
        None => default_month(today, inputs.summary.first_year, inputs.summary.last_year)?,
    };
    let language = ctx.locale().language();
    Ok(follow_up(
        inputs,
        at,
        filter,
        today,
        ctx.role() >= Role::Editor,
        language,
    ))
}

/// This month, moved into the plan's years.
fn default_month(today: NaiveDate, first_year: i32, last_year: i32) -> Result<engine::Period, ServiceError> {
    let (year, month) = if today.year() < first_year {
        (first_year, 1)
    } else if today.year() > last_year {
        (last_year, 12)
    } else {
        (today.year(), today.month() as u8)
    };
    engine::Period::month(year, month).map_err(|e| ServiceError::Corrupt(format!("the plan's years: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_month_is_today_within_the_plans_years() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
        let month = |first, last| default_month(today, first, last).expect("a month").to_string();
        assert_eq!(month(2025, 2027), "2026-11");
        assert_eq!(month(2027, 2028), "2027-01");
        assert_eq!(month(2024, 2025), "2025-12");
    }
}
