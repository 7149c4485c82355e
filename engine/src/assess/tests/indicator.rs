use super::*;
use crate::target::{Comparison, Direction};

use Verdict::{Green, Grey, Red, Yellow};

fn grades(fixture: Fixture, cases: &[(&str, Verdict)]) {
    for &(outcome, want) in cases {
        let fixture = fixture.clone().outcome("2025-10", outcome);
        assert_eq!(fixture.verdict("2025-10"), want, "outcome {outcome}");
    }
}

#[test]
fn threshold_higher_is_green_at_target_yellow_within_margin() {
    // 10 % of 45 is 4,5.
    let fixture = Fixture::higher(percent("10")).target(2025, value("45"));
    grades(
        fixture,
        &[
            ("45", Green),
            ("46", Green),
            ("44", Yellow),
            ("40.5", Yellow),
            ("40.4", Red),
        ],
    );
}

#[test]
fn threshold_lower_mirrors_higher() {
    let fixture = Fixture::new(
        Better::Lower,
        Method::Threshold {
            margin: Margin::Absolute(d("0.5")),
        },
    )
    .target(2025, value("7"));
    grades(fixture, &[("7", Green), ("6", Green), ("7.5", Yellow), ("7.6", Red)]);
}

#[test]
fn threshold_comparison_misses_by_at_most_the_margin_is_yellow() {
    let within = |op, bound: &str| Fixture::higher(percent("10")).target(2025, Target::Compare { op, value: d(bound) });
    grades(
        within(Comparison::LessOrEqual, "24"),
        &[("24", Green), ("12", Green), ("26.4", Yellow), ("26.5", Red)],
    );
    grades(
        within(Comparison::Greater, "80"),
        &[("81", Green), ("80", Yellow), ("72", Yellow), ("71.9", Red)],
    );
    grades(
        within(Comparison::Less, "5"),
        &[("4.9", Green), ("5", Yellow), ("5.6", Red)],
    );
}

#[test]
fn threshold_band_is_green_inside_yellow_within_margin_of_tolerance() {
    // 20 % of the tolerance 0,5 is 0,1.
    let fixture = Fixture::new(Better::Band, Method::Threshold { margin: percent("20") }).target(
        2025,
        Target::Band {
            center: d("0"),
            tolerance: d("0.5"),
        },
    );
    grades(
        fixture,
        &[
            ("0.5", Green),
            ("-0.5", Green),
            ("0", Green),
            ("0.6", Yellow),
            ("-0.6", Yellow),
            ("0.61", Red),
        ],
    );
}

#[test]
fn plain_number_on_a_band_indicator_is_its_centre() {
    let fixture = Fixture::new(
        Better::Band,
        Method::Threshold {
            margin: Margin::Absolute(d("1")),
        },
    )
    .target(2025, value("10"));
    grades(fixture, &[("10", Green), ("9", Yellow), ("11", Yellow), ("11.1", Red)]);
}

#[test]
fn latest_outcome_ended_by_the_month_is_assessed() {
    let tertials = Fixture::higher(Margin::ZERO)
        .periodicity(Periodicity::Tertial)
        .target(2025, value("20"))
        .outcome("2025-T1", "10")
        .outcome("2025-T3", "30")
        .outcome("2025-T2", "20");
    // T2 ends in August, T3 in December.
    assert_eq!(tertials.verdict("2025-10"), Green);
    assert_eq!(tertials.verdict("2025-08"), Green);
    assert_eq!(tertials.verdict("2025-07"), Red);
    let observed = |at| match tertials.assess(at).explanation.basis {
        Basis::Threshold { observed, .. } => observed,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        observed("2025-10"),
        Observed::Outcome {
            period: p("2025-T2"),
            value: d("20")
        }
    );
    // At June the half-year sorts after the month.
    let mixed = Fixture::higher(Margin::ZERO)
        .target(2025, value("5"))
        .outcome("2025-H1", "6")
        .outcome("2025-06", "4");
    assert_eq!(mixed.verdict("2025-06"), Green);
}

