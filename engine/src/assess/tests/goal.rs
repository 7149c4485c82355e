use super::*;

use Verdict::{Green, Grey, Red, Yellow};

/// Runs a rule over letter-coded inputs ("GGYR", "-" grey).
fn table(rule: &Rule, cases: &[(&str, Verdict)]) {
    for &(letters, want) in cases {
        assert_eq!(goal_verdict(rule, letters), want, "{letters}");
    }
}

#[test]
fn three_of_four_green_nämndmål_1_1() {
    table(
        &Rule::count_green(3),
        &[
            ("GGGG", Green),
            ("GGGR", Green),
            ("GGG-", Green),
            ("GGYR", Yellow),
            ("GYYY", Yellow),
            ("GGRR", Red),
            ("YYRR", Red),
            ("GG--", Grey),
            ("----", Grey),
        ],
    );
}

#[test]
fn two_of_three_green_and_the_third_at_least_yellow_nämndmål_3() {
    table(
        &Rule::count_green_rest_yellow(2),
        &[
            ("GGG", Green),
            ("GGY", Green),
            ("GGR", Red),
            ("GG-", Yellow),
            ("GYY", Yellow),
            ("GYR", Red),
            ("YYY", Yellow),
            ("G--", Grey),
        ],
    );
}

#[test]
fn one_of_two_green_and_the_other_at_least_yellow_nämndmål_4() {
    table(
        &Rule::count_green_rest_yellow(1),
        &[
            ("GG", Green),
            ("GY", Green),
            ("GR", Red),
            ("G-", Yellow),
            ("YY", Yellow),
            ("YR", Red),
            ("RR", Red),
            ("--", Grey),
        ],
    );
}

#[test]
fn three_of_five_green_needs_budget_adherence() {
    let rule = Rule::count_green_including(3, "budget");
    let cases = [
        ("G", "GGRR", Green),
        ("G", "GGGG", Green),
        ("Y", "GGGG", Yellow),
        ("R", "GGGG", Red),
        ("G", "GYRR", Yellow),
        ("G", "GRRR", Red),
        ("-", "GGGG", Grey),
    ];
    for (budget, others, want) in cases {
        let mut all = lights(budget);
        all.extend(lights(others));
        let keys = ["budget", "a", "b", "c", "d"];
        let named: Vec<_> = keys.into_iter().zip(all).collect();
        let goal_inputs = inputs(&named);
        let got = assess_goal(&rule, &goal_inputs, october(), None).verdict;
        assert_eq!(got, want, "budget {budget}, others {others}");
    }
    let without_budget = numbered(&lights("GGGGG"));
    let outcome = assess_goal(&rule, &without_budget, october(), None);
    assert_eq!(outcome.verdict, Grey, "the mandatory indicator is missing");
    assert!(matches!(
        outcome.explanation.outcome,
        RuleOutcome::CountGreen(CountOutcome {
            grey: Some(CountGrey::MandatoryMissing { mandatory: 0 }),
            ..
        })
    ));
}

#[test]
fn fewer_assessable_than_needed_is_grey() {
    table(
        &Rule::count_green(3),
        &[("GG-", Grey), ("GGR-", Red), ("GGG-", Green), ("G---", Grey)],
    );
    table(&Rule::count_green(5), &[("GGGG", Grey)]);
    table(&Rule::count_green(0), &[("RR", Green), ("--", Grey), ("", Grey)]);
}

#[test]
fn weighted_green_and_red_is_yellow_kf_mål_1() {
    table(
        &Rule::equal_weights_all_green(),
        &[
            ("GG", Green),
            ("GY", Yellow),
            ("GR", Yellow),
            ("YY", Yellow),
            ("YR", Red),
            ("RR", Red),
            ("G-", Yellow),
            ("-G", Yellow),
            ("Y-", Yellow),
            ("R-", Red),
            ("--", Grey),
        ],
    );
}

