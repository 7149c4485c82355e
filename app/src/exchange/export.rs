//! Reads a tenant's whole configuration and plan data into a [`TenantDocument`], in a
//! canonical order, so that export → import → export gives the same document.

use std::collections::HashMap;
use std::str::FromStr;

use rust_decimal::Decimal;
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use super::ExchangeError;
use super::document::{self as doc, TenantDocument};
use super::import::ContentRows;
use crate::db::TenantScope;
use crate::db::entities::*;
use crate::db::repo::{councils, rows, tenants};
use crate::domain::{AssignmentId, PlanId};

pub(crate) fn corrupt(what: impl std::fmt::Display) -> ExchangeError {
    ExchangeError::Corrupt(what.to_string())
}

pub(crate) fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ExchangeError> {
    serde_json::from_str(text).map_err(|e| corrupt(format!("stored JSON {text:.40}: {e}")))
}

/// A stored optional JSON column (a rule or method).
pub(crate) fn optional_json<T: serde::de::DeserializeOwned>(text: &Option<String>) -> Result<Option<T>, ExchangeError> {
    text.as_deref().map(from_json).transpose()
}

pub async fn read(db: &impl ConnectionTrait, scope: TenantScope) -> Result<TenantDocument, ExchangeError> {
    let tenant = tenants::find_by_id(db, scope.tenant_id())
        .await?
        .ok_or(ExchangeError::NoTenant)?;
    let mut level_rows = rows::goal_levels(db, scope).await?;
    level_rows.sort_by_key(|l| l.position);
    let level_keys: HashMap<Uuid, String> = level_rows.iter().map(|l| (l.id, l.key.clone())).collect();
    let levels = levels_of(&level_rows)?;
    let council_list = councils::list_with_departments(db, scope).await?;
    let department_names: HashMap<Uuid, String> = council_list
        .iter()
        .flat_map(|c| c.departments.iter().map(|d| (d.id.uuid(), d.name.clone())))
        .collect();
    let council_order: HashMap<Uuid, usize> = council_list.iter().enumerate().map(|(i, c)| (c.id.uuid(), i)).collect();

    let tables = Tables::load(db, scope).await?;
    let mut plan_rows = tables.plans.clone();
    plan_rows.sort_by(|a, b| {
        (council_order.get(&a.council_id), a.first_year, &a.name).cmp(&(
            council_order.get(&b.council_id),
            b.first_year,
            &b.name,
        ))
    });
    let mut plans = Vec::new();
    for p in &plan_rows {
        let council = council_list
            .iter()
            .find(|c| c.id.uuid() == p.council_id)
            .ok_or_else(|| corrupt(format!("plan {} has no council", p.id)))?;
        plans.push(tables.plan_document(p, &council.slug, &level_keys, &department_names)?);
    }

    let council_keys: Vec<(Uuid, String)> = council_list.iter().map(|c| (c.id.uuid(), c.slug.clone())).collect();
    let economies = super::economy::read(db, scope, &council_keys).await?;
    Ok(TenantDocument {
        format: doc::FORMAT.to_owned(),
        format_version: doc::FORMAT_VERSION,
        tenant: doc::TenantInfo {
            slug: tenant.slug,
            name: tenant.name,
            vision_title: tenant.vision_title,
            vision: tenant.vision,
            values: tenant.values,
            indicator_method: optional_json(&tenant.indicator_method)?,
            money_unit: (tenant.money_unit.as_deref())
                .map(|u| engine::economy::MoneyUnit::parse(u).ok_or_else(|| corrupt(format!("money unit {u}"))))
                .transpose()?,
        },
        levels,
        councils: council_list
            .into_iter()
            .map(|c| doc::Council {
                slug: c.slug,
                name: c.name,
                departments: c.departments.into_iter().map(|d| d.name).collect(),
                municipal: c.municipal,
            })
            .collect(),
        plans,
        economies,
    })
}

/// Plans with their versions and content rows: one query per table, whatever the number
/// of plans.
struct Tables {
    plans: Vec<plan::Model>,
    versions: Vec<plan_version::Model>,
    rows: ContentRows,
    manual: Vec<manual_verdict::Model>,
    /// The plans' goals' contributions, in order, and the codes of the goals they point to.
    links: Vec<goal_link::Model>,
    target_codes: HashMap<Uuid, String>,
}