#[test]
fn outcomes_of_other_years_are_not_this_years_value() {
    let fixture = Fixture::higher(Margin::ZERO)
        .target(2025, value("5"))
        .outcome("2024-12", "9");
    let assessment = fixture.assess("2025-01");
    assert_eq!(assessment.verdict, Grey);
    assert_eq!(
        assessment.explanation.basis,
        Basis::NotAssessable {
            reason: GreyReason::NoValue
        }
    );
}

#[test]
fn no_outcome_yet_is_assessed_on_the_forecast() {
    let fixture = Fixture::higher(Margin::ZERO)
        .target(2025, value("45"))
        .outcome("2025-11", "50")
        .forecast("2025", "46");
    let assessment = fixture.assess("2025-10");
    assert_eq!(assessment.verdict, Green);
    assert!(matches!(
        assessment.explanation.basis,
        Basis::Threshold {
            observed: Observed::Forecast { .. },
            ..
        }
    ));
}

#[test]
fn missing_value_or_target_is_grey_with_the_reason() {
    let reason = |fixture: &Fixture| match fixture.assess("2025-10").explanation.basis {
        Basis::NotAssessable { reason } => reason,
        other => panic!("{other:?}"),
    };
    let base = Fixture::higher(Margin::ZERO).outcome("2025-10", "5");
    assert_eq!(reason(&base), GreyReason::NoTarget);
    assert_eq!(reason(&base.clone().target(2024, value("5"))), GreyReason::NoTarget);
    assert_eq!(
        reason(&base.clone().target(2025, Target::NotEvaluated)),
        GreyReason::NotEvaluated
    );
    let statement = Target::Statement {
        text: "Samtliga resultatområden når sina riktvärden".into(),
    };
    assert_eq!(reason(&base.clone().target(2025, statement)), GreyReason::Statement);
    let no_value = Fixture::higher(Margin::ZERO).target(2025, value("5"));
    assert_eq!(reason(&no_value), GreyReason::NoValue);
}

#[test]
fn forecast_meeting_target_turns_red_into_yellow() {
    let red = Fixture::higher(Margin::ZERO)
        .target(2025, value("45"))
        .outcome("2025-10", "40");
    assert_eq!(red.verdict("2025-10"), Red);
    assert_eq!(red.clone().forecast("2025", "45").verdict("2025-10"), Yellow);
    assert_eq!(
        red.clone().forecast("2025", "44").verdict("2025-10"),
        Red,
        "forecast misses too"
    );
    let rescued = red.clone().forecast("2025", "46");
    let Basis::Threshold { rescued_by, .. } = rescued.assess("2025-10").explanation.basis else {
        panic!("threshold");
    };
    assert_eq!(
        rescued_by,
        Some(Observed::Forecast {
            period: p("2025"),
            value: d("46")
        })
    );
}

#[test]
fn final_year_outcome_is_not_rescued_by_a_forecast() {
    let fixture = Fixture::higher(Margin::ZERO)
        .target(2025, value("45"))
        .outcome("2025", "40")
        .forecast("2025", "50");
    assert_eq!(fixture.verdict("2025-12"), Red);
}

fn pace(margin: Margin) -> Fixture {
    Fixture::new(Better::Higher, Method::Pace { margin })
        .cumulative()
        .target(2025, value("1200"))
}

#[test]
fn pace_on_track_in_march_is_green() {
    // 1 200 a year needs 300 by March; 10 % of that is 30.
    let cases = [("100", Green), ("90", Yellow), ("89.9", Red)];
    for (each, want) in cases {
        let fixture = pace(percent("10")).outcomes(1, &[each, each, each]);
        assert_eq!(fixture.verdict("2025-03"), want, "{each} a month");
    }
}

#[test]
fn pace_counts_only_periods_ended_by_the_month() {
    let fixture = pace(Margin::ZERO).outcomes(1, &["100"; 12]).outcome("2025-T1", "0");
    for month in ["2025-01", "2025-06", "2025-12"] {
        assert_eq!(fixture.verdict(month), Green, "{month}");
    }
    let Basis::Pace { to_date, .. } = fixture.assess("2025-03").explanation.basis else {
        panic!("pace");
    };
    assert_eq!((to_date.sum, to_date.periods, to_date.months), (d("300"), 3, 3));
}

