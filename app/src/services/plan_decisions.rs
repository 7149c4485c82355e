//! Adopting a plan version and starting a new draft (admins). Adopting records the
//! council's decision and freezes the version: its content is kept as adopted (a snapshot
//! in `plan_versions`, outcomes left out as they go on being reported) and the plan can no
//! longer be changed. A new draft takes the next version number and starts as a copy of
//! the adopted content, which the snapshot keeps whatever the draft becomes.

use chrono::{NaiveDate, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseTransaction, TransactionTrait};
use uuid::Uuid;

use super::context::TenantContext;
use super::{ServiceError, validate};
use crate::db::TenantScope;
use crate::db::entities::{plan, plan_version};
use crate::db::repo::audit::{self, AuditEntry};
use crate::db::repo::{councils, plans, rows, tenants};
use crate::domain::{PlanId, PlanStatus};
use crate::exchange::export;
use crate::exchange::import::json_text;
use crate::model::{DecisionForm, Message, NewPlanForm, PlanState, Role, Thing};

const ENTITY: &str = "plan";

/// The checked decision: a real date not after `today`, a body and a paragraph.
pub fn checked(form: &DecisionForm, today: NaiveDate) -> Result<(NaiveDate, String, String), ServiceError> {
    let date = validate::past_date("date", &form.date, today)?;
    let body = validate::text("body", &form.body, 200)?.to_owned();
    let paragraph = validate::text("paragraph", &form.paragraph, 50)?.to_owned();
    Ok((date, body, paragraph))
}

/// Fails unless the plan is a draft, and holds the plan's row until the transaction ends:
/// every change to a draft's content calls this first (see [`plans::lock_draft`]), before
/// it reads, so that on SQLite the transaction starts as a writer instead of upgrading a
/// read snapshot that another writer may have made stale.
pub async fn lock_draft(db: &impl ConnectionTrait, scope: TenantScope, plan_id: PlanId) -> Result<(), ServiceError> {
    if plans::lock_draft(db, scope, plan_id).await? {
        return Ok(());
    }
    match rows::find_plan(db, scope, plan_id).await? {
        None => Err(ServiceError::NotFound),
        Some(plan) => Err(ServiceError::conflict(Message::PlanAdopted {
            plan: plan.name,
            version: plan.version,
        })),
    }
}

fn stale(plan: &plan::Model) -> ServiceError {
    ServiceError::stale(Thing::Plan, Some(&plan.name))
}

async fn record(
    db: &impl ConnectionTrait,
    ctx: &TenantContext,
    action: &str,
    plan_id: PlanId,
    new: serde_json::Value,
) -> Result<(), ServiceError> {
    let entry = AuditEntry {
        actor: ctx.actor(),
        action,
        entity_type: ENTITY,
        entity_id: Some(plan_id.to_string()),
        old_value: None,
        new_value: Some(new.to_string()),
    };
    Ok(audit::record(db, ctx.scope(), entry).await?)
}

