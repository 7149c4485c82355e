//! Which plan a goal's contribution points into: the municipality's plan covering the
//! contributing plan's first year (a plan of a municipal council; the one starting latest,
//! then by name, when several do). Codes are unique within a plan, so a link names only
//! the municipality's goal's code.

use super::document::{Plan, TenantDocument};

/// The municipal plan `plan`'s goals contribute to, if any.
pub fn target_plan<'a>(doc: &'a TenantDocument, plan: &Plan) -> Option<&'a Plan> {
    let municipal = |council: &str| doc.councils.iter().any(|c| c.slug == council && c.municipal);
    target_among(
        doc.plans.iter().filter(|p| municipal(&p.council)),
        plan.first_year,
        |p| (p.first_year, p.last_year, p.name.as_str()),
    )
}

/// Of `candidates` (the municipal plans, as `(first year, last year, name)` by `years`), the
/// one covering `year`: the latest starting, then the first by name.
pub fn target_among<'a, P>(
    candidates: impl Iterator<Item = &'a P>,
    year: i32,
    years: impl Fn(&P) -> (i32, i32, &str),
) -> Option<&'a P>
where
    P: 'a,
{
    candidates
        .filter(|p| {
            let (first, last, _) = years(p);
            (first..=last).contains(&year)
        })
        .min_by(|a, b| {
            let ((fa, _, na), (fb, _, nb)) = (years(a), years(b));
            fb.cmp(&fa).then(na.cmp(nb))
        })
}