#[test]
fn pace_absolute_margin_is_stated_for_the_year() {
    // 120 a year is 30 by March.
    let cases = [("90", Yellow), ("89.9", Red)];
    for (each, want) in cases {
        let fixture = pace(Margin::Absolute(d("120"))).outcomes(1, &[each, each, each]);
        assert_eq!(fixture.verdict("2025-03"), want, "{each}");
    }
}

#[test]
fn pace_works_for_tertials() {
    let tertials = |second: &str| {
        pace(Margin::ZERO)
            .periodicity(Periodicity::Tertial)
            .outcome("2025-T1", "400")
            .outcome("2025-T2", second)
    };
    // T1 and T2 cover eight months: 800 needed.
    assert_eq!(tertials("399").verdict("2025-10"), Red);
    assert_eq!(tertials("400").verdict("2025-10"), Green);
    assert_eq!(tertials("0").verdict("2025-07"), Green, "T1 alone: 400 of 400");
}

#[test]
fn pace_of_a_rate_compares_the_average_to_date() {
    let fixture = Fixture::new(Better::Lower, Method::Pace { margin: percent("5") })
        .target(
            2025,
            Target::Compare {
                op: Comparison::LessOrEqual,
                value: d("7"),
            },
        )
        .outcomes(1, &["6", "8", "7.3"]);
    assert_eq!(fixture.verdict("2025-02"), Green, "average 7");
    assert_eq!(fixture.verdict("2025-03"), Yellow, "average 7,1 within 0,35");
    assert_eq!(fixture.verdict("2025-01"), Green);
}

#[test]
fn pace_behind_with_forecast_on_target_is_yellow() {
    let fixture = pace(Margin::ZERO)
        .outcomes(1, &["50", "50", "50"])
        .forecast("2025", "1200");
    assert_eq!(fixture.verdict("2025-03"), Yellow);
}

#[test]
fn pace_without_outcomes_falls_back_to_the_forecast() {
    let fixture = pace(Margin::ZERO).forecast("2025", "1250");
    assert_eq!(fixture.verdict("2025-03"), Green);
    assert_eq!(pace(Margin::ZERO).verdict("2025-03"), Grey);
}

#[test]
fn cumulative_threshold_compares_the_year_to_date_with_the_full_target() {
    let fixture = Fixture::higher(Margin::ZERO).cumulative().target(2025, value("1200"));
    assert_eq!(fixture.clone().outcomes(1, &["600", "600"]).verdict("2025-02"), Green);
    assert_eq!(fixture.clone().outcomes(1, &["600", "500"]).verdict("2025-02"), Red);
    let expected = fixture.outcomes(1, &["600", "500"]).forecast("2025", "1300");
    assert_eq!(expected.verdict("2025-02"), Yellow, "not yet met, expected to be");
}

fn directional(direction: Direction, better: Better, margin: Margin) -> Fixture {
    Fixture::new(better, Method::Directional { margin }).target(2025, Target::Direction { direction })
}

#[test]
fn direction_increase_equal_is_yellow() {
    let cases = [
        (Direction::Increase, "11", Green),
        (Direction::Increase, "10", Yellow),
        (Direction::Increase, "9", Red),
        (Direction::Decrease, "9", Green),
        (Direction::Decrease, "10", Yellow),
        (Direction::Decrease, "11", Red),
    ];
    for (direction, now, want) in cases {
        let fixture = directional(direction, Better::Higher, percent("10"))
            .outcome("2025-09", "10")
            .outcome("2025-10", now);
        assert_eq!(fixture.verdict("2025-10"), want, "{direction:?} {now}");
    }
}

#[test]
fn direction_maintain_allows_the_margin() {
    let cases = [
        (Better::Higher, "10", Green),
        (Better::Higher, "12", Green),
        (Better::Higher, "9", Yellow),
        (Better::Higher, "8.9", Red),
        (Better::Lower, "8", Green),
        (Better::Lower, "11", Yellow),
        (Better::Lower, "11.1", Red),
        (Better::Band, "10.5", Green),
        (Better::Band, "8.5", Yellow),
        (Better::Band, "12", Yellow),
        (Better::Band, "7.9", Red),
    ];
    for (better, now, want) in cases {
        let fixture = directional(Direction::Maintain, better, percent("10"))
            .outcome("2025-09", "10")
            .outcome("2025-10", now);
        assert_eq!(fixture.verdict("2025-10"), want, "{better:?} {now}");
    }
}

