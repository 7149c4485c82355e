//! What a change of a level's rule or of a method would do to today's verdicts: every plan
//! the change reaches, each at the month its follow-up opens on, before and after.

use chrono::NaiveDate;
use sea_orm::DatabaseConnection;

use super::assessment::{self, InputsCache, PlanInputs};
use super::context::TenantContext;
use super::{ServiceError, follow_up, rules};
use crate::db::repo::rows;
use crate::domain::PlanId;
use crate::model::{RulePreview, VerdictKind};

/// The verdict to list first, whether it changes or not: the indicator or goal edited.
pub struct Lead<'a> {
    pub plan: PlanId,
    pub kind: VerdictKind,
    pub code: &'a str,
}

/// Every verdict of the tenant's plans that `edit` changes. `edit` gives a plan's inputs
/// after the change, or `None` when the change does not reach the plan. Each plan is
/// judged at the month its follow-up opens on; the months are listed in the preview.
pub async fn across_plans(
    db: &DatabaseConnection,
    cache: &InputsCache,
    ctx: &TenantContext,
    today: NaiveDate,
    lead: Option<Lead<'_>>,
    edit: impl Fn(&PlanInputs) -> Option<PlanInputs>,
) -> Result<RulePreview, ServiceError> {
    let scope = ctx.scope();
    let language = ctx.locale().language();
    let mut months: Vec<String> = Vec::new();
    let mut changes = Vec::new();
    for plan in rows::plans(db, scope).await? {
        let id = PlanId::from_uuid(plan.id);
        let versioned = assessment::cached_inputs(db, cache, scope, id).await?;
        let inputs = &versioned.1;
        let Some(edited) = edit(inputs) else { continue };
        let at = follow_up::opening_month(inputs, today)?;
        let after = edited.assess(at, language);
        let first = (lead.as_ref().filter(|l| l.plan == id))
            .and_then(|l| after.iter().find(|a| a.kind == l.kind && a.code == l.code));
        let found = rules::changes(&inputs.assess(at, language), &after, first);
        if first.is_some() {
            changes.splice(0..0, found);
        } else {
            changes.extend(found);
        }
        let month = at.to_string();
        if !months.contains(&month) {
            months.push(month);
        }
    }
    Ok(RulePreview {
        month: months.join(", "),
        changes,
    })
}
