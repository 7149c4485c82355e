//! Editing a draft plan's goal tree (admins): add a goal under another (or at the top),
//! edit its number, title and section texts, move it to another parent or place among its
//! siblings, delete it. Every change is checked against the revision the editor loaded
//! (a stale save is a conflict) and written to the audit log, which is the goal's history.

mod form;
pub mod links;
pub mod rule;
mod tree;

use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseTransaction, TransactionTrait};
use uuid::Uuid;

use self::form::{audit_text, checked, form_of, section_titles, stored_sections, suggested_number};
use self::tree::{Tree, new_code, parent_options};
use super::assessment::{self, InputsCache};
use super::context::TenantContext;
use super::{ServiceError, history, plan_decisions};
use crate::db::TenantScope;
use crate::db::entities::goal;
use crate::db::repo::audit::{self, AuditEntry};
use crate::db::repo::{goals, rows, tenants};
use crate::domain::{GoalId, PlanId};
use crate::model::{Attached, GoalEditView, GoalForm, GoalPlace, LevelChoice, Message, Role, SectionInput, Thing};

const ENTITY: &str = "goal";

/// The editor for an existing goal. Admins; another tenant's plan is not found.
pub async fn load(
    db: &DatabaseConnection,
    cache: &InputsCache,
    ctx: &TenantContext,
    plan_id: PlanId,
    code: &str,
) -> Result<GoalEditView, ServiceError> {
    ctx.require(Role::Admin)?;
    let scope = ctx.scope();
    let tree = Tree::load(db, scope, plan_id).await?;
    let goal = tree.goal(code)?;
    let level_index = tree.level_index(goal)?;
    let level = &tree.levels[level_index];
    let siblings = tree.siblings(goal.parent_id);
    let position = siblings.iter().position(|g| g.id == goal.id).unwrap_or_default();
    let inputs = assessment::cached_inputs(db, cache, scope, plan_id).await?;
    Ok(GoalEditView {
        plan_id,
        plan_name: tree.plan.name.clone(),
        editable: tree.is_draft(),
        code: goal.code.clone(),
        revision: goal.revision,
        level: level.name.clone(),
        parent: goal
            .parent_id
            .and_then(|id| tree.goals.iter().find(|g| g.id == id))
            .map(|p| p.code.clone()),
        parent_options: parent_options(&tree, level_index, Some(goal.id)),
        level_options: Vec::new(),
        position,
        siblings: siblings.len(),
        form: form_of(goal, level)?,
        attached: goals::attached(db, scope, GoalId::from_uuid(goal.id)).await?,
        rule: Some(rule::editor(&inputs.1, code, ctx.locale().language())?),
        links: links::editor(db, scope, &tree, goal).await?,
        history: history::entries(audit::for_entity(db, scope, ENTITY, &goal.id.to_string()).await?),
    })
}

/// The editor for a new goal under `parent` (or at the top): its level's sections, the
/// suggested number.
pub async fn blank(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    plan_id: PlanId,
    parent: Option<&str>,
    level: Option<&str>,
) -> Result<GoalEditView, ServiceError> {
    ctx.require(Role::Admin)?;
    let tree = Tree::load(db, ctx.scope(), plan_id).await?;
    let parent = tree.parent_of(parent)?;
    let level = tree.child_level(parent, level)?;
    let level_index = tree.levels.iter().position(|l| l.id == level.id).unwrap_or_default();
    let siblings = tree.siblings(parent.map(|p| p.id)).len();
    let level_options = (tree.child_levels(parent)?.iter())
        .map(|l| LevelChoice {
            key: l.key.clone(),
            name: l.name.clone(),
        })
        .collect();
    Ok(GoalEditView {
        level_options,
        plan_id,
        plan_name: tree.plan.name.clone(),
        editable: tree.is_draft(),
        code: String::new(),
        revision: 0,
        level: level.name.clone(),
        parent: parent.map(|p| p.code.clone()),
        parent_options: parent_options(&tree, level_index, None),
        position: siblings,
        siblings,
        form: GoalForm {
            level: level.key.clone(),
            number: suggested_number(level, parent, siblings),
            title: String::new(),
            sections: section_titles(level)?
                .into_iter()
                .map(|title| SectionInput {
                    title,
                    text: String::new(),
                })
                .collect(),
        },
        attached: Attached::default(),
        rule: None,
        links: None,
        history: Vec::new(),
    })
}

