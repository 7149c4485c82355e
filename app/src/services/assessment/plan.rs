//! A plan's verdicts at a month, from its content as the tenant document holds it: each
//! indicator by its method, each goal by its rule from its indicators and child goals (and
//! its uppdrag and initiativ, where its level counts them).
//! Pure: the caller reads the document, this hands it to `engine::assess`.

use std::collections::HashMap;

use engine::assess::{
    AssignmentForecast, AssignmentStatus, Better, GoalInput, IndicatorSeries, InputKind, Language, ManualVerdict,
    Margin, Method, Quota, Rule, Verdict, assess_goal, assess_indicator, assignment_verdict,
};
use engine::{Period, Target, parse_number};
use rust_decimal::Decimal;

use crate::domain::Contribution;
use crate::exchange::document::{self as doc, Gender, ValueKind};
use crate::exchange::export::Incoming;
use crate::model::{Assessment, Colour, ManualVerdictView, VerdictKind};

/// A council's goal contributing to a goal of this (the municipality's) plan, with its
/// verdict at the month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contributed {
    pub link: Incoming,
    pub verdict: Colour,
    pub explanation: String,
}

impl Contributed {
    /// How a rule names it: the council's slug and the goal's code (`socialnamnden/1.1`).
    pub fn key(&self) -> String {
        format!("{}/{}", self.link.council_slug, self.link.code)
    }

    /// As an explanation lists it: the goal and its council.
    pub fn label(&self) -> String {
        format!("{} ({})", self.link.title, self.link.council)
    }
}

/// A manual verdict as the engine takes it, and as the follow-up page shows it.
#[derive(Debug, Clone)]
pub struct GivenVerdict {
    pub verdict: ManualVerdict,
    pub view: ManualVerdictView,
}

/// A plan's manual verdicts by goal and by indicator code, any period.
#[derive(Debug, Clone, Default)]
pub struct ManualVerdicts {
    goals: HashMap<String, Vec<GivenVerdict>>,
    indicators: HashMap<String, Vec<GivenVerdict>>,
}

impl ManualVerdicts {
    fn of_kind(&self, kind: VerdictKind) -> &HashMap<String, Vec<GivenVerdict>> {
        match kind {
            VerdictKind::Goal => &self.goals,
            VerdictKind::Indicator => &self.indicators,
        }
    }

    pub fn insert(&mut self, kind: VerdictKind, code: String, given: GivenVerdict) {
        let map = match kind {
            VerdictKind::Goal => &mut self.goals,
            VerdictKind::Indicator => &mut self.indicators,
        };
        map.entry(code).or_default().push(given);
    }

    /// The verdict that applies at `at` (each holds from the end of its period until the
    /// next period of its kind ends): the one whose period ended last, and of those the
    /// shortest (a month's before the tertial's ending in the same month).
    pub fn at(&self, kind: VerdictKind, code: &str, at: Period) -> Option<&GivenVerdict> {
        (self.of_kind(kind).get(code)?.iter())
            .filter(|g| g.verdict.applies_to(at))
            .max_by_key(|g| {
                (
                    g.verdict.period.end_month(),
                    std::cmp::Reverse(g.verdict.period.month_count()),
                )
            })
    }
}

/// The method of an indicator that has none and whose tenant has none: 5 % below target is
/// yellow.
pub fn default_method() -> Method {
    Method::Threshold {
        margin: Margin::Percent(Decimal::from(5)),
    }
}

/// The rule of a goal that has none and whose level has none: a goal with only child goals
/// is green when they all are (yellow counting half from ½); otherwise at least half its
/// inputs green and none red.
pub fn default_rule(only_child_goals: bool) -> Rule {
    if only_child_goals {
        Rule::Weighted {
            weights: Vec::new(),
            green_from: Decimal::ONE,
            yellow_from: Decimal::new(5, 1),
        }
    } else {
        Rule::CountGreen {
            green: Quota::Share(Decimal::from(50)),
            rest_at_least: Some(Verdict::Yellow),
            mandatory: Vec::new(),
        }
    }
}

