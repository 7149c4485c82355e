//! Verdicts for a tenant's plans at a month (`malbild assess`, `GET …/assessments`, the
//! follow-up page): each plan's inputs read once per version of the tenant's data
//! ([`PlanInputs`], kept in the [`ReadCache`]), then assessed by [`plan::assess`] with the
//! tenant's configured methods and rules and the manual verdicts given.

pub mod manual;
pub mod plan;

use engine::Period;
use engine::assess::{ManualVerdict, Method, Verdict};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use uuid::Uuid;

use self::plan::{GivenVerdict, ManualVerdicts};
use super::context::TenantContext;
use super::read_cache::ReadCache;
use super::{ServiceError, plans};
use crate::db::TenantScope;
use crate::db::entities::{manual_verdict, plan as plan_row};
use crate::db::repo::{councils, manual_verdicts, rows, tenants};
use crate::exchange::document as doc;
use crate::exchange::export;
use crate::model::{Assessment, Colour, ManualVerdictView, PlanSummary, VerdictKind};

impl From<Verdict> for Colour {
    fn from(verdict: Verdict) -> Self {
        match verdict {
            Verdict::Green => Colour::Green,
            Verdict::Yellow => Colour::Yellow,
            Verdict::Red => Colour::Red,
            Verdict::Grey => Colour::Grey,
        }
    }
}

impl From<Colour> for Verdict {
    fn from(colour: Colour) -> Self {
        match colour {
            Colour::Green => Verdict::Green,
            Colour::Yellow => Verdict::Yellow,
            Colour::Red => Verdict::Red,
            Colour::Grey => Verdict::Grey,
        }
    }
}

/// A follow-up month written `YYYY-MM`.
///
/// The first year a period may have is not a month to follow up: it has no month before.
pub fn month(period: &str) -> Result<Period, ServiceError> {
    let parsed: Option<Period> = period.trim().parse().ok();
    match parsed {
        Some(month) if month.kind() == engine::Periodicity::Month && month.year() > engine::period::FIRST_YEAR => {
            Ok(month)
        }
        Some(month) if month.kind() == engine::Periodicity::Month => Err(ServiceError::invalid(
            "period",
            format!(
                "{month} is before the years that can be followed up ({}–{})",
                engine::period::FIRST_YEAR + 1,
                engine::period::LAST_YEAR
            ),
        )),
        _ => Err(ServiceError::invalid(
            "period",
            format!(
                "\"{}\" is not a month; write it YYYY-MM, e.g. 2025-10",
                period.chars().take(40).collect::<String>()
            ),
        )),
    }
}

/// Everything a plan's verdicts are computed from.
#[derive(Debug, Clone)]
pub struct PlanInputs {
    pub summary: PlanSummary,
    /// The tenant's goal levels, in order.
    pub levels: Vec<doc::Level>,
    /// The tenant's default method for indicators.
    pub method: Option<Method>,
    /// The plan's current content as the tenant document holds it.
    pub plan: doc::Plan,
    pub manual: ManualVerdicts,
    /// The plan's uppdrag and initiativ ids, in the order of `plan.content.assignments`.
    pub assignment_ids: Vec<Uuid>,
}

impl PlanInputs {
    pub fn assess(&self, at: Period) -> Vec<Assessment> {
        plan::assess(&self.levels, self.method, &self.plan, &self.manual, at)
    }
}

/// A plan's inputs at the tenant's current data version, from the cache when unchanged
/// (then one query). Another tenant's plan is not found.
pub async fn cached_inputs(
    db: &DatabaseConnection,
    cache: &ReadCache,
    scope: TenantScope,
    plan_id: Uuid,
) -> Result<std::sync::Arc<(i64, PlanInputs)>, ServiceError> {
    let version = tenants::data_version(db, scope).await?;
    inputs_at(db, cache, scope, plan_id, version).await
}

/// A plan's inputs at `version`, read only if the cache holds another version.
async fn inputs_at(
    db: &DatabaseConnection,
    cache: &ReadCache,
    scope: TenantScope,
    plan_id: Uuid,
    version: i64,
) -> Result<std::sync::Arc<(i64, PlanInputs)>, ServiceError> {
    (cache.plan_inputs(scope.tenant_id(), plan_id, version, || read_inputs(db, scope, plan_id))).await
}

