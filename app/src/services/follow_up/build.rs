//! The follow-up view from a plan's inputs at a month. Pure: the caller reads the inputs.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use engine::assess::{Language, PeriodText};
use engine::{Period, Periodicity};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::exchange::document::{self as doc, AssignmentForecast, AssignmentStatus, Gender, ValueKind};
use crate::model::{
    AssignmentFollowUp, AssignmentOverview, ChartPoint, Colour, ColourCounts, ContributionFollowUp, FollowUpFilter,
    FollowUpView, GoalFollowUp, IndicatorFollowUp, LevelTally, VerdictKind,
};
use crate::services::assessment::PlanInputs;
use crate::services::assessment::plan::{default_method, default_rule};
use crate::services::plan_view;

/// The month before `at`; none before the first month a period may have.
pub fn previous_month(at: Period) -> Option<Period> {
    let (year, month) = match at.index() {
        1 => (at.year().checked_sub(1)?, 12),
        m => (at.year(), m - 1),
    };
    Period::month(year, month).ok()
}

/// The month and every longer period that ends with it: August also closes tertial 2,
/// December every period of the year.
pub fn periods_ending_at(at: Period) -> Vec<Period> {
    let (year, month) = (at.year(), at.index());
    let mut periods = vec![at];
    for kind in [Periodicity::Tertial, Periodicity::HalfYear, Periodicity::Year] {
        let months = 12 / kind.per_year();
        if month % months == 0
            && let Ok(period) = Period::new(year, kind, month / months)
        {
            periods.push(period);
        }
    }
    periods
}

