//! Methods and rules in words, without any inputs: what a tenant's defaults mean, as the
//! follow-up page states them ("Indikatorer: målet jämförs med senaste utfallet; gul inom
//! 5 %"), in Swedish or English.

use std::fmt::{self, Display, Formatter};

use super::explain::num;
use super::indicator::Method;
use super::language::{In, Language, Written};
use super::rule::{Quota, Rule};
use super::verdict::{Margin, Verdict};

impl Method {
    /// E.g. "senaste värdet jämförs med årets mål; gul inom 5 % av målet".
    pub fn swedish(&self) -> String {
        self.text(Language::Swedish)
    }

    pub fn text(&self, language: Language) -> String {
        In(self, language).to_string()
    }
}

/// In Swedish.
impl Display for Method {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        self.write(f, Language::Swedish)
    }
}

impl Written for Method {
    fn write(&self, f: &mut Formatter<'_>, language: Language) -> fmt::Result {
        let margin = |f: &mut Formatter<'_>, margin: Margin| match (margin, language) {
            (Margin::Percent(p), _) | (Margin::Absolute(p), _) if p.is_zero() => f.write_str(language.pick(
                "; gul bara om årsprognosen når målet",
                "; yellow only if the annual forecast meets the target",
            )),
            (Margin::Percent(p), Language::Swedish) => write!(f, "; gul inom {} % av målet", num(p)),
            (Margin::Percent(p), Language::English) => write!(f, "; yellow within {} % of the target", num(p)),
            (Margin::Absolute(a), Language::Swedish) => write!(f, "; gul inom {} från målet", num(a)),
            (Margin::Absolute(a), Language::English) => write!(f, "; yellow within {} of the target", num(a)),
        };
        match *self {
            Method::Threshold { margin: m } => {
                f.write_str(language.pick(
                    "senaste värdet (hittills i år för summerade mått) jämförs med årets mål",
                    "the latest value (so far this year for summed measures) is compared with the year's target",
                ))?;
                margin(f, m)
            }
            Method::Pace { margin: m } => {
                f.write_str(language.pick(
                    "takt mot årsmålet: summerade mått jämförs med målet fördelat på årets månader, \
                     andelar och snitt med genomsnittet hittills",
                    "pace towards the annual target: summed measures are compared with the target spread \
                     over the year's months, shares and averages with the average so far",
                ))?;
                margin(f, m)
            }
            Method::Directional { margin: m } => {
                f.write_str(language.pick(
                    "jämförs med föregående värde (eller utgångsvärdet) i målets riktning",
                    "compared with the previous value (or the baseline) in the target's direction",
                ))?;
                margin(f, m)
            }
            Method::Manual => f.write_str(language.pick(
                "bedöms manuellt, med motivering",
                "assessed manually, with a motivation",
            )),
        }
    }
}

impl Rule {
    /// E.g. "minst 50 % av underlagen gröna, övriga minst gula".
    pub fn swedish(&self) -> String {
        self.text(Language::Swedish)
    }

    pub fn text(&self, language: Language) -> String {
        In(self, language).to_string()
    }
}

/// In Swedish.
impl Display for Rule {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        self.write(f, Language::Swedish)
    }
}

impl Written for Rule {
    fn write(&self, f: &mut Formatter<'_>, language: Language) -> fmt::Result {
        let english = language == Language::English;
        match self {
            Rule::CountGreen {
                green,
                rest_at_least,
                mandatory,
            } => {
                match green {
                    Quota::Count(count) if english => write!(f, "at least {count} of the inputs green")?,
                    Quota::Count(count) => write!(f, "minst {count} av underlagen gröna")?,
                    Quota::Share(percent) if english => write!(f, "at least {} % of the inputs green", num(*percent))?,
                    Quota::Share(percent) => write!(f, "minst {} % av underlagen gröna", num(*percent))?,
                }
                match (mandatory.len(), language) {
                    (0, _) => {}
                    (1, Language::Swedish) => write!(f, ", varav {} måste vara grön", mandatory[0])?,
                    (_, Language::Swedish) => write!(f, ", varav {} måste vara gröna", mandatory.join(", "))?,
                    (_, Language::English) => write!(f, ", of which {} must be green", mandatory.join(", "))?,
                }
                match rest_at_least {
                    Some(Verdict::Green) => f.write_str(language.pick(", övriga gröna", ", the rest green")),
                    Some(Verdict::Yellow) => {
                        f.write_str(language.pick(", övriga minst gula", ", the rest at least yellow"))
                    }
                    Some(Verdict::Red) => f.write_str(language.pick(", övriga bedömda", ", the rest assessed")),
                    Some(Verdict::Grey) | None => Ok(()),
                }
            }
            Rule::Weighted {
                weights,
                green_from,
                yellow_from,
            } => {
                f.write_str(language.pick(
                    "viktat medelvärde av delmålen (grön 1, gul ½, röd 0",
                    "weighted mean of the sub-goals (green 1, yellow ½, red 0",
                ))?;
                if weights.is_empty() {
                    f.write_str(language.pick(", lika vikt", ", equal weights"))?;
                }
                let (green, yellow) = (num(*green_from), num(*yellow_from));
                match language {
                    Language::Swedish => write!(f, "), grön från {green}, gul från {yellow}"),
                    Language::English => write!(f, "), green from {green}, yellow from {yellow}"),
                }
            }
            Rule::All { rules } => {
                f.write_str(language.pick("alla delregler ska uppfyllas: ", "every part of the rule must hold: "))?;
                for (nth, sub) in rules.iter().enumerate() {
                    let separator = if nth == 0 { "" } else { "; " };
                    write!(f, "{separator}{}) {}", nth + 1, In(sub, language))?;
                }
                Ok(())
            }
            Rule::Manual => f.write_str(language.pick(
                "helhetsbedömning med motivering",
                "overall assessment with a motivation",
            )),
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
