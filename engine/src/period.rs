//! Reporting periods: a year (`2025`), a half-year (`2025-H1`), a tertial (`2025-T2`, the
//! delår of many municipalities) or a month (`2025-10`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// How often an indicator is measured; also the kind of a [`Period`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Periodicity {
    Year,
    HalfYear,
    Tertial,
    Month,
}

impl Periodicity {
    pub const ALL: [Periodicity; 4] = [Self::Year, Self::HalfYear, Self::Tertial, Self::Month];

    /// Periods of this kind in a year.
    pub fn per_year(self) -> u8 {
        match self {
            Self::Year => 1,
            Self::HalfYear => 2,
            Self::Tertial => 3,
            Self::Month => 12,
        }
    }

    fn months(self) -> u8 {
        12 / self.per_year()
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Year => "year",
            Self::HalfYear => "half_year",
            Self::Tertial => "tertial",
            Self::Month => "month",
        }
    }
}

impl FromStr for Periodicity {
    type Err = PeriodError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "year" => Ok(Self::Year),
            "half_year" => Ok(Self::HalfYear),
            "tertial" => Ok(Self::Tertial),
            "month" => Ok(Self::Month),
            other => Err(PeriodError::UnknownPeriodicity(other.to_owned())),
        }
    }
}

pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2200;

/// The longest period text looked at, white space around it aside ("2025-H1" has 7).
pub const MAX_PERIOD_CHARS: usize = 16;

/// One reporting period. Ordered by when it ends, then longer before shorter, so a year
/// sorts after its December and a tertial after its last month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    year: i32,
    kind: Periodicity,
    /// 1-based position within the year (always 1 for a year).
    index: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    #[error("\"{0}\" is not a period; write 2025, 2025-H1, 2025-T2 or 2025-10")]
    Malformed(String),
    #[error("is longer than {MAX_PERIOD_CHARS} characters; write 2025, 2025-H1, 2025-T2 or 2025-10")]
    TooLong(usize),
    #[error("year {0} is outside {FIRST_YEAR}–{LAST_YEAR}")]
    YearOutOfRange(i32),
    #[error("\"{0}\" has no such half-year, tertial or month")]
    NoSuchPart(String),
    #[error("\"{0}\" is not a periodicity; use year, half_year, tertial or month")]
    UnknownPeriodicity(String),
}

impl Period {
    pub fn new(year: i32, kind: Periodicity, index: u8) -> Result<Self, PeriodError> {
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
            return Err(PeriodError::YearOutOfRange(year));
        }
        if index == 0 || index > kind.per_year() {
            let text = Self { year, kind, index: 1 }.with_index_text(index);
            return Err(PeriodError::NoSuchPart(text));
        }
        Ok(Self { year, kind, index })
    }

    pub fn year_of(year: i32) -> Result<Self, PeriodError> {
        Self::new(year, Periodicity::Year, 1)
    }

    pub fn month(year: i32, month: u8) -> Result<Self, PeriodError> {
        Self::new(year, Periodicity::Month, month)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn kind(self) -> Periodicity {
        self.kind
    }

    pub fn index(self) -> u8 {
        self.index
    }

    /// The first and last month (1–12) the period covers.
    pub fn months(self) -> (u8, u8) {
        let len = self.kind.months();
        (len * (self.index - 1) + 1, len * self.index)
    }

    /// The number of months the period covers.
    pub fn month_count(self) -> u8 {
        self.kind.months()
    }

    /// The period's last month, counted in months since year 0 (so months of different
    /// years compare and subtract).
    pub fn end_month(self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.months().1) - 1
    }

    /// Whether `other` lies within this period (a period contains itself).
    pub fn contains(self, other: Period) -> bool {
        let (first, last) = self.months();
        let (other_first, other_last) = other.months();
        self.year == other.year && first <= other_first && other_last <= last
    }

    fn with_index_text(self, index: u8) -> String {
        match self.kind {
            Periodicity::Year => self.year.to_string(),
            Periodicity::HalfYear => format!("{}-H{index}", self.year),
            Periodicity::Tertial => format!("{}-T{index}", self.year),
            Periodicity::Month => format!("{}-{index:02}", self.year),
        }
    }

    fn sort_key(self) -> (i32, u8, u8) {
        // Longer periods after shorter ones ending in the same month.
        (self.year, self.months().1, self.kind.months())
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.with_index_text(self.index))
    }
}

