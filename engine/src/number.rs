//! Numbers as people write them in Swedish documents and spreadsheets: `6,2`, `-4,1`,
//! `1 234,5`, `8.41`. A decimal comma or point; spaces (also no-break) group thousands.
//! [`SwedishNumber`] writes them back the same way.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

/// The longest number text accepted, white space around it aside: more than any amount needs,
/// so a pasted paragraph is refused before any work is done on it.
pub const MAX_NUMBER_CHARS: usize = 64;

/// The largest magnitude accepted: 10^15 (a quadrillion), far above any municipal amount in
/// kr. Sums and products of a few such values stay well inside `Decimal`'s range (about
/// 7,9 × 10^28), so arithmetic on accepted values does not overflow in practice.
pub const MAX_NUMBER: Decimal = Decimal::from_parts(0xA4C6_8000, 0x0003_8D7E, 0, false, 0);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    #[error("is empty")]
    Empty,
    /// Longer than [`MAX_NUMBER_CHARS`]; the length in characters.
    #[error("is longer than {MAX_NUMBER_CHARS} characters")]
    TooLong(usize),
    #[error("\"{0}\" is not a number")]
    NotANumber(String),
    #[error("\"{0}\" has both a decimal comma and a decimal point; use one of them")]
    MixedSeparators(String),
    /// Larger than [`MAX_NUMBER`] in magnitude.
    #[error("\"{0}\" is too large; numbers may be at most 1 000 000 000 000 000")]
    TooLarge(String),
}

/// Parses a number written with a decimal comma or point. Thousands may be grouped with
/// spaces; a leading `−` (U+2212, as typeset documents print it) counts as a minus. At most
/// [`MAX_NUMBER_CHARS`] characters and [`MAX_NUMBER`] in magnitude; fraction digits beyond
/// `Decimal`'s 28 are rounded.
pub fn parse_number(text: &str) -> Result<Decimal, NumberError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(NumberError::Empty);
    }
    if trimmed.chars().nth(MAX_NUMBER_CHARS).is_some() {
        return Err(NumberError::TooLong(trimmed.chars().count()));
    }
    let mut plain = String::with_capacity(trimmed.len());
    let (mut commas, mut points) = (0, 0);
    for (i, c) in trimmed.chars().enumerate() {
        match c {
            '0'..='9' => plain.push(c),
            '-' | '\u{2212}' if i == 0 => plain.push('-'),
            '+' if i == 0 => {}
            ',' => {
                commas += 1;
                plain.push('.');
            }
            '.' => {
                points += 1;
                plain.push('.');
            }
            ' ' | '\u{a0}' | '\u{202f}' => {}
            _ => return Err(NumberError::NotANumber(trimmed.to_owned())),
        }
    }
    if commas > 0 && points > 0 {
        return Err(NumberError::MixedSeparators(trimmed.to_owned()));
    }
    let digits = plain.trim_start_matches('-');
    if commas + points > 1 || digits.is_empty() || digits == "." {
        return Err(NumberError::NotANumber(trimmed.to_owned()));
    }
    // More whole digits than 10^15 has is too large whatever they are; this also keeps
    // `Decimal` from refusing a number for its size rather than its form.
    let whole = digits.split('.').next().unwrap_or_default().trim_start_matches('0');
    if whole.len() > 16 {
        return Err(NumberError::TooLarge(trimmed.to_owned()));
    }
    let value = Decimal::from_str(&plain).map_err(|_| NumberError::NotANumber(trimmed.to_owned()))?;
    if value.abs() > MAX_NUMBER {
        return Err(NumberError::TooLarge(trimmed.to_owned()));
    }
    Ok(value)
}

/// Displays a number the Swedish way: decimal comma, a space between groups of thousands,
/// no trailing zeros: `-401 630`, `7,2`, `1 234,5`. [`parse_number`] reads it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SwedishNumber(pub Decimal);