impl Tables {
    fn plan_document(
        &self,
        p: &plan::Model,
        council_slug: &str,
        level_keys: &HashMap<Uuid, String>,
        department_names: &HashMap<Uuid, String>,
    ) -> Result<doc::Plan, ExchangeError> {
        let mut versions: Vec<&plan_version::Model> = self.versions.iter().filter(|v| v.plan_id == p.id).collect();
        versions.sort_by_key(|v| v.version);
        let adopted = versions
            .into_iter()
            .map(|v| {
                Ok(doc::AdoptedVersion {
                    version: v.version,
                    decision: doc::Decision {
                        date: v.decision_date,
                        body: v.decision_body.clone(),
                        paragraph: v.decision_paragraph.clone(),
                    },
                    adopted_at: v.adopted_at,
                    adopted_by: v.adopted_by.clone(),
                    content: from_json(&v.snapshot)?,
                })
            })
            .collect::<Result<_, ExchangeError>>()?;
        Ok(doc::Plan {
            council: council_slug.to_owned(),
            name: p.name.clone(),
            kind: p.kind.clone(),
            first_year: p.first_year,
            last_year: p.last_year,
            status: p.status,
            version: p.version,
            adopted,
            content: self.content(p, level_keys, department_names)?,
            manual_verdicts: self.manual_verdicts(p)?,
        })
    }

    /// The goal's contributions in order, each by its target's code.
    fn links_of(&self, goal_id: Uuid) -> Result<Vec<doc::GoalLink>, ExchangeError> {
        let mut links: Vec<&goal_link::Model> = self.links.iter().filter(|l| l.goal_id == goal_id).collect();
        links.sort_by_key(|l| (l.position, l.id));
        (links.into_iter())
            .map(|l| {
                let goal = (self.target_codes.get(&l.target_goal_id))
                    .ok_or_else(|| corrupt(format!("link {} to a missing goal", l.id)))?;
                Ok(doc::GoalLink {
                    goal: goal.clone(),
                    kind: l.kind,
                })
            })
            .collect()
    }

    /// Each manual verdict on the plan with the goal or indicator it is about, by code.
    fn manual_subjects(&self, plan_id: Uuid) -> Result<Vec<(ManualSubject, manual_verdict::Model)>, ExchangeError> {
        let goal = |id: Uuid| self.rows.goals.iter().find(|g| g.id == id).map(|g| g.code.clone());
        let indicator = |id: Uuid| self.rows.indicators.iter().find(|i| i.id == id).map(|i| i.code.clone());
        (self.manual.iter().filter(|m| m.plan_id == plan_id))
            .map(|m| {
                let subject = match (m.goal_id.map(goal), m.indicator_id.map(indicator)) {
                    (Some(Some(goal)), None) => ManualSubject::Goal(goal),
                    (None, Some(Some(indicator))) => ManualSubject::Indicator(indicator),
                    _ => return Err(corrupt(format!("manual verdict {} is about nothing of its plan", m.id))),
                };
                Ok((subject, m.clone()))
            })
            .collect()
    }

    /// The plan's manual verdicts by goal or indicator code, ordered by code and period.
    fn manual_verdicts(&self, p: &plan::Model) -> Result<Vec<doc::ManualVerdict>, ExchangeError> {
        let mut out = (self.manual_subjects(p.id)?.into_iter())
            .map(|(subject, m)| {
                let (goal, indicator) = match subject {
                    ManualSubject::Goal(code) => (Some(code), None),
                    ManualSubject::Indicator(code) => (None, Some(code)),
                };
                Ok(doc::ManualVerdict {
                    goal,
                    indicator,
                    period: m
                        .period
                        .parse()
                        .map_err(|_| corrupt(format!("manual verdict {}: period", m.id)))?,
                    verdict: m.verdict.into(),
                    motivation: m.motivation,
                    given_by: m.given_by,
                    given_at: m.given_at,
                })
            })
            .collect::<Result<Vec<_>, ExchangeError>>()?;
        out.sort_by(|a, b| (&a.goal, &a.indicator, a.period).cmp(&(&b.goal, &b.indicator, b.period)));
        Ok(out)
    }

