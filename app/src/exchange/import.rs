//! Writes a validated [`TenantDocument`] into a tenant, in the caller's transaction.

use std::collections::HashMap;

use sea_orm::ConnectionTrait;
use serde::Serialize;
use uuid::Uuid;

use super::ExchangeError;
use super::document::{self as doc, Plan, PlanContent, TenantDocument};
use crate::db::TenantScope;
use crate::db::entities::*;
use crate::db::repo::{councils, rows, tenants};
use crate::model::{Known, Message};

/// What an import wrote, for the CLI and the audit log.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ImportSummary {
    pub plans: usize,
    pub goals: usize,
    pub indicators: usize,
    pub values: usize,
    pub assignments: usize,
}

pub(crate) fn json_text<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("plain data serialises")
}

/// Writes the document's levels, councils, departments and plans. The document must have
/// passed [`super::validate::document`]; the tenant must have no levels or plans yet.
pub async fn write(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    doc: &TenantDocument,
    actor: &str,
) -> Result<ImportSummary, ExchangeError> {
    let t = &doc.tenant;
    let texts = tenants::TenantTexts {
        vision_title: t.vision_title.clone(),
        vision: t.vision.clone(),
        values: t.values.clone(),
    };
    tenants::set_texts(db, scope, texts).await?;
    tenants::set_indicator_method(db, scope, t.indicator_method.as_ref().map(json_text)).await?;
    tenants::set_money_unit(db, scope, t.money_unit.map(|u| u.as_str().to_owned())).await?;

    let mut level_ids = HashMap::new();
    let mut level_rows = Vec::new();
    for (position, level) in doc.levels.iter().enumerate() {
        let id = Uuid::now_v7();
        level_ids.insert(level.key.as_str(), id);
        level_rows.push(level_row(scope, id, position as i32, level));
    }
    rows::insert(db, scope, level_rows).await?;

    for (order, council) in doc.councils.iter().enumerate() {
        let departments: Vec<&str> = council.departments.iter().map(String::as_str).collect();
        let existing = councils::find_by_slug(db, scope, &council.slug).await?;
        let id = match existing {
            Some(found) => found.id,
            None => {
                councils::insert(db, scope, &council.slug, &council.name, order as i32)
                    .await?
                    .id
            }
        };
        councils::set_municipal(db, scope, id, council.municipal).await?;
        for (position, name) in departments.iter().enumerate() {
            councils::ensure_department(db, scope, id, name, position as i32).await?;
        }
    }
    let councils_now = councils::list_with_departments(db, scope).await?;
    let council_ids: HashMap<String, Uuid> = councils_now.iter().map(|c| (c.slug.clone(), c.id.uuid())).collect();
    super::economy::write(db, scope, &doc.economies, &council_ids).await?;

    let mut summary = ImportSummary::default();
    let mut goal_ids: Vec<HashMap<String, Uuid>> = Vec::with_capacity(doc.plans.len());
    for plan in &doc.plans {
        let council = councils_now.iter().find(|c| c.slug == plan.council).ok_or_else(|| {
            ExchangeError::invalid(
                "council",
                Message::Unknown {
                    what: Known::Council,
                    value: plan.council.clone(),
                },
            )
        })?;
        let departments: HashMap<&str, Uuid> = council
            .departments
            .iter()
            .map(|d| (d.name.as_str(), d.id.uuid()))
            .collect();
        let goals = write_plan(
            db,
            scope,
            plan,
            council.id.uuid(),
            &level_ids,
            &departments,
            actor,
            &mut summary,
        )
        .await?;
        goal_ids.push(goals);
    }
    rows::insert(db, scope, link_rows(scope, doc, &goal_ids)?).await?;
    Ok(summary)
}