impl fmt::Display for SwedishNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Decimal's own Display is exact and never uses an exponent; regroup its digits.
        let plain = self.0.normalize().to_string();
        let (sign, unsigned) = match plain.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", plain.as_str()),
        };
        let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
        f.write_str(sign)?;
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                f.write_str(" ")?;
            }
            write!(f, "{digit}")?;
        }
        if !fraction.is_empty() {
            write!(f, ",{fraction}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test decimal")
    }

    #[test]
    fn parses_the_ways_numbers_are_written() {
        let cases = [
            ("6,2", "6.2"),
            ("-4,1", "-4.1"),
            ("8.41", "8.41"),
            ("534", "534"),
            ("1 234,5", "1234.5"),
            ("1\u{a0}234", "1234"),
            ("\u{2212}401 630", "-401630"),
            ("+7", "7"),
            (" 0,0 ", "0.0"),
            (",5", "0.5"),
        ];
        for (text, want) in cases {
            assert_eq!(parse_number(text), Ok(d(want)), "{text}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_number_with_a_reason() {
        assert_eq!(parse_number("  "), Err(NumberError::Empty));
        assert_eq!(
            parse_number("1.234,5"),
            Err(NumberError::MixedSeparators("1.234,5".into()))
        );
        for text in ["abc", "1,2,3", "7 %", "-", "1-2", "1e5", ","] {
            assert!(matches!(parse_number(text), Err(NumberError::NotANumber(_))), "{text}");
        }
        assert!(matches!(
            parse_number("99999999999999999999999999999999"),
            Err(NumberError::TooLarge(_))
        ));
    }

    #[test]
    fn bounds_length_and_magnitude() {
        assert_eq!(MAX_NUMBER, Decimal::from(10i64.pow(15)));
        let cases = [
            ("1 000 000 000 000 000", Ok(MAX_NUMBER)),
            ("-1 000 000 000 000 000", Ok(-MAX_NUMBER)),
            ("1000000000000000,0", Ok(MAX_NUMBER)),
            ("0001000000000000000", Ok(MAX_NUMBER)),
            (
                "1 000 000 000 000 000,01",
                Err(NumberError::TooLarge("1 000 000 000 000 000,01".into())),
            ),
            (
                "1000000000000001",
                Err(NumberError::TooLarge("1000000000000001".into())),
            ),
            (
                "-1000000000000001",
                Err(NumberError::TooLarge("-1000000000000001".into())),
            ),
            (
                "79228162514264337593543950336",
                Err(NumberError::TooLarge("79228162514264337593543950336".into())),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(parse_number(text), want, "{text}");
        }
        let longest = format!("0,{}", "1".repeat(MAX_NUMBER_CHARS - 2));
        assert!(parse_number(&longest).is_ok());
        assert_eq!(
            parse_number(&format!("{longest}1")),
            Err(NumberError::TooLong(MAX_NUMBER_CHARS + 1))
        );
        assert_eq!(parse_number(&"9".repeat(10_000)), Err(NumberError::TooLong(10_000)));
        assert!(parse_number(&format!("  {longest}  ")).is_ok(), "white space aside");
        // Beyond Decimal's 28 fraction digits: rounded, not refused.
        assert_eq!(parse_number(&format!("0,{}1", "0".repeat(40))), Ok(Decimal::ZERO));
    }

    #[test]
    fn writes_numbers_the_swedish_way() {
        let cases = [
            ("0", "0"),
            ("7.20", "7,2"),
            ("-401630", "-401 630"),
            ("1234.5", "1 234,5"),
            ("999", "999"),
            ("-0.5", "-0,5"),
            ("1000000", "1 000 000"),
            ("123456.789", "123 456,789"),
        ];
        for (value, want) in cases {
            assert_eq!(SwedishNumber(d(value)).to_string(), want, "{value}");
        }
    }

    /// Text that looks like numbers: digits, separators, signs, spaces.
    fn numberish() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[-+\u{2212}0-9,. \u{a0}]{0,80}").expect("regex")
    }

    proptest! {
        #[test]
        fn swedish_display_parses_back(units in i64::MIN..i64::MAX, scale in 0u32..10) {
            let value = Decimal::new(units, scale);
            let parsed = parse_number(&SwedishNumber(value).to_string());
            if value.abs() <= MAX_NUMBER {
                prop_assert_eq!(parsed, Ok(value.normalize()));
            } else {
                prop_assert!(matches!(parsed, Err(NumberError::TooLarge(_))), "{value}");
            }
        }

        #[test]
        fn any_text_parses_or_is_refused_and_what_parses_round_trips(
            text in prop_oneof![any::<String>(), numberish(), "[0-9 ,]{0,10000}", ".{0,300}"],
        ) {
            if let Ok(value) = parse_number(&text) {
                prop_assert!(value.abs() <= MAX_NUMBER);
                prop_assert!(text.trim().chars().count() <= MAX_NUMBER_CHARS);
                let shown = SwedishNumber(value).to_string();
                prop_assert_eq!(parse_number(&shown), Ok(value), "{} → {}", text, shown);
            }
        }

        #[test]
        fn swedish_formatting_round_trips(units in -10_000_000_000i64..10_000_000_000, scale in 0u32..5) {
            let value = Decimal::new(units, scale);
            let swedish = value.to_string().replace('.', ",");
            prop_assert_eq!(parse_number(&swedish), Ok(value));
        }
    }
}