    /// The rows of one plan only (the council page, the plan's API).
    async fn load_plan(
        db: &impl ConnectionTrait,
        scope: TenantScope,
        plan: &plan::Model,
    ) -> Result<Self, ExchangeError> {
        let plan_id = PlanId::from_uuid(plan.id);
        let indicators = rows::indicators_of_plan(db, scope, plan_id).await?;
        let indicator_ids: Vec<Uuid> = indicators.iter().map(|i| i.id).collect();
        let assignments = rows::assignments_of_plan(db, scope, plan_id).await?;
        let focus_areas = rows::focus_areas_of_plan(db, scope, plan_id).await?;
        let goals = rows::goals_of_plan(db, scope, plan_id).await?;
        let links = rows::links_of(db, scope, goals.iter().map(|g| g.id).collect()).await?;
        let targets = rows::goals_with_ids(db, scope, links.iter().map(|l| l.target_goal_id).collect()).await?;
        let target_codes = targets.into_iter().map(|g| (g.id, g.code)).collect();
        Ok(Self {
            plans: vec![plan.clone()],
            versions: rows::versions_of_plan(db, scope, plan_id).await?,
            rows: ContentRows {
                goals,
                targets: rows::targets_of(db, scope, indicator_ids.clone()).await?,
                values: rows::values_of(db, scope, indicator_ids).await?,
                comments: rows::comments_of(db, scope, assignments.iter().map(|a| a.id).collect()).await?,
                focus_links: rows::focus_links_of(db, scope, focus_areas.iter().map(|f| f.id).collect()).await?,
                activities: rows::activities_of_plan(db, scope, plan_id).await?,
                indicators,
                assignments,
                focus_areas,
            },
            manual: crate::db::repo::manual_verdicts::of_plan(db, scope, plan_id).await?,
            links,
            target_codes,
        })
    }

    async fn load(db: &impl ConnectionTrait, scope: TenantScope) -> Result<Self, ExchangeError> {
        let goals = rows::goals(db, scope).await?;
        let target_codes = goals.iter().map(|g| (g.id, g.code.clone())).collect();
        Ok(Self {
            plans: rows::plans(db, scope).await?,
            versions: rows::plan_versions(db, scope).await?,
            links: rows::goal_links(db, scope).await?,
            target_codes,
            rows: ContentRows {
                goals,
                indicators: rows::indicators(db, scope).await?,
                targets: rows::indicator_targets(db, scope).await?,
                values: rows::indicator_values(db, scope).await?,
                assignments: rows::assignments(db, scope).await?,
                comments: rows::assignment_comments(db, scope).await?,
                focus_areas: rows::focus_areas(db, scope).await?,
                focus_links: rows::focus_area_goals(db, scope).await?,
                activities: rows::activities(db, scope).await?,
            },
            manual: rows::manual_verdicts(db, scope).await?,
        })
    }

