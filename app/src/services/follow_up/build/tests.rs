use chrono::NaiveDate;
use engine::Period;
use engine::assess::{Language, ManualVerdict, Verdict};
use serde_json::json;
use uuid::Uuid;

use super::*;
use crate::model::{ManualVerdictView, PlanSummary};
use crate::services::assessment::plan::{GivenVerdict, ManualVerdicts};

fn month(text: &str) -> Period {
    text.parse().expect("month")
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 11, 25).expect("date")
}

/// Two målområden with one nämndmål each. Nämndmål 1.1 has a monthly cumulative indicator
/// of Avdelning A assessed on pace (10 a month against 120 a year: exactly on pace); nämndmål 2.1 a yearly
/// one of Avdelning B with no outcome (grey).
fn inputs(manual: ManualVerdicts) -> PlanInputs {
    let outcomes: Vec<_> = (1..=10)
        .map(|m| json!({ "period": format!("2025-{m:02}"), "kind": "outcome", "gender": "T", "value": "10" }))
        .collect();
    let plan: doc::Plan = serde_json::from_value(json!({
        "council": "sn", "name": "Plan 2025", "first_year": 2025, "last_year": 2025,
        "status": "draft", "version": 1,
        "content": {
            "goals": [
                { "code": "1", "level": "omrade", "number": "1", "title": "Trygghet" },
                { "code": "1.1", "parent": "1", "level": "mal", "number": "1.1", "title": "Fler i arbete" },
                { "code": "2", "level": "omrade", "number": "2", "title": "Ekonomi" },
                { "code": "2.1", "parent": "2", "level": "mal", "number": "2.1", "title": "Budget i balans" },
            ],
            "indicators": [
                { "code": "a", "goal": "1.1", "name": "Antal i arbete", "kind": "namnd", "unit": "st",
                  "decimals": 0, "direction": "higher", "periodicity": "month", "cumulative": true,
                  "department": "Avdelning A", "values": outcomes,
                  "method": { "kind": "pace", "margin": { "kind": "percent", "value": "5" } },
                  "targets": [{ "year": 2025, "target": { "kind": "value", "value": "120" } }] },
                { "code": "b", "goal": "2.1", "name": "Budgetavvikelse", "kind": "namnd", "unit": "%",
                  "decimals": 1, "direction": "band", "periodicity": "year", "cumulative": false,
                  "department": "Avdelning B" },
            ],
            "assignments": [
                { "kind": "uppdrag", "goal": "1.1", "title": "Sent", "department": "Avdelning A",
                  "end_date": "2025-06-30", "status": "paborjad", "forecast": "avvikelse" },
                { "kind": "uppdrag", "title": "Klart", "department": "Avdelning B",
                  "end_date": "2025-06-30", "status": "slutford" },
                { "kind": "initiativ", "goal": "2.1", "title": "Pågår", "end_date": "2026-06-30", "status": "paborjad",
                  "forecast": "enligt_plan" },
            ],
        }
    }))
    .expect("plan");
    let levels: Vec<doc::Level> = serde_json::from_value(json!([
        { "key": "omrade", "name": "Målområde", "plural": "Målområden", "numbering": "sequence",
          "sections": [], "carries": [] },
        { "key": "mal", "name": "Nämndmål", "plural": "Nämndmål", "numbering": "nested",
          "sections": [], "carries": ["indicators", "assignments"] },
    ]))
    .expect("levels");
    PlanInputs {
        summary: PlanSummary {
            id: crate::domain::PlanId::from_uuid(Uuid::nil()),
            council_slug: "sn".into(),
            council_name: "Socialnämnden".into(),
            name: "Plan 2025".into(),
            first_year: 2025,
            last_year: 2025,
            status: crate::domain::PlanStatus::Draft,
            version: 1,
            revision: 1,
            kind: None,
        },
        levels,
        method: None,
        plan,
        manual,
        assignment_ids: vec![],
        incoming: vec![],
        contributors: vec![],
        economy: vec![],
    }
}

/// The whole plan in October 2025, as an editor sees it.
fn october(inputs: &PlanInputs) -> FollowUpView {
    follow_up(
        inputs,
        month("2025-10"),
        &filter(None, None),
        today(),
        true,
        Language::Swedish,
    )
}