/// One indicator's series, owned so the engine can borrow it.
struct Series {
    outcomes: Vec<(Period, Decimal)>,
    forecasts: Vec<(Period, Decimal)>,
    targets: Vec<(i32, Target)>,
    baseline: Option<Decimal>,
}

impl Series {
    fn of(indicator: &doc::Indicator) -> Self {
        let values = |kind: ValueKind| -> Vec<(Period, Decimal)> {
            (indicator.values.iter())
                .filter(|v| v.kind == kind && v.gender == Gender::Total)
                .map(|v| (v.period, v.value))
                .collect()
        };
        Series {
            outcomes: values(ValueKind::Outcome),
            forecasts: values(ValueKind::Forecast),
            targets: indicator.targets.iter().map(|t| (t.year, t.target.clone())).collect(),
            baseline: (indicator.baseline.as_ref())
                .and_then(|b| b.value.as_deref())
                .and_then(|v| parse_number(v).ok()),
        }
    }
}

/// An uppdrag's follow-up as a goal input's traffic light.
fn assignment_input(a: &doc::Assignment) -> GoalInput<'_> {
    let status = match a.status {
        None | Some(doc::AssignmentStatus::EjPaborjad) => AssignmentStatus::NotStarted,
        Some(doc::AssignmentStatus::Paborjad) => AssignmentStatus::Started,
        Some(doc::AssignmentStatus::Slutford) => AssignmentStatus::Completed,
    };
    let forecast = a.forecast.map(|f| match f {
        doc::AssignmentForecast::EnligtPlan => AssignmentForecast::OnPlan,
        doc::AssignmentForecast::Avvikelse => AssignmentForecast::Deviation,
    });
    GoalInput::new(
        &a.title,
        &a.title,
        InputKind::Assignment,
        assignment_verdict(status, forecast),
    )
}

fn better(direction: doc::Better) -> Better {
    match direction {
        doc::Better::Higher => Better::Higher,
        doc::Better::Lower => Better::Lower,
        doc::Better::Band => Better::Band,
    }
}