impl FromStr for Period {
    type Err = PeriodError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text.chars().nth(MAX_PERIOD_CHARS).is_some() {
            return Err(PeriodError::TooLong(text.chars().count()));
        }
        let malformed = || PeriodError::Malformed(text.to_owned());
        let (year_text, rest) = match text.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (text, None),
        };
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(malformed());
        }
        let year: i32 = year_text.parse().map_err(|_| malformed())?;
        let Some(rest) = rest else {
            return Self::year_of(year);
        };
        let (kind, digits) = match rest.as_bytes().first() {
            Some(b'H' | b'h') => (Periodicity::HalfYear, &rest[1..]),
            Some(b'T' | b't') => (Periodicity::Tertial, &rest[1..]),
            Some(b'0'..=b'9') if rest.len() == 2 => (Periodicity::Month, rest),
            _ => return Err(malformed()),
        };
        // One digit after H or T (2025-H1), two for a month (2025-01): one spelling each.
        let width = if kind == Periodicity::Month { 2 } else { 1 };
        if digits.len() != width || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(malformed());
        }
        let index: u8 = digits.parse().map_err(|_| malformed())?;
        Self::new(year, kind, index).map_err(|err| match err {
            PeriodError::NoSuchPart(_) => PeriodError::NoSuchPart(text.to_owned()),
            other => other,
        })
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn p(text: &str) -> Period {
        text.parse().expect("test period")
    }

    #[test]
    fn parses_every_kind_and_prints_it_back() {
        let cases = [
            ("2025", Periodicity::Year, 1, (1, 12)),
            ("2025-H1", Periodicity::HalfYear, 1, (1, 6)),
            ("2025-H2", Periodicity::HalfYear, 2, (7, 12)),
            ("2025-T2", Periodicity::Tertial, 2, (5, 8)),
            ("2025-10", Periodicity::Month, 10, (10, 10)),
            ("2024-01", Periodicity::Month, 1, (1, 1)),
        ];
        for (text, kind, index, months) in cases {
            let period = p(text);
            assert_eq!(
                (period.kind(), period.index(), period.months()),
                (kind, index, months),
                "{text}"
            );
            assert_eq!(period.to_string(), text);
        }
        assert_eq!(p("2025-t3").to_string(), "2025-T3");
    }

    #[test]
    fn rejects_what_is_not_a_period() {
        for text in [
            "", "25", "2025-", "2025-1", "2025-Q1", "2025-H", "2025-001", "abcd", "2025/10", "2025-H01", "2025-T02",
        ] {
            assert_eq!(p_err(text), PeriodError::Malformed(text.to_owned()), "{text:?}");
        }
        for text in ["2025-H3", "2025-T4", "2025-13", "2025-00", "2025-T0"] {
            assert_eq!(p_err(text), PeriodError::NoSuchPart(text.to_owned()), "{text}");
        }
        assert_eq!(p_err("1800"), PeriodError::YearOutOfRange(1800));
        assert_eq!(p_err("2201-01"), PeriodError::YearOutOfRange(2201));
        assert_eq!(p_err(&"2025-10".repeat(3)), PeriodError::TooLong(21));
        assert_eq!(p(" 2025-10 \t"), p("2025-10"), "white space around it aside");
        for text in [
            "2025-H٣",
            "２０２５",
            "2025-Ｔ1",
            "2025-+1",
            "2025--1",
            "2025-T-1",
            "-2025",
            "+2025",
        ] {
            assert_eq!(p_err(text), PeriodError::Malformed(text.to_owned()), "{text:?}");
        }
    }

    fn p_err(text: &str) -> PeriodError {
        text.parse::<Period>().expect_err(text)
    }

    #[test]
    fn orders_by_end_then_longer_last() {
        let mut periods = [
            "2025", "2025-12", "2025-T3", "2025-01", "2024", "2025-H1", "2025-06", "2025-T2",
        ]
        .map(p);
        periods.sort();
        let texts: Vec<String> = periods.iter().map(Period::to_string).collect();
        assert_eq!(
            texts,
            [
                "2024", "2025-01", "2025-06", "2025-H1", "2025-T2", "2025-12", "2025-T3", "2025"
            ]
        );
    }

    #[test]
    fn containment_follows_months() {
        assert!(p("2025").contains(p("2025-T2")));
        assert!(p("2025-T2").contains(p("2025-08")));
        assert!(!p("2025-T2").contains(p("2025-09")));
        assert!(!p("2025-H1").contains(p("2025-T2")));
        assert!(!p("2024").contains(p("2025-01")));
    }

    proptest! {
        #[test]
        fn display_and_parse_round_trip(year in FIRST_YEAR..=LAST_YEAR, kind in 0usize..4, index in 1u8..=12) {
            let kind = [Periodicity::Year, Periodicity::HalfYear, Periodicity::Tertial, Periodicity::Month][kind];
            let index = (index - 1) % kind.per_year() + 1;
            let period = Period::new(year, kind, index).expect("valid");
            prop_assert_eq!(period.to_string().parse::<Period>(), Ok(period));
        }

        #[test]
        fn any_text_parses_or_is_refused_and_what_parses_round_trips(
            text in prop_oneof![
                any::<String>(),
                "[0-9]{4}(-[HhTt]?[0-9]{0,3})?",
                "[0-9HhTt -]{0,20}",
                "[0-9]{0,10000}",
                ".{0,100}",
            ],
        ) {
            if let Ok(period) = text.parse::<Period>() {
                let shown = period.to_string();
                prop_assert_eq!(shown.parse::<Period>(), Ok(period));
                prop_assert!(shown.eq_ignore_ascii_case(text.trim()), "{:?} → {}", text, shown);
                let (first, last) = period.months();
                prop_assert!((1..=last).contains(&first) && last <= 12);
                prop_assert!((FIRST_YEAR..=LAST_YEAR).contains(&period.year()));
            }
        }
    }
}
