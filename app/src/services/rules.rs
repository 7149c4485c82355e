//! Rules and methods between the editors' forms (`model::RuleForm`, `model::MethodForm`:
//! numbers as people type them, thresholds in percent) and the engine's `Rule` and
//! `Method`, and the verdicts that would change under an edited one.

use engine::assess::{Margin, Method, Quota, Rule, Verdict};
use engine::{SwedishNumber, parse_number};
use rust_decimal::Decimal;

use super::ServiceError;
use crate::domain::{MarginUnit, MethodKind, QuotaUnit, RuleKind};
use crate::model::{Assessment, Colour, Message, MethodForm, RuleForm, VerdictChange, WeightInput, echo};

/// A stored rule (or none) as the editor shows it.
pub fn rule_form(rule: Option<&Rule>) -> RuleForm {
    let blank = RuleForm::default();
    let percent = |share: Decimal| SwedishNumber((share * Decimal::ONE_HUNDRED).normalize()).to_string();
    match rule {
        None => blank,
        Some(Rule::CountGreen {
            green,
            rest_at_least,
            mandatory,
        }) => {
            let (green, green_unit) = match green {
                Quota::Count(count) => (count.to_string(), QuotaUnit::Count),
                Quota::Share(share) => (SwedishNumber(share.normalize()).to_string(), QuotaUnit::Share),
            };
            RuleForm {
                kind: Some(RuleKind::CountGreen),
                green,
                green_unit,
                rest_at_least: rest_at_least.map(Colour::from),
                mandatory: mandatory.clone(),
                ..blank
            }
        }
        Some(Rule::Weighted {
            weights,
            green_from,
            yellow_from,
        }) => RuleForm {
            kind: Some(RuleKind::Weighted),
            weights: (weights.iter())
                .map(|(key, weight)| WeightInput {
                    key: key.clone(),
                    weight: SwedishNumber(weight.normalize()).to_string(),
                })
                .collect(),
            green_from: percent(*green_from),
            yellow_from: percent(*yellow_from),
            ..blank
        },
        Some(Rule::All { .. }) => RuleForm {
            kind: Some(RuleKind::All),
            ..blank
        },
        Some(Rule::Manual) => RuleForm {
            kind: Some(RuleKind::Manual),
            ..blank
        },
    }
}

fn number(field: &'static str, written: &str) -> Result<Decimal, ServiceError> {
    parse_number(written.trim()).map_err(|e| ServiceError::invalid(field, (&e).into()))
}

fn percent(field: &'static str, written: &str) -> Result<Decimal, ServiceError> {
    let value = number(field, written)?;
    if !(Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&value) {
        let value = written.trim().to_owned();
        return Err(ServiceError::invalid(field, Message::PercentOutOfRange { value }));
    }
    Ok((value / Decimal::ONE_HUNDRED).normalize())
}

/// The form's rule, checked: `None` for the level's (or built-in) rule. A combined rule
/// cannot be written in the form: `stored` is kept when it is one.
pub fn checked_rule(form: &RuleForm, stored: Option<&Rule>) -> Result<Option<Rule>, ServiceError> {
    let rule = match form.kind {
        None => return Ok(None),
        Some(RuleKind::Manual) => Rule::Manual,
        Some(RuleKind::All) => match stored {
            Some(rule @ Rule::All { .. }) => rule.clone(),
            _ => return Err(ServiceError::invalid("rule", Message::CombinedRuleInDocument)),
        },
        Some(RuleKind::CountGreen) => {
            let green = match form.green_unit {
                QuotaUnit::Count => {
                    let written = form.green.trim();
                    let count = written.parse::<u32>().map_err(|_| {
                        ServiceError::invalid("green", Message::NotAWholeNumber { text: echo(written) })
                    })?;
                    Quota::Count(count)
                }
                QuotaUnit::Share => Quota::Share((percent("green", &form.green)? * Decimal::ONE_HUNDRED).normalize()),
            };
            let rest_at_least = match form.rest_at_least {
                None | Some(Colour::Grey) => None,
                Some(colour) => Some(Verdict::from(colour)),
            };
            let mut mandatory: Vec<String> = Vec::new();
            for key in form.mandatory.iter().map(|k| k.trim()).filter(|k| !k.is_empty()) {
                if !mandatory.iter().any(|m| m == key) {
                    mandatory.push(key.to_owned());
                }
            }
            Rule::CountGreen {
                green,
                rest_at_least,
                mandatory,
            }
        }
        Some(RuleKind::Weighted) => {
            let mut weights: Vec<(String, Decimal)> = Vec::new();
            for w in form.weights.iter().filter(|w| !w.weight.trim().is_empty()) {
                let weight = number("weights", &w.weight)?;
                let key = w.key.trim().to_owned();
                weights.retain(|(k, _)| *k != key);
                weights.push((key, weight));
            }
            let green_from = percent("green_from", &form.green_from)?;
            let yellow_from = percent("yellow_from", &form.yellow_from)?;
            if yellow_from > green_from {
                return Err(ServiceError::invalid("yellow_from", Message::YellowAboveGreen));
            }
            Rule::Weighted {
                weights,
                green_from,
                yellow_from,
            }
        }
    };
    rule.validate()
        .map_err(|e| ServiceError::invalid("rule", (&e).into()))?;
    Ok(Some(rule))
}