/// The page at `at` with the filter applied. `today` decides which uppdrag are overdue.
pub fn follow_up(
    inputs: &PlanInputs,
    at: Period,
    filter: &FollowUpFilter,
    today: NaiveDate,
    can_judge: bool,
    language: Language,
) -> FollowUpView {
    let content = &inputs.plan.content;
    // The first month there can be is compared with itself: no change.
    let before = previous_month(at).unwrap_or(at);
    let (now, then) = (inputs.assess(at, language), inputs.assess(before, language));
    // `assess` lists the goals in plan order, then the indicators in plan order.
    let goal_count = content.goals.len();
    let department = filter.department.as_deref().filter(|d| !d.is_empty());
    let in_department = |d: &Option<String>| department.is_none_or(|wanted| d.as_deref() == Some(wanted));

    let mut by_goal: HashMap<&str, Vec<IndicatorFollowUp>> = HashMap::new();
    for (i, indicator) in content.indicators.iter().enumerate() {
        let verdict = &now[goal_count + i];
        by_goal
            .entry(indicator.goal.as_str())
            .or_default()
            .push(IndicatorFollowUp {
                code: indicator.code.clone(),
                name: indicator.name.clone(),
                unit: indicator.unit.clone(),
                department: indicator.department.clone(),
                verdict: verdict.verdict,
                previous: then[goal_count + i].verdict,
                explanation: verdict.explanation.clone(),
                manual: (inputs.manual.at(VerdictKind::Indicator, &indicator.code, at)).map(|g| g.view.clone()),
                chart: chart(indicator, at),
            });
    }

    let level_names: HashMap<&str, &str> = (inputs.levels.iter())
        .map(|l| (l.key.as_str(), l.name.as_str()))
        .collect();
    let mut depths: HashMap<&str, usize> = HashMap::new();
    let contributed = inputs.contributions(at, language);
    let contributions = |code: &str| -> Vec<ContributionFollowUp> {
        (contributed.iter().filter(|c| c.link.target == code))
            .map(|c| ContributionFollowUp {
                council: c.link.council.clone(),
                plan_id: c.link.plan_id,
                code: c.link.code.clone(),
                title: c.link.title.clone(),
                kind: c.link.kind,
                verdict: c.verdict,
                explanation: c.explanation.clone(),
            })
            .collect()
    };
    let mut goals: Vec<GoalFollowUp> = Vec::with_capacity(goal_count);
    for (i, goal) in content.goals.iter().enumerate() {
        let depth = (goal.parent.as_deref()).map_or(0, |p| depths.get(p).map_or(0, |d| d + 1));
        depths.insert(&goal.code, depth);
        goals.push(GoalFollowUp {
            code: goal.code.clone(),
            number: goal.number.clone(),
            title: goal.title.clone(),
            level: level_names
                .get(goal.level.as_str())
                .copied()
                .unwrap_or(&goal.level)
                .to_owned(),
            depth,
            assessed: !inputs.levels.iter().any(|l| l.grouping && l.key == goal.level),
            verdict: now[i].verdict,
            previous: then[i].verdict,
            explanation: now[i].explanation.clone(),
            manual: (inputs.manual.at(VerdictKind::Goal, &goal.code, at)).map(|g| g.view.clone()),
            indicators: by_goal.remove(goal.code.as_str()).unwrap_or_default(),
            contributions: contributions(&goal.code),
        });
    }

    // Which goals show: those matching the filters themselves or through one of their
    // indicators, and every ancestor of one that shows. Children follow their parents, so
    // in reverse every child is decided before its parent.
    let visible = |colour: Option<Colour>| -> Vec<bool> {
        let mut shown_children: HashSet<&str> = HashSet::new();
        let mut shown = vec![false; goals.len()];
        for (i, goal) in goals.iter().enumerate().rev() {
            let own_department = department.is_none() || goal.indicators.iter().any(|x| in_department(&x.department));
            let own = own_department && colour.is_none_or(|c| goal.assessed && goal.verdict == c);
            let through_indicator = (department.is_some() || colour.is_some())
                && (goal.indicators.iter())
                    .any(|x| in_department(&x.department) && colour.is_none_or(|c| x.verdict == c));
            shown[i] = own || through_indicator || shown_children.contains(goal.code.as_str());
            if shown[i]
                && let Some(parent) = &content.goals[i].parent
            {
                shown_children.insert(parent);
            }
        }
        shown
    };
    let levels = tallies(inputs, &goals, &visible(None));
    let shown = visible(filter.colour);
    let goals: Vec<GoalFollowUp> = (goals.into_iter().zip(shown))
        .filter(|(_, shown)| *shown)
        .map(|(mut goal, _)| {
            (goal.indicators).retain(|x| in_department(&x.department) && filter.colour.is_none_or(|c| x.verdict == c));
            goal
        })
        .collect();

    let mut departments: Vec<String> = (content.indicators.iter().filter_map(|i| i.department.clone()))
        .chain(content.assignments.iter().filter_map(|a| a.department.clone()))
        .collect();
    departments.sort();
    departments.dedup();

    let summary = &inputs.summary;
    FollowUpView {
        plan: summary.clone(),
        month: at.to_string(),
        previous_month: before.to_string(),
        month_label: PeriodText(at, language).to_string(),
        previous_label: PeriodText(before, language).to_string(),
        first_month: format!("{}-01", summary.first_year),
        last_month: format!("{}-12", summary.last_year),
        department: department.map(str::to_owned),
        colour: filter.colour,
        defaults: defaults(inputs, language),
        departments,
        levels,
        goals,
        assignments: overview(inputs, department, today),
        can_judge,
        judgement_periods: (periods_ending_at(at).into_iter())
            .map(|p| (p.to_string(), PeriodText(p, language).to_string()))
            .collect(),
    }
}

/// Goals by colour per level (in the tenant's level order), now and the month before.
fn tallies(inputs: &PlanInputs, goals: &[GoalFollowUp], shown: &[bool]) -> Vec<LevelTally> {
    let content = &inputs.plan.content;
    (inputs.levels.iter().filter(|l| !l.grouping))
        .filter_map(|level| {
            let mut tally = LevelTally {
                level: level.plural.clone(),
                now: ColourCounts::default(),
                before: ColourCounts::default(),
            };
            let of_level = (content.goals.iter().zip(goals).zip(shown))
                .filter(|((goal, _), shown)| **shown && goal.level == level.key);
            for ((_, goal), _) in of_level {
                tally.now.add(goal.verdict);
                tally.before.add(goal.previous);
            }
            (tally.now != ColourCounts::default()).then_some(tally)
        })
        .collect()
}

