//! The whole monthly assessment of a large installation: 300 tenants × 3 councils × 60
//! indicators × 12 months (648 000 indicator verdicts, each over a monthly series of 12
//! outcomes) plus 15 goals per council and month (162 000 goal verdicts). Target: ≤ 200 ms on
//! one core. The synthetic data is built once, outside the timed loop.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use engine::assess::{
    Better, GoalInput, IndicatorAssessment, IndicatorSeries, ManualVerdict, Margin, Method, Quota, Rule, Verdict,
    assess_goal, assess_indicator,
};
use engine::{Direction, Period, Periodicity, Target};
use rust_decimal::Decimal;

const TENANTS: usize = 300;
const COUNCILS: usize = 3;
const INDICATORS: usize = 60;
const GOALS: usize = 15;
const PER_GOAL: usize = INDICATORS / GOALS;
const YEAR: i32 = 2025;

/// A small deterministic generator (xorshift), so the data is the same on every run.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A value in `around ± spread`, with one decimal.
    fn around(&mut self, around: i64, spread: i64) -> Decimal {
        let tenths = (self.next() % (2 * spread as u64 * 10 + 1)) as i64 - spread * 10;
        Decimal::new(around * 10 + tenths, 1)
    }
}

/// One indicator's owned data.
struct Indicator {
    better: Better,
    cumulative: bool,
    baseline: Option<Decimal>,
    outcomes: Vec<(Period, Decimal)>,
    forecasts: Vec<(Period, Decimal)>,
    targets: Vec<(i32, Target)>,
    method: Method,
    manual: Option<ManualVerdict>,
}

fn month(m: u8) -> Period {
    Period::month(YEAR, m).expect("month")
}

/// Six kinds of indicator in turn: a share to raise, a rate to keep under a bound, a count
/// on pace, a rate on pace, "Öka", and a band (budget deviation).
fn indicator(kind: usize, random: &mut Random) -> Indicator {
    let percent = |p| Margin::Percent(Decimal::from(p));
    let (better, cumulative, method, target, level, spread) = match kind {
        0 => (
            Better::Higher,
            false,
            Method::Threshold { margin: percent(5) },
            Target::Value {
                value: Decimal::from(75),
            },
            74,
            6,
        ),
        1 => (
            Better::Lower,
            false,
            Method::Threshold { margin: percent(10) },
            Target::Compare {
                op: engine::Comparison::LessOrEqual,
                value: Decimal::from(24),
            },
            24,
            4,
        ),
        2 => (
            Better::Higher,
            true,
            Method::Pace { margin: percent(10) },
            Target::Value {
                value: Decimal::from(1200),
            },
            100,
            15,
        ),
        3 => (
            Better::Lower,
            false,
            Method::Pace { margin: percent(5) },
            Target::Value {
                value: Decimal::new(72, 1),
            },
            7,
            1,
        ),
        4 => (
            Better::Higher,
            false,
            Method::Threshold { margin: percent(5) },
            Target::Direction {
                direction: Direction::Increase,
            },
            50,
            5,
        ),
        _ => (
            Better::Band,
            false,
            Method::Threshold { margin: percent(20) },
            Target::Band {
                center: Decimal::ZERO,
                tolerance: Decimal::new(5, 1),
            },
            0,
            1,
        ),
    };
    let mut outcomes: Vec<_> = (1..=12).map(|m| (month(m), random.around(level, spread))).collect();
    outcomes.insert(
        0,
        (
            Period::month(YEAR - 1, 12).expect("month"),
            random.around(level, spread),
        ),
    );
    let year_level = if cumulative { level * 12 } else { level };
    let manual = random.next().is_multiple_of(50).then(|| ManualVerdict {
        period: month(8),
        verdict: Verdict::Green,
        motivation: "Helhetsbedömning vid delår 2".to_owned(),
    });
    Indicator {
        better,
        cumulative,
        baseline: Some(random.around(level, spread)),
        outcomes,
        forecasts: vec![(Period::year_of(YEAR).expect("year"), random.around(year_level, spread))],
        targets: vec![(YEAR - 1, target.clone()), (YEAR, target)],
        method,
        manual,
    }
}

