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

pub(super) fn check(check: &mut Checker, doc: &TenantDocument) {
    if let Some(method) = &doc.tenant.indicator_method
        && let Err(e) = method.validate()
    {
        check.fail("tenant › indicator_method", e.to_string());
    }
    for level in &doc.levels {
        if level.assignment_inputs && !level.carries.contains(&Carry::Assignments) {
            check.fail(
                format!("level \"{}\" › assignment_inputs", level.key),
                "uppdrag can count in the verdicts only where the level carries them",
            );
        }
        if let Some(rule) = &level.rule
            && let Err(e) = rule.validate()
        {
            check.fail(format!("level \"{}\" › rule", level.key), e.to_string());
        }
    }
    for plan in &doc.plans {
        let at = format!("plan \"{}\" ({})", plan.name, plan.council);
        content(check, &at, &plan.content);
        manual_verdicts(check, &at, plan);
        for adopted in &plan.adopted {
            content(
                check,
                &format!("{at} › adopted version {}", adopted.version),
                &adopted.content,
            );
        }
    }
}

fn content(check: &mut Checker, at: &str, content: &PlanContent) {
    let mut inputs: HashMap<&str, HashSet<&str>> = HashMap::new();
    for indicator in &content.indicators {
        inputs
            .entry(indicator.goal.as_str())
            .or_default()
            .insert(indicator.code.as_str());
        if let Some(method) = &indicator.method
            && let Err(e) = method.validate()
        {
            check.fail(
                format!("{at} › indicator \"{}\" › method", indicator.code),
                e.to_string(),
            );
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
        let here = format!("{at} › goal \"{}\" › rule", goal.code);
        if let Err(e) = rule.validate() {
            check.fail(&here, e.to_string());
        }
        let own = inputs.get(goal.code.as_str()).unwrap_or(&none);
        let mut named = Vec::new();
        keys(rule, &mut named);
        for key in named.into_iter().filter(|k| !own.contains(k)) {
            check.fail(
                &here,
                format!("\"{key}\" is neither an indicator nor a child goal of {}", goal.code),
            );
        }
    }
}

fn manual_verdicts(check: &mut Checker, at: &str, plan: &Plan) {
    let goals: HashSet<&str> = plan.content.goals.iter().map(|g| g.code.as_str()).collect();
    let indicators: HashSet<&str> = plan.content.indicators.iter().map(|i| i.code.as_str()).collect();
    let mut seen = HashSet::new();
    for (i, verdict) in plan.manual_verdicts.iter().enumerate() {
        let here = format!("{at} › manual_verdicts[{i}]");
        match (&verdict.goal, &verdict.indicator) {
            (Some(goal), None) if !goals.contains(goal.as_str()) => {
                check.fail(&here, format!("goal \"{goal}\" is not in the plan"));
            }
            (None, Some(indicator)) if !indicators.contains(indicator.as_str()) => {
                check.fail(&here, format!("indicator \"{indicator}\" is not in the plan"));
            }
            (Some(_), None) | (None, Some(_)) => {
                if !seen.insert((&verdict.goal, &verdict.indicator, verdict.period)) {
                    check.fail(&here, format!("a second verdict for {}", verdict.period));
                }
            }
            _ => check.fail(&here, "give either a goal or an indicator"),
        }
        if !(plan.first_year..=plan.last_year).contains(&verdict.period.year()) {
            check.fail(
                format!("{here} › period"),
                format!(
                    "{} is outside the plan's years {}–{}",
                    verdict.period, plan.first_year, plan.last_year
                ),
            );
        }
        let motivation = verdict.motivation.trim();
        if motivation.is_empty() || motivation.chars().count() > MOTIVATION_MAX {
            check.fail(
                format!("{here} › motivation"),
                format!("must be given, at most {MOTIVATION_MAX} characters"),
            );
        }
    }
}

/// Every input key a rule names (mandatory inputs and weights), nested rules included.
fn keys<'a>(rule: &'a Rule, out: &mut Vec<&'a str>) {
    match rule {
        Rule::CountGreen { mandatory, .. } => out.extend(mandatory.iter().map(String::as_str)),
        Rule::Weighted { weights, .. } => out.extend(weights.iter().map(|(key, _)| key.as_str())),
        Rule::All { rules } => rules.iter().for_each(|r| keys(r, out)),
        Rule::Manual => {}
    }
}