fn codes(view: &FollowUpView) -> Vec<&str> {
    view.goals.iter().map(|g| g.code.as_str()).collect()
}

fn filter(department: Option<&str>, colour: Option<Colour>) -> FollowUpFilter {
    FollowUpFilter {
        month: None,
        department: department.map(str::to_owned),
        colour,
    }
}

#[test]
fn goals_carry_this_and_last_months_verdicts_and_levels_count_them() {
    let view = october(&inputs(ManualVerdicts::default()));
    assert_eq!(
        (view.month.as_str(), view.previous_month.as_str()),
        ("2025-10", "2025-09")
    );
    assert_eq!(
        (view.month_label.as_str(), view.previous_label.as_str()),
        ("oktober 2025", "september 2025")
    );
    assert_eq!(codes(&view), ["1", "1.1", "2", "2.1"]);
    let colours: Vec<Colour> = view.goals.iter().map(|g| g.verdict).collect();
    assert_eq!(colours, [Colour::Green, Colour::Green, Colour::Grey, Colour::Grey]);
    assert_eq!(view.goals[1].depth, 1);
    assert_eq!(view.goals[1].level, "Nämndmål");
    assert_eq!(view.goals[1].indicators[0].verdict, Colour::Green);
    assert!(
        view.goals[1].indicators[0].explanation.contains("100"),
        "{}",
        view.goals[1].indicators[0].explanation
    );
    let areas = &view.levels[0];
    assert_eq!(areas.level, "Målområden");
    assert_eq!((areas.now.green, areas.now.grey), (1, 1));
    assert_eq!(view.departments, ["Avdelning A", "Avdelning B"]);
}

#[test]
fn the_month_before_january_is_last_december() {
    let before = |text| previous_month(month(text)).map(|p| p.to_string());
    assert_eq!(before("2025-01").as_deref(), Some("2024-12"));
    assert_eq!(before("2025-10").as_deref(), Some("2025-09"));
    assert_eq!(before("1900-01"), None, "no month before the first one");
}

#[test]
fn filters_keep_matching_goals_their_ancestors_and_matching_indicators() {
    let inputs = inputs(ManualVerdicts::default());
    let at = month("2025-10");
    let of_a = follow_up(
        &inputs,
        at,
        &filter(Some("Avdelning A"), None),
        today(),
        false,
        Language::Swedish,
    );
    assert_eq!(codes(&of_a), ["1", "1.1"]);
    assert_eq!(of_a.assignments.items.len(), 1, "uppdrag of the department only");
    assert_eq!(of_a.levels[0].now.green, 1);
    assert_eq!(of_a.levels[0].now.grey, 0, "counts follow the department");

    let grey = follow_up(
        &inputs,
        at,
        &filter(None, Some(Colour::Grey)),
        today(),
        false,
        Language::Swedish,
    );
    assert_eq!(codes(&grey), ["2", "2.1"]);
    assert_eq!(grey.goals[1].indicators.len(), 1);
    assert_eq!(grey.levels[0].now.green, 1, "counts ignore the colour filter");

    let red = follow_up(
        &inputs,
        at,
        &filter(Some("Avdelning B"), Some(Colour::Red)),
        today(),
        false,
        Language::Swedish,
    );
    assert!(red.goals.is_empty());
}

#[test]
fn a_manual_verdict_for_the_month_overrides_and_is_shown() {
    let mut manual = ManualVerdicts::default();
    let given = |period: &str, verdict: Verdict| GivenVerdict {
        verdict: ManualVerdict {
            period: month(period),
            verdict,
            motivation: "Helhetsbedömning".into(),
        },
        view: ManualVerdictView {
            period: period.into(),
            verdict: verdict.into(),
            motivation: "Helhetsbedömning".into(),
            given_by: "Ann".into(),
            given_at: "2025-11-01 10:00".into(),
            revision: 1,
        },
    };
    manual.insert(VerdictKind::Goal, "2.1".into(), given("2025-10", Verdict::Red));
    let inputs = inputs(manual);
    let view = october(&inputs);
    let goal = &view.goals[3];
    assert_eq!(goal.verdict, Colour::Red);
    assert_eq!(goal.previous, Colour::Grey, "September had no manual verdict");
    assert_eq!(goal.manual.as_ref().map(|m| m.given_by.as_str()), Some("Ann"));
    assert!(goal.explanation.contains("Helhetsbedömning"), "{}", goal.explanation);
    assert_eq!(
        view.goals[2].verdict,
        Colour::Red,
        "the målområde follows its only nämndmål"
    );
    let november = follow_up(
        &inputs,
        month("2025-11"),
        &filter(None, None),
        today(),
        true,
        Language::Swedish,
    );
    assert_eq!(november.goals[3].verdict, Colour::Grey);
}

