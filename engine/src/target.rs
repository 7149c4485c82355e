//! Targets (mål, riktvärden) as the plans state them: a number, a comparison ("Inom 24
//! timmar" is `≤ 24`), a band ("+/- 0,5"), a direction ("Öka", "Minska", "Bibehålla"),
//! "Ej utvärderad", or a statement only a person can assess.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::number::{MAX_NUMBER_CHARS, NumberError, parse_number};

/// The longest target text looked at, white space around it aside: a band's two numbers and
/// what is between them.
pub const MAX_TARGET_CHARS: usize = 2 * MAX_NUMBER_CHARS + 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

impl Comparison {
    pub fn symbol(self) -> &'static str {
        match self {
            Self::Less => "<",
            Self::LessOrEqual => "≤",
            Self::Greater => ">",
            Self::GreaterOrEqual => "≥",
        }
    }

    /// Whether `value` satisfies the comparison against `bound`.
    pub fn holds(self, value: Decimal, bound: Decimal) -> bool {
        match self {
            Self::Less => value < bound,
            Self::LessOrEqual => value <= bound,
            Self::Greater => value > bound,
            Self::GreaterOrEqual => value >= bound,
        }
    }
}

/// A target relative to the previous value (or the baseline).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Increase,
    Decrease,
    Maintain,
}

impl Direction {
    pub fn swedish(self) -> &'static str {
        match self {
            Self::Increase => "Öka",
            Self::Decrease => "Minska",
            Self::Maintain => "Bibehålla",
        }
    }

    pub fn english(self) -> &'static str {
        match self {
            Self::Increase => "Increase",
            Self::Decrease => "Decrease",
            Self::Maintain => "Maintain",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Target {
    /// Reach this value (which side is better follows the indicator's direction).
    Value {
        value: Decimal,
    },
    Compare {
        op: Comparison,
        value: Decimal,
    },
    /// Stay within `center ± tolerance`.
    Band {
        center: Decimal,
        tolerance: Decimal,
    },
    Direction {
        direction: Direction,
    },
    NotEvaluated,
    /// Wording that only a person can assess, e.g. "Samtliga resultatområden når upp till
    /// sina interna riktvärden".
    Statement {
        text: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    #[error("is empty")]
    Empty,
    /// Longer than [`MAX_TARGET_CHARS`]; the length in characters.
    #[error("is longer than {MAX_TARGET_CHARS} characters")]
    TooLong(usize),
    #[error(
        "\"{0}\" is not a target; write a number (5,8), a comparison (<= 24), a band (+/- 0,5), Öka, Minska, Bibehålla or Ej utvärderad"
    )]
    Unrecognised(String),
    #[error("in \"{text}\": the number {source}")]
    Number { text: String, source: NumberError },
    #[error("in \"{0}\": a band's tolerance must be positive")]
    NegativeTolerance(String),
}

impl Target {
    /// Parses the written form. Statements are never parsed from text: anything that is not
    /// recognised is an error, so a typo cannot silently become an unassessable target.
    pub fn parse(text: &str) -> Result<Self, TargetError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(TargetError::Empty);
        }
        if text.chars().nth(MAX_TARGET_CHARS).is_some() {
            return Err(TargetError::TooLong(text.chars().count()));
        }
        let number = |s: &str| {
            parse_number(s).map_err(|source| TargetError::Number {
                text: text.to_owned(),
                source,
            })
        };
        match text.to_lowercase().as_str() {
            "öka" => {
                return Ok(Self::Direction {
                    direction: Direction::Increase,
                });
            }
            "minska" => {
                return Ok(Self::Direction {
                    direction: Direction::Decrease,
                });
            }
            "bibehålla" | "bibehålls" => {
                return Ok(Self::Direction {
                    direction: Direction::Maintain,
                });
            }
            "ej utvärderad" | "ej utvärderat" => return Ok(Self::NotEvaluated),
            _ => {}
        }
        for (prefix, op) in [
            ("<=", Comparison::LessOrEqual),
            (">=", Comparison::GreaterOrEqual),
            ("≤", Comparison::LessOrEqual),
            ("≥", Comparison::GreaterOrEqual),
            ("<", Comparison::Less),
            (">", Comparison::Greater),
        ] {
            if let Some(rest) = text.strip_prefix(prefix) {
                return Ok(Self::Compare {
                    op,
                    value: number(rest)?,
                });
            }
        }
        for separator in ["+/-", "±"] {
            if let Some((center, tolerance)) = text.split_once(separator) {
                let center = if center.trim().is_empty() {
                    Decimal::ZERO
                } else {
                    number(center)?
                };
                let tolerance = number(tolerance)?;
                if tolerance.is_sign_negative() {
                    return Err(TargetError::NegativeTolerance(text.to_owned()));
                }
                return Ok(Self::Band { center, tolerance });
            }
        }
        match parse_number(text) {
            Ok(value) => Ok(Self::Value { value }),
            Err(NumberError::NotANumber(_)) => Err(TargetError::Unrecognised(text.to_owned())),
            Err(source) => Err(TargetError::Number {
                text: text.to_owned(),
                source,
            }),
        }
    }
}

