//! One sheet for all the indicators of a goal (and the goals under it) or of a department,
//! one year at a time, for editors who work as in a spreadsheet: each indicator's target for
//! the year beside its periods' values. Cells are saved one by one through
//! [`value_entry::save`], with the same per-cell optimistic locking.

use std::collections::HashSet;

use sea_orm::DatabaseConnection;

use super::ServiceError;
use super::context::TenantContext;
use super::value_entry::{periods_of_year, stored_periodicity, value_rows};
use crate::db::repo::rows;
use crate::domain::PlanId;
use crate::exchange::export::goals_in_tree_order;
use crate::model::{PlanSheet, Role, SheetIndicator, SheetOf};
use engine::{Period, Target};

/// The sheet of `of` in the plan at `year` (by default the latest of the plan's years that
/// is not in the future, else its first). Editors and admins; another tenant's plan, an
/// unknown goal or department is not found.
pub async fn load(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    plan_id: PlanId,
    of: &SheetOf,
    year: Option<i32>,
    this_year: i32,
) -> Result<PlanSheet, ServiceError> {
    ctx.require(Role::Editor)?;
    let scope = ctx.scope();
    let plan = rows::find_plan(db, scope, plan_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let goals = rows::goals_of_plan(db, scope, plan_id).await?;
    let mut indicators = rows::indicators_of_plan(db, scope, plan_id).await?;
    let title = match of {
        SheetOf::Goal(code) => {
            let goal = goals.iter().find(|g| g.code == *code).ok_or(ServiceError::NotFound)?;
            // The goal and every goal under it, in tree order.
            let mut subtree: HashSet<uuid::Uuid> = HashSet::from([goal.id]);
            for g in goals_in_tree_order(goals.iter().collect()) {
                if g.parent_id.is_some_and(|p| subtree.contains(&p)) {
                    subtree.insert(g.id);
                }
            }
            let order: Vec<uuid::Uuid> = goals_in_tree_order(goals.iter().collect())
                .iter()
                .map(|g| g.id)
                .collect();
            indicators.retain(|i| subtree.contains(&i.goal_id));
            indicators.sort_by_key(|i| (order.iter().position(|g| *g == i.goal_id), i.position));
            format!("{} {}", goal.number, goal.title).trim().to_owned()
        }
        SheetOf::Department(name) => {
            let councils = crate::db::repo::councils::list_with_departments(db, scope).await?;
            let department = (councils.iter())
                .filter(|c| c.id.uuid() == plan.council_id)
                .flat_map(|c| c.departments.iter())
                .find(|d| d.name == *name)
                .ok_or(ServiceError::NotFound)?;
            indicators.retain(|i| i.department_id == Some(department.id.uuid()));
            name.clone()
        }
    };
    let stored = rows::values_of(db, scope, indicators.iter().map(|i| i.id).collect()).await?;
    let targets = rows::targets_of(db, scope, indicators.iter().map(|i| i.id).collect()).await?;
    let mut years: Vec<i32> = (plan.first_year..=plan.last_year).collect();
    years.extend(
        stored
            .iter()
            .filter_map(|v| v.period.parse::<Period>().ok())
            .map(|p| p.year()),
    );
    years.sort_unstable();
    years.dedup();
    let year = match year {
        Some(year) if years.contains(&year) => year,
        Some(_) => return Err(ServiceError::NotFound),
        None => (plan.first_year..=plan.last_year)
            .rev()
            .find(|y| *y <= this_year)
            .unwrap_or(plan.first_year),
    };
    let mut sheet_indicators = Vec::with_capacity(indicators.len());
    for indicator in indicators {
        let periodicity = stored_periodicity(&indicator)?;
        let own: Vec<_> = (stored.iter())
            .filter(|v| v.indicator_id == indicator.id && v.period.starts_with(&year.to_string()))
            .cloned()
            .collect();
        let mut periods = periods_of_year(year, periodicity);
        periods.extend(own.iter().filter_map(|v| v.period.parse::<Period>().ok()));
        periods.sort();
        periods.dedup();
        let target = (targets.iter())
            .find(|t| t.indicator_id == indicator.id && t.year == year)
            .and_then(|t| serde_json::from_str::<Target>(&t.target).ok())
            .map(|t| t.to_string())
            .unwrap_or_default();
        sheet_indicators.push(SheetIndicator {
            rows: value_rows(periods, &own),
            code: indicator.code,
            name: indicator.name,
            unit: indicator.unit,
            target,
        });
    }
    Ok(PlanSheet {
        plan_id,
        plan_name: plan.name,
        title,
        year,
        years,
        indicators: sheet_indicators,
    })
}
