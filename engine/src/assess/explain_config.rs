//! Methods and rules in words, without any inputs: what a tenant's defaults mean, as the
//! follow-up page states them ("Indikatorer: målet jämförs med senaste utfallet; gul inom
//! 5 %").

use std::fmt::{self, Display, Formatter};

use super::explain::num;
use super::indicator::Method;
use super::rule::{Quota, Rule};
use super::verdict::{Margin, Verdict};

impl Method {
    /// E.g. "senaste värdet jämförs med årets mål; gul inom 5 % av målet".
    pub fn swedish(&self) -> String {
        self.to_string()
    }
}

impl Display for Method {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let margin = |f: &mut Formatter<'_>, margin: Margin| match margin {
            Margin::Percent(p) if p.is_zero() => f.write_str("; gul bara om årsprognosen når målet"),
            Margin::Absolute(a) if a.is_zero() => f.write_str("; gul bara om årsprognosen når målet"),
            Margin::Percent(p) => write!(f, "; gul inom {} % av målet", num(p)),
            Margin::Absolute(a) => write!(f, "; gul inom {} från målet", num(a)),
        };
        match *self {
            Method::Threshold { margin: m } => {
                f.write_str("senaste värdet (hittills i år för summerade mått) jämförs med årets mål")?;
                margin(f, m)
            }
            Method::Pace { margin: m } => {
                f.write_str(
                    "takt mot årsmålet: summerade mått jämförs med målet fördelat på årets månader, \
                     andelar och snitt med genomsnittet hittills",
                )?;
                margin(f, m)
            }
            Method::Directional { margin: m } => {
                f.write_str("jämförs med föregående värde (eller utgångsvärdet) i målets riktning")?;
                margin(f, m)
            }
            Method::Manual => f.write_str("bedöms manuellt, med motivering"),
        }
    }
}

impl Rule {
    /// E.g. "minst 50 % av underlagen gröna, övriga minst gula".
    pub fn swedish(&self) -> String {
        self.to_string()
    }
}

impl Display for Rule {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Rule::CountGreen {
                green,
                rest_at_least,
                mandatory,
            } => {
                match green {
                    Quota::Count(count) => write!(f, "minst {count} av underlagen gröna")?,
                    Quota::Share(percent) => write!(f, "minst {} % av underlagen gröna", num(*percent))?,
                }
                match mandatory.len() {
                    0 => {}
                    1 => write!(f, ", varav {} måste vara grön", mandatory[0])?,
                    _ => write!(f, ", varav {} måste vara gröna", mandatory.join(", "))?,
                }
                match rest_at_least {
                    Some(Verdict::Green) => f.write_str(", övriga gröna"),
                    Some(Verdict::Yellow) => f.write_str(", övriga minst gula"),
                    Some(Verdict::Red) => f.write_str(", övriga bedömda"),
                    Some(Verdict::Grey) | None => Ok(()),
                }
            }
            Rule::Weighted {
                weights,
                green_from,
                yellow_from,
            } => {
                f.write_str("viktat medelvärde av delmålen (grön 1, gul ½, röd 0")?;
                if weights.is_empty() {
                    f.write_str(", lika vikt")?;
                }
                write!(f, "), grön från {}, gul från {}", num(*green_from), num(*yellow_from))
            }
            Rule::All { rules } => {
                f.write_str("alla delregler ska uppfyllas: ")?;
                for (nth, sub) in rules.iter().enumerate() {
                    let separator = if nth == 0 { "" } else { "; " };
                    write!(f, "{separator}{}) {sub}", nth + 1)?;
                }
                Ok(())
            }
            Rule::Manual => f.write_str("helhetsbedömning med motivering"),
        }
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;

    #[test]
    fn methods_read_as_swedish_sentences() {
        let five = Margin::Percent(Decimal::from(5));
        let cases = [
            (
                Method::Threshold { margin: five },
                "senaste värdet (hittills i år för summerade mått) jämförs med årets mål; gul inom 5 % av målet",
            ),
            (
                Method::Directional {
                    margin: Margin::Absolute(Decimal::new(25, 1)),
                },
                "jämförs med föregående värde (eller utgångsvärdet) i målets riktning; gul inom 2,5 från målet",
            ),
            (
                Method::Threshold { margin: Margin::ZERO },
                "senaste värdet (hittills i år för summerade mått) jämförs med årets mål; gul bara om årsprognosen når målet",
            ),
            (Method::Manual, "bedöms manuellt, med motivering"),
        ];
        for (method, want) in cases {
            assert_eq!(method.swedish(), want);
        }
        assert!(Method::Pace { margin: five }.swedish().starts_with("takt mot årsmålet"));
    }

    #[test]
    fn rules_read_as_swedish_sentences() {
        let cases = [
            (Rule::count_green(3), "minst 3 av underlagen gröna"),
            (
                Rule::count_green_rest_yellow(2),
                "minst 2 av underlagen gröna, övriga minst gula",
            ),
            (
                Rule::count_green_including(3, "budget"),
                "minst 3 av underlagen gröna, varav budget måste vara grön",
            ),
            (
                Rule::Weighted {
                    weights: Vec::new(),
                    green_from: Decimal::ONE,
                    yellow_from: Decimal::new(5, 1),
                },
                "viktat medelvärde av delmålen (grön 1, gul ½, röd 0, lika vikt), grön från 1, gul från 0,5",
            ),
            (Rule::Manual, "helhetsbedömning med motivering"),
            (
                Rule::All {
                    rules: vec![Rule::count_green(1), Rule::count_green_rest_yellow(1)],
                },
                "alla delregler ska uppfyllas: 1) minst 1 av underlagen gröna; 2) minst 1 av underlagen gröna, övriga minst gula",
            ),
        ];
        for (rule, want) in cases {
            assert_eq!(rule.swedish(), want);
        }
    }
}
