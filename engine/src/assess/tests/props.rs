//! Properties: a better input never gives a worse verdict; explaining never panics. Grey inputs
//! are in `grey.rs`, extreme values in `extreme.rs`.

use proptest::prelude::*;
use proptest::sample::Index;

use super::*;
use crate::target::{Comparison, Direction};

use Verdict::{Green, Grey, Red, Yellow};

pub(super) fn verdict() -> impl Strategy<Value = Verdict> {
    prop_oneof![Just(Green), Just(Yellow), Just(Red), Just(Grey)]
}

pub(super) fn key(index: usize) -> String {
    format!("i{}", index + 1)
}

fn count_rule() -> impl Strategy<Value = Rule> {
    let quota = prop_oneof![
        (0u32..=7).prop_map(Quota::Count),
        (0u32..=100).prop_map(|percent| Quota::Share(Decimal::from(percent))),
    ];
    let rest = prop_oneof![Just(None), verdict().prop_map(Some)];
    let mandatory = prop::collection::vec(0usize..8, 0..=2);
    (quota, rest, mandatory).prop_map(|(green, rest_at_least, mandatory)| Rule::CountGreen {
        green,
        rest_at_least,
        mandatory: mandatory.into_iter().map(key).collect(),
    })
}

fn weighted_rule() -> impl Strategy<Value = Rule> {
    let weights = prop::collection::vec((0usize..8, 0u32..=5), 0..=4);
    (weights, 0u32..=100, 0u32..=100).prop_map(|(weights, a, b)| Rule::Weighted {
        weights: weights.into_iter().map(|(i, w)| (key(i), Decimal::from(w))).collect(),
        green_from: Decimal::new(i64::from(a.max(b)), 2),
        yellow_from: Decimal::new(i64::from(a.min(b)), 2),
    })
}

pub(super) fn rule() -> impl Strategy<Value = Rule> {
    prop_oneof![count_rule(), weighted_rule()].prop_recursive(2, 8, 3, |inner| {
        prop::collection::vec(inner, 0..=3).prop_map(|rules| Rule::All { rules })
    })
}

/// Not lower in `Red < Yellow < Green`; grey is comparable only with itself.
fn not_worse(before: Verdict, after: Verdict) -> bool {
    after.partial_cmp(&before) != Some(std::cmp::Ordering::Less)
}

fn improve(verdict: Verdict) -> Verdict {
    match verdict {
        Red => Yellow,
        _ => Green,
    }
}

proptest! {
    #[test]
    fn improving_an_input_never_worsens_a_goal(
        rule in rule(),
        verdicts in prop::collection::vec(verdict(), 1..=8),
        pick in any::<Index>(),
    ) {
        let improvable: Vec<usize> = (0..verdicts.len()).filter(|&i| matches!(verdicts[i], Red | Yellow)).collect();
        prop_assume!(!improvable.is_empty());
        let at = improvable[pick.index(improvable.len())];
        let mut better = verdicts.clone();
        better[at] = improve(better[at]);
        let before = evaluate(&rule, &numbered(&verdicts)).verdict();
        let after = evaluate(&rule, &numbered(&better)).verdict();
        prop_assert!(not_worse(before, after), "{before:?} → {after:?}");
        if before == Grey {
            prop_assert_eq!(after, Grey);
        }
        if after == Grey && before != Grey {
            // Only `All` can do this: a red sub-rule improves while another is grey.
            prop_assert!(before == Red && matches!(rule, Rule::All { .. }), "{before:?} → {after:?}");
        }
    }
}

pub(super) fn margin() -> impl Strategy<Value = Margin> {
    prop_oneof![
        (0i64..50).prop_map(|p| Margin::Percent(Decimal::from(p))),
        (0i64..100).prop_map(|a| Margin::Absolute(Decimal::new(a, 1))),
    ]
}

fn tenth(range: std::ops::Range<i64>) -> impl Strategy<Value = Decimal> {
    range.prop_map(|units| Decimal::new(units, 1))
}

