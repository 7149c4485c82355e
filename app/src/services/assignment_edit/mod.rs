//! Uppdrag and nämndinitiativ: admins add, change and delete them on a draft plan; editors
//! report how they go (status, forecast, a dated comment) on any plan, adopted or not.
//! Every save is checked against the revision the editor loaded (a stale save is a
//! conflict) and written to the audit log, which is the item's history; comments are
//! never changed or removed, so the follow-up keeps its history too.

mod checks;

use chrono::Utc;
use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseTransaction, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

pub use self::checks::{CheckedFollowUp, checked_follow_up};
use self::checks::{PlanContext, audit_text};
use super::context::TenantContext;
use super::{ServiceError, history, plan_decisions};
use crate::db::TenantScope;
use crate::db::entities::{assignment, assignment_comment};
use crate::db::repo::audit::{self, AuditEntry};
use crate::db::repo::{assignments, rows, tenants};
use crate::domain::{AssignmentForecast, AssignmentId, AssignmentStatus, PlanId};
use crate::model::{AssignmentEditView, AssignmentForm, CommentView, FollowUp, Role, Thing};

const ENTITY: &str = "assignment";

async fn record(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    actor: &str,
    action: &str,
    id: AssignmentId,
    (old, new): (Option<String>, Option<String>),
) -> Result<(), ServiceError> {
    let entry = AuditEntry {
        actor,
        action,
        entity_type: ENTITY,
        entity_id: Some(id.to_string()),
        old_value: old,
        new_value: new,
    };
    Ok(audit::record(db, scope, entry).await?)
}

fn stale() -> ServiceError {
    ServiceError::stale(Thing::Assignment, None)
}

async fn view(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    context: PlanContext,
    item: Option<assignment::Model>,
) -> Result<AssignmentEditView, ServiceError> {
    let scope = ctx.scope();
    let admin = ctx.role() >= Role::Admin;
    let (id, revision, form, follow_up, comments, history) = match &item {
        Some(item) => {
            let mut comments = rows::comments_of(db, scope, vec![item.id]).await?;
            comments.sort_by_key(|c| std::cmp::Reverse((c.date, c.created_at, c.id)));
            let history = history::entries(audit::for_entity(db, scope, ENTITY, &item.id.to_string()).await?);
            let follow_up = FollowUp {
                status: item.status,
                forecast: item.forecast,
                comment: None,
            };
            let comments = comments
                .into_iter()
                .map(|c| CommentView {
                    date: c.date.to_string(),
                    text: c.text,
                    author: c.author,
                })
                .collect();
            (
                Some(AssignmentId::from_uuid(item.id)),
                item.revision,
                context.form_of(item),
                follow_up,
                comments,
                history,
            )
        }
        None => (
            None,
            0,
            AssignmentForm::default(),
            FollowUp::default(),
            Vec::new(),
            Vec::new(),
        ),
    };
    Ok(AssignmentEditView {
        plan_id: PlanId::from_uuid(context.plan.id),
        plan_name: context.plan.name.clone(),
        id,
        revision,
        can_define: admin && context.is_draft(),
        can_follow_up: item.is_some(),
        form,
        follow_up,
        comments,
        goals: context.goal_choices(),
        departments: context.council.departments.iter().map(|d| d.name.clone()).collect(),
        history,
    })
}

/// The page of an item of the plan: editors and admins.
pub async fn load(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    plan_id: PlanId,
    id: AssignmentId,
) -> Result<AssignmentEditView, ServiceError> {
    ctx.require(Role::Editor)?;
    let context = PlanContext::load(db, ctx.scope(), plan_id).await?;
    let item = assignments::find(db, ctx.scope(), id)
        .await?
        .filter(|a| a.plan_id == plan_id.uuid())
        .ok_or(ServiceError::NotFound)?;
    view(db, ctx, context, Some(item)).await
}

/// The form for a new item, tied to `goal` when given: admins.
pub async fn blank(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    plan_id: PlanId,
    goal: Option<&str>,
) -> Result<AssignmentEditView, ServiceError> {
    ctx.require(Role::Admin)?;
    let context = PlanContext::load(db, ctx.scope(), plan_id).await?;
    let mut page = view(db, ctx, context, None).await?;
    page.form.goal = goal.unwrap_or_default().to_owned();
    Ok(page)
}

/// An admin's transaction on a draft plan's items.
async fn open_draft(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    plan_id: PlanId,
) -> Result<(DatabaseTransaction, PlanContext), ServiceError> {
    ctx.require(Role::Admin)?;
    let txn = db.begin().await?;
    plan_decisions::lock_draft(&txn, ctx.scope(), plan_id).await?;
    let context = PlanContext::load(&txn, ctx.scope(), plan_id).await?;
    Ok((txn, context))
}

async fn find_in(
    txn: &DatabaseTransaction,
    scope: TenantScope,
    plan_id: PlanId,
    id: AssignmentId,
) -> Result<assignment::Model, ServiceError> {
    assignments::find(txn, scope, id)
        .await?
        .filter(|a| a.plan_id == plan_id.uuid())
        .ok_or(ServiceError::NotFound)
}