/// A stored method (or none) as the editor shows it.
pub fn method_form(method: Option<&Method>) -> MethodForm {
    let Some(method) = method else {
        return MethodForm::default();
    };
    let kind = match method {
        Method::Threshold { .. } => MethodKind::Threshold,
        Method::Pace { .. } => MethodKind::Pace,
        Method::Directional { .. } => MethodKind::Directional,
        Method::Manual => {
            return MethodForm {
                kind: Some(MethodKind::Manual),
                ..MethodForm::default()
            };
        }
    };
    let (value, margin_unit) = match method.margin() {
        Margin::Percent(value) => (value, MarginUnit::Percent),
        Margin::Absolute(value) => (value, MarginUnit::Absolute),
    };
    MethodForm {
        kind: Some(kind),
        margin: SwedishNumber(value.normalize()).to_string(),
        margin_unit,
    }
}

/// The form's method, checked: `None` for the default. An empty margin is none.
pub fn checked_method(form: &MethodForm) -> Result<Option<Method>, ServiceError> {
    let Some(kind) = form.kind else { return Ok(None) };
    let value = match form.margin.trim() {
        "" => Decimal::ZERO,
        written => number("margin", written)?,
    };
    let margin = match form.margin_unit {
        MarginUnit::Percent => Margin::Percent(value),
        MarginUnit::Absolute => Margin::Absolute(value),
    };
    let method = match kind {
        MethodKind::Threshold => Method::Threshold { margin },
        MethodKind::Pace => Method::Pace { margin },
        MethodKind::Directional => Method::Directional { margin },
        MethodKind::Manual => Method::Manual,
    };
    method
        .validate()
        .map_err(|e| ServiceError::invalid("margin", (&e).into()))?;
    Ok(Some(method))
}