/// An admin's transaction on one plan of the tenant. It writes (the tenant's data version)
/// before it reads, so that on SQLite it starts as a writer instead of upgrading a read
/// snapshot that another writer may have made stale ("database is locked").
async fn open(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    plan_id: PlanId,
) -> Result<(DatabaseTransaction, plan::Model), ServiceError> {
    ctx.require(Role::Admin)?;
    let txn = db.begin().await?;
    tenants::touch(&txn, ctx.scope()).await?;
    let plan = rows::find_plan(&txn, ctx.scope(), plan_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    Ok((txn, plan))
}

/// The longest span a plan may cover; municipal plans run one to four years.
const MAX_PLAN_YEARS: i32 = 10;

/// The checked new plan: a name and a span of years in order, at most [`MAX_PLAN_YEARS`].
pub fn checked_new_plan(form: &NewPlanForm) -> Result<(Uuid, String, i32, i32), ServiceError> {
    let council = form
        .council_id
        .ok_or(ServiceError::invalid("council", Message::Required))?;
    let name = validate::text("name", &form.name, 200)?.to_owned();
    let (first, last) = (form.first_year, form.last_year);
    if let Some((field, message)) = crate::exchange::validate::year_span(first, last).into_iter().next() {
        return Err(ServiceError::invalid(field, message));
    }
    if last - first >= MAX_PLAN_YEARS {
        let message = Message::PlanTooLong {
            max: MAX_PLAN_YEARS,
            years: last - first + 1,
        };
        return Err(ServiceError::invalid("last_year", message));
    }
    Ok((council.into(), name, first, last))
}

/// Starts a new, empty plan for one of the tenant's councils, as version 1 in draft.
pub async fn create_plan(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    form: &NewPlanForm,
) -> Result<PlanId, ServiceError> {
    ctx.require(Role::Admin)?;
    let scope = ctx.scope();
    let (council_id, name, first_year, last_year) = checked_new_plan(form)?;
    let kind = match form.kind.trim() {
        "" => None,
        written => Some(validate::text("kind", written, 100)?.to_owned()),
    };
    let txn = db.begin().await?;
    tenants::touch(&txn, scope).await?; // a write first: the transaction starts as a writer
    if !councils::all(&txn, scope).await?.iter().any(|c| c.id == council_id) {
        return Err(ServiceError::NotFound);
    }
    let plan = plan::Model {
        tenant_id: scope.tenant_id(),
        id: Uuid::now_v7(),
        council_id,
        name: name.clone(),
        first_year,
        last_year,
        status: PlanStatus::Draft,
        version: 1,
        sections: json_text(&Vec::<crate::exchange::document::Section>::new()),
        revision: 1,
        created_at: Utc::now(),
        kind: kind.clone(),
    };
    let id = PlanId::from_uuid(plan.id);
    rows::insert(&txn, scope, vec![plan]).await?;
    let new = serde_json::json!({ "name": name, "kind": kind, "first_year": first_year, "last_year": last_year });
    record(&txn, ctx, "create", id, new).await?;
    txn.commit().await?;
    Ok(id)
}

/// Adopts the plan's current draft by `decision`, if nobody changed the plan since
/// `revision`.
pub async fn adopt(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    plan_id: PlanId,
    revision: i32,
    decision: &DecisionForm,
) -> Result<PlanState, ServiceError> {
    let scope = ctx.scope();
    let (txn, plan) = open(db, ctx, plan_id).await?;
    if plan.status == PlanStatus::Adopted {
        return Err(ServiceError::conflict(Message::PlanAdopted {
            plan: plan.name,
            version: plan.version,
        }));
    }
    let (date, body, paragraph) = checked(decision, Utc::now().date_naive())?;
    if !plans::set_status_if_revision(&txn, scope, plan_id, revision, (PlanStatus::Adopted, plan.version)).await? {
        return Err(stale(&plan));
    }
    let document = export::plan_snapshot(&txn, scope, plan_id)
        .await?
        .ok_or(ServiceError::NotFound)?
        .document;
    let version = plan_version::Model {
        tenant_id: scope.tenant_id(),
        plan_id: plan_id.into(),
        version: plan.version,
        decision_date: date,
        decision_body: body.clone(),
        decision_paragraph: paragraph.clone(),
        adopted_at: Utc::now(),
        adopted_by: ctx.actor().to_owned(),
        snapshot: json_text(&document.content.frozen()),
    };
    rows::insert(&txn, scope, vec![version]).await?;
    let new = serde_json::json!({
        "version": plan.version, "date": date, "body": body, "paragraph": paragraph,
    });
    record(&txn, ctx, "adopt", plan_id, new).await?;
    txn.commit().await?;
    Ok(PlanState {
        status: PlanStatus::Adopted,
        version: plan.version,
        revision: revision + 1,
    })
}

/// Starts the next version of an adopted plan as a draft, if nobody changed the plan since
/// `revision`.
pub async fn start_draft(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    plan_id: PlanId,
    revision: i32,
) -> Result<PlanState, ServiceError> {
    let scope = ctx.scope();
    let (txn, plan) = open(db, ctx, plan_id).await?;
    if plan.status != PlanStatus::Adopted {
        return Err(ServiceError::conflict(Message::AlreadyDraft {
            plan: plan.name,
            version: plan.version,
        }));
    }
    let version = plan.version + 1;
    if !plans::set_status_if_revision(&txn, scope, plan_id, revision, (PlanStatus::Draft, version)).await? {
        return Err(stale(&plan));
    }
    record(
        &txn,
        ctx,
        "new-draft",
        plan_id,
        serde_json::json!({ "version": version }),
    )
    .await?;
    txn.commit().await?;
    Ok(PlanState {
        status: PlanStatus::Draft,
        version,
        revision: revision + 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::CouncilId;

    fn form(date: &str, body: &str, paragraph: &str) -> DecisionForm {
        DecisionForm {
            date: date.into(),
            body: body.into(),
            paragraph: paragraph.into(),
        }
    }

    fn field_of(result: Result<(NaiveDate, String, String), ServiceError>) -> &'static str {
        match result {
            Err(ServiceError::Invalid { field, .. }) => field,
            other => panic!("expected a field error, got {other:?}"),
        }
    }

    #[test]
    fn a_decision_needs_a_past_date_a_body_and_a_paragraph() {
        let today = NaiveDate::from_ymd_opt(2025, 12, 10).unwrap();
        let ok = checked(&form(" 2025-12-10 ", " Socialnämnden ", "§ 123"), today).unwrap();
        assert_eq!(ok, (today, "Socialnämnden".to_owned(), "§ 123".to_owned()));
        for (bad, field) in [
            (form("2025-12-11", "Socialnämnden", "§ 1"), "date"),
            (form("10/12/2025", "Socialnämnden", "§ 1"), "date"),
            (form("2025-02-30", "Socialnämnden", "§ 1"), "date"),
            (form("2025-12-01", "  ", "§ 1"), "body"),
            (form("2025-12-01", "Socialnämnden", ""), "paragraph"),
            (form("2025-12-01", "Socialnämnden", &"§".repeat(51)), "paragraph"),
        ] {
            assert_eq!(field_of(checked(&bad, today)), field, "{bad:?}");
        }
    }

    #[test]
    fn a_new_plan_needs_a_council_a_name_and_years_in_order() {
        let form = |council: bool, name: &str, first: i32, last: i32| NewPlanForm {
            council_id: council.then(CouncilId::generate),
            name: name.into(),
            first_year: first,
            last_year: last,
            kind: String::new(),
        };
        let ok = checked_new_plan(&form(true, " Verksamhetsplan 2027–2029 ", 2027, 2029)).unwrap();
        assert_eq!((ok.1.as_str(), ok.2, ok.3), ("Verksamhetsplan 2027–2029", 2027, 2029));
        for (bad, field) in [
            (form(false, "Plan", 2027, 2027), "council"),
            (form(true, " ", 2027, 2027), "name"),
            (form(true, "Plan", 0, 2027), "first_year"),
            (form(true, "Plan", 2028, 2027), "last_year"),
            (form(true, "Plan", 2027, 2037), "last_year"),
        ] {
            match checked_new_plan(&bad) {
                Err(ServiceError::Invalid { field: got, .. }) => assert_eq!(got, field, "{bad:?}"),
                other => panic!("{bad:?}: {other:?}"),
            }
        }
        assert!(
            checked_new_plan(&form(true, "Plan", 2027, 2036)).is_ok(),
            "ten years is allowed"
        );
    }
}
