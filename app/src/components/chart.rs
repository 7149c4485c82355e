//! A small inline SVG chart of an indicator: outcomes as a line with points, targets as a
//! dashed line, and (on the follow-up page) the pace towards the year's target dotted. Rendered on the server; no script needed. The table beside it carries the
//! exact figures, so the chart is decorative for screen readers beyond its summary.

use leptos::prelude::*;

use crate::model::ChartPoint;

const WIDTH: f64 = 240.0;
const HEIGHT: f64 = 72.0;
const PAD: f64 = 6.0;

/// One point's place in the SVG, where it has a value.
type Xy = Option<(f64, f64)>;

/// Maps chart points to SVG coordinates: x spread evenly, y scaled to the values' range.
/// Returns the outcome, the target and the pace coordinates.
pub fn layout(points: &[ChartPoint]) -> [Vec<Xy>; 3] {
    let values: Vec<f64> = points
        .iter()
        .flat_map(|p| [p.outcome, p.target, p.pace])
        .flatten()
        .collect();
    let (min, max) = values.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(*v), hi.max(*v))
    });
    let span = if (max - min).abs() < f64::EPSILON {
        1.0
    } else {
        max - min
    };
    let step = if points.len() > 1 {
        (WIDTH - 2.0 * PAD) / (points.len() - 1) as f64
    } else {
        0.0
    };
    let at = |i: usize, v: Option<f64>| {
        v.map(|v| {
            let x = if points.len() > 1 {
                PAD + step * i as f64
            } else {
                WIDTH / 2.0
            };
            let y = HEIGHT - PAD - (v - min) / span * (HEIGHT - 2.0 * PAD);
            ((x * 10.0).round() / 10.0, (y * 10.0).round() / 10.0)
        })
    };
    let series =
        |value: fn(&ChartPoint) -> Option<f64>| points.iter().enumerate().map(|(i, p)| at(i, value(p))).collect();
    [series(|p| p.outcome), series(|p| p.target), series(|p| p.pace)]
}

fn polyline(points: &[Xy]) -> String {
    points
        .iter()
        .flatten()
        .map(|(x, y)| format!("{x},{y}"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[component]
pub fn IndicatorChart(points: Vec<ChartPoint>, #[prop(into)] label: String) -> impl IntoView {
    if points
        .iter()
        .all(|p| p.outcome.is_none() && p.target.is_none() && p.pace.is_none())
    {
        return ().into_any();
    }
    let [outcomes, targets, pace] = layout(&points);
    let first = points.first().map(|p| p.label.clone()).unwrap_or_default();
    let last = points.last().map(|p| p.label.clone()).unwrap_or_default();
    let dots = outcomes
        .iter()
        .zip(&points)
        .filter_map(|(xy, p)| xy.map(|(x, y)| (x, y, p.label.clone())))
        .map(|(x, y, title)| view! { <circle cx=x cy=y r="2.5" class="chart__dot"><title>{title}</title></circle> })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") width=WIDTH height=HEIGHT role="img" aria-label=label>
                <polyline class="chart__target" points=polyline(&targets) />
                {pace.iter().any(Option::is_some).then(|| view! { <polyline class="chart__pace" points=polyline(&pace) /> })}
                <polyline class="chart__outcome" points=polyline(&outcomes) />
                {dots}
            </svg>
            <figcaption class="chart__axis"><span>{first}</span><span>{last}</span></figcaption>
        </figure>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(label: &str, outcome: Option<f64>, target: Option<f64>) -> ChartPoint {
        ChartPoint {
            label: label.into(),
            outcome,
            target,
            pace: None,
        }
    }

    #[test]
    fn the_highest_value_is_at_the_top_and_the_lowest_at_the_bottom() {
        let [outcomes, targets, _] = layout(&[point("2023", Some(10.0), None), point("2024", Some(20.0), Some(15.0))]);
        assert_eq!(outcomes, [Some((PAD, HEIGHT - PAD)), Some((WIDTH - PAD, PAD))]);
        assert_eq!(targets, [None, Some((WIDTH - PAD, HEIGHT / 2.0))]);
    }

    #[test]
    fn a_flat_or_single_series_stays_inside_the_box() {
        let [outcomes, _, _] = layout(&[point("2024", Some(5.0), Some(5.0))]);
        assert_eq!(outcomes, [Some((WIDTH / 2.0, HEIGHT - PAD))]);
    }

    #[test]
    fn the_pace_line_shares_the_scale() {
        let mut first = point("jan", Some(1.0), Some(12.0));
        first.pace = Some(0.0);
        let [_, targets, pace] = layout(&[first, point("feb", None, Some(12.0))]);
        assert_eq!(pace[0], Some((PAD, HEIGHT - PAD)), "pace 0 is the lowest value");
        assert_eq!(targets[0].map(|(_, y)| y), Some(PAD), "the target the highest");
        assert_eq!(pace[1], None);
    }
}