    fn content(
        &self,
        plan: &plan::Model,
        level_keys: &HashMap<Uuid, String>,
        department_names: &HashMap<Uuid, String>,
    ) -> Result<doc::PlanContent, ExchangeError> {
        let department = |id: Option<Uuid>| id.and_then(|id| department_names.get(&id).cloned());
        let goals = goals_in_tree_order(self.rows.goals.iter().filter(|g| g.plan_id == plan.id).collect());
        let goal_code: HashMap<Uuid, &str> = goals.iter().map(|g| (g.id, g.code.as_str())).collect();
        let goal_order: HashMap<Uuid, usize> = goals.iter().enumerate().map(|(i, g)| (g.id, i)).collect();
        let code_of = |id: Uuid| -> Result<String, ExchangeError> {
            goal_code
                .get(&id)
                .map(|c| (*c).to_owned())
                .ok_or_else(|| corrupt(format!("goal {id} is not in the plan")))
        };

        let mut out_goals = Vec::new();
        for g in &goals {
            out_goals.push(doc::Goal {
                code: g.code.clone(),
                parent: g.parent_id.map(code_of).transpose()?,
                level: level_keys
                    .get(&g.level_id)
                    .cloned()
                    .ok_or_else(|| corrupt("goal level missing"))?,
                number: g.number.clone(),
                title: g.title.clone(),
                sections: from_json(&g.sections)?,
                rule: optional_json(&g.rule)?,
                contributes_to: self.links_of(g.id)?,
            });
        }

        let mut indicator_rows: Vec<&indicator::Model> =
            self.rows.indicators.iter().filter(|i| i.plan_id == plan.id).collect();
        indicator_rows.sort_by_key(|i| i.position);
        let mut targets_of: HashMap<Uuid, Vec<&indicator_target::Model>> = HashMap::new();
        for t in &self.rows.targets {
            targets_of.entry(t.indicator_id).or_default().push(t);
        }
        let mut values_of: HashMap<Uuid, Vec<&indicator_value::Model>> = HashMap::new();
        for v in &self.rows.values {
            values_of.entry(v.indicator_id).or_default().push(v);
        }
        let mut indicators = Vec::new();
        for i in indicator_rows {
            let mut targets = targets_of
                .remove(&i.id)
                .unwrap_or_default()
                .into_iter()
                .map(|t| {
                    Ok(doc::YearTarget {
                        year: t.year,
                        target: from_json(&t.target)?,
                        label: t.label.clone(),
                    })
                })
                .collect::<Result<Vec<_>, ExchangeError>>()?;
            targets.sort_by_key(|t| t.year);
            let mut values = values_of
                .remove(&i.id)
                .unwrap_or_default()
                .into_iter()
                .map(|v| {
                    Ok(doc::PeriodValue {
                        period: v.period.parse().map_err(corrupt)?,
                        kind: v.kind,
                        gender: v.gender,
                        value: Decimal::from_str(&v.value).map_err(corrupt)?,
                        comment: v.comment.clone(),
                    })
                })
                .collect::<Result<Vec<_>, ExchangeError>>()?;
            values.sort_by_key(|v| (v.period, v.kind, v.gender));
            indicators.push(doc::Indicator {
                code: i.code.clone(),
                goal: code_of(i.goal_id)?,
                name: i.name.clone(),
                definition: i.definition.clone(),
                kind: i.kind,
                unit: i.unit.clone(),
                decimals: i.decimals as u32,
                direction: i.direction,
                periodicity: i.periodicity().map_err(corrupt)?,
                cumulative: i.cumulative,
                department: department(i.department_id),
                source: i.source.clone(),
                kolada: i.kolada.clone(),
                baseline: (i.baseline_value.is_some() || i.baseline_label.is_some()).then(|| doc::Baseline {
                    value: i.baseline_value.clone(),
                    label: i.baseline_label.clone(),
                }),
                footnotes: from_json(&i.footnotes)?,
                targets,
                method: optional_json(&i.method)?,
                economy: (i.economy.as_deref())
                    .map(|e| doc::EconomySource::parse(e).ok_or_else(|| corrupt(format!("economy source {e}"))))
                    .transpose()?,
                values,
            });
        }

        let assignment_rows = assignments_in_order(self.rows.assignments.iter().filter(|a| a.plan_id == plan.id));
        let mut assignments = Vec::new();
        for a in assignment_rows {
            let mut comments: Vec<&assignment_comment::Model> =
                self.rows.comments.iter().filter(|c| c.assignment_id == a.id).collect();
            comments.sort_by_key(|c| (c.date, c.created_at, c.id));
            assignments.push(doc::Assignment {
                kind: a.kind,
                goal: a.goal_id.map(code_of).transpose()?,
                title: a.title.clone(),
                department: department(a.department_id),
                new: a.is_new,
                end_date: a.end_date,
                decision_body: a.decision_body.clone(),
                status: a.status,
                forecast: a.forecast,
                comments: comments
                    .into_iter()
                    .map(|c| doc::Comment {
                        date: c.date,
                        text: c.text.clone(),
                        author: c.author.clone(),
                    })
                    .collect(),
            });
        }

        let mut area_rows: Vec<&focus_area::Model> =
            self.rows.focus_areas.iter().filter(|f| f.plan_id == plan.id).collect();
        area_rows.sort_by_key(|f| f.position);
        let mut focus_areas = Vec::new();
        for f in area_rows {
            let mut linked: Vec<Uuid> = self
                .rows
                .focus_links
                .iter()
                .filter(|l| l.focus_area_id == f.id)
                .map(|l| l.goal_id)
                .collect();
            linked.sort_by_key(|id| goal_order.get(id).copied());
            focus_areas.push(doc::FocusArea {
                title: f.title.clone(),
                text: f.text.clone(),
                goals: linked.into_iter().map(code_of).collect::<Result<_, _>>()?,
            });
        }

        let mut activity_rows: Vec<&activity::Model> =
            self.rows.activities.iter().filter(|a| a.plan_id == plan.id).collect();
        activity_rows.sort_by_key(|a| a.position);
        let activities = activity_rows
            .into_iter()
            .map(|a| {
                Ok(doc::Activity {
                    goal: code_of(a.goal_id)?,
                    title: a.title.clone(),
                    department: department(a.department_id),
                    text: a.text.clone(),
                })
            })
            .collect::<Result<_, ExchangeError>>()?;

        Ok(doc::PlanContent {
            sections: from_json(&plan.sections)?,
            goals: out_goals,
            indicators,
            assignments,
            focus_areas,
            activities,
        })
    }
}

