//! Reading plans: the list on the tenant home and the council page's plan view.

use std::collections::HashMap;

use sea_orm::DatabaseConnection;
use uuid::Uuid;

use super::ServiceError;
use super::context::TenantContext;
use super::plan_view;
use super::versioned_cache::VersionedCache;
use crate::db::TenantScope;
use crate::db::entities::plan;
use crate::db::repo::{councils, rows};
use crate::domain::{CouncilId, PlanId, PlanStatus};
use crate::exchange::document::Plan;
use crate::exchange::export;
use crate::model::{AdoptionView, PlanRights, PlanSummary, PlanView, Role};

/// Every plan of the tenant, by council and newest first.
pub async fn list(db: &DatabaseConnection, scope: TenantScope) -> Result<Vec<PlanSummary>, ServiceError> {
    let councils = councils::list_with_departments(db, scope).await?;
    list_for_councils(db, scope, &councils).await
}

/// [`list`] when the councils are already loaded (the tenant home).
pub async fn list_for_councils(
    db: &DatabaseConnection,
    scope: TenantScope,
    councils: &[crate::model::Council],
) -> Result<Vec<PlanSummary>, ServiceError> {
    let order: HashMap<Uuid, usize> = councils.iter().enumerate().map(|(i, c)| (c.id.uuid(), i)).collect();
    let mut plans = rows::plans(db, scope).await?;
    plans.sort_by(|a, b| {
        (order.get(&a.council_id), std::cmp::Reverse(a.first_year), &a.name).cmp(&(
            order.get(&b.council_id),
            std::cmp::Reverse(b.first_year),
            &b.name,
        ))
    });
    plans
        .into_iter()
        .map(|p| {
            let council = councils
                .iter()
                .find(|c| c.id == CouncilId::from_uuid(p.council_id))
                .ok_or_else(|| ServiceError::Corrupt(format!("plan {} without council", p.id)))?;
            Ok(summary(p, &council.slug, &council.name))
        })
        .collect()
}

pub(crate) fn summary(p: plan::Model, council_slug: &str, council_name: &str) -> PlanSummary {
    PlanSummary {
        id: PlanId::from_uuid(p.id),
        council_slug: council_slug.to_owned(),
        council_name: council_name.to_owned(),
        name: p.name,
        first_year: p.first_year,
        last_year: p.last_year,
        status: p.status,
        version: p.version,
        revision: p.revision,
        kind: p.kind,
    }
}

/// Plan views (without the reader's rights) by tenant and plan id.
pub type ViewCache = VersionedCache<(Uuid, PlanId), PlanView>;

/// The plan as the council page shows it. Any role of the tenant may read; another
/// tenant's plan id is not found. Built once per version of the tenant's data.
pub async fn view(
    db: &DatabaseConnection,
    cache: &ViewCache,
    ctx: &TenantContext,
    plan_id: PlanId,
) -> Result<PlanView, ServiceError> {
    let scope = ctx.scope();
    let cached = cache
        .current(db, scope, (scope.tenant_id(), plan_id), || {
            build_view(db, scope, plan_id)
        })
        .await?;
    let mut view = cached.1.clone();
    let admin = ctx.role() >= Role::Admin;
    view.rights = PlanRights {
        edit: admin && view.plan.status != PlanStatus::Adopted,
        enter_values: ctx.role() >= Role::Editor,
        decide: admin,
    };
    Ok(view)
}

async fn build_view(db: &DatabaseConnection, scope: TenantScope, plan_id: PlanId) -> Result<PlanView, ServiceError> {
    let snapshot = export::plan_snapshot(db, scope, plan_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let summary = summary(snapshot.plan, &snapshot.council.slug, &snapshot.council.name);
    let document = snapshot.document;
    let mut view = plan_view::build(summary, &snapshot.levels, document.content, &snapshot.assignment_ids);
    view.adoptions = document
        .adopted
        .into_iter()
        .map(|a| AdoptionView {
            version: a.version,
            date: a.decision.date.to_string(),
            body: a.decision.body,
            paragraph: a.decision.paragraph,
            adopted_by: a.adopted_by,
        })
        .collect();
    Ok(view)
}

/// `GET /api/v1/tenants/{tenant}/plans`.
pub async fn list_for(db: &DatabaseConnection, ctx: &TenantContext) -> Result<Vec<PlanSummary>, ServiceError> {
    let scope = ctx.scope();
    list(db, scope).await
}

/// `GET /api/v1/tenants/{tenant}/plans/{plan}`: the plan as in the export format.
pub async fn document_for(db: &DatabaseConnection, ctx: &TenantContext, plan_id: PlanId) -> Result<Plan, ServiceError> {
    let snapshot = export::plan_snapshot(db, ctx.scope(), plan_id).await?;
    Ok(snapshot.ok_or(ServiceError::NotFound)?.document)
}