#[test]
fn direction_compares_with_baseline_when_no_earlier_outcome() {
    let fixture = directional(Direction::Increase, Better::Higher, Margin::ZERO).outcome("2025-10", "5");
    assert_eq!(fixture.verdict("2025-10"), Grey);
    assert_eq!(fixture.clone().baseline("4").verdict("2025-10"), Green);
    let previous_year = fixture.clone().baseline("9").outcome("2024-12", "4");
    assert_eq!(previous_year.verdict("2025-01"), Grey, "no value in January yet");
    let january = previous_year.outcome("2025-01", "5");
    assert_eq!(january.verdict("2025-01"), Green, "December 2024 is the previous month");
}

#[test]
fn direction_target_is_assessed_directionally_whatever_the_method() {
    let fixture = Fixture::new(Better::Higher, Method::Pace { margin: Margin::ZERO })
        .target(
            2025,
            Target::Direction {
                direction: Direction::Decrease,
            },
        )
        .outcome("2025-09", "10")
        .outcome("2025-10", "9");
    assert_eq!(fixture.verdict("2025-10"), Green);
    assert!(matches!(
        fixture.assess("2025-10").explanation.basis,
        Basis::Directional { .. }
    ));
}

#[test]
fn directional_method_with_a_number_target_assesses_as_threshold() {
    let fixture = Fixture::new(Better::Higher, Method::Directional { margin: Margin::ZERO })
        .target(2025, value("5"))
        .outcome("2025-10", "6");
    assert_eq!(fixture.verdict("2025-10"), Green);
}

#[test]
fn manual_method_is_grey_until_a_manual_verdict_is_given() {
    let fixture = Fixture::new(Better::Higher, Method::Manual)
        .target(2025, value("5"))
        .outcome("2025-10", "6");
    assert_eq!(fixture.verdict("2025-10"), Grey);
    let judged = fixture.manual("2025-10", Yellow, "Insatserna är försenade");
    assert_eq!(judged.verdict("2025-10"), Yellow);
    assert_eq!(judged.verdict("2025-11"), Grey, "given for October only");
}

#[test]
fn manual_verdict_overrides_and_keeps_the_computed_one() {
    let fixture = Fixture::higher(Margin::ZERO)
        .target(2025, value("45"))
        .outcome("2025-08", "40")
        .manual("2025-T2", Green, "Nya insatser ger effekt");
    let august = fixture.assess("2025-08");
    assert_eq!((august.verdict, august.explanation.computed), (Green, Red));
    assert_eq!(
        fixture.verdict("2025-11"),
        Green,
        "a tertial's verdict holds until the next tertial ends"
    );
    assert_eq!(
        fixture.verdict("2025-12"),
        Red,
        "then the computed verdict applies again"
    );
}

#[test]
fn numbers_beyond_range_are_grey_not_a_panic() {
    let fixture = Fixture::higher(percent("10"))
        .target(2025, Target::Value { value: Decimal::MAX })
        .outcome("2025-10", "-79228162514264337593543950335");
    let assessment = fixture.assess("2025-10");
    assert_eq!(
        assessment.explanation.basis,
        Basis::NotAssessable {
            reason: GreyReason::OutOfRange
        }
    );
    let sum = pace(Margin::ZERO)
        .outcome("2025-01", "79228162514264337593543950335")
        .outcome("2025-02", "1");
    assert_eq!(sum.verdict("2025-02"), Grey);
}

#[test]
fn later_target_entry_for_a_year_wins() {
    let fixture = Fixture::higher(Margin::ZERO)
        .target(2025, value("10"))
        .target(2025, value("5"))
        .outcome("2025-10", "6");
    assert_eq!(fixture.verdict("2025-10"), Green);
}