/// One plan read once, with one query per table: what the plan page, the assessments, the
/// plan's API and adoption build on.
#[derive(Debug, Clone)]
pub struct PlanSnapshot {
    pub plan: plan::Model,
    /// The plan's council (slug, name, departments).
    pub council: crate::model::Council,
    /// The tenant's goal levels, in order.
    pub levels: Vec<doc::Level>,
    /// The tenant's default method for indicators.
    pub method: Option<engine::assess::Method>,
    /// The plan as the tenant document holds it.
    pub document: doc::Plan,
    /// The plan's uppdrag and initiativ ids, in the order of `document.content.assignments`.
    pub assignment_ids: Vec<AssignmentId>,
    /// The manual verdicts given, each with the code of the goal or indicator it is about.
    pub manual: Vec<(ManualSubject, manual_verdict::Model)>,
    /// Other plans' goals contributing to this plan's (a municipal plan's) goals.
    pub incoming: Vec<Incoming>,
}

/// A goal of a council's plan contributing to a goal of this plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incoming {
    /// This plan's goal's code.
    pub target: String,
    pub kind: crate::domain::Contribution,
    pub plan_id: PlanId,
    pub council_slug: String,
    pub council: String,
    /// The contributing goal's code in its plan, and its number and title.
    pub code: String,
    pub title: String,
}

/// The goals contributing to `goals` (of one plan), by council, plan and their place.
async fn incoming(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    goals: &[goal::Model],
    councils: &[crate::model::Council],
) -> Result<Vec<Incoming>, ExchangeError> {
    let links = rows::links_into(db, scope, goals.iter().map(|g| g.id).collect()).await?;
    if links.is_empty() {
        return Ok(Vec::new());
    }
    let from = rows::goals_with_ids(db, scope, links.iter().map(|l| l.goal_id).collect()).await?;
    let plans = rows::plans(db, scope).await?;
    let mut out = Vec::new();
    for link in &links {
        let (Some(target), Some(goal)) = (
            goals.iter().find(|g| g.id == link.target_goal_id),
            from.iter().find(|g| g.id == link.goal_id),
        ) else {
            return Err(corrupt(format!("link {} between missing goals", link.id)));
        };
        let plan = (plans.iter().find(|p| p.id == goal.plan_id)).ok_or_else(|| corrupt("link from a missing plan"))?;
        let (order, council) = (councils.iter().enumerate())
            .find(|(_, c)| c.id.uuid() == plan.council_id)
            .ok_or_else(|| corrupt("link from a plan without council"))?;
        let key = (order, plan.first_year, plan.name.clone(), goal.position, goal.id);
        out.push((
            key,
            Incoming {
                target: target.code.clone(),
                kind: link.kind,
                plan_id: PlanId::from_uuid(plan.id),
                council_slug: council.slug.clone(),
                council: council.name.clone(),
                code: goal.code.clone(),
                title: format!("{} {}", goal.number, goal.title).trim().to_owned(),
            },
        ));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out.into_iter().map(|(_, i)| i).collect())
}