async fn record(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    actor: &str,
    action: &str,
    goal_id: Uuid,
    old: Option<String>,
    new: Option<String>,
) -> Result<(), ServiceError> {
    let entry = AuditEntry {
        actor,
        action,
        entity_type: ENTITY,
        entity_id: Some(goal_id.to_string()),
        old_value: old,
        new_value: new,
    };
    Ok(audit::record(db, scope, entry).await?)
}

/// An admin's transaction on a draft plan's tree.
async fn open_draft(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    plan_id: PlanId,
) -> Result<(DatabaseTransaction, Tree, TenantScope), ServiceError> {
    ctx.require(Role::Admin)?;
    let scope = ctx.scope();
    let txn = db.begin().await?;
    plan_decisions::lock_draft(&txn, scope, plan_id).await?;
    let tree = Tree::load(&txn, scope, plan_id).await?;
    Ok((txn, tree, scope))
}

/// Adds a goal as the last under `parent` (or at the top); returns its code.
pub async fn create(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    plan_id: PlanId,
    parent: Option<&str>,
    form: GoalForm,
) -> Result<String, ServiceError> {
    let (txn, tree, scope) = open_draft(db, ctx, plan_id).await?;
    let parent = tree.parent_of(parent)?;
    let level = tree.child_level(parent, Some(&form.level))?;
    let form = checked(form, level)?;
    let code = new_code(&tree, &form.number);
    let row = goal::Model {
        tenant_id: scope.tenant_id(),
        id: Uuid::now_v7(),
        plan_id: plan_id.into(),
        parent_id: parent.map(|p| p.id),
        level_id: level.id,
        position: tree.siblings(parent.map(|p| p.id)).last().map_or(0, |g| g.position + 1),
        code: code.clone(),
        number: form.number.clone(),
        title: form.title.clone(),
        sections: stored_sections(&form),
        revision: 1,
        rule: None,
    };
    let id = row.id;
    rows::insert(&txn, scope, vec![row]).await?;
    record(&txn, scope, ctx.actor(), "create", id, None, Some(audit_text(&form))).await?;
    tenants::touch(&txn, scope).await?;
    txn.commit().await?;
    Ok(code)
}

/// Saves a goal's texts if nobody else changed it since `revision`; returns the new one.
pub async fn update(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    plan_id: PlanId,
    code: &str,
    revision: i32,
    form: GoalForm,
) -> Result<i32, ServiceError> {
    let (txn, tree, scope) = open_draft(db, ctx, plan_id).await?;
    let goal = tree.goal(code)?;
    let level = &tree.levels[tree.level_index(goal)?];
    let before = form_of(goal, level)?;
    let form = checked(form, level)?;
    let saved = goals::update_text_if_revision(
        &txn,
        scope,
        GoalId::from_uuid(goal.id),
        revision,
        (&form.number, &form.title, &stored_sections(&form)),
    )
    .await?;
    if !saved {
        return Err(stale(code));
    }
    record(
        &txn,
        scope,
        ctx.actor(),
        "update",
        goal.id,
        Some(audit_text(&before)),
        Some(audit_text(&form)),
    )
    .await?;
    tenants::touch(&txn, scope).await?;
    txn.commit().await?;
    Ok(revision + 1)
}

fn stale(code: &str) -> ServiceError {
    ServiceError::stale(Thing::Goal, Some(code))
}