/// The Swedish written form, with a decimal comma: `≤ 24`, `± 0,5`, `Öka`.
impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let swedish = |d: &Decimal| d.normalize().to_string().replace('.', ",");
        match self {
            Self::Value { value } => f.write_str(&swedish(value)),
            Self::Compare { op, value } => write!(f, "{} {}", op.symbol(), swedish(value)),
            Self::Band { center, tolerance } if center.is_zero() => write!(f, "± {}", swedish(tolerance)),
            Self::Band { center, tolerance } => write!(f, "{} ± {}", swedish(center), swedish(tolerance)),
            Self::Direction { direction } => f.write_str(direction.swedish()),
            Self::NotEvaluated => f.write_str("Ej utvärderad"),
            Self::Statement { text } => f.write_str(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test decimal")
    }

    #[test]
    fn parses_every_written_form() {
        let cases = [
            ("0,0", Target::Value { value: d("0.0") }, "0"),
            ("5,8", Target::Value { value: d("5.8") }, "5,8"),
            (
                "<= 24",
                Target::Compare {
                    op: Comparison::LessOrEqual,
                    value: d("24"),
                },
                "≤ 24",
            ),
            (
                "≥80",
                Target::Compare {
                    op: Comparison::GreaterOrEqual,
                    value: d("80"),
                },
                "≥ 80",
            ),
            (
                "< 5",
                Target::Compare {
                    op: Comparison::Less,
                    value: d("5"),
                },
                "< 5",
            ),
            (
                "+/- 0,5",
                Target::Band {
                    center: d("0"),
                    tolerance: d("0.5"),
                },
                "± 0,5",
            ),
            (
                "± 0,5",
                Target::Band {
                    center: d("0"),
                    tolerance: d("0.5"),
                },
                "± 0,5",
            ),
            (
                "5 ± 1",
                Target::Band {
                    center: d("5"),
                    tolerance: d("1"),
                },
                "5 ± 1",
            ),
            (
                "Öka",
                Target::Direction {
                    direction: Direction::Increase,
                },
                "Öka",
            ),
            (
                "minska",
                Target::Direction {
                    direction: Direction::Decrease,
                },
                "Minska",
            ),
            (
                "BIBEHÅLLA",
                Target::Direction {
                    direction: Direction::Maintain,
                },
                "Bibehålla",
            ),
            ("Ej utvärderad", Target::NotEvaluated, "Ej utvärderad"),
        ];
        for (text, want, shown) in cases {
            let target = Target::parse(text).expect(text);
            assert_eq!(target, want, "{text}");
            assert_eq!(target.to_string(), shown, "{text}");
            assert_eq!(Target::parse(shown).expect(shown), want, "reparse {shown}");
        }
    }

    #[test]
    fn unrecognised_text_is_an_error_not_a_statement() {
        assert_eq!(Target::parse(""), Err(TargetError::Empty));
        assert_eq!(Target::parse("Öja"), Err(TargetError::Unrecognised("Öja".into())));
        assert!(matches!(Target::parse("<= tjugo"), Err(TargetError::Number { .. })));
        assert!(matches!(Target::parse("1.234,5"), Err(TargetError::Number { .. })));
        assert_eq!(
            Target::parse("+/- -1"),
            Err(TargetError::NegativeTolerance("+/- -1".into()))
        );
    }

    #[test]
    fn long_and_huge_targets_are_refused() {
        assert_eq!(Target::parse(&"Öka ".repeat(100)), Err(TargetError::TooLong(399)));
        assert!(matches!(
            Target::parse("<= 1000000000000001"),
            Err(TargetError::Number {
                source: NumberError::TooLarge(_),
                ..
            })
        ));
        let widest = format!("{} ± 1", "1".repeat(MAX_NUMBER_CHARS + 1));
        assert!(matches!(
            Target::parse(&widest),
            Err(TargetError::Number {
                source: NumberError::TooLong(_),
                ..
            })
        ));
    }

    #[test]
    fn comparisons_hold_at_their_bounds() {
        let (five, six) = (d("5"), d("6"));
        assert!(Comparison::LessOrEqual.holds(five, five));
        assert!(!Comparison::Less.holds(five, five));
        assert!(Comparison::GreaterOrEqual.holds(six, five));
        assert!(!Comparison::Greater.holds(five, six));
    }

    #[test]
    fn serialises_tagged_for_the_export_format() {
        let json = serde_json_like(&Target::Compare {
            op: Comparison::LessOrEqual,
            value: d("24"),
        });
        assert_eq!(json, r#"{"kind":"compare","op":"less_or_equal","value":"24"}"#);
    }

    fn serde_json_like(target: &Target) -> String {
        serde_json::to_string(target).expect("serialise")
    }

    proptest::proptest! {
        #[test]
        fn any_text_parses_or_is_refused_and_what_parses_round_trips(
            text in proptest::prop_oneof![
                proptest::arbitrary::any::<String>(),
                "(<=|>=|<|>|≤|≥|\\+/-|±)? ?-?[0-9 ,.]{0,20}( ?(±|\\+/-) ?[-0-9 ,.]{0,20})?",
                "(?i)(öka|minska|bibehålla|bibehålls|ej utvärderad|ej utvärderat)",
                "[-+±<>=≤≥/0-9 ,.]{0,10000}",
                ".{0,300}",
            ],
        ) {
            if let Ok(target) = Target::parse(&text) {
                let shown = target.to_string();
                proptest::prop_assert_eq!(Target::parse(&shown), Ok(target), "{:?} → {}", text, shown);
            }
        }
    }
}