#[test]
fn the_uppdrag_overview_counts_status_by_forecast_and_flags_overdue_items() {
    let view = october(&inputs(ManualVerdicts::default()));
    let o = &view.assignments;
    assert_eq!(o.counts, [[0, 0, 0], [1, 1, 0], [0, 0, 1]]);
    let overdue: Vec<(&str, bool)> = o.items.iter().map(|i| (i.item.title.as_str(), i.overdue)).collect();
    assert_eq!(overdue, [("Sent", true), ("Klart", false), ("Pågår", false)]);
    assert_eq!(o.items[0].goal.as_deref(), Some("1.1 Fler i arbete"));
}

#[test]
fn a_cumulative_monthly_chart_sums_to_date_beside_the_pace_line() {
    let view = october(&inputs(ManualVerdicts::default()));
    let chart = &view.goals[1].indicators[0].chart;
    assert_eq!(chart.len(), 12);
    assert_eq!(chart[9].label, "2025-10");
    assert_eq!(
        (chart[9].outcome, chart[9].pace, chart[9].target),
        (Some(100.0), Some(100.0), Some(120.0))
    );
    assert_eq!(chart[10].outcome, None);
    assert_eq!(chart[11].pace, Some(120.0));
}

#[test]
fn the_defaults_say_what_applies_where_nothing_is_configured() {
    let view = october(&inputs(ManualVerdicts::default()));
    assert_eq!(view.defaults[0].0, "Indikatorer");
    assert!(view.defaults[0].1.contains("gul inom 5 %"), "{}", view.defaults[0].1);
    assert!(view.defaults[0].1.contains("Målbilds standard"));
    assert_eq!(view.defaults.len(), 3, "the indicators and each level");
}

#[test]
fn uppdrag_count_in_a_goals_verdict_where_its_level_says_so() {
    let mut counting = inputs(ManualVerdicts::default());
    counting.levels[1].assignment_inputs = true;
    let view = october(&counting);
    let budget = &view.goals[3];
    assert_eq!(budget.code, "2.1");
    assert_ne!(
        budget.verdict,
        Colour::Grey,
        "the initiativ on plan is assessable: {}",
        budget.explanation
    );
    assert!(budget.explanation.contains("Pågår"), "{}", budget.explanation);
    let plain = october(&inputs(ManualVerdicts::default()));
    assert_eq!(
        plain.goals[3].verdict,
        Colour::Grey,
        "not counted unless the level says so"
    );
    assert!(!plain.goals[3].explanation.contains("Pågår"));
}

#[test]
fn a_verdict_can_be_given_for_every_period_that_ends_with_the_month() {
    let codes = |at: &str| -> Vec<String> { periods_ending_at(month(at)).iter().map(ToString::to_string).collect() };
    assert_eq!(codes("2025-10"), ["2025-10"]);
    assert_eq!(codes("2025-04"), ["2025-04", "2025-T1"]);
    assert_eq!(codes("2025-06"), ["2025-06", "2025-H1"]);
    assert_eq!(codes("2025-08"), ["2025-08", "2025-T2"]);
    assert_eq!(codes("2025-12"), ["2025-12", "2025-T3", "2025-H2", "2025"]);
    let view = follow_up(
        &inputs(ManualVerdicts::default()),
        month("2025-08"),
        &filter(None, None),
        today(),
        true,
        Language::Swedish,
    );
    assert_eq!(
        view.judgement_periods[1],
        ("2025-T2".to_owned(), "tertial 2 2025".to_owned())
    );
}
