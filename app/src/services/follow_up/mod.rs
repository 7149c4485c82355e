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

/// The plan at the filter's month (when none is given, the latest month that has values,
/// or else this month within the plan's years). The months offered span the plan's years
/// and every month with values before or after them. Any role of the tenant; another
/// tenant's plan is not found.
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
    let data = data_span(inputs);
    let at = match filter.month.as_deref().filter(|m| !m.trim().is_empty()) {
        Some(month) => assessment::month(month)?,
        None => opening_month(inputs, today)?,
    };
    let language = ctx.locale().language();
    let mut view = follow_up(inputs, at, filter, today, ctx.role() >= Role::Editor, language);
    if let Some((first, last)) = data {
        // `YYYY-MM` compares as text.
        view.first_month = view.first_month.min(first.to_string());
        view.last_month = view.last_month.max(last.to_string());
    }
    Ok(view)
}

/// The month a plan's follow-up opens on: the latest that has values, or else this month
/// within the plan's years.
pub fn opening_month(inputs: &assessment::PlanInputs, today: NaiveDate) -> Result<engine::Period, ServiceError> {
    match latest_until(data_span(inputs), today) {
        Some(month) => Ok(month),
        None => default_month(today, inputs.summary.first_year, inputs.summary.last_year),
    }
}

/// The first and last month with values of the plan or of the plans contributing to its
/// goals (the municipality's plan is followed up on its councils' values).
fn data_span(inputs: &assessment::PlanInputs) -> Option<(engine::Period, engine::Period)> {
    let spans = std::iter::once(&inputs.plan)
        .chain(inputs.contributors.iter().map(|c| &c.plan))
        .filter_map(data_months);
    spans.reduce(|(first, last), (f, l)| (first.min(f), last.max(l)))
}

/// The first and last month that the plan's indicators have values (outcomes or forecasts)
/// for; a tertial's or year's value counts for each of its months.
fn data_months(plan: &crate::exchange::document::Plan) -> Option<(engine::Period, engine::Period)> {
    let months = (plan.content.indicators.iter())
        .flat_map(|i| i.values.iter())
        .flat_map(|v| {
            let (first, last) = v.period.months();
            [(v.period.year(), first), (v.period.year(), last)]
        });
    let (first, last) = months.fold(None, |span: Option<((i32, u8), (i32, u8))>, m| match span {
        None => Some((m, m)),
        Some((lo, hi)) => Some((lo.min(m), hi.max(m))),
    })?;
    Some((
        engine::Period::month(first.0, first.1).ok()?,
        engine::Period::month(last.0, last.1).ok()?,
    ))
}

/// The latest month with values that is not after this month.
fn latest_until(data: Option<(engine::Period, engine::Period)>, today: NaiveDate) -> Option<engine::Period> {
    let (first, last) = data?;
    let now = engine::Period::month(today.year(), today.month() as u8).ok()?;
    if first.end_month() > now.end_month() {
        None
    } else if last.end_month() > now.end_month() {
        Some(now)
    } else {
        Some(last)
    }
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

    #[test]
    fn the_page_opens_on_the_latest_month_with_values_up_to_now() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
        let span = |first: &str, last: &str| Some((first.parse().expect("first"), last.parse().expect("last")));
        let latest = |data| latest_until(data, today).map(|p| p.to_string());
        assert_eq!(latest(span("2023-01", "2025-12")), Some("2025-12".to_owned()));
        assert_eq!(
            latest(span("2025-01", "2027-12")),
            Some("2026-12".to_owned()),
            "not in the future"
        );
        assert_eq!(
            latest(span("2027-01", "2027-12")),
            None,
            "only future values: this month"
        );
        assert_eq!(latest(None), None);
    }
}