/// A numeric indicator whose better side is clear: higher with ≥/>/a number, lower with ≤/</a number.
fn numeric_fixture() -> impl Strategy<Value = (Fixture, bool)> {
    let target_kind = 0u8..3;
    let outcomes = prop::collection::vec(tenth(-10_000..10_000), 12);
    let forecast = prop::option::of(tenth(-10_000..10_000));
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        margin(),
        target_kind,
        tenth(-1000..1000),
        outcomes,
        forecast,
    )
        .prop_map(|(higher, pace, cumulative, margin, kind, bound, outcomes, forecast)| {
            let better = if higher { Better::Higher } else { Better::Lower };
            let method = if pace {
                Method::Pace { margin }
            } else {
                Method::Threshold { margin }
            };
            let op = match (higher, kind) {
                (true, 1) => Some(Comparison::Greater),
                (true, 2) => Some(Comparison::GreaterOrEqual),
                (false, 1) => Some(Comparison::Less),
                (false, 2) => Some(Comparison::LessOrEqual),
                _ => None,
            };
            let target = op.map_or(Target::Value { value: bound }, |op| Target::Compare {
                op,
                value: bound,
            });
            let mut fixture = Fixture::new(better, method).target(2025, target);
            fixture.cumulative = cumulative;
            for (month, value) in (1u8..).zip(outcomes) {
                fixture
                    .outcomes
                    .push((Period::month(2025, month).expect("month"), value));
            }
            fixture.forecasts.extend(forecast.map(|value| (p("2025"), value)));
            (fixture, higher)
        })
}

proptest! {
    #[test]
    fn improving_an_outcome_never_worsens_an_indicator(
        (fixture, higher) in numeric_fixture(),
        month in 1u8..=12,
        pick in any::<Index>(),
        step in tenth(1..5000),
    ) {
        let at = Period::month(2025, month).expect("month");
        let before = assess_indicator(&fixture.series(), at).verdict;
        let mut better = fixture.clone();
        let (_, value) = &mut better.outcomes[pick.index(12)];
        *value = if higher { *value + step } else { *value - step };
        let after = assess_indicator(&better.series(), at).verdict;
        prop_assert!(not_worse(before, after), "{before:?} → {after:?}");
        prop_assert_eq!(before.is_assessable(), after.is_assessable());
    }

    #[test]
    fn moving_towards_a_band_never_worsens(
        center in tenth(-100..100),
        tolerance in tenth(0..50),
        margin in margin(),
        now in tenth(-1000..1000),
        closer in 0i64..100,
    ) {
        let band = Target::Band { center, tolerance };
        let assess = |outcome: Decimal| {
            let mut fixture = Fixture::new(Better::Band, Method::Threshold { margin }).target(2025, band.clone());
            fixture.outcomes.push((october(), outcome));
            assess_indicator(&fixture.series(), october()).verdict
        };
        let nearer = center + (now - center) * Decimal::new(closer, 2);
        let (before, after) = (assess(now), assess(nearer));
        prop_assert!(not_worse(before, after), "{now} {before:?} → {nearer} {after:?}");
    }

    #[test]
    fn moving_in_the_target_direction_never_worsens(
        direction in prop_oneof![Just(Direction::Increase), Just(Direction::Decrease), Just(Direction::Maintain)],
        higher in any::<bool>(),
        margin in margin(),
        previous in tenth(-1000..1000),
        now in tenth(-1000..1000),
        step in tenth(1..1000),
    ) {
        let better = if higher { Better::Higher } else { Better::Lower };
        let up = match direction {
            Direction::Increase => true,
            Direction::Decrease => false,
            Direction::Maintain => higher,
        };
        let assess = |outcome: Decimal| {
            let mut fixture = Fixture::new(better, Method::Directional { margin })
                .target(2025, Target::Direction { direction });
            fixture.outcomes.push((p("2025-09"), previous));
            fixture.outcomes.push((october(), outcome));
            assess_indicator(&fixture.series(), october()).verdict
        };
        let moved = if up { now + step } else { now - step };
        let (before, after) = (assess(now), assess(moved));
        prop_assert!(not_worse(before, after), "{before:?} → {after:?}");
    }
}

