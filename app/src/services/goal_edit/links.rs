//! A council's goal's contributions to the municipality's goals: the goals of the municipal
//! plan covering the goal's plan's first year it may point to, and saving the list
//! (revision-checked on the goal, audited).

use sea_orm::{ConnectionTrait, DatabaseConnection};
use uuid::Uuid;

use super::tree::Tree;
use super::{open_draft, record, stale};
use crate::db::TenantScope;
use crate::db::entities::{goal, goal_link, plan};
use crate::db::repo::{councils, goals, rows, tenants};
use crate::domain::{GoalId, PlanId};
use crate::exchange::export::goals_in_tree_order;
use crate::exchange::links::target_among;
use crate::model::{Known, LinkForm, LinksEditor, Message, ParentOption, echo};
use crate::services::ServiceError;

/// The most contributions one goal may have.
const MAX_LINKS: usize = 50;

/// The municipal plan `plan`'s goals contribute to (if there is one) and its goals; `None`
/// when `plan` is itself a municipal plan.
async fn target(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    plan: &plan::Model,
) -> Result<Option<(Option<plan::Model>, Vec<goal::Model>)>, ServiceError> {
    let municipal: Vec<Uuid> = (councils::all(db, scope).await?.into_iter())
        .filter(|c| c.municipal)
        .map(|c| c.id)
        .collect();
    if municipal.contains(&plan.council_id) {
        return Ok(None);
    }
    let plans: Vec<plan::Model> = (rows::plans(db, scope).await?.into_iter())
        .filter(|p| municipal.contains(&p.council_id))
        .collect();
    let Some(found) = target_among(plans.iter(), plan.first_year, |p| (p.first_year, p.last_year, &p.name)) else {
        return Ok(Some((None, Vec::new())));
    };
    let goals = rows::goals_of_plan(db, scope, PlanId::from_uuid(found.id)).await?;
    Ok(Some((Some(found.clone()), goals)))
}

/// The goal's contributions and what they may point to; `None` on a municipal plan.
pub(super) async fn editor(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    tree: &Tree,
    goal: &goal::Model,
) -> Result<Option<LinksEditor>, ServiceError> {
    let Some((municipal_plan, targets)) = target(db, scope, &tree.plan).await? else {
        return Ok(None);
    };
    let municipal_plan = municipal_plan.map(|p| p.name);
    let mut stored = rows::links_of(db, scope, vec![goal.id]).await?;
    stored.sort_by_key(|l| (l.position, l.id));
    let code = |id: Uuid| targets.iter().find(|g| g.id == id).map(|g| g.code.clone());
    Ok(Some(LinksEditor {
        links: (stored.iter())
            .filter_map(|l| code(l.target_goal_id).map(|goal| LinkForm { goal, kind: l.kind }))
            .collect(),
        municipal_plan,
        options: goals_in_tree_order(targets.iter().collect())
            .into_iter()
            .map(|g| ParentOption {
                code: Some(g.code.clone()),
                label: format!("{} {}", g.number, g.title).trim().to_owned(),
            })
            .collect(),
    }))
}

fn audit_text(links: &[LinkForm]) -> String {
    let text: Vec<String> = links
        .iter()
        .map(|l| format!("{} ({})", l.goal, l.kind.as_str()))
        .collect();
    serde_json::json!({ "contributes_to": text.join(", ") }).to_string()
}

/// Replaces the goal's contributions if nobody changed the goal since `revision`; returns
/// the new revision. Each must point to a goal of the municipal plan, at most once. The
/// goal's plan must be a draft.
pub async fn save(
    db: &DatabaseConnection,
    ctx: &crate::services::context::TenantContext,
    plan_id: PlanId,
    code: &str,
    revision: i32,
    links: &[LinkForm],
) -> Result<i32, ServiceError> {
    if links.len() > MAX_LINKS {
        let message = Message::AtMost {
            max: MAX_LINKS as i64,
            value: links.len() as i64,
        };
        return Err(ServiceError::invalid("contributes_to", message));
    }
    let (txn, tree, scope) = open_draft(db, ctx, plan_id).await?;
    let goal = tree.goal(code)?;
    let Some((_, targets)) = target(&txn, scope, &tree.plan).await? else {
        return Err(ServiceError::invalid(
            "contributes_to",
            Message::MunicipalGoalContributes,
        ));
    };
    let mut rows_new = Vec::new();
    for (position, link) in links.iter().enumerate() {
        let Some(target) = targets.iter().find(|g| g.code == link.goal) else {
            let message = Message::Unknown {
                what: Known::MunicipalGoal,
                value: echo(&link.goal),
            };
            return Err(ServiceError::invalid("contributes_to", message));
        };
        if rows_new
            .iter()
            .any(|l: &goal_link::Model| l.target_goal_id == target.id)
        {
            let message = Message::Duplicate {
                value: link.goal.clone(),
            };
            return Err(ServiceError::invalid("contributes_to", message));
        }
        rows_new.push(goal_link::Model {
            tenant_id: scope.tenant_id(),
            id: Uuid::now_v7(),
            goal_id: goal.id,
            target_goal_id: target.id,
            kind: link.kind,
            position: position as i32,
        });
    }
    let mut before = rows::links_of(&txn, scope, vec![goal.id]).await?;
    before.sort_by_key(|l| (l.position, l.id));
    let before: Vec<LinkForm> = (before.iter())
        .filter_map(|l| {
            let target = targets.iter().find(|g| g.id == l.target_goal_id)?;
            Some(LinkForm {
                goal: target.code.clone(),
                kind: l.kind,
            })
        })
        .collect();
    if !goals::touch_if_revision(&txn, scope, GoalId::from_uuid(goal.id), revision).await? {
        return Err(stale(code));
    }
    goals::replace_links(&txn, scope, GoalId::from_uuid(goal.id), rows_new).await?;
    let actor = ctx.actor();
    record(
        &txn,
        scope,
        actor,
        "links",
        goal.id,
        Some(audit_text(&before)),
        Some(audit_text(links)),
    )
    .await?;
    tenants::touch(&txn, scope).await?;
    txn.commit().await?;
    Ok(revision + 1)
}
