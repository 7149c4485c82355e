//! Manual verdicts (bedömningar): editors and admins give a goal or an indicator their own
//! colour for a period with a written motivation, which overrides the computed verdict
//! (004: the helhetsbedömning at delår and year end). A change or withdrawal is based on
//! the revision the person saw (a stale one is a conflict), and every change is audited.

use chrono::Utc;
use engine::Period;
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

use crate::db::TenantScope;
use crate::db::entities::manual_verdict;
use crate::db::repo::manual_verdicts::{self, Subject};
use crate::db::repo::{indicators, rows, tenants};
use crate::domain::PlanId;
use crate::model::{ManualVerdictForm, Message, Role, Thing, VerdictKind, echo};
use crate::services::context::TenantContext;
use crate::services::{ServiceError, history, validate};

pub use crate::exchange::validate::MOTIVATION_MAX;

const ENTITY: &str = "manual_verdict";

/// A form's period and motivation, checked.
fn checked(form: &ManualVerdictForm, years: (i32, i32)) -> Result<(Period, String), ServiceError> {
    let text: String = form.period.trim().chars().take(40).collect();
    let period: Period = text
        .parse()
        .map_err(|_| ServiceError::invalid("period", Message::NotAPeriod { text: text.clone() }))?;
    if !(years.0..=years.1).contains(&period.year()) {
        let (first, last) = years;
        let value = period.to_string();
        return Err(ServiceError::invalid(
            "period",
            Message::OutsideYears { value, first, last },
        ));
    }
    let motivation = validate::text("motivation", &form.motivation, MOTIVATION_MAX)?;
    Ok((period, motivation.to_owned()))
}

/// The plan's goal or indicator with this code; another plan's is not found.
async fn subject(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    plan_id: PlanId,
    kind: VerdictKind,
    code: &str,
) -> Result<Subject, ServiceError> {
    let found = match kind {
        VerdictKind::Goal => {
            let goal = (rows::goals_of_plan(db, scope, plan_id).await?.into_iter()).find(|g| g.code == code);
            let grouping = rows::goal_levels(db, scope)
                .await?
                .into_iter()
                .any(|l| l.grouping && goal.as_ref().is_some_and(|g| g.level_id == l.id));
            if grouping {
                return Err(ServiceError::invalid(
                    "code",
                    Message::GroupingNotAssessed { goal: echo(code) },
                ));
            }
            goal.map(|g| Subject::Goal(g.id))
        }
        VerdictKind::Indicator => (indicators::find_by_code(db, scope, code).await?)
            .filter(|i| i.plan_id == plan_id.uuid())
            .map(|i| Subject::Indicator(i.id)),
    };
    found.ok_or(ServiceError::NotFound)
}

fn audit_text(kind: VerdictKind, code: &str, row: &manual_verdict::Model) -> String {
    let subject = match kind {
        VerdictKind::Goal => "goal",
        VerdictKind::Indicator => "indicator",
    };
    json!({
        subject: code,
        "period": row.period,
        "verdict": row.verdict,
        "motivation": row.motivation,
    })
    .to_string()
}

fn withdrawn() -> ServiceError {
    ServiceError::conflict(Message::StaleRemoved { what: Thing::Verdict })
}