/// Every goal's contributions as rows, each target found in the municipal plan the
/// contributing plan's goals link into (validation has checked that it is there).
fn link_rows(
    scope: TenantScope,
    doc: &TenantDocument,
    goal_ids: &[HashMap<String, Uuid>],
) -> Result<Vec<goal_link::Model>, ExchangeError> {
    let mut links = Vec::new();
    for (plan, ids) in doc.plans.iter().zip(goal_ids) {
        let target = super::links::target_plan(doc, plan)
            .and_then(|t| doc.plans.iter().position(|p| std::ptr::eq(p, t)))
            .and_then(|at| goal_ids.get(at));
        for goal in &plan.content.goals {
            for (position, link) in goal.contributes_to.iter().enumerate() {
                let missing = || {
                    let message = Message::Unknown {
                        what: Known::MunicipalGoal,
                        value: link.goal.clone(),
                    };
                    ExchangeError::invalid("contributes_to", message)
                };
                let target_goal_id = *target.and_then(|t| t.get(&link.goal)).ok_or_else(missing)?;
                links.push(goal_link::Model {
                    tenant_id: scope.tenant_id(),
                    id: Uuid::now_v7(),
                    goal_id: *ids.get(&goal.code).ok_or_else(missing)?,
                    target_goal_id,
                    kind: link.kind,
                    position: position as i32,
                });
            }
        }
    }
    Ok(links)
}

#[allow(clippy::too_many_arguments)]
async fn write_plan(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    plan: &Plan,
    council_id: Uuid,
    level_ids: &HashMap<&str, Uuid>,
    departments: &HashMap<&str, Uuid>,
    actor: &str,
    summary: &mut ImportSummary,
) -> Result<HashMap<String, Uuid>, ExchangeError> {
    let plan_id = Uuid::now_v7();
    rows::insert(
        db,
        scope,
        vec![plan::Model {
            tenant_id: scope.tenant_id(),
            id: plan_id,
            council_id,
            name: plan.name.clone(),
            first_year: plan.first_year,
            last_year: plan.last_year,
            status: plan.status,
            version: plan.version,
            sections: json_text(&plan.content.sections),
            revision: 1,
            created_at: chrono::Utc::now(),
            kind: plan.kind.clone(),
        }],
    )
    .await?;
    let versions = plan
        .adopted
        .iter()
        .map(|v| plan_version::Model {
            tenant_id: scope.tenant_id(),
            plan_id,
            version: v.version,
            decision_date: v.decision.date,
            decision_body: v.decision.body.clone(),
            decision_paragraph: v.decision.paragraph.clone(),
            adopted_at: v.adopted_at,
            adopted_by: v.adopted_by.clone(),
            snapshot: json_text(&v.content),
        })
        .collect();
    rows::insert(db, scope, versions).await?;

    let content = ContentRows::build(scope, plan_id, &plan.content, level_ids, departments, actor);
    summary.plans += 1;
    summary.goals += content.goals.len();
    summary.indicators += content.indicators.len();
    summary.values += content.values.len();
    summary.assignments += content.assignments.len();
    let manual = manual_verdict_rows(scope, plan_id, &plan.manual_verdicts, &content)?;
    let goal_ids = content.goals.iter().map(|g| (g.code.clone(), g.id)).collect();
    content.insert(db, scope).await?;
    rows::insert(db, scope, manual).await?;
    Ok(goal_ids)
}

