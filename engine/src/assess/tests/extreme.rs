//! Extreme values (`Decimal::MAX`, `Decimal::MIN`, the smallest fractions, zero targets) under
//! every method and rule: nothing panics, and arithmetic that leaves `Decimal`'s range gives a
//! grey verdict with its reason, never a colour.

use proptest::prelude::*;

use super::props::{any_comparison, any_direction, period, verdict};
use super::*;
use crate::target::Direction;

use Verdict::Grey;

fn extreme() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        Just(Decimal::ZERO),
        Just(Decimal::ONE),
        Just(Decimal::NEGATIVE_ONE),
        Just(Decimal::new(1, 28)),
        Just(Decimal::new(-1, 28)),
        Just(Decimal::new(5, 1)),
        (any::<u32>(), any::<u32>(), any::<u32>(), any::<bool>(), 0u32..=28)
            .prop_map(|(lo, mid, hi, negative, scale)| Decimal::from_parts(lo, mid, hi, negative, scale)),
    ]
}

fn extreme_margin() -> impl Strategy<Value = Margin> {
    prop_oneof![
        extreme().prop_map(Margin::Percent),
        extreme().prop_map(Margin::Absolute)
    ]
}

fn extreme_target() -> impl Strategy<Value = Target> {
    let (op, direction) = (any_comparison(), any_direction());
    prop_oneof![
        extreme().prop_map(|value| Target::Value { value }),
        Just(Target::Value { value: Decimal::ZERO }),
        (op, extreme()).prop_map(|(op, value)| Target::Compare { op, value }),
        (extreme(), extreme()).prop_map(|(center, tolerance)| Target::Band { center, tolerance }),
        direction.prop_map(|direction| Target::Direction { direction }),
    ]
}

fn extreme_fixture() -> impl Strategy<Value = Fixture> {
    let better = prop_oneof![Just(Better::Higher), Just(Better::Lower), Just(Better::Band)];
    let method = prop_oneof![
        extreme_margin().prop_map(|margin| Method::Threshold { margin }),
        extreme_margin().prop_map(|margin| Method::Pace { margin }),
        extreme_margin().prop_map(|margin| Method::Directional { margin }),
        Just(Method::Manual),
    ];
    let kinds = [
        Periodicity::Year,
        Periodicity::HalfYear,
        Periodicity::Tertial,
        Periodicity::Month,
    ];
    (
        (better, method, any::<bool>(), prop::sample::select(kinds.to_vec())),
        prop::option::of(extreme()),
        prop::collection::vec((period(), extreme()), 0..12),
        prop::collection::vec((period(), extreme()), 0..3),
        prop::collection::vec((2024i32..=2025, extreme_target()), 0..3),
    )
        .prop_map(
            |((better, method, cumulative, periodicity), baseline, outcomes, forecasts, targets)| {
                let mut fixture = Fixture::new(better, method).periodicity(periodicity);
                fixture.cumulative = cumulative;
                fixture.baseline = baseline;
                fixture.outcomes = outcomes;
                fixture.forecasts = forecasts;
                fixture.targets = targets;
                fixture
            },
        )
}

/// Weighted rules as stored, unchecked: any weights and thresholds.
fn extreme_weighted() -> impl Strategy<Value = Rule> {
    let weights = prop::collection::vec((0usize..4, extreme()), 0..=4);
    (weights, extreme(), extreme()).prop_map(|(weights, green_from, yellow_from)| Rule::Weighted {
        weights: (weights.into_iter())
            .map(|(i, weight)| (format!("i{}", i + 1), weight))
            .collect(),
        green_from,
        yellow_from,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn extreme_values_never_panic_and_a_colour_always_has_its_basis(
        fixture in extreme_fixture(),
        at in period(),
    ) {
        let assessment = assess_indicator(&fixture.series(), at);
        let explanation = &assessment.explanation;
        let not_assessable = matches!(explanation.basis, Basis::NotAssessable { .. });
        prop_assert_eq!(explanation.computed == Grey, not_assessable, "{:?}", explanation.basis);
        prop_assert!(!explanation.to_string().is_empty());
        serde_json::to_string(&assessment).expect("serialise");
    }

    #[test]
    fn extreme_weights_never_panic_and_out_of_range_is_grey(
        rule in extreme_weighted(),
        verdicts in prop::collection::vec(verdict(), 1..=4),
    ) {
        let goal_inputs = numbered(&verdicts);
        let goal = assess_goal(&rule, &goal_inputs, october(), None);
        if let RuleOutcome::Weighted(outcome) = goal.explanation.outcome {
            prop_assert!(!outcome.out_of_range || outcome.verdict == Grey);
        }
        prop_assert!(goal.explanation.to_string().starts_with("Regel: "));
    }
}

/// Each step that can leave `Decimal`'s range, once: grey with its reason, not a colour.
#[test]
fn every_overflowing_step_is_grey_out_of_range() {
    let max = "79228162514264337593543950335";
    let min = "-79228162514264337593543950335";
    let pace = |margin| Fixture::new(Better::Higher, Method::Pace { margin }).cumulative();
    let cases = [
        // target − value
        Fixture::higher(Margin::ZERO)
            .target(2025, Target::Value { value: Decimal::MAX })
            .outcome("2025-10", min),
        // |value − centre| − tolerance
        Fixture::new(Better::Band, Method::Threshold { margin: Margin::ZERO })
            .target(
                2025,
                Target::Band {
                    center: Decimal::MIN,
                    tolerance: d("1"),
                },
            )
            .outcome("2025-10", max),
        // shortfall × 100 against the percent margin
        Fixture::higher(percent("5"))
            .target(2025, value("0"))
            .outcome("2025-10", min),
        // the year to date: sum, then sum × 12
        pace(Margin::ZERO)
            .target(2025, value("1"))
            .outcome("2025-01", max)
            .outcome("2025-02", max),
        pace(Margin::ZERO)
            .target(2025, value("1"))
            .outcome("2025-01", &max[..28]),
        // the target × months for the pro rata comparison
        pace(Margin::ZERO)
            .target(2025, Target::Value { value: Decimal::MAX })
            .outcome("2025-01", "1")
            .outcome("2025-02", "1"),
        // "Bibehålla" against the previous value
        Fixture::new(Better::Higher, Method::Directional { margin: Margin::ZERO })
            .target(
                2025,
                Target::Direction {
                    direction: Direction::Maintain,
                },
            )
            .outcome("2025-09", max)
            .outcome("2025-10", min),
    ];
    for (nth, fixture) in cases.iter().enumerate() {
        let assessment = fixture.assess("2025-10");
        assert_eq!(
            (assessment.verdict, assessment.explanation.basis),
            (
                Grey,
                Basis::NotAssessable {
                    reason: GreyReason::OutOfRange
                }
            ),
            "case {nth}"
        );
        assert!(assessment.explanation.to_string().contains("för stora"), "case {nth}");
    }
}