pub(super) fn period() -> impl Strategy<Value = Period> {
    (2024i32..=2025, 0usize..4, 1u8..=12).prop_map(|(year, kind, index)| {
        let kind = [
            Periodicity::Year,
            Periodicity::HalfYear,
            Periodicity::Tertial,
            Periodicity::Month,
        ][kind];
        Period::new(year, kind, (index - 1) % kind.per_year() + 1).expect("valid period")
    })
}

fn any_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        tenth(-100_000..100_000),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        (any::<i64>(), 0u32..28).prop_map(|(units, scale)| Decimal::new(units, scale)),
    ]
}

pub(super) fn any_comparison() -> impl Strategy<Value = Comparison> {
    prop_oneof![
        Just(Comparison::Less),
        Just(Comparison::LessOrEqual),
        Just(Comparison::Greater),
        Just(Comparison::GreaterOrEqual)
    ]
}

pub(super) fn any_direction() -> impl Strategy<Value = Direction> {
    prop_oneof![
        Just(Direction::Increase),
        Just(Direction::Decrease),
        Just(Direction::Maintain)
    ]
}

fn any_target() -> impl Strategy<Value = Target> {
    let (op, direction) = (any_comparison(), any_direction());
    prop_oneof![
        any_decimal().prop_map(|value| Target::Value { value }),
        (op, any_decimal()).prop_map(|(op, value)| Target::Compare { op, value }),
        (any_decimal(), any_decimal()).prop_map(|(center, tolerance)| Target::Band { center, tolerance }),
        direction.prop_map(|direction| Target::Direction { direction }),
        Just(Target::NotEvaluated),
        "[a-zåäö ]{0,20}".prop_map(|text| Target::Statement { text }),
    ]
}

fn any_fixture() -> impl Strategy<Value = Fixture> {
    let better = prop_oneof![Just(Better::Higher), Just(Better::Lower), Just(Better::Band)];
    let method = prop_oneof![
        margin().prop_map(|margin| Method::Threshold { margin }),
        margin().prop_map(|margin| Method::Pace { margin }),
        margin().prop_map(|margin| Method::Directional { margin }),
        Just(Method::Manual),
    ];
    let values = prop::collection::vec((period(), any_decimal()), 0..8);
    let forecasts = prop::collection::vec((period(), any_decimal()), 0..2);
    let targets = prop::collection::vec((2024i32..=2025, any_target()), 0..3);
    let manual = prop::option::of((period(), verdict(), "[a-zåäö ]{0,20}"));
    (
        (better, method, any::<bool>(), 0usize..4),
        prop::option::of(any_decimal()),
        values,
        forecasts,
        targets,
        manual,
    )
        .prop_map(
            |((better, method, cumulative, kind), baseline, outcomes, forecasts, targets, manual)| {
                let mut fixture = Fixture::new(better, method);
                fixture.cumulative = cumulative;
                fixture.periodicity = [
                    Periodicity::Year,
                    Periodicity::HalfYear,
                    Periodicity::Tertial,
                    Periodicity::Month,
                ][kind];
                fixture.baseline = baseline;
                fixture.outcomes = outcomes;
                fixture.forecasts = forecasts;
                fixture.targets = targets;
                fixture.manual = manual.map(|(period, verdict, motivation)| ManualVerdict {
                    period,
                    verdict,
                    motivation,
                });
                fixture
            },
        )
}

proptest! {
    #[test]
    fn explaining_never_panics(
        fixtures in prop::collection::vec(any_fixture(), 1..5),
        rule in prop_oneof![rule(), Just(Rule::Manual)],
        at in period(),
    ) {
        let assessments: Vec<_> = fixtures.iter().map(|fixture| assess_indicator(&fixture.series(), at)).collect();
        for assessment in &assessments {
            prop_assert!(!assessment.explanation.to_string().is_empty());
            serde_json::to_string(assessment).expect("serialise");
        }
        const KEYS: [&str; 4] = ["i1", "i2", "i3", "i4"];
        let goal_inputs: Vec<_> = assessments.iter().zip(KEYS).map(|(a, key)| GoalInput::indicator(key, key, a)).collect();
        let manual = fixtures[0].manual.as_ref();
        let goal = assess_goal(&rule, &goal_inputs, at, manual);
        prop_assert!(goal.explanation.to_string().starts_with("Regel: "));
        serde_json::to_string(&goal).expect("serialise");
    }
}
