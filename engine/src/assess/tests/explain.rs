use super::*;
use crate::target::Direction;

use Verdict::{Green, Grey, Red, Yellow};

fn text(fixture: &Fixture, at: &str) -> String {
    fixture.assess(at).explanation.to_string()
}

#[test]
fn periods_read_in_swedish() {
    let labels =
        ["2025-10", "2025-T2", "2025-H1", "2025"].map(|period| PeriodText(p(period), Language::Swedish).to_string());
    assert_eq!(labels, ["oktober 2025", "tertial 2 2025", "halvår 1 2025", "2025"]);
}

#[test]
fn threshold_sentences() {
    let fixture = Fixture::higher(percent("5")).target(2025, value("45"));
    let cases = [
        (
            "46",
            "Utfall oktober 2025: 46, mål 2025: 45 (högre är bättre): målet är nått → Grön.",
        ),
        (
            "43,5",
            "Utfall oktober 2025: 43,5, mål 2025: 45 (högre är bättre): målet är inte nått men inom marginalen 5 % → Gul.",
        ),
        (
            "40",
            "Utfall oktober 2025: 40, mål 2025: 45 (högre är bättre): målet är inte nått och utanför marginalen 5 % → Röd.",
        ),
    ];
    for (outcome, want) in cases {
        let fixture = fixture.clone().outcome("2025-10", &outcome.replace(',', "."));
        assert_eq!(text(&fixture, "2025-10"), want);
    }
}

#[test]
fn forecast_and_rescue_sentences() {
    let fixture = Fixture::higher(Margin::ZERO)
        .target(2025, value("1250"))
        .forecast("2025", "1300");
    assert_eq!(
        text(&fixture, "2025-10"),
        "Inget utfall för 2025 ännu, bedömt på prognosen för 2025: 1 300, mål 2025: 1 250 (högre är bättre): \
         prognosen når målet → Grön."
    );
    let rescued = fixture.outcome("2025-10", "1000");
    assert_eq!(
        text(&rescued, "2025-10"),
        "Utfall oktober 2025: 1 000, mål 2025: 1 250 (högre är bättre): målet är inte nått (Röd), \
         men prognosen för 2025, 1 300, når målet → Gul."
    );
}

#[test]
fn grey_sentences_give_the_reason() {
    let base = Fixture::higher(Margin::ZERO);
    assert_eq!(
        text(&base.clone().target(2025, value("5")), "2025-10"),
        "Inget utfall eller prognos för 2025 ännu → Grå."
    );
    assert_eq!(
        text(&base.clone().outcome("2025-10", "5"), "2025-10"),
        "Inget mål för 2025 → Grå."
    );
    let statement = base.clone().target(
        2025,
        Target::Statement {
            text: "Alla når sina riktvärden".into(),
        },
    );
    assert_eq!(
        text(&statement, "2025-10"),
        "Målet för 2025 är en formulering som bedöms manuellt: ”Alla når sina riktvärden” → Grå."
    );
    let manual = Fixture::new(Better::Higher, Method::Manual);
    assert_eq!(
        text(&manual, "2025-10"),
        "Bedöms manuellt; ingen manuell bedömning för oktober 2025 ännu → Grå."
    );
    assert_eq!(
        text(&manual.manual("2025-10", Green, "Enligt plan"), "2025-10"),
        "Bedöms manuellt: Grön – Enligt plan"
    );
}

#[test]
fn pace_sentences() {
    let cumulative = Fixture::new(Better::Higher, Method::Pace { margin: percent("10") })
        .cumulative()
        .target(2025, value("1200"))
        .outcomes(1, &["90", "90", "90"]);
    assert_eq!(
        text(&cumulative, "2025-03"),
        "Utfall januari–mars 2025 sammanlagt: 270; årsmålet 1 200 kräver 300 till och med mars \
         (3/12 av året, högre är bättre): inte i takt att nå målet men inom marginalen 10 % → Gul."
    );
    let rate = average_at_most_seven();
    assert_eq!(
        text(&rate, "2025-03"),
        "Genomsnitt januari–mars 2025: 6,67 (3 perioder), mål 2025: ≤ 7: målet är nått → Grön."
    );
}

