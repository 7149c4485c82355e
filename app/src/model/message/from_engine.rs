//! The engine's errors as messages: the engine names what is wrong in its own types, the
//! reader's language says it in words.

use engine::assess::{MethodError, RuleError};
use engine::{NumberError, PeriodError, Periodicity, TargetError};

use super::{Message, PeriodKind, echo};

impl From<Periodicity> for PeriodKind {
    fn from(periodicity: Periodicity) -> Self {
        match periodicity {
            Periodicity::Year => PeriodKind::Year,
            Periodicity::HalfYear => PeriodKind::HalfYear,
            Periodicity::Tertial => PeriodKind::Tertial,
            Periodicity::Month => PeriodKind::Month,
        }
    }
}

impl From<&NumberError> for Message {
    fn from(err: &NumberError) -> Self {
        match err {
            NumberError::Empty => Message::Required,
            NumberError::TooLong(length) => Message::TooLong {
                max: engine::number::MAX_NUMBER_CHARS,
                length: *length,
            },
            NumberError::NotANumber(text) => Message::NotANumber { text: echo(text) },
            NumberError::MixedSeparators(text) => Message::MixedSeparators { text: echo(text) },
            NumberError::TooLarge(text) => Message::NumberTooLarge { text: echo(text) },
        }
    }
}

impl From<&PeriodError> for Message {
    fn from(err: &PeriodError) -> Self {
        match err {
            PeriodError::Malformed(text) | PeriodError::UnknownPeriodicity(text) => {
                Message::NotAPeriod { text: echo(text) }
            }
            PeriodError::TooLong(length) => Message::TooLong {
                max: engine::period::MAX_PERIOD_CHARS,
                length: *length,
            },
            PeriodError::YearOutOfRange(year) => Message::OutsideYears {
                value: year.to_string(),
                first: engine::period::FIRST_YEAR,
                last: engine::period::LAST_YEAR,
            },
            PeriodError::NoSuchPart(text) => Message::NoSuchPeriod { text: echo(text) },
        }
    }
}

impl From<&TargetError> for Message {
    fn from(err: &TargetError) -> Self {
        match err {
            TargetError::Empty => Message::Required,
            TargetError::TooLong(length) => Message::TooLong {
                max: engine::target::MAX_TARGET_CHARS,
                length: *length,
            },
            TargetError::Unrecognised(text) => Message::NotATarget { text: echo(text) },
            TargetError::Number { text, source } => Message::TargetNumber {
                text: echo(text),
                cause: Box::new(source.into()),
            },
            TargetError::NegativeTolerance(text) => Message::NegativeTolerance { text: echo(text) },
        }
    }
}

impl From<&MethodError> for Message {
    fn from(err: &MethodError) -> Self {
        match err {
            MethodError::NegativeMargin => Message::NegativeMargin,
        }
    }
}

impl From<&RuleError> for Message {
    fn from(err: &RuleError) -> Self {
        match err {
            RuleError::ShareOutOfRange(value) => Message::ShareOutOfRange {
                value: value.to_string(),
            },
            RuleError::NegativeWeight { key, weight } => Message::NegativeWeight {
                key: key.clone(),
                weight: weight.to_string(),
            },
            RuleError::Thresholds => Message::ThresholdsOutOfRange,
            RuleError::EmptyAll => Message::EmptyAll,
            RuleError::ManualInAll => Message::ManualInAll,
        }
    }
}