/// 004: "båda nämndmålen ska vara uppfyllda för att det totala bidraget till
/// kommunfullmäktigemål 1 ska bedömas grönt".
#[test]
fn kf_mål_1_is_not_green_while_a_nämndmål_has_no_verdict() {
    let goals = |second| {
        [
            GoalInput::new("1.1", "Nämndmål 1.1", InputKind::ChildGoal, Green),
            GoalInput::new("1.2", "Nämndmål 1.2", InputKind::ChildGoal, second),
        ]
    };
    let rule = Rule::equal_weights_all_green();
    let verdict = |second| evaluate(&rule, &goals(second)).verdict();
    assert_eq!([verdict(Green), verdict(Grey)], [Green, Yellow]);
    let RuleOutcome::Weighted(outcome) = evaluate(&rule, &goals(Grey)) else {
        panic!("weighted");
    };
    assert_eq!(
        (outcome.score, outcome.weight, outcome.grey_weight, outcome.left_out),
        (d("1"), d("1"), d("1"), 1)
    );
    assert_eq!(outcome.worst_mean(), Some(d("0.5")));
}

#[test]
fn weighted_grey_input_blocks_green_by_its_weight() {
    // Norrtälje's målområde: green from ¾, yellow from ½.
    let rule = Rule::Weighted {
        weights: Vec::new(),
        green_from: d("0.75"),
        yellow_from: d("0.5"),
    };
    table(
        &rule,
        &[
            ("GGGG", Green),
            ("GGGR", Green),
            ("GGG-", Green),
            ("GGY-", Yellow),
            ("GGYR", Yellow),
            ("GG--", Yellow),
            ("G---", Yellow),
            ("GRR-", Red),
            ("R---", Red),
            ("----", Grey),
        ],
    );
    let weightless = Rule::Weighted {
        weights: vec![("i2".into(), d("0"))],
        green_from: d("1"),
        yellow_from: d("0.5"),
    };
    table(&weightless, &[("G-", Green), ("-G", Grey), ("Y-", Yellow)]);
}

#[test]
fn weighted_out_of_range_is_grey_not_green() {
    let rule = Rule::Weighted {
        weights: vec![("i1".into(), Decimal::MAX), ("i2".into(), Decimal::MAX)],
        green_from: d("1"),
        yellow_from: d("0.5"),
    };
    for letters in ["GG", "G-", "-G", "GR"] {
        let goal_inputs = numbered(&lights(letters));
        let RuleOutcome::Weighted(outcome) = evaluate(&rule, &goal_inputs) else {
            panic!("weighted");
        };
        assert_eq!((outcome.verdict, outcome.out_of_range), (Grey, true), "{letters}");
    }
    let huge_threshold = Rule::Weighted {
        weights: vec![("i1".into(), Decimal::MAX)],
        green_from: Decimal::MAX,
        yellow_from: d("0.5"),
    };
    assert_eq!(goal_verdict(&huge_threshold, "G"), Grey);
}

#[test]
fn a_quota_of_every_input_is_never_green_with_a_grey_one() {
    table(
        &Rule::count_green(2),
        &[("GG", Green), ("GY", Yellow), ("GR", Red), ("G-", Grey), ("--", Grey)],
    );
    let every = Rule::CountGreen {
        green: Quota::Share(d("100")),
        rest_at_least: None,
        mandatory: Vec::new(),
    };
    table(&every, &[("GGGG", Green), ("GGG-", Grey), ("GGGY", Yellow)]);
    let rest_green = Rule::CountGreen {
        green: Quota::Count(1),
        rest_at_least: Some(Green),
        mandatory: Vec::new(),
    };
    table(
        &rest_green,
        &[("GG", Green), ("G-", Yellow), ("GY", Yellow), ("GR", Red)],
    );
}

#[test]
fn a_mandatory_key_binds_every_input_with_it() {
    let rule = Rule::count_green_including(3, "budget");
    let named = |second| inputs(&[("budget", Green), ("budget", second), ("a", Green), ("b", Green)]);
    let verdict = |second| evaluate(&rule, &named(second)).verdict();
    assert_eq!(
        [verdict(Green), verdict(Yellow), verdict(Red), verdict(Grey)],
        [Green, Yellow, Red, Grey]
    );
    assert!(matches!(
        evaluate(&rule, &named(Grey)),
        RuleOutcome::CountGreen(CountOutcome {
            grey: Some(CountGrey::MandatoryGrey { input: 1 }),
            ..
        })
    ));
}

#[test]
fn weighted_single_input_takes_its_verdict() {
    table(
        &Rule::equal_weights_all_green(),
        &[("G", Green), ("Y", Yellow), ("R", Red), ("-", Grey)],
    );
}

