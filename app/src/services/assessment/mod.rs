//! Verdicts for a tenant's plans at a month (`malbild assess`, `GET …/assessments`): the
//! tenant's document read once, each council's plan covering the month assessed by
//! [`plan::assess`] with the tenant's configured methods and rules.

pub mod plan;

use engine::Period;
use sea_orm::DatabaseConnection;

use super::ServiceError;
use super::auth::AuthContext;
use crate::db::TenantScope;
use crate::exchange::export;
use crate::model::{Assessment, Colour};

impl From<engine::assess::Verdict> for Colour {
    fn from(verdict: engine::assess::Verdict) -> Self {
        use engine::assess::Verdict;
        match verdict {
            Verdict::Green => Colour::Green,
            Verdict::Yellow => Colour::Yellow,
            Verdict::Red => Colour::Red,
            Verdict::Grey => Colour::Grey,
        }
    }
}

/// A follow-up month written `YYYY-MM`.
pub fn month(period: &str) -> Result<Period, ServiceError> {
    let parsed: Option<Period> = period.trim().parse().ok();
    match parsed {
        Some(month) if month.kind() == engine::Periodicity::Month => Ok(month),
        _ => Err(ServiceError::invalid(
            "period",
            format!("\"{period}\" is not a month; write it YYYY-MM, e.g. 2025-10"),
        )),
    }
}

/// `GET /tenants/{slug}/assessments?period=YYYY-MM[&council=SLUG]`: any role of the tenant.
pub async fn for_tenant(
    db: &DatabaseConnection,
    auth: &AuthContext,
    slug: &str,
    council: Option<&str>,
    period: &str,
) -> Result<Vec<Assessment>, ServiceError> {
    let scope = auth.scope_for_slug(db, slug).await?;
    assess(db, scope, council, period).await
}

/// The verdicts of every plan (of `council`, if given) that covers the month's year. For
/// the CLI with an operator's scope, and for [`for_tenant`].
pub async fn assess(
    db: &DatabaseConnection,
    scope: TenantScope,
    council: Option<&str>,
    period: &str,
) -> Result<Vec<Assessment>, ServiceError> {
    let at = month(period)?;
    let document = export::read(db, scope).await?;
    if let Some(slug) = council
        && !document.councils.iter().any(|c| c.slug == slug)
    {
        return Err(ServiceError::NotFound);
    }
    let year = at.year();
    Ok((document.plans.iter())
        .filter(|p| council.is_none_or(|slug| p.council == slug))
        .filter(|p| (p.first_year..=p.last_year).contains(&year))
        .flat_map(|p| plan::assess(&document.levels, document.tenant.indicator_method, p, at))
        .collect())
}
