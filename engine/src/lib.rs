//! Målbild's engines: pure code, no IO, no framework types (see docs/ARCHITECTURE.md).
//!
//! This crate holds the value types the plans are made of (periods, Swedish-written numbers,
//! targets) and the engines built on them: [`assess`] gives indicators and goals their traffic
//! lights with explanations in Swedish; [`economy`] checks, measures and forecasts a council's
//! budget and outcome. Everything here is deterministic and unit-tested on its own.

pub mod assess;
pub mod economy;
pub mod number;
pub mod period;
pub mod target;

pub use assess::{
    GoalAssessment, GoalInput, IndicatorAssessment, IndicatorSeries, ManualVerdict, Margin, Method, Rule, Verdict,
    assess_goal, assess_indicator,
};
pub use number::{NumberError, SwedishNumber, parse_number};
pub use period::{Period, PeriodError, Periodicity};
pub use target::{Comparison, Direction, Target, TargetError};