/// Adds an item as the plan's last; returns its id.
pub async fn create(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    plan_id: PlanId,
    form: &AssignmentForm,
) -> Result<AssignmentId, ServiceError> {
    let (txn, context) = open_draft(db, ctx, plan_id).await?;
    let scope = ctx.scope();
    let last = rows::assignments_of_plan(&txn, scope, plan_id)
        .await?
        .iter()
        .map(|a| a.position)
        .max();
    let blank = assignment::Model {
        tenant_id: scope.tenant_id(),
        id: Uuid::now_v7(),
        plan_id: plan_id.into(),
        goal_id: None,
        position: last.map_or(0, |p| p + 1),
        kind: form.kind,
        title: String::new(),
        department_id: None,
        is_new: None,
        end_date: None,
        decision_body: None,
        status: None,
        forecast: None,
        revision: 1,
    };
    let row = context.apply(form, blank)?;
    let id = row.id;
    let new = audit_text(&context, &row);
    rows::insert(&txn, scope, vec![row]).await?;
    record(
        &txn,
        scope,
        ctx.actor(),
        "create",
        AssignmentId::from_uuid(id),
        (None, Some(new)),
    )
    .await?;
    tenants::touch(&txn, scope).await?;
    txn.commit().await?;
    Ok(AssignmentId::from_uuid(id))
}

/// Saves what the item is if nobody changed it since `revision`; returns the new revision.
pub async fn update(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    plan_id: PlanId,
    id: AssignmentId,
    revision: i32,
    form: &AssignmentForm,
) -> Result<i32, ServiceError> {
    let (txn, context) = open_draft(db, ctx, plan_id).await?;
    let scope = ctx.scope();
    let current = find_in(&txn, scope, plan_id, id).await?;
    let old = audit_text(&context, &current);
    let row = context.apply(form, current)?;
    if !assignments::update_if_revision(&txn, scope, revision, &row).await? {
        return Err(stale());
    }
    record(
        &txn,
        scope,
        ctx.actor(),
        "update",
        id,
        (Some(old), Some(audit_text(&context, &row))),
    )
    .await?;
    tenants::touch(&txn, scope).await?;
    txn.commit().await?;
    Ok(revision + 1)
}

/// A follow-up as the audit log writes it; `""` for not given.
fn follow_up_text(status: Option<AssignmentStatus>, forecast: Option<AssignmentForecast>) -> serde_json::Value {
    json!({
        "status": status.map(AssignmentStatus::as_str).unwrap_or_default(),
        "forecast": forecast.map(AssignmentForecast::as_str).unwrap_or_default(),
    })
}

/// Reports status, forecast and optionally a new comment, if nobody changed the item since
/// `revision`; returns the new revision. Editors and admins, on any plan.
pub async fn report(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    plan_id: PlanId,
    id: AssignmentId,
    revision: i32,
    follow_up: &FollowUp,
) -> Result<i32, ServiceError> {
    ctx.require(Role::Editor)?;
    let scope = ctx.scope();
    let CheckedFollowUp {
        status,
        forecast,
        comment,
    } = checked_follow_up(follow_up, Utc::now().date_naive())?;
    let txn = db.begin().await?;
    // A write first, so the transaction starts as a writer (see plan_decisions::lock_draft).
    tenants::touch(&txn, scope).await?;
    let current = find_in(&txn, scope, plan_id, id).await?;
    let old = follow_up_text(current.status, current.forecast);
    let row = assignment::Model {
        status,
        forecast,
        ..current
    };
    if !assignments::update_if_revision(&txn, scope, revision, &row).await? {
        return Err(stale());
    }
    let mut new = follow_up_text(status, forecast);
    if let Some((date, text)) = comment {
        new["comment"] = format!("{date}: {text}").into();
        let comment = assignment_comment::Model {
            tenant_id: scope.tenant_id(),
            id: Uuid::now_v7(),
            assignment_id: id.into(),
            date,
            text,
            author: Some(ctx.me().name.clone()),
            created_at: Utc::now(),
        };
        rows::insert(&txn, scope, vec![comment]).await?;
    }
    record(
        &txn,
        scope,
        ctx.actor(),
        "follow-up",
        id,
        (Some(old.to_string()), Some(new.to_string())),
    )
    .await?;
    txn.commit().await?;
    Ok(revision + 1)
}

/// Deletes an item with its comments (admins, draft plans).
pub async fn delete(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    plan_id: PlanId,
    id: AssignmentId,
    revision: i32,
) -> Result<(), ServiceError> {
    let (txn, context) = open_draft(db, ctx, plan_id).await?;
    let scope = ctx.scope();
    let current = find_in(&txn, scope, plan_id, id).await?;
    if !assignments::delete_if_revision(&txn, scope, id, revision).await? {
        return Err(stale());
    }
    record(
        &txn,
        scope,
        ctx.actor(),
        "delete",
        id,
        (Some(audit_text(&context, &current)), None),
    )
    .await?;
    tenants::touch(&txn, scope).await?;
    txn.commit().await?;
    Ok(())
}
