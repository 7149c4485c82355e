//! A plan's goal tree as the editor works on it: the plan, its levels in order, its goals.

use std::collections::HashSet;

use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::db::TenantScope;
use crate::db::entities::{goal, goal_level, plan};
use crate::db::repo::rows;
use crate::domain::{PlanId, PlanStatus};
use crate::exchange::export::goals_in_tree_order;
use crate::model::{Known, Message, ParentOption, echo};
use crate::services::ServiceError;

/// A plan with its levels (in order) and goals.
pub(super) struct Tree {
    pub plan: plan::Model,
    pub levels: Vec<goal_level::Model>,
    pub goals: Vec<goal::Model>,
}

impl Tree {
    pub async fn load(db: &impl ConnectionTrait, scope: TenantScope, plan_id: PlanId) -> Result<Tree, ServiceError> {
        let plan = rows::find_plan(db, scope, plan_id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let mut levels = rows::goal_levels(db, scope).await?;
        levels.sort_by_key(|l| l.position);
        let goals = rows::goals_of_plan(db, scope, plan_id).await?;
        Ok(Tree { plan, levels, goals })
    }

    pub fn goal(&self, code: &str) -> Result<&goal::Model, ServiceError> {
        self.goals.iter().find(|g| g.code == code).ok_or(ServiceError::NotFound)
    }

    pub fn level_index(&self, goal: &goal::Model) -> Result<usize, ServiceError> {
        self.levels
            .iter()
            .position(|l| l.id == goal.level_id)
            .ok_or_else(|| ServiceError::Corrupt(format!("goal {} on an unknown level", goal.code)))
    }

    /// The levels a child of `parent` may be on: any below the parent's (a top goal: any),
    /// the next one first.
    pub fn child_levels(&self, parent: Option<&goal::Model>) -> Result<&[goal_level::Model], ServiceError> {
        let index = match parent {
            None => 0,
            Some(p) => self.level_index(p)? + 1,
        };
        match self.levels.get(index..) {
            Some(levels) if !levels.is_empty() => Ok(levels),
            _ => {
                let message = match parent {
                    Some(p) => Message::LastLevel { goal: p.code.clone() },
                    None => Message::NoLevels,
                };
                Err(ServiceError::invalid("parent", message))
            }
        }
    }

    /// The level a new child of `parent` goes on: `key` if it is one it may be on, else the
    /// next level.
    pub fn child_level(
        &self,
        parent: Option<&goal::Model>,
        key: Option<&str>,
    ) -> Result<&goal_level::Model, ServiceError> {
        let levels = self.child_levels(parent)?;
        match key.filter(|k| !k.is_empty()) {
            None => Ok(&levels[0]),
            Some(key) => levels.iter().find(|l| l.key == key).ok_or_else(|| {
                let message = Message::Unknown {
                    what: Known::Level,
                    value: echo(key),
                };
                ServiceError::invalid("level", message)
            }),
        }
    }

    pub fn parent_of(&self, code: Option<&str>) -> Result<Option<&goal::Model>, ServiceError> {
        code.map(|c| {
            self.goal(c).map_err(|_| {
                let message = Message::Unknown {
                    what: Known::GoalInPlan,
                    value: echo(c),
                };
                ServiceError::invalid("parent", message)
            })
        })
        .transpose()
    }

    /// The goals under `parent`, in order.
    pub fn siblings(&self, parent: Option<Uuid>) -> Vec<&goal::Model> {
        let mut list: Vec<&goal::Model> = self.goals.iter().filter(|g| g.parent_id == parent).collect();
        list.sort_by_key(|g| (g.position, g.id));
        list
    }

    /// Whether the plan can be changed (an adopted version cannot).
    pub fn is_draft(&self) -> bool {
        self.plan.status != PlanStatus::Adopted
    }
}

/// A code for a new goal: its number if that is free and usable, else `mal-N`.
pub(super) fn new_code(tree: &Tree, number: &str) -> String {
    let taken: HashSet<&str> = tree.goals.iter().map(|g| g.code.as_str()).collect();
    let usable = !number.is_empty()
        && number
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'));
    if usable && !taken.contains(number) {
        return number.to_owned();
    }
    (1..)
        .map(|n| format!("mal-{n}"))
        .find(|c| !taken.contains(c.as_str()))
        .expect("a free code")
}

/// Where a goal on the level at `level_index` may be placed: at the plan's top, or under any
/// goal on a level above it (but `except` and what is under it).
pub(super) fn parent_options(tree: &Tree, level_index: usize, except: Option<Uuid>) -> Vec<ParentOption> {
    let above: Vec<Uuid> = tree.levels.iter().take(level_index).map(|l| l.id).collect();
    let mut under_except: HashSet<Uuid> = except.into_iter().collect();
    for g in goals_in_tree_order(tree.goals.iter().collect()) {
        if g.parent_id.is_some_and(|p| under_except.contains(&p)) {
            under_except.insert(g.id);
        }
    }
    let top = ParentOption {
        code: None,
        label: tree.plan.name.clone(),
    };
    let goals = goals_in_tree_order(tree.goals.iter().collect())
        .into_iter()
        .filter(|g| above.contains(&g.level_id) && !under_except.contains(&g.id))
        .map(|g| ParentOption {
            code: Some(g.code.clone()),
            label: format!("{} {}", g.number, g.title).trim().to_owned(),
        });
    std::iter::once(top).chain(goals).collect()
}