fn series(indicator: &Indicator) -> IndicatorSeries<'_> {
    IndicatorSeries {
        better: indicator.better,
        periodicity: Periodicity::Month,
        cumulative: indicator.cumulative,
        baseline: indicator.baseline,
        outcomes: &indicator.outcomes,
        forecasts: &indicator.forecasts,
        targets: &indicator.targets,
        method: indicator.method,
        manual: indicator.manual.as_ref(),
    }
}

/// 004's rules and Norrtälje's default, in turn.
fn goal_rules(keys: &[String]) -> Vec<Rule> {
    (0..GOALS)
        .map(|goal| match goal % 5 {
            0 => Rule::count_green(3),
            1 => Rule::count_green_rest_yellow(2),
            2 => Rule::count_green_including(3, keys[goal * PER_GOAL].clone()),
            3 => Rule::CountGreen {
                green: Quota::Share(Decimal::from(50)),
                rest_at_least: Some(Verdict::Yellow),
                mandatory: Vec::new(),
            },
            _ => Rule::equal_weights_all_green(),
        })
        .collect()
}

struct Data {
    councils: Vec<Vec<Indicator>>,
    keys: Vec<String>,
    labels: Vec<String>,
    rules: Vec<Rule>,
}

fn data() -> Data {
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    let councils = (0..TENANTS * COUNCILS)
        .map(|_| (0..INDICATORS).map(|i| indicator(i % 6, &mut random)).collect())
        .collect();
    let keys: Vec<String> = (0..INDICATORS).map(|i| format!("I{i:02}")).collect();
    let labels = (0..INDICATORS).map(|i| format!("Indikator {i}")).collect();
    let rules = goal_rules(&keys);
    Data {
        councils,
        keys,
        labels,
        rules,
    }
}

/// Assesses everything once; returns how many verdicts of each colour (so nothing is optimised away).
fn assess_all(data: &Data, councils: &[Vec<IndicatorSeries<'_>>], months: &[Period; 12]) -> [u32; 4] {
    let mut counts = [0u32; 4];
    let mut results: Vec<IndicatorAssessment<'_>> = Vec::with_capacity(INDICATORS);
    for council in councils {
        for &at in months {
            results.clear();
            results.extend(council.iter().map(|series| assess_indicator(series, at)));
            for result in &results {
                counts[result.verdict as usize] += 1;
            }
            for (goal, rule) in data.rules.iter().enumerate() {
                let inputs: [GoalInput<'_>; PER_GOAL] = std::array::from_fn(|k| {
                    let i = goal * PER_GOAL + k;
                    GoalInput::indicator(&data.keys[i], &data.labels[i], &results[i])
                });
                let assessment = assess_goal(rule, &inputs, at, None);
                counts[assessment.verdict as usize] += 1;
            }
        }
    }
    counts
}

fn bench(c: &mut Criterion) {
    let data = data();
    let councils: Vec<Vec<IndicatorSeries<'_>>> = data
        .councils
        .iter()
        .map(|council| council.iter().map(series).collect())
        .collect();
    let months: [Period; 12] = std::array::from_fn(|m| month(m as u8 + 1));
    let counts = assess_all(&data, &councils, &months);
    let total: u32 = counts.iter().sum();
    println!(
        "{total} verdicts (648 000 indicators + 162 000 goals): green {}, yellow {}, red {}, grey {}",
        counts[0], counts[1], counts[2], counts[3]
    );
    let mut group = c.benchmark_group("assess");
    group
        .sample_size(10)
        .measurement_time(std::time::Duration::from_secs(8));
    group.bench_function("300 tenants × 3 councils × 60 indicators × 12 months + goals", |b| {
        b.iter(|| assess_all(black_box(&data), black_box(&councils), black_box(&months)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
