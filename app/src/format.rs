//! Swedish number and date formatting: `-401 630`, `7,2 %`, `2026-11-23`.
//!
//! Thousands are separated by a no-break space (U+00A0) so figures never wrap, and the
//! minus is the ASCII hyphen so a value pasted into Excel stays a number.

use rust_decimal::{Decimal, RoundingStrategy};

const GROUP_SEPARATOR: char = '\u{a0}';

/// Formats `value` with exactly `decimals` decimals, rounding half away from zero.
pub fn number(value: Decimal, decimals: u32) -> String {
    let rounded = value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let text = format!("{:.*}", decimals as usize, rounded.abs());
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(text.len() + text.len() / 3 + 2);
    if negative {
        out.push('-');
    }
    for (i, digit) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            out.push(GROUP_SEPARATOR);
        }
        out.push(digit);
    }
    if let Some(frac) = frac_part {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// A count of things: `100 000`.
pub fn count(n: usize) -> String {
    number(Decimal::from(n), 0)
}

/// `7,2 %` — a percentage with the Swedish space before the sign.
pub fn percent(value: Decimal, decimals: u32) -> String {
    format!("{}{GROUP_SEPARATOR}%", number(value, decimals))
}

/// `-401 630 tkr` — an amount in thousands of kronor.
pub fn tkr(value: Decimal) -> String {
    format!("{}{GROUP_SEPARATOR}tkr", number(value, 0))
}

/// ISO 8601 dates are the Swedish standard (SS-ISO 8601): `2026-11-23`.
pub fn date(value: chrono::NaiveDate) -> String {
    value.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test decimal")
    }

    #[test]
    fn formats_like_the_seeds() {
        let cases = [
            ("-401630", 0, "-401\u{a0}630"),
            ("7.2", 1, "7,2"),
            ("2.73", 2, "2,73"),
            ("0", 0, "0"),
            ("999", 0, "999"),
            ("1000", 0, "1\u{a0}000"),
            ("1234567.891", 2, "1\u{a0}234\u{a0}567,89"),
            ("-0.04", 1, "0,0"),
            ("0.05", 1, "0,1"),
            ("-0.05", 1, "-0,1"),
            ("12", 2, "12,00"),
        ];
        for (input, decimals, expected) in cases {
            assert_eq!(number(d(input), decimals), expected, "number({input}, {decimals})");
        }
    }

    #[test]
    fn units() {
        assert_eq!(percent(d("7.24"), 1), "7,2\u{a0}%");
        assert_eq!(tkr(d("-401630")), "-401\u{a0}630\u{a0}tkr");
        let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 5).expect("valid date");
        assert_eq!(date(day), "2026-03-05");
    }

    proptest! {
        /// Removing the separators and reading the comma as a point gives back the rounded value.
        #[test]
        fn formatting_is_lossless_after_rounding(mantissa in -1_000_000_000_000i64..1_000_000_000_000, scale in 0u32..6, decimals in 0u32..4) {
            let value = Decimal::new(mantissa, scale);
            let text = number(value, decimals);
            let parsed = Decimal::from_str(&text.replace('\u{a0}', "").replace(',', ".")).expect("parses back");
            let expected = value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
            prop_assert_eq!(parsed, expected);
        }

        #[test]
        fn groups_have_three_digits(n in 0u64..u64::MAX / 2) {
            let text = number(Decimal::from(n), 0);
            let groups: Vec<&str> = text.split('\u{a0}').collect();
            prop_assert!(groups[0].len() <= 3 && !groups[0].is_empty());
            prop_assert!(groups[1..].iter().all(|g| g.len() == 3));
        }
    }
}
