//! What an item may refer to, and the checks of what admins and editors enter.

use std::collections::HashSet;

use chrono::NaiveDate;
use sea_orm::ConnectionTrait;
use serde_json::json;

use crate::db::TenantScope;
use crate::db::entities::{assignment, goal, plan};
use crate::db::repo::{councils, rows};
use crate::domain::{AssignmentForecast, AssignmentStatus, Carry, CouncilId, DepartmentId, PlanId, PlanStatus};
use crate::exchange::export::goals_in_tree_order;
use crate::model::{AssignmentForm, Council, FollowUp, GoalChoice, Known, Message, NewComment, echo};
use crate::services::{ServiceError, validate};

const MAX_TITLE: usize = 1000;
const MAX_COMMENT: usize = 5000;

/// A plan with what its items may refer to: its council (departments) and the goals on
/// levels that carry uppdrag.
pub(super) struct PlanContext {
    pub plan: plan::Model,
    pub council: Council,
    pub goals: Vec<goal::Model>,
}

impl PlanContext {
    pub async fn load(db: &impl ConnectionTrait, scope: TenantScope, plan_id: PlanId) -> Result<Self, ServiceError> {
        let plan = rows::find_plan(db, scope, plan_id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let council = councils::list_with_departments(db, scope)
            .await?
            .into_iter()
            .find(|c| c.id == CouncilId::from_uuid(plan.council_id))
            .ok_or_else(|| ServiceError::Corrupt(format!("plan {} without council", plan.id)))?;
        let mut carrying = HashSet::new();
        for level in rows::goal_levels(db, scope).await? {
            if crate::services::structure::carries(&level)?.contains(&Carry::Assignments) {
                carrying.insert(level.id);
            }
        }
        let mut goals = rows::goals_of_plan(db, scope, plan_id).await?;
        goals.retain(|g| carrying.contains(&g.level_id));
        Ok(PlanContext { plan, council, goals })
    }

    pub fn is_draft(&self) -> bool {
        self.plan.status != PlanStatus::Adopted
    }

    /// The stored item as its form.
    pub fn form_of(&self, item: &assignment::Model) -> AssignmentForm {
        AssignmentForm {
            kind: item.kind,
            title: item.title.clone(),
            goal: item
                .goal_id
                .and_then(|id| self.goals.iter().find(|g| g.id == id))
                .map(|g| g.code.clone())
                .unwrap_or_default(),
            department: item
                .department_id
                .and_then(|id| {
                    self.council
                        .departments
                        .iter()
                        .find(|d| d.id == DepartmentId::from_uuid(id))
                })
                .map(|d| d.name.clone())
                .unwrap_or_default(),
            is_new: item.is_new,
            end_date: item.end_date.map(|d| d.to_string()).unwrap_or_default(),
            decision_body: item.decision_body.clone().unwrap_or_default(),
        }
    }

    /// Checks a form; the result is `row` with the form's fields.
    pub fn apply(&self, form: &AssignmentForm, mut row: assignment::Model) -> Result<assignment::Model, ServiceError> {
        row.kind = form.kind;
        row.title = validate::text("title", &form.title, MAX_TITLE)?.to_owned();
        let goal = form.goal.trim();
        row.goal_id = match goal {
            "" => None,
            code => Some(
                self.goals
                    .iter()
                    .find(|g| g.code == code)
                    .ok_or_else(|| {
                        let message = Message::Unknown {
                            what: Known::GoalWithAssignments,
                            value: echo(code),
                        };
                        ServiceError::invalid("goal", message)
                    })?
                    .id,
            ),
        };
        let department = form.department.trim();
        row.department_id = match department {
            "" => None,
            name => Some(
                self.council
                    .departments
                    .iter()
                    .find(|d| d.name == name)
                    .ok_or_else(|| {
                        let message = Message::NotADepartment {
                            name: echo(name),
                            council: self.council.name.clone(),
                        };
                        ServiceError::invalid("department", message)
                    })?
                    .id
                    .into(),
            ),
        };
        row.is_new = form.is_new;
        row.end_date = validate::optional_date("end_date", &form.end_date)?;
        let body = form.decision_body.trim();
        row.decision_body = if body.is_empty() {
            None
        } else {
            Some(validate::text("decision_body", body, 200)?.to_owned())
        };
        Ok(row)
    }

    pub fn goal_choices(&self) -> Vec<GoalChoice> {
        goals_in_tree_order(self.goals.iter().collect())
            .into_iter()
            .map(|g| GoalChoice {
                code: g.code.clone(),
                label: format!("{} {}", g.number, g.title).trim().to_owned(),
            })
            .collect()
    }
}

/// A follow-up as stored: status and forecast, the comment's date parsed.
#[derive(Debug, PartialEq, Eq)]
pub struct CheckedFollowUp {
    pub status: Option<AssignmentStatus>,
    pub forecast: Option<AssignmentForecast>,
    pub comment: Option<(NaiveDate, String)>,
}

/// Checks a follow-up: a comment dated not after `today` (status and forecast are typed).
pub fn checked_follow_up(follow_up: &FollowUp, today: NaiveDate) -> Result<CheckedFollowUp, ServiceError> {
    let comment = match &follow_up.comment {
        None => None,
        Some(NewComment { date, text }) => {
            let date = validate::past_date("comment_date", date, today)?;
            Some((date, validate::text("comment", text, MAX_COMMENT)?.to_owned()))
        }
    };
    Ok(CheckedFollowUp {
        status: follow_up.status,
        forecast: follow_up.forecast,
        comment,
    })
}

/// The audit log's form of an item: one field per thing it is, and its follow-up.
pub(super) fn audit_text(context: &PlanContext, item: &assignment::Model) -> String {
    let form = context.form_of(item);
    json!({
        "kind": form.kind,
        "title": form.title,
        "goal": form.goal,
        "department": form.department,
        "new": form.is_new.map(|n| if n { "ny" } else { "kvarstående" }).unwrap_or_default(),
        "end_date": form.end_date,
        "decision_body": form.decision_body,
        "status": item.status.map(AssignmentStatus::as_str).unwrap_or_default(),
        "forecast": item.forecast.map(AssignmentForecast::as_str).unwrap_or_default(),
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn follow_up(
        status: Option<AssignmentStatus>,
        forecast: Option<AssignmentForecast>,
        comment: Option<(&str, &str)>,
    ) -> FollowUp {
        FollowUp {
            status,
            forecast,
            comment: comment.map(|(date, text)| NewComment {
                date: date.into(),
                text: text.into(),
            }),
        }
    }

    #[test]
    fn a_follow_up_names_the_field_that_is_wrong() {
        let today = NaiveDate::from_ymd_opt(2024, 7, 31).unwrap();
        let ok = checked_follow_up(
            &follow_up(
                Some(AssignmentStatus::Paborjad),
                Some(AssignmentForecast::Avvikelse),
                Some(("2024-07-31", " Försenat. ")),
            ),
            today,
        )
        .unwrap();
        let expected = CheckedFollowUp {
            status: Some(AssignmentStatus::Paborjad),
            forecast: Some(AssignmentForecast::Avvikelse),
            comment: Some((today, "Försenat.".into())),
        };
        assert_eq!(ok, expected);
        let empty = checked_follow_up(&follow_up(None, None, None), today).unwrap();
        assert_eq!((empty.status, empty.forecast, empty.comment), (None, None, None));
        for (bad, field) in [
            (follow_up(None, None, Some(("2024-08-01", "x"))), "comment_date"),
            (follow_up(None, None, Some(("", "x"))), "comment_date"),
            (follow_up(None, None, Some(("2024-07-01", "  "))), "comment"),
        ] {
            match checked_follow_up(&bad, today) {
                Err(ServiceError::Invalid { field: f, .. }) => assert_eq!(f, field, "{bad:?}"),
                other => panic!("{bad:?}: {other:?}"),
            }
        }
    }
}
