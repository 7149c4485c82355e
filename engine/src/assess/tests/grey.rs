//! Properties of grey inputs (no verdict, missing data): a grey input never makes a goal green
//! where the rule needs it (004, KF-mål 1: "båda nämndmålen ska vara uppfyllda").
//!
//! These hold for every rule kind as [`Rule`] documents it: grey counts as not green
//! (`CountGreen`) or as red for green (`Weighted`), and `All` is green only when every sub-rule
//! is. Only a person's helhetsbedömning may call such a goal green; `evaluate` leaves it out.

use proptest::prelude::*;
use proptest::sample::Index;

use super::props::{key, rule, verdict};
use super::*;

use Verdict::{Green, Grey, Red, Yellow};

fn colour() -> impl Strategy<Value = Verdict> {
    prop_oneof![Just(Green), Just(Yellow), Just(Red)]
}

fn any_rule() -> impl Strategy<Value = Rule> {
    prop_oneof![rule(), Just(Rule::Manual)]
}

/// A rule that needs every one of `n` inputs green: `n` of `n`, 100 %, the rest at least
/// green, equal or positive weights with green from 1, or all of such.
fn every_input_rule(n: usize) -> impl Strategy<Value = Rule> {
    let all = u32::try_from(n).expect("few inputs");
    let quota = prop_oneof![
        Just(Quota::Count(all)),
        Just(Quota::Share(Decimal::ONE_HUNDRED)),
        (0..=all).prop_map(Quota::Count),
    ];
    let rest = prop_oneof![Just(None), verdict().prop_map(Some)];
    let mandatory = prop::collection::vec(0..n, 0..=2);
    let counted = (quota, rest, mandatory)
        .prop_filter("needs every input", move |(quota, rest, _)| {
            quota.needed(n) == all || *rest == Some(Green)
        })
        .prop_map(|(green, rest_at_least, mandatory)| Rule::CountGreen {
            green,
            rest_at_least,
            mandatory: mandatory.into_iter().map(key).collect(),
        });
    // A missing weight is 1.
    let weights = prop::collection::vec(prop::option::of(1u32..=5), n);
    let weighted = (weights, 0u32..=100).prop_map(|(weights, yellow)| Rule::Weighted {
        weights: (weights.into_iter().enumerate())
            .filter_map(|(i, weight)| weight.map(|w| (key(i), Decimal::from(w))))
            .collect(),
        green_from: Decimal::ONE,
        yellow_from: Decimal::new(i64::from(yellow), 2),
    });
    prop_oneof![counted, weighted].prop_recursive(2, 6, 3, |inner| {
        prop::collection::vec(inner, 1..=3).prop_map(|rules| Rule::All { rules })
    })
}

fn verdict_of(rule: &Rule, verdicts: &[Verdict]) -> Verdict {
    evaluate(rule, &numbered(verdicts)).verdict()
}

/// Every grey input replaced, in turn, by the next of `fill`.
fn filled(verdicts: &[Verdict], fill: &[Verdict]) -> Vec<Verdict> {
    let mut fill = fill.iter().cycle();
    verdicts
        .iter()
        .map(|&v| if v == Grey { *fill.next().expect("cycled") } else { v })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    /// (a) Losing an input's verdict never makes a goal green.
    #[test]
    fn greying_an_input_never_turns_a_goal_green(
        rule in any_rule(),
        verdicts in prop::collection::vec(verdict(), 1..=8),
        pick in any::<Index>(),
    ) {
        let colours: Vec<usize> = (0..verdicts.len()).filter(|&i| verdicts[i].is_assessable()).collect();
        prop_assume!(!colours.is_empty());
        let mut greyed = verdicts.clone();
        greyed[colours[pick.index(colours.len())]] = Grey;
        let (before, after) = (verdict_of(&rule, &verdicts), verdict_of(&rule, &greyed));
        prop_assert!(after != Green || before == Green, "{verdicts:?} {before:?} → {greyed:?} {after:?}");
    }

    /// (b) A rule that needs every input green is never green while one is grey.
    #[test]
    fn a_rule_needing_every_input_is_never_green_with_a_grey_one(
        (rule, mut verdicts) in (1usize..=8).prop_flat_map(|n| (every_input_rule(n), prop::collection::vec(verdict(), n))),
        pick in any::<Index>(),
    ) {
        let at = pick.index(verdicts.len());
        verdicts[at] = Grey;
        prop_assert_ne!(verdict_of(&rule, &verdicts), Green, "{:?} {:?}", rule, verdicts);
        // …and with every input green it is green: the rule itself is satisfiable.
        prop_assert_eq!(verdict_of(&rule, &vec![Green; verdicts.len()]), Green);
    }

    /// (c) A green goal stays green whatever its grey inputs turn out to be, red included.
    #[test]
    fn a_green_goal_is_green_for_every_colour_of_its_grey_inputs(
        rule in any_rule(),
        verdicts in prop::collection::vec(verdict(), 1..=8),
        fill in prop::collection::vec(colour(), 1..=8),
    ) {
        if verdict_of(&rule, &verdicts) == Green {
            let worst = filled(&verdicts, &[Red]);
            prop_assert_eq!(verdict_of(&rule, &worst), Green, "{:?} → {:?}", verdicts, worst);
            let any = filled(&verdicts, &fill);
            prop_assert_eq!(verdict_of(&rule, &any), Green, "{:?} → {:?}", verdicts, any);
        }
    }
}

/// The cases the properties are about, spelled out: 004's rules with one grey input.
#[test]
fn one_grey_input_under_004s_rules() {
    let cases = [
        (Rule::equal_weights_all_green(), "G-", Yellow),
        (Rule::count_green(2), "G-", Grey),
        (Rule::count_green(3), "GGG-", Green),
        (Rule::count_green(3), "GGR-", Red),
        (Rule::count_green_rest_yellow(2), "GG-", Yellow),
        (Rule::count_green_rest_yellow(1), "G-", Yellow),
    ];
    for (rule, letters, want) in cases {
        assert_eq!(goal_verdict(&rule, letters), want, "{rule:?} {letters}");
    }
}