#[test]
fn weighted_uses_weights_per_key_and_one_by_default() {
    let rule = Rule::Weighted {
        weights: vec![("i1".into(), d("3")), ("i3".into(), d("-2"))],
        green_from: d("0.9"),
        yellow_from: d("0.6"),
    };
    // i1 weighs 3, i2 1, i3 0 (negative counts as nothing).
    table(
        &rule,
        &[
            ("GRR", Yellow),
            ("GGR", Green),
            ("RGG", Red),
            ("YGR", Yellow),
            ("--G", Grey),
            // i3 weighs nothing, so its grey verdict changes nothing.
            ("GG-", Green),
            // i2 could be red: 6 of 8 points is below 0,9, the assessed mean 1 is yellow.
            ("G-R", Yellow),
        ],
    );
    let goal_inputs = numbered(&lights("GYR"));
    let RuleOutcome::Weighted(outcome) = evaluate(&rule, &goal_inputs) else {
        panic!("weighted");
    };
    assert_eq!((outcome.score, outcome.weight), (d("3.5"), d("4")));
}

#[test]
fn share_of_inputs_is_the_norrtälje_default() {
    let rule = Rule::CountGreen {
        green: Quota::Share(d("50")),
        rest_at_least: Some(Yellow),
        mandatory: Vec::new(),
    };
    table(
        &rule,
        &[
            ("GGYY", Green),
            ("GYYY", Yellow),
            ("GGRY", Red),
            ("GGYYY", Yellow),
            ("GGGYY", Green),
        ],
    );
}

#[test]
fn share_quota_rounds_up_and_clamps() {
    let share = |percent: &str, inputs| Quota::Share(d(percent)).needed(inputs);
    assert_eq!(
        [
            share("50", 4),
            share("50", 5),
            share("50", 0),
            share("33.4", 3),
            share("150", 4),
            share("-5", 4)
        ],
        [2, 3, 0, 2, 4, 0]
    );
    assert_eq!(Quota::Count(3).needed(2), 3);
}

#[test]
fn all_is_the_worst_with_red_before_grey() {
    let rule = Rule::All {
        rules: vec![Rule::count_green(2), Rule::equal_weights_all_green()],
    };
    table(
        &rule,
        &[
            ("GGG", Green),
            ("GGR", Yellow),
            ("GRR", Red),
            ("RR-", Red),
            ("G--", Grey),
        ],
    );
    let empty = Rule::All { rules: Vec::new() };
    table(&empty, &[("GG", Grey)]);
    let goal_inputs = numbered(&lights("GGR"));
    assert_eq!(
        evaluate(&rule, &goal_inputs),
        RuleOutcome::All {
            verdict: Yellow,
            deciding: Some(1)
        }
    );
}

#[test]
fn manual_rule_needs_a_helhetsbedömning() {
    let goal_inputs = numbered(&lights("GG"));
    assert_eq!(assess_goal(&Rule::Manual, &goal_inputs, october(), None).verdict, Grey);
    let manual = ManualVerdict {
        period: p("2025-T3"),
        verdict: Yellow,
        motivation: "Bedömning vid årsskiftet".into(),
    };
    assert_eq!(
        assess_goal(&Rule::Manual, &goal_inputs, p("2025-12"), Some(&manual)).verdict,
        Yellow
    );
    assert_eq!(
        assess_goal(&Rule::Manual, &goal_inputs, october(), Some(&manual)).verdict,
        Grey
    );
}

#[test]
fn helhetsbedömning_overrides_the_rule_and_keeps_it() {
    let goal_inputs = numbered(&lights("GRRR"));
    let manual = ManualVerdict {
        period: october(),
        verdict: Yellow,
        motivation: "Åtgärder pågår".into(),
    };
    let rule = Rule::count_green(3);
    let assessment = assess_goal(&rule, &goal_inputs, october(), Some(&manual));
    assert_eq!((assessment.verdict, assessment.explanation.computed), (Yellow, Red));
}

#[test]
fn assignments_and_child_goals_are_inputs_like_indicators() {
    let goal_inputs = [
        GoalInput::new(
            "u1",
            "Uppdrag 1",
            InputKind::Assignment,
            assignment_verdict(AssignmentStatus::Completed, None),
        ),
        GoalInput::new(
            "u2",
            "Uppdrag 2",
            InputKind::Assignment,
            assignment_verdict(AssignmentStatus::Started, Some(AssignmentForecast::Deviation)),
        ),
        GoalInput::new("1.1", "Nämndmål 1.1", InputKind::ChildGoal, Green),
    ];
    let rule = Rule::count_green_rest_yellow(2);
    let assessment = assess_goal(&rule, &goal_inputs, october(), None);
    assert_eq!(assessment.verdict, Green);
}