async fn read_inputs(db: &impl ConnectionTrait, scope: TenantScope, plan_id: Uuid) -> Result<PlanInputs, ServiceError> {
    let plan = (rows::find_plan(db, scope, plan_id).await?).ok_or(ServiceError::NotFound)?;
    let tenant = (tenants::find_by_id(db, scope.tenant_id()).await?).ok_or(ServiceError::NotFound)?;
    let council = (councils::all(db, scope).await?.into_iter())
        .find(|c| c.id == plan.council_id)
        .ok_or_else(|| ServiceError::Corrupt(format!("plan {} without council", plan.id)))?;
    let (levels, document) = export::plan_document(db, scope, &plan).await?;
    let assignments = rows::assignments_of_plan(db, scope, plan.id).await?;
    let assignment_ids = (export::assignments_in_order(assignments.iter()).into_iter())
        .map(|a| a.id)
        .collect();
    let manual = read_manual(db, scope, plan.id).await?;
    Ok(PlanInputs {
        summary: plans::summary(plan, &council.slug, &council.name),
        levels,
        method: export::optional_json(&tenant.indicator_method)?,
        plan: document,
        manual,
        assignment_ids,
    })
}

async fn read_manual(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    plan_id: Uuid,
) -> Result<ManualVerdicts, ServiceError> {
    let given = manual_verdicts::of_plan(db, scope, plan_id).await?;
    let mut manual = ManualVerdicts::default();
    if given.is_empty() {
        return Ok(manual);
    }
    let goals = rows::goals_of_plan(db, scope, plan_id).await?;
    let indicators = rows::indicators_of_plan(db, scope, plan_id).await?;
    for row in given {
        let (kind, code) = match (row.goal_id, row.indicator_id) {
            (Some(goal), None) => (VerdictKind::Goal, goals.iter().find(|g| g.id == goal).map(|g| &g.code)),
            (None, Some(indicator)) => (
                VerdictKind::Indicator,
                indicators.iter().find(|i| i.id == indicator).map(|i| &i.code),
            ),
            _ => (VerdictKind::Goal, None),
        };
        let code = code.ok_or_else(|| ServiceError::Corrupt(format!("manual verdict {} about nothing", row.id)))?;
        manual.insert(kind, code.clone(), given_verdict(row)?);
    }
    Ok(manual)
}

fn given_verdict(row: manual_verdict::Model) -> Result<GivenVerdict, ServiceError> {
    let corrupt = |what: &str| ServiceError::Corrupt(format!("manual verdict {}: {what}", row.id));
    let period: Period = row.period.parse().map_err(|_| corrupt("period"))?;
    let colour = row.verdict;
    Ok(GivenVerdict {
        verdict: ManualVerdict {
            period,
            verdict: colour.into(),
            motivation: row.motivation.clone(),
        },
        view: ManualVerdictView {
            verdict: colour,
            motivation: row.motivation,
            given_by: row.given_by,
            given_at: row.given_at.format("%Y-%m-%d %H:%M").to_string(),
            revision: row.revision,
            period: row.period,
        },
    })
}

/// `GET /tenants/{slug}/assessments?period=YYYY-MM[&council=SLUG]`: any role of the tenant.
pub async fn for_tenant(
    db: &DatabaseConnection,
    cache: &ReadCache,
    ctx: &TenantContext,
    council: Option<&str>,
    period: &str,
) -> Result<Vec<Assessment>, ServiceError> {
    let scope = ctx.scope();
    assess(db, cache, scope, council, period).await
}

/// The verdicts of every plan (of `council`, if given) that covers the month's year, by
/// council and plan. For the CLI with an operator's scope, and for [`for_tenant`].
pub async fn assess(
    db: &DatabaseConnection,
    cache: &ReadCache,
    scope: TenantScope,
    council: Option<&str>,
    period: &str,
) -> Result<Vec<Assessment>, ServiceError> {
    let at = month(period)?;
    let councils = councils::all(db, scope).await?;
    let wanted = match council {
        Some(slug) => Some(
            councils
                .iter()
                .find(|c| c.slug == slug)
                .ok_or(ServiceError::NotFound)?
                .id,
        ),
        None => None,
    };
    let mut plans: Vec<plan_row::Model> = (rows::plans(db, scope).await?.into_iter())
        .filter(|p| wanted.is_none_or(|id| p.council_id == id))
        .filter(|p| (p.first_year..=p.last_year).contains(&at.year()))
        .collect();
    let council_slug = |id: Uuid| councils.iter().find(|c| c.id == id).map(|c| c.slug.clone());
    plans.sort_by_cached_key(|p| (council_slug(p.council_id), p.first_year, p.name.clone()));
    // One version for all plans: the verdicts are of one state of the tenant's data.
    let version = tenants::data_version(db, scope).await?;
    let mut verdicts = Vec::new();
    for plan in plans {
        verdicts.extend(inputs_at(db, cache, scope, plan.id, version).await?.1.assess(at));
    }
    Ok(verdicts)
}
