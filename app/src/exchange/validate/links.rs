//! Checks of contributions: only a council's goals contribute (not the municipality's own),
//! each to a goal of the municipality's plan covering the plan's first year, each goal at
//! most once.

use std::collections::HashSet;

use super::Checker;
use crate::exchange::document::TenantDocument;
use crate::exchange::links::target_plan;
use crate::model::{Known, Location, Message, Place, echo};

pub(super) fn check(check: &mut Checker, doc: &TenantDocument) {
    for plan in &doc.plans {
        let municipal = doc.councils.iter().any(|c| c.slug == plan.council && c.municipal);
        let target = target_plan(doc, plan);
        let at = Location::of(Place::Plan {
            name: plan.name.clone(),
        });
        for goal in plan.content.goals.iter().filter(|g| !g.contributes_to.is_empty()) {
            let here = at
                .at(Place::Goal {
                    code: goal.code.clone(),
                })
                .field("contributes_to");
            if municipal {
                check.fail(&here, Message::MunicipalGoalContributes);
                continue;
            }
            let mut seen = HashSet::new();
            for link in &goal.contributes_to {
                let known = target.is_some_and(|t| t.content.goals.iter().any(|g| g.code == link.goal));
                if !known {
                    let message = Message::Unknown {
                        what: Known::MunicipalGoal,
                        value: echo(&link.goal),
                    };
                    check.fail(&here, message);
                } else if !seen.insert(link.goal.as_str()) {
                    let message = Message::Duplicate {
                        value: link.goal.clone(),
                    };
                    check.fail(&here, message);
                }
            }
        }
    }
}