/// How verdicts are reached where an indicator or goal has no rule of its own.
fn defaults(inputs: &PlanInputs, language: Language) -> Vec<(String, String)> {
    let standard = language.pick("Målbilds standard", "Målbild's default");
    let method = match inputs.method {
        Some(method) => method.text(language),
        None => format!("{} ({standard})", default_method().text(language)),
    };
    let mut lines = vec![(language.pick("Indikatorer", "Indicators").to_owned(), method)];
    for level in &inputs.levels {
        let rule = match &level.rule {
            _ if level.grouping => language
                .pick("grupperar mål, bedöms inte", "groups goals, not assessed")
                .to_owned(),
            Some(rule) => rule.text(language),
            None => format!(
                "{}; {} {} ({standard})",
                default_rule(false).text(language),
                language.pick("mål med bara delmål:", "goals with only sub-goals:"),
                default_rule(true).text(language)
            ),
        };
        lines.push((level.plural.clone(), rule));
    }
    lines
}

/// Uppdrag and initiativ by status and forecast, each with its goal and latest comment.
fn overview(inputs: &PlanInputs, department: Option<&str>, today: NaiveDate) -> AssignmentOverview {
    let content = &inputs.plan.content;
    let goal_names: HashMap<&str, String> = (content.goals.iter())
        .map(|g| (g.code.as_str(), format!("{} {}", g.number, g.title).trim().to_owned()))
        .collect();
    let mut counts = [[0u32; 3]; 3];
    let mut items = Vec::new();
    for (i, a) in content.assignments.iter().enumerate() {
        if department.is_some_and(|d| a.department.as_deref() != Some(d)) {
            continue;
        }
        let status = match a.status {
            None | Some(AssignmentStatus::EjPaborjad) => 0,
            Some(AssignmentStatus::Paborjad) => 1,
            Some(AssignmentStatus::Slutford) => 2,
        };
        let forecast = match a.forecast {
            Some(AssignmentForecast::EnligtPlan) => 0,
            Some(AssignmentForecast::Avvikelse) => 1,
            None => 2,
        };
        counts[status][forecast] += 1;
        items.push(AssignmentFollowUp {
            item: plan_view::assignment(a, inputs.assignment_ids.get(i).copied()),
            goal: a.goal.as_deref().and_then(|g| goal_names.get(g).cloned()),
            overdue: status != 2 && a.end_date.is_some_and(|end| end < today),
        });
    }
    AssignmentOverview { counts, items }
}

/// A monthly indicator's year at `at`: outcomes (summed to date when cumulative), the year's
/// target and, when cumulative, the pace towards it. Other indicators: by period, as on the
/// plan page.
fn chart(indicator: &doc::Indicator, at: Period) -> Vec<ChartPoint> {
    if indicator.periodicity != Periodicity::Month {
        return plan_view::chart(indicator);
    }
    let year = at.year();
    let target = (indicator.targets.iter())
        .find(|t| t.year == year)
        .and_then(|t| plan_view::target_level(&t.target));
    // Checked: outcomes are whatever was entered, and a sum past Decimal's range has no point.
    let mut sum = Some(Decimal::ZERO);
    (1..=12u8)
        .filter_map(|m| Period::month(year, m).ok().map(|month| (m, month)))
        .map(|(m, month)| {
            let value = (indicator.values.iter())
                .find(|v| v.kind == ValueKind::Outcome && v.gender == Gender::Total && v.period == month)
                .map(|v| v.value);
            let outcome = value.and_then(|v| {
                sum = sum.and_then(|s| s.checked_add(v));
                if indicator.cumulative { sum } else { Some(v) }
            });
            let pace = (target.filter(|_| indicator.cumulative))
                .and_then(|t| t.checked_mul(Decimal::from(m)))
                .and_then(|t| t.checked_div(Decimal::from(12)));
            ChartPoint {
                label: month.to_string(),
                outcome: outcome.and_then(|v| v.to_f64()),
                target: target.and_then(|t| t.to_f64()),
                pace: pace.and_then(|p| p.to_f64()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
