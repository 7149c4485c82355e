//! The assessment engine: traffic lights for indicators and goals, each with an explanation
//! that says which values, which targets and which rule gave the colour (004, Bilaga 1).
//!
//! - [`assess_indicator`]: an indicator's verdict at a month from its outcomes, forecasts and
//!   the year's target, by the indicator's [`Method`]; a [`ManualVerdict`] for the period
//!   overrides it.
//! - [`assess_goal`]: a goal's verdict from its inputs' verdicts by a [`Rule`] (data, so each
//!   tenant and goal configures its own); a helhetsbedömning overrides it.
//!
//! Pure and cheap: inputs are borrowed, explanations borrow them back and hold only enums,
//! periods and decimals, so assessing allocates nothing. The text is written when an
//! explanation is displayed, in Swedish (`to_string()` / `swedish()`) or English
//! (`text(Language::English)`).

mod assignment;
mod explain;
mod explain_config;
mod explain_goal;
mod goal;
mod grade;
mod indicator;
mod language;
mod rule;
mod select;
mod verdict;

#[cfg(test)]
mod tests;

pub use assignment::{AssignmentForecast, AssignmentStatus, assignment_verdict};
pub use explain::PeriodText;
pub use goal::{
    CountGrey, CountOutcome, GoalAssessment, GoalExplanation, GoalInput, InputKind, RuleOutcome, Tally,
    WeightedOutcome, assess_goal, evaluate,
};
pub use indicator::{
    Basis, Better, GreyReason, IndicatorAssessment, IndicatorExplanation, IndicatorSeries, Method, MethodError,
    Observed, Previous, ToDate, assess_indicator,
};
pub use language::Language;
pub use rule::{Quota, Rule, RuleError};
pub use verdict::{ManualVerdict, Margin, Verdict};