/// The plan's manual verdicts as rows, their goals and indicators found by code among the
/// plan's new rows (validation has checked that they are there).
fn manual_verdict_rows(
    scope: TenantScope,
    plan_id: Uuid,
    verdicts: &[doc::ManualVerdict],
    content: &ContentRows,
) -> Result<Vec<manual_verdict::Model>, ExchangeError> {
    let missing = |what: Known, code: &str| {
        ExchangeError::invalid(
            "manual_verdicts",
            Message::Unknown {
                what,
                value: code.to_owned(),
            },
        )
    };
    (verdicts.iter())
        .map(|v| {
            let goal_id = (v.goal.as_deref())
                .map(|code| {
                    (content.goals.iter().find(|g| g.code == code))
                        .map(|g| g.id)
                        .ok_or_else(|| missing(Known::GoalInPlan, code))
                })
                .transpose()?;
            let indicator_id = (v.indicator.as_deref())
                .map(|code| {
                    (content.indicators.iter().find(|i| i.code == code))
                        .map(|i| i.id)
                        .ok_or_else(|| missing(Known::IndicatorInPlan, code))
                })
                .transpose()?;
            Ok(manual_verdict::Model {
                tenant_id: scope.tenant_id(),
                id: Uuid::now_v7(),
                plan_id,
                goal_id,
                indicator_id,
                period: v.period.to_string(),
                verdict: v.verdict.into(),
                motivation: v.motivation.clone(),
                given_by: v.given_by.clone(),
                given_at: v.given_at,
                revision: 1,
            })
        })
        .collect()
}

/// The rows plan content is stored in: what an import writes and an export reads.
#[derive(Default)]
pub(super) struct ContentRows {
    pub goals: Vec<goal::Model>,
    pub indicators: Vec<indicator::Model>,
    pub targets: Vec<indicator_target::Model>,
    pub values: Vec<indicator_value::Model>,
    pub assignments: Vec<assignment::Model>,
    pub comments: Vec<assignment_comment::Model>,
    pub focus_areas: Vec<focus_area::Model>,
    pub focus_links: Vec<focus_area_goal::Model>,
    pub activities: Vec<activity::Model>,
}