/// What a manual verdict is about, by code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ManualSubject {
    Goal(String),
    Indicator(String),
}

/// The plan `plan_id` of the scope's tenant, or `None` if it has none such.
pub async fn plan_snapshot(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    plan_id: PlanId,
) -> Result<Option<PlanSnapshot>, ExchangeError> {
    let Some(plan) = rows::find_plan(db, scope, plan_id).await? else {
        return Ok(None);
    };
    let tenant = tenants::find_by_id(db, scope.tenant_id())
        .await?
        .ok_or(ExchangeError::NoTenant)?;
    let mut level_rows = rows::goal_levels(db, scope).await?;
    level_rows.sort_by_key(|l| l.position);
    let level_keys = level_rows.iter().map(|l| (l.id, l.key.clone())).collect();
    let levels = levels_of(&level_rows)?;
    let councils = councils::list_with_departments(db, scope).await?;
    let department_names = councils
        .iter()
        .flat_map(|c| c.departments.iter().map(|d| (d.id.uuid(), d.name.clone())))
        .collect();
    let tables = Tables::load_plan(db, scope, &plan).await?;
    let incoming = incoming(db, scope, &tables.rows.goals, &councils).await?;
    let council = councils
        .into_iter()
        .find(|c| c.id.uuid() == plan.council_id)
        .ok_or_else(|| corrupt(format!("plan {} has no council", plan.id)))?;
    let document = tables.plan_document(&plan, &council.slug, &level_keys, &department_names)?;
    let assignment_ids = assignments_in_order(tables.rows.assignments.iter())
        .into_iter()
        .map(|a| AssignmentId::from_uuid(a.id))
        .collect();
    let manual = tables.manual_subjects(plan.id)?;
    Ok(Some(PlanSnapshot {
        method: optional_json(&tenant.indicator_method)?,
        plan,
        council,
        levels,
        document,
        assignment_ids,
        manual,
        incoming,
    }))
}

fn levels_of(rows: &[goal_level::Model]) -> Result<Vec<doc::Level>, ExchangeError> {
    rows.iter().map(level_of).collect()
}

/// A stored goal level as the document's.
pub fn level_of(l: &goal_level::Model) -> Result<doc::Level, ExchangeError> {
    Ok(doc::Level {
        key: l.key.clone(),
        name: l.name.clone(),
        plural: l.plural.clone(),
        numbering: l.numbering,
        sections: from_json(&l.sections)?,
        carries: from_json(&l.carries)?,
        rule: optional_json(&l.rule)?,
        assignment_inputs: l.assignment_inputs,
        grouping: l.grouping,
    })
}

/// A plan's uppdrag and initiativ in the order the plan lists them.
pub fn assignments_in_order<'a>(rows: impl Iterator<Item = &'a assignment::Model>) -> Vec<&'a assignment::Model> {
    let mut rows: Vec<&assignment::Model> = rows.collect();
    rows.sort_by_key(|a| (a.position, a.id));
    rows
}

/// Depth first, siblings by position: each parent directly before its children.
pub fn goals_in_tree_order(goals: Vec<&goal::Model>) -> Vec<&goal::Model> {
    let mut children: HashMap<Option<Uuid>, Vec<&goal::Model>> = HashMap::new();
    for g in goals {
        children.entry(g.parent_id).or_default().push(g);
    }
    for list in children.values_mut() {
        list.sort_by_key(|g| (g.position, g.id));
    }
    let mut out = Vec::new();
    let mut stack: Vec<&goal::Model> = children
        .get(&None)
        .map(|l| l.iter().rev().copied().collect())
        .unwrap_or_default();
    while let Some(g) = stack.pop() {
        out.push(g);
        if let Some(kids) = children.get(&Some(g.id)) {
            stack.extend(kids.iter().rev().copied());
        }
    }
    out
}