/// Moves a goal under `parent` (a goal on the level above; `None` for the top level) at
/// `position` among its new siblings (past the end: last), its sub-goals along.
pub async fn move_to(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    plan_id: PlanId,
    code: &str,
    revision: i32,
    parent: Option<&str>,
    position: usize,
) -> Result<GoalPlace, ServiceError> {
    let (txn, tree, scope) = open_draft(db, ctx, plan_id).await?;
    let goal = tree.goal(code)?;
    let new_parent = tree.parent_of(parent)?;
    if !tree.child_levels(new_parent)?.iter().any(|l| l.id == goal.level_id) {
        let level = tree.levels[tree.level_index(goal)?].name.clone();
        return Err(ServiceError::invalid("parent", Message::CannotPlaceHere { level }));
    }
    let new_parent_id = new_parent.map(|p| p.id);
    let goal_id = GoalId::from_uuid(goal.id);
    let mut order = sibling_ids(&tree, new_parent_id, goal_id);
    order.insert(position.min(order.len()), goal_id);
    let parent_id = new_parent_id.map(GoalId::from_uuid);
    if !goals::set_place_if_revision(&txn, scope, goal_id, revision, parent_id).await? {
        return Err(stale(code));
    }
    goals::set_positions(&txn, scope, &order).await?;
    if goal.parent_id != new_parent_id {
        goals::set_positions(&txn, scope, &sibling_ids(&tree, goal.parent_id, goal_id)).await?;
    }
    let place = |parent: Option<Uuid>, at: usize| {
        let parent = parent
            .and_then(|id| tree.goals.iter().find(|g| g.id == id))
            .map_or_else(|| tree.plan.name.clone(), |p| format!("{} {}", p.number, p.title));
        serde_json::json!({ "place": format!("{parent}, position {}", at + 1) }).to_string()
    };
    let old_position = tree
        .siblings(goal.parent_id)
        .iter()
        .position(|g| g.id == goal.id)
        .unwrap_or_default();
    let new_position = order.iter().position(|id| *id == goal_id).unwrap_or_default();
    record(
        &txn,
        scope,
        ctx.actor(),
        "move",
        goal.id,
        Some(place(goal.parent_id, old_position)),
        Some(place(new_parent_id, new_position)),
    )
    .await?;
    tenants::touch(&txn, scope).await?;
    txn.commit().await?;
    Ok(GoalPlace {
        revision: revision + 1,
        position: new_position,
        siblings: order.len(),
    })
}

/// Deletes a goal that nothing hangs on (no sub-goals, indicators, uppdrag, activities or
/// fokusområden: those are moved or deleted first, so nothing goes by accident).
pub async fn delete(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    plan_id: PlanId,
    code: &str,
    revision: i32,
) -> Result<(), ServiceError> {
    let (txn, tree, scope) = open_draft(db, ctx, plan_id).await?;
    let goal = tree.goal(code)?;
    let on_it = goals::attached(&txn, scope, GoalId::from_uuid(goal.id)).await?;
    if !on_it.is_empty() {
        return Err(ServiceError::conflict(Message::GoalHasDependents {
            goal: code.to_owned(),
            sub_goals: on_it.sub_goals,
            indicators: on_it.indicators,
            assignments: on_it.assignments,
            activities: on_it.activities,
            focus_areas: on_it.focus_areas,
        }));
    }
    let before = form_of(goal, &tree.levels[tree.level_index(goal)?])?;
    if !goals::delete_if_revision(&txn, scope, GoalId::from_uuid(goal.id), revision).await? {
        return Err(stale(code));
    }
    let rest = sibling_ids(&tree, goal.parent_id, GoalId::from_uuid(goal.id));
    goals::set_positions(&txn, scope, &rest).await?;
    record(
        &txn,
        scope,
        ctx.actor(),
        "delete",
        goal.id,
        Some(audit_text(&before)),
        None,
    )
    .await?;
    tenants::touch(&txn, scope).await?;
    txn.commit().await?;
    Ok(())
}

/// The children of `parent`, in order, but for `except`.
fn sibling_ids(tree: &Tree, parent: Option<Uuid>, except: GoalId) -> Vec<GoalId> {
    (tree.siblings(parent).into_iter())
        .map(|g| GoalId::from_uuid(g.id))
        .filter(|id| *id != except)
        .collect()
}
