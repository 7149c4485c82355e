//! Tests of the assessment engine: indicators, goals (with 004's rules at their boundaries),
//! the Swedish text, and properties (monotonicity, grey inputs never green, extreme values and
//! rendering never panic).

mod english;
mod explain;
mod extreme;
mod goal;
mod grey;
mod indicator;
mod props;
mod verdict;

use std::str::FromStr;

use rust_decimal::Decimal;

use super::*;
use crate::period::{Period, Periodicity};
use crate::target::Target;

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).expect("test decimal")
}

fn p(text: &str) -> Period {
    text.parse().expect("test period")
}

fn value(text: &str) -> Target {
    Target::Value { value: d(text) }
}

fn percent(text: &str) -> Margin {
    Margin::Percent(d(text))
}

/// An indicator's data, owned, with a builder; `series()` borrows it as the engine wants.
#[derive(Debug, Clone)]
struct Fixture {
    better: Better,
    periodicity: Periodicity,
    cumulative: bool,
    baseline: Option<Decimal>,
    outcomes: Vec<(Period, Decimal)>,
    forecasts: Vec<(Period, Decimal)>,
    targets: Vec<(i32, Target)>,
    method: Method,
    manual: Option<ManualVerdict>,
}

impl Fixture {
    fn new(better: Better, method: Method) -> Self {
        Self {
            better,
            periodicity: Periodicity::Month,
            cumulative: false,
            baseline: None,
            outcomes: Vec::new(),
            forecasts: Vec::new(),
            targets: Vec::new(),
            method,
            manual: None,
        }
    }

    fn higher(margin: Margin) -> Self {
        Self::new(Better::Higher, Method::Threshold { margin })
    }

    fn outcome(mut self, period: &str, value: &str) -> Self {
        self.outcomes.push((p(period), d(value)));
        self
    }

    fn outcomes(mut self, from_month: u8, values: &[&str]) -> Self {
        for (i, value) in values.iter().enumerate() {
            let month = from_month + u8::try_from(i).expect("few months");
            self.outcomes
                .push((Period::month(2025, month).expect("month"), d(value)));
        }
        self
    }

    fn forecast(mut self, period: &str, value: &str) -> Self {
        self.forecasts.push((p(period), d(value)));
        self
    }

    fn target(mut self, year: i32, target: Target) -> Self {
        self.targets.push((year, target));
        self
    }

    fn cumulative(mut self) -> Self {
        self.cumulative = true;
        self
    }

    fn periodicity(mut self, periodicity: Periodicity) -> Self {
        self.periodicity = periodicity;
        self
    }

    fn baseline(mut self, value: &str) -> Self {
        self.baseline = Some(d(value));
        self
    }

    fn manual(mut self, period: &str, verdict: Verdict, motivation: &str) -> Self {
        self.manual = Some(ManualVerdict {
            period: p(period),
            verdict,
            motivation: motivation.to_owned(),
        });
        self
    }

    fn series(&self) -> IndicatorSeries<'_> {
        IndicatorSeries {
            better: self.better,
            periodicity: self.periodicity,
            cumulative: self.cumulative,
            baseline: self.baseline,
            outcomes: &self.outcomes,
            forecasts: &self.forecasts,
            targets: &self.targets,
            method: self.method,
            manual: self.manual.as_ref(),
        }
    }

    fn assess(&self, at: &str) -> IndicatorAssessment<'_> {
        assess_indicator(&self.series(), p(at))
    }

    fn verdict(&self, at: &str) -> Verdict {
        self.assess(at).verdict
    }
}

/// Indicator inputs named by their keys, with these verdicts.
fn inputs<'a>(named: &[(&'a str, Verdict)]) -> Vec<GoalInput<'a>> {
    named
        .iter()
        .map(|&(key, verdict)| GoalInput::new(key, key, InputKind::Indicator, verdict))
        .collect()
}

/// Inputs "i1", "i2", … with these verdicts.
fn numbered(verdicts: &[Verdict]) -> Vec<GoalInput<'static>> {
    const KEYS: [&str; 8] = ["i1", "i2", "i3", "i4", "i5", "i6", "i7", "i8"];
    verdicts
        .iter()
        .zip(KEYS)
        .map(|(&verdict, key)| GoalInput::new(key, key, InputKind::Indicator, verdict))
        .collect()
}

/// A rate averaged by pace, target ≤ 7, with January–March 6, 7, 7.
fn average_at_most_seven() -> Fixture {
    Fixture::new(Better::Lower, Method::Pace { margin: Margin::ZERO })
        .target(
            2025,
            Target::Compare {
                op: crate::target::Comparison::LessOrEqual,
                value: d("7"),
            },
        )
        .outcomes(1, &["6", "7", "7"])
}

fn october() -> Period {
    p("2025-10")
}

/// Verdicts from letters: G, Y, R, - (grey).
fn lights(letters: &str) -> Vec<Verdict> {
    letters
        .chars()
        .map(|c| match c {
            'G' => Verdict::Green,
            'Y' => Verdict::Yellow,
            'R' => Verdict::Red,
            '-' => Verdict::Grey,
            other => panic!("no verdict {other}"),
        })
        .collect()
}

fn goal_verdict(rule: &Rule, letters: &str) -> Verdict {
    let inputs = numbered(&lights(letters));
    assess_goal(rule, &inputs, october(), None).verdict
}