/// Every goal's and indicator's verdict in the plan's current content at `at`, goals first
/// in plan order, then indicators in plan order. A manual verdict that applies at `at`
/// overrides the computed one. A goal's inputs are its indicators, its child goals (but
/// those of grouping levels), where its level says so its uppdrag, and the goals
/// `contributed` directly to it; a goal of a grouping level is not assessed. Explanations
/// are written in `language`.
pub fn assess(
    levels: &[doc::Level],
    tenant_method: Option<Method>,
    plan: &doc::Plan,
    manual: &ManualVerdicts,
    contributed: &[Contributed],
    at: Period,
    language: Language,
) -> Vec<Assessment> {
    let content = &plan.content;
    let line = |kind, code: &str, name: String, verdict: Verdict, explanation: String| Assessment {
        council: plan.council.clone(),
        plan: plan.name.clone(),
        kind,
        code: code.to_owned(),
        name,
        verdict: verdict.into(),
        explanation,
    };
    let series: Vec<Series> = content.indicators.iter().map(Series::of).collect();
    let mut indicator_lines = Vec::with_capacity(content.indicators.len());
    let mut by_goal: HashMap<&str, Vec<GoalInput>> = HashMap::new();
    let assessments: Vec<_> = (content.indicators.iter().zip(&series))
        .map(|(indicator, s)| {
            let input = IndicatorSeries {
                better: better(indicator.direction),
                periodicity: indicator.periodicity,
                cumulative: indicator.cumulative,
                baseline: s.baseline,
                outcomes: &s.outcomes,
                forecasts: &s.forecasts,
                targets: &s.targets,
                method: indicator.method.or(tenant_method).unwrap_or_else(default_method),
                manual: manual
                    .at(VerdictKind::Indicator, &indicator.code, at)
                    .map(|g| &g.verdict),
            };
            assess_indicator(&input, at)
        })
        .collect();
    for (indicator, assessment) in content.indicators.iter().zip(&assessments) {
        indicator_lines.push(line(
            VerdictKind::Indicator,
            &indicator.code,
            indicator.name.clone(),
            assessment.verdict,
            assessment.explanation.text(language),
        ));
        (by_goal.entry(indicator.goal.as_str()).or_default()).push(GoalInput::indicator(
            &indicator.code,
            &indicator.name,
            assessment,
        ));
    }

    // Children come after their parent in a plan, so in reverse every child is done first.
    let level_rules: HashMap<&str, &Rule> = (levels.iter())
        .filter_map(|l| l.rule.as_ref().map(|r| (l.key.as_str(), r)))
        .collect();
    let counting_assignments: Vec<&str> = (levels.iter().filter(|l| l.assignment_inputs))
        .map(|l| l.key.as_str())
        .collect();
    let grouping: Vec<&str> = (levels.iter().filter(|l| l.grouping)).map(|l| l.key.as_str()).collect();
    let direct: Vec<(&str, String, String, Verdict)> = (contributed.iter())
        .filter(|c| c.link.kind == Contribution::Direct)
        .map(|c| (c.link.target.as_str(), c.key(), c.label(), c.verdict.into()))
        .collect();
    let mut goal_lines: Vec<Assessment> = Vec::with_capacity(content.goals.len());
    let mut children: HashMap<&str, Vec<(&str, &str, Verdict)>> = HashMap::new();
    for goal in content.goals.iter().rev() {
        if grouping.contains(&goal.level.as_str()) {
            let explanation = language.pick("Grupperar mål och bedöms inte.", "Groups goals and is not assessed.");
            let name = format!("{} {}", goal.number, goal.title).trim().to_owned();
            goal_lines.push(line(
                VerdictKind::Goal,
                &goal.code,
                name,
                Verdict::Grey,
                explanation.to_owned(),
            ));
            children.remove(goal.code.as_str());
            continue;
        }
        let mut inputs = by_goal.remove(goal.code.as_str()).unwrap_or_default();
        if counting_assignments.contains(&goal.level.as_str()) {
            let own = content
                .assignments
                .iter()
                .filter(|a| a.goal.as_ref() == Some(&goal.code));
            inputs.extend(own.map(assignment_input));
        }
        let own_inputs = inputs.len();
        for (code, title, verdict) in children
            .remove(goal.code.as_str())
            .unwrap_or_default()
            .into_iter()
            .rev()
        {
            inputs.push(GoalInput::new(code, title, InputKind::ChildGoal, verdict));
        }
        for (_, key, label, verdict) in direct.iter().filter(|(target, ..)| *target == goal.code) {
            inputs.push(GoalInput::new(key, label, InputKind::ChildGoal, *verdict));
        }
        let fallback;
        let rule = match goal
            .rule
            .as_ref()
            .or_else(|| level_rules.get(goal.level.as_str()).copied())
        {
            Some(rule) => rule,
            None => {
                fallback = default_rule(own_inputs == 0 && !inputs.is_empty());
                &fallback
            }
        };
        let given = manual.at(VerdictKind::Goal, &goal.code, at).map(|g| &g.verdict);
        let assessment = assess_goal(rule, &inputs, at, given);
        if let Some(parent) = &goal.parent {
            (children.entry(parent.as_str()).or_default()).push((&goal.code, &goal.title, assessment.verdict));
        }
        goal_lines.push(line(
            VerdictKind::Goal,
            &goal.code,
            format!("{} {}", goal.number, goal.title).trim().to_owned(),
            assessment.verdict,
            assessment.explanation.text(language),
        ));
    }
    goal_lines.reverse();
    goal_lines.extend(indicator_lines);
    goal_lines
}