/// The verdicts in `after` that differ from the same goal's or indicator's in `before`,
/// with `first` (the one edited) leading whether it changed or not.
pub fn changes(before: &[Assessment], after: &[Assessment], first: Option<&Assessment>) -> Vec<VerdictChange> {
    let change = |a: &Assessment, before: Colour| VerdictChange {
        kind: a.kind,
        code: a.code.clone(),
        name: a.name.clone(),
        plan: a.plan.clone(),
        before,
        after: a.verdict,
        explanation: a.explanation.clone(),
    };
    let same = |x: &Assessment, y: &Assessment| x.kind == y.kind && x.code == y.code && x.plan == y.plan;
    let was = |a: &Assessment| before.iter().find(|b| same(a, b)).map_or(Colour::Grey, |b| b.verdict);
    let mut out: Vec<VerdictChange> = first.map(|a| change(a, was(a))).into_iter().collect();
    out.extend(
        (after.iter())
            .filter(|a| first.is_none_or(|f| !same(a, f)))
            .filter(|a| was(a) != a.verdict)
            .map(|a| change(a, was(a))),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(kind: RuleKind) -> RuleForm {
        RuleForm {
            kind: Some(kind),
            ..RuleForm::default()
        }
    }

    /// Every rule the seeds state reads into the form and back unchanged.
    #[test]
    fn the_seeds_rules_round_trip_through_the_form() {
        let rules = [
            Rule::count_green(3),
            Rule::count_green_rest_yellow(2),
            Rule::count_green_including(3, "budgetfoljsamhet"),
            Rule::equal_weights_all_green(),
            Rule::CountGreen {
                green: Quota::Share(Decimal::from(75)),
                rest_at_least: None,
                mandatory: Vec::new(),
            },
            Rule::Weighted {
                weights: vec![("1.1".into(), Decimal::new(25, 1))],
                green_from: Decimal::new(75, 2),
                yellow_from: Decimal::new(5, 1),
            },
            Rule::Manual,
        ];
        for rule in rules {
            let form = rule_form(Some(&rule));
            let back = checked_rule(&form, None).ok().flatten();
            assert_eq!(back, Some(rule.clone()), "{form:?}");
            // Written back exactly as stored: the tenant document does not change.
            assert_eq!(serde_json::to_value(back).ok(), serde_json::to_value(Some(&rule)).ok());
        }
        assert_eq!(rule_form(None).kind, None);
        assert_eq!(checked_rule(&RuleForm::default(), None).ok(), Some(None));
    }

    #[test]
    fn thresholds_are_percent_in_the_form() {
        let form = rule_form(Some(&Rule::Weighted {
            weights: Vec::new(),
            green_from: Decimal::new(625, 3),
            yellow_from: Decimal::new(5, 1),
        }));
        assert_eq!((form.green_from.as_str(), form.yellow_from.as_str()), ("62,5", "50"));
    }

    #[test]
    fn a_combined_rule_is_kept_but_not_written_in_the_form() {
        let all = Rule::All {
            rules: vec![Rule::count_green(1), Rule::equal_weights_all_green()],
        };
        assert_eq!(rule_form(Some(&all)).kind, Some(RuleKind::All));
        assert_eq!(checked_rule(&form(RuleKind::All), Some(&all)).ok(), Some(Some(all)));
        assert!(checked_rule(&form(RuleKind::All), Some(&Rule::Manual)).is_err());
    }

    fn problem(form: &RuleForm) -> String {
        match checked_rule(form, None) {
            Err(ServiceError::Invalid { field, message }) => format!("{field}: {message:?}"),
            other => panic!("{form:?}: {other:?}"),
        }
    }

    #[test]
    fn bad_entries_name_their_field() {
        let count = |green: &str, unit| RuleForm {
            green: green.into(),
            green_unit: unit,
            ..form(RuleKind::CountGreen)
        };
        let weighted = |green: &str, yellow: &str, weight: &str| RuleForm {
            green_from: green.into(),
            yellow_from: yellow.into(),
            weights: vec![WeightInput {
                key: "a".into(),
                weight: weight.into(),
            }],
            ..form(RuleKind::Weighted)
        };
        for (bad, expected) in [
            (count("2,5", QuotaUnit::Count), "green: NotAWholeNumber"),
            (count("-1", QuotaUnit::Count), "green: NotAWholeNumber"),
            (count("", QuotaUnit::Count), "green: NotAWholeNumber"),
            (count("120", QuotaUnit::Share), "green: PercentOutOfRange"),
            (count("tre", QuotaUnit::Share), "green: NotANumber"),
            (weighted("100", "120", "1"), "yellow_from: PercentOutOfRange"),
            (weighted("50", "75", "1"), "yellow_from: YellowAboveGreen"),
            (weighted("100", "50", "-1"), "rule: NegativeWeight"),
            (weighted("100", "50", "x"), "weights: NotANumber"),
        ] {
            assert!(problem(&bad).starts_with(expected), "{bad:?}: {}", problem(&bad));
        }
    }

    #[test]
    fn methods_round_trip_and_an_empty_margin_is_none() {
        for method in [
            Method::Threshold {
                margin: Margin::Percent(Decimal::from(5)),
            },
            Method::Pace {
                margin: Margin::Absolute(Decimal::new(5, 1)),
            },
            Method::Directional {
                margin: Margin::Percent(Decimal::ZERO),
            },
            Method::Manual,
        ] {
            assert_eq!(checked_method(&method_form(Some(&method))).ok(), Some(Some(method)));
        }
        let directional = MethodForm {
            kind: Some(MethodKind::Directional),
            ..MethodForm::default()
        };
        assert_eq!(
            checked_method(&directional).ok(),
            Some(Some(Method::Directional {
                margin: Margin::Percent(Decimal::ZERO)
            }))
        );
        let negative = MethodForm {
            margin: "-1".into(),
            ..directional
        };
        assert!(matches!(checked_method(&negative), Err(ServiceError::Invalid { field, .. }) if field == "margin"));
    }

    #[test]
    fn changes_lead_with_the_edited_one_and_list_only_what_changed() {
        let verdict = |code: &str, colour| Assessment {
            council: "c".into(),
            plan: "p".into(),
            kind: crate::model::VerdictKind::Goal,
            code: code.into(),
            name: code.into(),
            verdict: colour,
            explanation: String::new(),
        };
        let before = [
            verdict("a", Colour::Green),
            verdict("b", Colour::Yellow),
            verdict("c", Colour::Red),
        ];
        let after = [
            verdict("a", Colour::Red),
            verdict("b", Colour::Yellow),
            verdict("c", Colour::Red),
        ];
        let listed: Vec<_> = changes(&before, &after, Some(&after[1]))
            .into_iter()
            .map(|c| (c.code, c.before, c.after))
            .collect();
        assert_eq!(
            listed,
            [
                ("b".to_owned(), Colour::Yellow, Colour::Yellow),
                ("a".to_owned(), Colour::Green, Colour::Red)
            ]
        );
    }
}