/// Gives a new verdict (`form.revision` is `None`) or changes the one at that revision.
/// Returns the verdict's new revision.
pub async fn give(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    plan_id: PlanId,
    form: &ManualVerdictForm,
) -> Result<i32, ServiceError> {
    ctx.require(Role::Editor)?;
    let scope = ctx.scope();
    let txn = db.begin().await?;
    // A write first, so the transaction starts as a writer (see plan_decisions::lock_draft).
    tenants::touch(&txn, scope).await?;
    let plan = (rows::find_plan(&txn, scope, plan_id).await?).ok_or(ServiceError::NotFound)?;
    let (period, motivation) = checked(form, (plan.first_year, plan.last_year))?;
    let about = subject(&txn, scope, plan_id, form.kind, &form.code).await?;
    let existing = manual_verdicts::find_for(&txn, scope, about, &period.to_string()).await?;
    let (goal_id, indicator_id) = match about {
        Subject::Goal(id) => (Some(id), None),
        Subject::Indicator(id) => (None, Some(id)),
    };
    let mut row = manual_verdict::Model {
        tenant_id: scope.tenant_id(),
        id: Uuid::now_v7(),
        plan_id: plan_id.into(),
        goal_id,
        indicator_id,
        period: period.to_string(),
        verdict: form.verdict,
        motivation,
        given_by: ctx.me().name.clone(),
        given_at: Utc::now(),
        revision: 1,
    };
    let old = match (existing, form.revision) {
        (None, None) => {
            rows::insert(&txn, scope, vec![row.clone()]).await?;
            None
        }
        (Some(current), Some(revision)) => {
            row.id = current.id;
            row.revision = revision + 1;
            if !manual_verdicts::update_if_revision(&txn, scope, revision, &row).await? {
                return Err(ServiceError::stale(Thing::Verdict, None));
            }
            Some(audit_text(form.kind, &form.code, &current))
        }
        (Some(_), None) => {
            return Err(ServiceError::conflict(Message::StaleAdded {
                what: Thing::Verdict,
                period: period.to_string(),
            }));
        }
        (None, Some(_)) => return Err(withdrawn()),
    };
    let action = if old.is_some() { "change" } else { "give" };
    let new = Some(audit_text(form.kind, &form.code, &row));
    history::record(&txn, ctx, ENTITY, action, row.id.to_string(), old, new).await?;
    txn.commit().await?;
    Ok(row.revision)
}

/// Withdraws the verdict on a goal or indicator for `period` if it is still at `revision`;
/// the computed verdict applies again.
pub async fn withdraw(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    plan_id: PlanId,
    kind: VerdictKind,
    code: &str,
    period: &str,
    revision: i32,
) -> Result<(), ServiceError> {
    ctx.require(Role::Editor)?;
    let scope = ctx.scope();
    let txn = db.begin().await?;
    tenants::touch(&txn, scope).await?;
    (rows::find_plan(&txn, scope, plan_id).await?).ok_or(ServiceError::NotFound)?;
    let about = subject(&txn, scope, plan_id, kind, code).await?;
    let current = (manual_verdicts::find_for(&txn, scope, about, period).await?).ok_or_else(withdrawn)?;
    if !manual_verdicts::delete_if_revision(&txn, scope, current.id, revision).await? {
        return Err(ServiceError::stale(Thing::Verdict, None));
    }
    let old = Some(audit_text(kind, code, &current));
    history::record(&txn, ctx, ENTITY, "withdraw", current.id.to_string(), old, None).await?;
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Colour;

    fn form(period: &str, motivation: &str) -> ManualVerdictForm {
        ManualVerdictForm {
            kind: VerdictKind::Goal,
            code: "1".into(),
            period: period.into(),
            verdict: Colour::Yellow,
            motivation: motivation.into(),
            revision: None,
        }
    }

    #[test]
    fn a_verdict_needs_a_period_of_the_plan_and_a_motivation() {
        let years = (2025, 2026);
        let ok = checked(&form(" 2025-T2 ", "  Helhetsbedömning vid delåret "), years).expect("valid");
        assert_eq!(
            (ok.0.to_string().as_str(), ok.1.as_str()),
            ("2025-T2", "Helhetsbedömning vid delåret")
        );
        let field = |f: ManualVerdictForm| match checked(&f, years) {
            Err(ServiceError::Invalid { field, message }) => (field, message),
            other => panic!("expected invalid, got {other:?}"),
        };
        assert_eq!(field(form("oktober", "x")).0, "period");
        let (name, message) = field(form("2027-01", "x"));
        assert_eq!(name, "period");
        let text = crate::i18n::message_text(&message, crate::i18n::Locale::En);
        assert!(text.contains("2025–2026"), "{text}");
        assert_eq!(field(form("2025-10", "   ")).0, "motivation");
        assert_eq!(field(form("2025-10", &"x".repeat(MOTIVATION_MAX + 1))).0, "motivation");
    }
}