#[test]
fn directional_sentences() {
    let increase = Fixture::new(Better::Higher, Method::Directional { margin: Margin::ZERO })
        .target(
            2025,
            Target::Direction {
                direction: Direction::Increase,
            },
        )
        .outcome("2025-09", "44")
        .outcome("2025-10", "44");
    assert_eq!(
        text(&increase, "2025-10"),
        "Utfall oktober 2025: 44, föregående utfall september 2025: 44, mål 2025: Öka: oförändrat → Gul."
    );
    let maintain = Fixture::new(Better::Lower, Method::Threshold { margin: percent("10") })
        .target(
            2025,
            Target::Direction {
                direction: Direction::Maintain,
            },
        )
        .baseline("7,2".replace(',', ".").as_str())
        .outcome("2025-10", "7.5");
    assert_eq!(
        text(&maintain, "2025-10"),
        "Utfall oktober 2025: 7,5, ingående värde: 7,2, mål 2025: Bibehålla (lägre är bättre): \
         sämre än föregående värde men inom marginalen 10 % → Gul."
    );
    let no_previous = Fixture::new(Better::Higher, Method::Directional { margin: Margin::ZERO })
        .target(
            2025,
            Target::Direction {
                direction: Direction::Decrease,
            },
        )
        .outcome("2025-10", "3");
    assert_eq!(
        text(&no_previous, "2025-10"),
        "Inget tidigare utfall eller ingående värde att jämföra med, mål 2025: Minska → Grå."
    );
}

#[test]
fn manual_verdict_sentence_keeps_the_computed_one() {
    let fixture = Fixture::higher(percent("10"))
        .target(2025, value("45"))
        .outcome("2025-10", "42")
        .manual("2025-10", Green, "Insatserna ger effekt under hösten");
    assert_eq!(
        text(&fixture, "2025-10"),
        "Beräknad bedömning: Utfall oktober 2025: 42, mål 2025: 45 (högre är bättre): målet är inte nått men \
         inom marginalen 10 % → Gul; manuell bedömning: Grön – Insatserna ger effekt under hösten"
    );
}

/// Indicator inputs with values and targets, for the goal texts.
fn andel(label: &'static str, outcome: &str, verdict: Verdict, target: &'static Target) -> GoalInput<'static> {
    GoalInput {
        observed: Some(Observed::Outcome {
            period: october(),
            value: d(outcome),
        }),
        target: Some(target),
        ..GoalInput::new(label, label, InputKind::Indicator, verdict)
    }
}

#[test]
fn count_green_goal_text_near_miss() {
    static T45: std::sync::LazyLock<Target> = std::sync::LazyLock::new(|| value("45"));
    let goal_inputs = [
        andel("Självförsörjning", "46", Green, &T45),
        andel("Nöjdhet", "1234.5", Green, &T45),
        andel("Väntetid", "44", Yellow, &T45),
        andel("Placeringar", "30", Red, &T45),
    ];
    let rule = Rule::count_green(3);
    let assessment = assess_goal(&rule, &goal_inputs, october(), None);
    assert_eq!(assessment.verdict, Yellow);
    assert_eq!(
        assessment.explanation.to_string(),
        "Regel: minst 3 av 4 indikatorer gröna.\n\
         - Självförsörjning: 46 (mål 45) – Grön\n\
         - Nöjdhet: 1 234,5 (mål 45) – Grön\n\
         - Väntetid: 44 (mål 45) – Gul\n\
         - Placeringar: 30 (mål 45) – Röd\n\
         2 av 4 gröna – minst 3 krävs; 1 gul: nära att uppfyllas → Gul."
    );
}

#[test]
fn mandatory_and_rest_goal_texts() {
    let budget = [
        ("Nämndens budgetföljsamhet", Yellow),
        ("a", Green),
        ("b", Green),
        ("c", Green),
        ("d", Red),
    ];
    let goal_inputs = inputs(&budget);
    let rule = Rule::count_green_including(3, "Nämndens budgetföljsamhet");
    let why = assess_goal(&rule, &goal_inputs, october(), None)
        .explanation
        .to_string();
    assert!(
        why.starts_with("Regel: minst 3 av 5 indikatorer gröna, varav Nämndens budgetföljsamhet måste vara grön.\n"),
        "{why}"
    );
    assert!(
        why.ends_with(
            "3 av 5 gröna – minst 3 krävs; Nämndens budgetföljsamhet måste vara grön men är gul; 1 gul: \
             nära att uppfyllas → Gul."
        ),
        "{why}"
    );
    let goal_inputs = inputs(&[("a", Green), ("b", Green), ("c", Red)]);
    let why = assess_goal(&Rule::count_green_rest_yellow(2), &goal_inputs, october(), None)
        .explanation
        .to_string();
    assert!(
        why.ends_with("2 av 3 gröna – minst 2 krävs; övriga ska vara minst gula men c är röd → Röd."),
        "{why}"
    );
    let goal_inputs = inputs(&[("a", Green), ("b", Grey), ("c", Grey)]);
    let why = assess_goal(&Rule::count_green(2), &goal_inputs, october(), None)
        .explanation
        .to_string();
    assert!(
        why.ends_with("Bara 1 av 3 indikatorer är bedömda – minst 2 gröna krävs → Grå."),
        "{why}"
    );
}