impl ContentRows {
    fn build(
        scope: TenantScope,
        plan_id: Uuid,
        content: &PlanContent,
        level_ids: &HashMap<&str, Uuid>,
        departments: &HashMap<&str, Uuid>,
        actor: &str,
    ) -> Self {
        let tenant_id = scope.tenant_id();
        let department = |name: &Option<String>| name.as_deref().and_then(|n| departments.get(n).copied());
        let now = chrono::Utc::now();

        let mut goal_ids: HashMap<&str, Uuid> = HashMap::new();
        let mut sibling_count: HashMap<Option<Uuid>, i32> = HashMap::new();
        let mut goals = Vec::new();
        for goal in &content.goals {
            let id = Uuid::now_v7();
            let parent_id = goal.parent.as_deref().and_then(|p| goal_ids.get(p).copied());
            let position = sibling_count.entry(parent_id).or_default();
            goals.push(goal::Model {
                tenant_id,
                id,
                plan_id,
                parent_id,
                level_id: level_ids[goal.level.as_str()],
                position: *position,
                code: goal.code.clone(),
                number: goal.number.clone(),
                title: goal.title.clone(),
                sections: json_text(&goal.sections),
                revision: 1,
                rule: goal.rule.as_ref().map(json_text),
            });
            *position += 1;
            goal_ids.insert(goal.code.as_str(), id);
        }
        let goal_id = |code: &str| goal_ids[code];

        let (mut indicators, mut targets, mut values) = (Vec::new(), Vec::new(), Vec::new());
        for (position, i) in content.indicators.iter().enumerate() {
            let id = Uuid::now_v7();
            indicators.push(indicator::Model {
                tenant_id,
                id,
                plan_id,
                goal_id: goal_id(&i.goal),
                position: position as i32,
                code: i.code.clone(),
                name: i.name.clone(),
                definition: i.definition.clone(),
                kind: i.kind,
                unit: i.unit.clone(),
                decimals: i.decimals as i32,
                direction: i.direction,
                periodicity: i.periodicity.as_str().to_owned(),
                cumulative: i.cumulative,
                department_id: department(&i.department),
                source: i.source.clone(),
                kolada: i.kolada.clone(),
                baseline_value: i.baseline.as_ref().and_then(|b| b.value.clone()),
                baseline_label: i.baseline.as_ref().and_then(|b| b.label.clone()),
                footnotes: json_text(&i.footnotes),
                revision: 1,
                method: i.method.as_ref().map(json_text),
                economy: i.economy.map(|e| e.as_str().to_owned()),
            });
            targets.extend(i.targets.iter().map(|t| indicator_target::Model {
                tenant_id,
                indicator_id: id,
                year: t.year,
                target: json_text(&t.target),
                label: t.label.clone(),
            }));
            values.extend(i.values.iter().map(|v| indicator_value::Model {
                tenant_id,
                indicator_id: id,
                period: v.period.to_string(),
                kind: v.kind,
                gender: v.gender,
                value: v.value.to_string(),
                comment: v.comment.clone(),
                updated_at: now,
                updated_by: actor.to_owned(),
            }));
        }

        let (mut assignments, mut comments) = (Vec::new(), Vec::new());
        for (position, a) in content.assignments.iter().enumerate() {
            let id = Uuid::now_v7();
            assignments.push(assignment::Model {
                tenant_id,
                id,
                plan_id,
                goal_id: a.goal.as_deref().map(goal_id),
                position: position as i32,
                kind: a.kind,
                title: a.title.clone(),
                department_id: department(&a.department),
                is_new: a.new,
                end_date: a.end_date,
                decision_body: a.decision_body.clone(),
                status: a.status,
                forecast: a.forecast,
                revision: 1,
            });
            comments.extend(a.comments.iter().map(|c| assignment_comment::Model {
                tenant_id,
                id: Uuid::now_v7(),
                assignment_id: id,
                date: c.date,
                text: c.text.clone(),
                author: c.author.clone(),
                created_at: now,
            }));
        }

        let (mut focus_areas, mut focus_links) = (Vec::new(), Vec::new());
        for (position, area) in content.focus_areas.iter().enumerate() {
            let id = Uuid::now_v7();
            focus_areas.push(focus_area::Model {
                tenant_id,
                id,
                plan_id,
                position: position as i32,
                title: area.title.clone(),
                text: area.text.clone(),
                revision: 1,
            });
            focus_links.extend(area.goals.iter().map(|g| focus_area_goal::Model {
                tenant_id,
                focus_area_id: id,
                goal_id: goal_id(g),
            }));
        }

        let activities = content
            .activities
            .iter()
            .enumerate()
            .map(|(position, a)| activity::Model {
                tenant_id,
                id: Uuid::now_v7(),
                plan_id,
                goal_id: goal_id(&a.goal),
                position: position as i32,
                title: a.title.clone(),
                department_id: department(&a.department),
                text: a.text.clone(),
                revision: 1,
            })
            .collect();

        Self {
            goals,
            indicators,
            targets,
            values,
            assignments,
            comments,
            focus_areas,
            focus_links,
            activities,
        }
    }

    async fn insert(self, db: &impl ConnectionTrait, scope: TenantScope) -> Result<(), ExchangeError> {
        rows::insert(db, scope, self.goals).await?;
        rows::insert(db, scope, self.indicators).await?;
        rows::insert(db, scope, self.targets).await?;
        rows::insert(db, scope, self.values).await?;
        rows::insert(db, scope, self.assignments).await?;
        rows::insert(db, scope, self.comments).await?;
        rows::insert(db, scope, self.focus_areas).await?;
        rows::insert(db, scope, self.focus_links).await?;
        rows::insert(db, scope, self.activities).await?;
        Ok(())
    }
}

/// A document's level as its stored row (revision 1), the inverse of `export::level_of`.
pub(crate) fn level_row(
    scope: TenantScope,
    id: Uuid,
    position: i32,
    level: &super::document::Level,
) -> goal_level::Model {
    goal_level::Model {
        tenant_id: scope.tenant_id(),
        id,
        position,
        key: level.key.clone(),
        name: level.name.clone(),
        plural: level.plural.clone(),
        numbering: level.numbering,
        sections: json_text(&level.sections),
        carries: json_text(&level.carries),
        revision: 1,
        rule: level.rule.as_ref().map(json_text),
        assignment_inputs: level.assignment_inputs,
        grouping: level.grouping,
    }
}
