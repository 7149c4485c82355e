//! Grading one number against a target or a previous value. All comparisons are exact: a
//! scaled comparison (`sum × 12` against `target × months`) replaces division.

use rust_decimal::Decimal;

use super::indicator::Better;
use super::verdict::{Margin, Verdict, scaled};
use crate::target::{Comparison, Direction, Target};

/// Arithmetic left the range of `Decimal`; the caller turns it into a grey verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Overflow;

fn ok<T>(value: Option<T>) -> Result<T, Overflow> {
    value.ok_or(Overflow)
}

/// Grades `value` against a numeric target whose bounds are multiplied by `scale` (an
/// absolute margin too). Green when the target is met; yellow when it is missed by at most
/// the margin; red otherwise. `None` for a target that is not a number, a comparison or a band.
pub(crate) fn against_target(
    value: Decimal,
    target: &Target,
    better: Better,
    margin: Margin,
    scale: Decimal,
) -> Option<Result<Verdict, Overflow>> {
    let graded = match *target {
        Target::Value { value: goal } => value_target(value, goal, better, margin, scale),
        Target::Compare { op, value: bound } => compare_target(value, op, bound, margin, scale),
        Target::Band { center, tolerance } => band_target(value, center, tolerance, margin, scale),
        Target::Direction { .. } | Target::NotEvaluated | Target::Statement { .. } => return None,
    };
    Some(graded)
}

/// Green when `met`; otherwise yellow when the `shortfall` is within the margin.
fn colour(
    met: bool,
    shortfall: Decimal,
    magnitude: Decimal,
    margin: Margin,
    scale: Decimal,
) -> Result<Verdict, Overflow> {
    if met {
        Ok(Verdict::Green)
    } else if ok(margin.covers(shortfall, magnitude, scale))? {
        Ok(Verdict::Yellow)
    } else {
        Ok(Verdict::Red)
    }
}

fn value_target(
    value: Decimal,
    goal: Decimal,
    better: Better,
    margin: Margin,
    scale: Decimal,
) -> Result<Verdict, Overflow> {
    let goal = ok(scaled(goal, scale))?;
    let shortfall = match better {
        Better::Higher => ok(goal.checked_sub(value))?,
        Better::Lower => ok(value.checked_sub(goal))?,
        // A plain number on a band indicator: the number is the centre, no tolerance.
        Better::Band => ok(value.checked_sub(goal))?.abs(),
    };
    colour(shortfall <= Decimal::ZERO, shortfall, goal, margin, scale)
}

fn compare_target(
    value: Decimal,
    op: Comparison,
    bound: Decimal,
    margin: Margin,
    scale: Decimal,
) -> Result<Verdict, Overflow> {
    let bound = ok(scaled(bound, scale))?;
    let shortfall = match op {
        Comparison::Greater | Comparison::GreaterOrEqual => ok(bound.checked_sub(value))?,
        Comparison::Less | Comparison::LessOrEqual => ok(value.checked_sub(bound))?,
    };
    colour(op.holds(value, bound), shortfall, bound, margin, scale)
}

fn band_target(
    value: Decimal,
    center: Decimal,
    tolerance: Decimal,
    margin: Margin,
    scale: Decimal,
) -> Result<Verdict, Overflow> {
    let center = ok(scaled(center, scale))?;
    let tolerance = ok(scaled(tolerance, scale))?;
    let shortfall = ok(ok(value.checked_sub(center))?.abs().checked_sub(tolerance))?;
    colour(shortfall <= Decimal::ZERO, shortfall, tolerance, margin, scale)
}

/// "Öka", "Minska", "Bibehålla" against the previous value. Increase and decrease are strict
/// (equal is yellow, the wrong way red, with no margin); maintaining allows the margin.
pub(crate) fn against_previous(
    value: Decimal,
    previous: Decimal,
    direction: Direction,
    better: Better,
    margin: Margin,
) -> Result<Verdict, Overflow> {
    let one = Decimal::ONE;
    match direction {
        Direction::Increase => Ok(strict(value.cmp(&previous))),
        Direction::Decrease => Ok(strict(previous.cmp(&value))),
        Direction::Maintain => match better {
            Better::Higher => colour(
                value >= previous,
                ok(previous.checked_sub(value))?,
                previous,
                margin,
                one,
            ),
            Better::Lower => colour(
                value <= previous,
                ok(value.checked_sub(previous))?,
                previous,
                margin,
                one,
            ),
            // Green when equal within the margin, yellow within twice the margin.
            Better::Band => {
                let distance = ok(value.checked_sub(previous))?.abs();
                if ok(margin.covers(distance, previous, one))? {
                    Ok(Verdict::Green)
                } else {
                    let half = ok(distance.checked_div(Decimal::TWO))?;
                    colour(false, half, previous, margin, one)
                }
            }
        },
    }
}

fn strict(order: std::cmp::Ordering) -> Verdict {
    match order {
        std::cmp::Ordering::Greater => Verdict::Green,
        std::cmp::Ordering::Equal => Verdict::Yellow,
        std::cmp::Ordering::Less => Verdict::Red,
    }
}
