//! Verdicts for a tenant's plans at a month (`malbild assess`, `GET …/assessments`, the
//! follow-up page): each plan's inputs read once per version of the tenant's data
//! ([`PlanInputs`], kept in the [`InputsCache`]), then assessed by [`plan::assess`] with the
//! tenant's configured methods and rules and the manual verdicts given.

mod economy_values;
pub mod manual;
pub mod plan;

use engine::Period;
use engine::assess::{Language, ManualVerdict, Method, Verdict};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use uuid::Uuid;

use self::plan::{GivenVerdict, ManualVerdicts};
use super::context::TenantContext;
use super::versioned_cache::{Versioned, VersionedCache};
use super::{ServiceError, plans};
use crate::db::TenantScope;
use crate::db::entities::{manual_verdict, plan as plan_row};
use crate::db::repo::{councils, rows, tenants};
use crate::domain::{AssignmentId, PlanId};
use crate::exchange::document as doc;
use crate::exchange::export::{self, ManualSubject};
use crate::model::{Assessment, Colour, ManualVerdictView, Message, PlanSummary, VerdictKind};

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
            Message::OutsideYears {
                value: month.to_string(),
                first: engine::period::FIRST_YEAR + 1,
                last: engine::period::LAST_YEAR,
            },
        )),
        _ => Err(ServiceError::invalid(
            "period",
            Message::NotAMonth {
                text: period.trim().chars().take(40).collect(),
            },
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
    pub assignment_ids: Vec<AssignmentId>,
    /// Goals of councils' plans contributing to this plan's goals (a municipal plan's).
    pub incoming: Vec<export::Incoming>,
    /// The inputs of the plans those goals are in, read at the same version.
    pub contributors: Vec<PlanInputs>,
    /// Indicators' values taken from the council's economy (already in `plan`).
    pub economy: Vec<economy_values::EconomyValue>,
}

impl PlanInputs {
    /// Every goal's and indicator's verdict at `at` (see [`plan::assess`]); a goal of the
    /// municipality's plan counts the verdicts of the goals contributing to it directly.
    pub fn assess(&self, at: Period, language: Language) -> Vec<Assessment> {
        let contributed = self.contributions(at, language);
        let mut lines = plan::assess(
            &self.levels,
            self.method,
            &self.plan,
            &self.manual,
            &contributed,
            at,
            language,
        );
        economy_values::explain(&mut lines, &self.economy, at, language);
        lines
    }

    /// The verdict at `at` of every goal contributing to one of this plan's goals.
    pub fn contributions(&self, at: Period, language: Language) -> Vec<plan::Contributed> {
        let verdicts: Vec<(PlanId, Vec<Assessment>)> = (self.contributors.iter())
            .map(|c| (c.summary.id, c.assess(at, language)))
            .collect();
        (self.incoming.iter())
            .map(|link| {
                let verdict = (verdicts.iter().find(|(id, _)| *id == link.plan_id))
                    .and_then(|(_, all)| all.iter().find(|a| a.kind == VerdictKind::Goal && a.code == link.code));
                plan::Contributed {
                    link: link.clone(),
                    verdict: verdict.map_or(Colour::Grey, |a| a.verdict),
                    explanation: verdict.map(|a| a.explanation.clone()).unwrap_or_default(),
                }
            })
            .collect()
    }

    /// The same inputs with `edit` applied to this plan's and each contributing plan's.
    pub fn edited(&self, edit: impl Fn(&mut PlanInputs)) -> PlanInputs {
        let mut edited = self.clone();
        edit(&mut edited);
        for contributor in &mut edited.contributors {
            edit(contributor);
        }
        edited
    }

    /// Whether these inputs hold plan `id`'s, as this plan's or a contributing plan's.
    pub fn reads(&self, id: PlanId) -> bool {
        self.summary.id == id || self.contributors.iter().any(|c| c.summary.id == id)
    }
}

/// Plans' assessment inputs by tenant and plan id.
pub type InputsCache = VersionedCache<(Uuid, PlanId), PlanInputs>;

/// A plan's inputs at the tenant's current data version, from the cache when unchanged
/// (then one query). Another tenant's plan is not found.
pub async fn cached_inputs(
    db: &DatabaseConnection,
    cache: &InputsCache,
    scope: TenantScope,
    plan_id: PlanId,
) -> Result<Versioned<PlanInputs>, ServiceError> {
    (cache.current(db, scope, (scope.tenant_id(), plan_id), || {
        read_inputs(db, scope, plan_id)
    }))
    .await
}

/// A plan's inputs at `version`, read only if the cache holds another version.
async fn inputs_at(
    db: &DatabaseConnection,
    cache: &InputsCache,
    scope: TenantScope,
    plan_id: PlanId,
    version: i64,
) -> Result<Versioned<PlanInputs>, ServiceError> {
    (cache.at((scope.tenant_id(), plan_id), version, || {
        read_inputs(db, scope, plan_id)
    }))
    .await
}

async fn read_inputs(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    plan_id: PlanId,
) -> Result<PlanInputs, ServiceError> {
    let mut inputs = read_own_inputs(db, scope, plan_id).await?;
    let mut plans: Vec<PlanId> = inputs.incoming.iter().map(|i| i.plan_id).collect();
    plans.sort();
    plans.dedup();
    for plan in plans {
        // Only councils' goals contribute, and nothing contributes to them: one step deep.
        inputs.contributors.push(read_own_inputs(db, scope, plan).await?);
    }
    Ok(inputs)
}

async fn read_own_inputs(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    plan_id: PlanId,
) -> Result<PlanInputs, ServiceError> {
    let snapshot = export::plan_snapshot(db, scope, plan_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let mut manual = ManualVerdicts::default();
    for (subject, row) in snapshot.manual {
        let (kind, code) = match subject {
            ManualSubject::Goal(code) => (VerdictKind::Goal, code),
            ManualSubject::Indicator(code) => (VerdictKind::Indicator, code),
        };
        manual.insert(kind, code, given_verdict(row)?);
    }
    let mut document = snapshot.document;
    let economy = economy_values::apply(db, scope, &snapshot.council.slug, &mut document).await?;
    Ok(PlanInputs {
        summary: plans::summary(snapshot.plan, &snapshot.council.slug, &snapshot.council.name),
        levels: snapshot.levels,
        method: snapshot.method,
        plan: document,
        manual,
        assignment_ids: snapshot.assignment_ids,
        incoming: snapshot.incoming,
        contributors: Vec::new(),
        economy,
    })
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
    cache: &InputsCache,
    ctx: &TenantContext,
    council: Option<&str>,
    period: &str,
) -> Result<Vec<Assessment>, ServiceError> {
    let language = ctx.locale().language();
    assess(db, cache, ctx.scope(), council, period, language).await
}

/// The verdicts of every plan (of `council`, if given) that covers the month's year, by
/// council and plan, explained in `language`. For the CLI with an operator's scope, and
/// for [`for_tenant`].
pub async fn assess(
    db: &DatabaseConnection,
    cache: &InputsCache,
    scope: TenantScope,
    council: Option<&str>,
    period: &str,
    language: Language,
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
        verdicts.extend(
            inputs_at(db, cache, scope, PlanId::from_uuid(plan.id), version)
                .await?
                .1
                .assess(at, language),
        );
    }
    Ok(verdicts)
}
