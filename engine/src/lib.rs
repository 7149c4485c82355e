//! Målbild's engines: pure code, no IO, no framework types (see docs/ARCHITECTURE.md).
//!
//! This crate holds the value types the plans are made of (periods, Swedish-written numbers,
//! targets) and, as they arrive, the indicator assessment and budget engines built on them.
//! Everything here is deterministic and unit-tested on its own.

pub mod number;
pub mod period;
pub mod target;

pub use number::{NumberError, parse_number};
pub use period::{Period, PeriodError, Periodicity};
pub use target::{Comparison, Direction, Target, TargetError};