#[test]
fn indicator_input_carries_value_and_target() {
    let fixture = Fixture::higher(Margin::ZERO)
        .target(2025, value("45"))
        .outcome("2025-10", "46");
    let assessment = fixture.assess("2025-10");
    let input = GoalInput::indicator("k", "Andel", &assessment);
    assert_eq!(input.verdict, Green);
    assert_eq!(input.target, Some(&value("45")));
    assert_eq!(input.observed.and_then(|o| o.value()), Some(d("46")));
}

#[test]
fn rule_validation_catches_what_types_cannot() {
    let share = |percent: &str| Rule::CountGreen {
        green: Quota::Share(d(percent)),
        rest_at_least: None,
        mandatory: Vec::new(),
    };
    assert_eq!(share("101").validate(), Err(RuleError::ShareOutOfRange(d("101"))));
    assert_eq!(share("50").validate(), Ok(()));
    let weighted = |green: &str, yellow: &str, weight: &str| Rule::Weighted {
        weights: vec![("a".into(), d(weight))],
        green_from: d(green),
        yellow_from: d(yellow),
    };
    assert_eq!(weighted("1", "0.5", "1").validate(), Ok(()));
    assert_eq!(weighted("0.5", "1", "1").validate(), Err(RuleError::Thresholds));
    assert_eq!(weighted("1.5", "0.5", "1").validate(), Err(RuleError::Thresholds));
    assert!(matches!(
        weighted("1", "0.5", "-1").validate(),
        Err(RuleError::NegativeWeight { .. })
    ));
    assert_eq!(Rule::All { rules: vec![] }.validate(), Err(RuleError::EmptyAll));
    assert_eq!(
        Rule::All {
            rules: vec![Rule::Manual]
        }
        .validate(),
        Err(RuleError::ManualInAll)
    );
    let nested = Rule::All {
        rules: vec![share("200")],
    };
    assert!(nested.validate().is_err());
}

#[test]
fn rules_serialise_as_tagged_json() {
    let rule = Rule::All {
        rules: vec![
            Rule::count_green_including(3, "budget"),
            Rule::equal_weights_all_green(),
        ],
    };
    let json = serde_json::to_string(&rule).expect("serialise");
    assert_eq!(
        json,
        concat!(
            r#"{"kind":"all","rules":[{"kind":"count_green","green":{"kind":"count","value":3},"mandatory":["budget"]},"#,
            r#"{"kind":"weighted","green_from":"1","yellow_from":"0.5"}]}"#
        )
    );
    assert_eq!(serde_json::from_str::<Rule>(&json).expect("parse"), rule);
    let norrtälje = r#"{"kind":"count_green","green":{"kind":"share","value":"50"},"rest_at_least":"yellow"}"#;
    assert_eq!(
        serde_json::from_str::<Rule>(norrtälje).expect("parse"),
        Rule::CountGreen {
            green: Quota::Share(d("50")),
            rest_at_least: Some(Yellow),
            mandatory: Vec::new()
        }
    );
}

#[test]
fn a_manual_verdict_holds_until_the_next_period_of_its_kind_ends() {
    let goal_inputs = numbered(&lights("GG"));
    let verdict_for = |period: &str| ManualVerdict {
        period: p(period),
        verdict: Red,
        motivation: "Bedömt".into(),
    };
    let cases = [
        ("2025-H1", "2025-05", Grey),
        ("2025-H1", "2025-06", Red),
        ("2025-H1", "2025-11", Red),
        ("2025-H1", "2025-12", Grey),
        ("2025-T2", "2025-08", Red),
        ("2025-T2", "2025-11", Red),
        ("2025-T2", "2025-12", Grey),
        ("2025", "2025-11", Grey),
        ("2025", "2025-12", Red),
        ("2025", "2026-11", Red),
        ("2025", "2026-12", Grey),
        ("2025-10", "2025-10", Red),
        ("2025-10", "2025-11", Grey),
    ];
    for (given, at, expected) in cases {
        let manual = verdict_for(given);
        let got = assess_goal(&Rule::Manual, &goal_inputs, p(at), Some(&manual)).verdict;
        assert_eq!(got, expected, "a verdict for {given} at {at}");
    }
}
