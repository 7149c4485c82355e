//! Checks of how verdicts are reached: the tenant's default method, each level's default
//! rule, each goal's own rule and each indicator's own method. A goal's rule may name only
//! its own inputs: the codes of its indicators and of its child goals. And of the manual
//! verdicts given: each about one goal or indicator of the plan, in the plan's years, with
//! a motivation, at most one per subject and period.

use std::collections::{HashMap, HashSet};

use engine::assess::Rule;

use super::Checker;
use super::MOTIVATION_MAX;
use crate::exchange::document::{Carry, Plan, PlanContent, TenantDocument};
use crate::model::{Known, Location, Message, Place, echo};

pub(super) fn check(check: &mut Checker, doc: &TenantDocument) {
    if let Some(method) = &doc.tenant.indicator_method
        && let Err(e) = method.validate()
    {
        check.fail(&Location::default().field("tenant.indicator_method"), (&e).into());
    }
    for level in &doc.levels {
        let at = Location::of(Place::Level { key: level.key.clone() });
        if level.assignment_inputs && !level.carries.contains(&Carry::Assignments) {
            check.fail(&at.field("assignment_inputs"), Message::AssignmentInputsNeedCarry);
        }
        if let Some(rule) = &level.rule
            && let Err(e) = rule.validate()
        {
            check.fail(&at.field("rule"), (&e).into());
        }
    }
    for plan in &doc.plans {
        let at = Location::of(Place::Plan {
            name: plan.name.clone(),
        });
        content(check, &at, &plan.content);
        manual_verdicts(check, &at, plan);
        for adopted in &plan.adopted {
            content(
                check,
                &at.at(Place::AdoptedVersion {
                    version: adopted.version,
                }),
                &adopted.content,
            );
        }
    }
}

fn content(check: &mut Checker, at: &Location, content: &PlanContent) {
    let mut inputs: HashMap<&str, HashSet<&str>> = HashMap::new();
    for indicator in &content.indicators {
        inputs
            .entry(indicator.goal.as_str())
            .or_default()
            .insert(indicator.code.as_str());
        if let Some(method) = &indicator.method
            && let Err(e) = method.validate()
        {
            let here = at.at(Place::Indicator {
                code: indicator.code.clone(),
            });
            check.fail(&here.field("method"), (&e).into());
        }
    }
    for goal in &content.goals {
        if let Some(parent) = &goal.parent {
            inputs.entry(parent.as_str()).or_default().insert(goal.code.as_str());
        }
    }
    let none = HashSet::new();
    for goal in &content.goals {
        let Some(rule) = &goal.rule else { continue };
        let here = at
            .at(Place::Goal {
                code: goal.code.clone(),
            })
            .field("rule");
        if let Err(e) = rule.validate() {
            check.fail(&here, (&e).into());
        }
        let own = inputs.get(goal.code.as_str()).unwrap_or(&none);
        let mut named = Vec::new();
        rule_keys(rule, &mut named);
        for key in named.into_iter().filter(|k| !own.contains(k)) {
            let message = Message::NotAnInput {
                key: echo(key),
                goal: goal.code.clone(),
            };
            check.fail(&here, message);
        }
    }
}

fn manual_verdicts(check: &mut Checker, at: &Location, plan: &Plan) {
    let goals: HashSet<&str> = plan.content.goals.iter().map(|g| g.code.as_str()).collect();
    let indicators: HashSet<&str> = plan.content.indicators.iter().map(|i| i.code.as_str()).collect();
    let mut seen = HashSet::new();
    for (i, verdict) in plan.manual_verdicts.iter().enumerate() {
        let here = at.field("manual_verdicts").at(Place::Nth { nth: i + 1 });
        let unknown = |what, code: &str| Message::Unknown {
            what,
            value: echo(code),
        };
        match (&verdict.goal, &verdict.indicator) {
            (Some(goal), None) if !goals.contains(goal.as_str()) => {
                check.fail(&here, unknown(Known::GoalInPlan, goal));
            }
            (None, Some(indicator)) if !indicators.contains(indicator.as_str()) => {
                check.fail(&here, unknown(Known::IndicatorInPlan, indicator));
            }
            (Some(_), None) | (None, Some(_)) => {
                if !seen.insert((&verdict.goal, &verdict.indicator, verdict.period)) {
                    let message = Message::Duplicate {
                        value: verdict.period.to_string(),
                    };
                    check.fail(&here.field("period"), message);
                }
            }
            _ => check.fail(&here, Message::GoalOrIndicator),
        }
        if !(plan.first_year..=plan.last_year).contains(&verdict.period.year()) {
            let message = Message::OutsideYears {
                value: verdict.period.to_string(),
                first: plan.first_year,
                last: plan.last_year,
            };
            check.fail(&here.field("period"), message);
        }
        check.text(&here.field("motivation"), &verdict.motivation, MOTIVATION_MAX);
    }
}

/// Every input key a rule names (mandatory inputs and weights), nested rules included.
pub fn rule_keys<'a>(rule: &'a Rule, out: &mut Vec<&'a str>) {
    match rule {
        Rule::CountGreen { mandatory, .. } => out.extend(mandatory.iter().map(String::as_str)),
        Rule::Weighted { weights, .. } => out.extend(weights.iter().map(|(key, _)| key.as_str())),
        Rule::All { rules } => rules.iter().for_each(|r| rule_keys(r, out)),
        Rule::Manual => {}
    }
}