#[test]
fn weighted_goal_texts() {
    let goals = [
        GoalInput::new("1.1", "Nämndmål 1.1", InputKind::ChildGoal, Green),
        GoalInput::new("1.2", "Nämndmål 1.2", InputKind::ChildGoal, Red),
    ];
    let rule = Rule::equal_weights_all_green();
    assert_eq!(
        assess_goal(&rule, &goals, october(), None).explanation.to_string(),
        "Regel: viktat medelvärde av 2 mål (grön 1, gul ½, röd 0, lika vikt), grön från 1, gul från 0,5.\n\
         - Nämndmål 1.1: Grön\n\
         - Nämndmål 1.2: Röd\n\
         Medelvärde 0,5 – grön kräver 1, gul 0,5 → Gul."
    );
    assert_eq!(
        assess_goal(&rule, &goals[..1], october(), None).explanation.to_string(),
        "Regel: samma bedömning som Nämndmål 1.1.\n\
         - Nämndmål 1.1: Grön\n\
         Nämndmål 1.1 är grön → Grön."
    );
    let unknown = [
        goals[0],
        GoalInput::new("1.2", "Nämndmål 1.2", InputKind::ChildGoal, Grey),
    ];
    let why = assess_goal(&rule, &unknown, october(), None).explanation.to_string();
    assert!(
        why.ends_with(
            "Medelvärde 1 (1 ej bedömt underlag räknas inte), 0,5 om det vore rött – grön kräver 1 även \
             då, gul 0,5 → Gul."
        ),
        "{why}"
    );
    let huge = Rule::Weighted {
        weights: vec![("1.1".into(), Decimal::MAX), ("1.2".into(), Decimal::MAX)],
        green_from: d("1"),
        yellow_from: d("0.5"),
    };
    let why = assess_goal(&huge, &goals, october(), None).explanation.to_string();
    assert!(
        why.ends_with("Vikterna är för stora för att räknas exakt → Grå."),
        "{why}"
    );
}

#[test]
fn helhetsbedömning_text_keeps_the_rule() {
    let goal_inputs = inputs(&[("a", Green), ("b", Red)]);
    let manual = ManualVerdict {
        period: p("2025-T2"),
        verdict: Green,
        motivation: "Övriga nyckeltal visar en tydlig förbättring".into(),
    };
    let rule = Rule::count_green(2);
    let assessment = assess_goal(&rule, &goal_inputs, p("2025-08"), Some(&manual));
    assert!(
        assessment.explanation.to_string().ends_with(
            "Beräknad bedömning: 1 av 2 gröna – minst 2 krävs → Röd; helhetsbedömning: Grön – \
             Övriga nyckeltal visar en tydlig förbättring"
        ),
        "{}",
        assessment.explanation
    );
}

#[test]
fn all_and_manual_rule_texts() {
    let goal_inputs = inputs(&[("a", Green), ("b", Green), ("c", Red)]);
    let rule = Rule::All {
        rules: vec![Rule::count_green(2), Rule::equal_weights_all_green()],
    };
    let why = assess_goal(&rule, &goal_inputs, october(), None)
        .explanation
        .to_string();
    assert!(
        why.starts_with(
            "Regel: alla delregler ska uppfyllas: 1) minst 2 av 3 indikatorer gröna; 2) viktat medelvärde av 3 \
             indikatorer (grön 1, gul ½, röd 0, lika vikt), grön från 1, gul från 0,5.\n"
        ),
        "{why}"
    );
    assert!(
        why.ends_with(
            "1) 2 av 3 gröna – minst 2 krävs → Grön; 2) Medelvärde 0,67 – grön kräver 1, gul 0,5 → Gul – alla ska \
             uppfyllas, den sämsta avgör → Gul."
        ),
        "{why}"
    );
    let why = assess_goal(&Rule::Manual, &goal_inputs, october(), None)
        .explanation
        .to_string();
    assert!(
        why.ends_with("Bedöms genom helhetsbedömning; ingen för oktober 2025 ännu → Grå."),
        "{why}"
    );
}

#[test]
fn share_rule_text_names_the_count() {
    let goal_inputs = inputs(&[("a", Green), ("b", Yellow), ("c", Yellow), ("d", Red), ("e", Grey)]);
    let rule = Rule::CountGreen {
        green: Quota::Share(d("50")),
        rest_at_least: Some(Yellow),
        mandatory: Vec::new(),
    };
    let why = assess_goal(&rule, &goal_inputs, october(), None)
        .explanation
        .to_string();
    assert!(
        why.starts_with("Regel: minst 50 % av indikatorerna gröna (3 av 5), övriga minst gula.\n"),
        "{why}"
    );
    assert!(
        why.ends_with("1 av 5 gröna – minst 3 krävs; övriga ska vara minst gula men d är röd → Röd."),
        "{why}"
    );
}
