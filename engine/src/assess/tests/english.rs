//! The explanations in English: the same facts and numbers as the Swedish ones, in English
//! words. Numbers keep the Swedish form, as everywhere in the product.

use super::*;

use Verdict::{Green, Red, Yellow};

fn english(fixture: &Fixture, at: &str) -> String {
    fixture.assess(at).explanation.text(Language::English)
}

#[test]
fn periods_read_in_english() {
    let labels =
        ["2025-10", "2025-T2", "2025-H1", "2025"].map(|period| PeriodText(p(period), Language::English).to_string());
    assert_eq!(labels, ["October 2025", "T2 2025", "H1 2025", "2025"]);
}

#[test]
fn threshold_and_forecast_sentences() {
    let fixture = Fixture::higher(percent("5")).target(2025, value("45"));
    assert_eq!(
        english(&fixture.clone().outcome("2025-10", "43.5"), "2025-10"),
        "Outcome October 2025: 43,5, target 2025: 45 (higher is better): the target is not met but within the \
         margin 5 % → Yellow."
    );
    let rescued = Fixture::higher(Margin::ZERO)
        .target(2025, value("1250"))
        .forecast("2025", "1300")
        .outcome("2025-10", "1000");
    assert_eq!(
        english(&rescued, "2025-10"),
        "Outcome October 2025: 1 000, target 2025: 1 250 (higher is better): the target is not met (Red), \
         but the forecast for 2025, 1 300, meets the target → Yellow."
    );
    assert_eq!(
        english(&Fixture::higher(Margin::ZERO).target(2025, value("5")), "2025-10"),
        "No outcome or forecast for 2025 yet → Grey."
    );
}

#[test]
fn pace_and_manual_sentences() {
    let rate = average_at_most_seven();
    assert_eq!(
        english(&rate, "2025-03"),
        "Average January–March 2025: 6,67 (3 periods), target 2025: ≤ 7: the target is met → Green."
    );
    let overridden = Fixture::higher(Margin::ZERO)
        .target(2025, value("45"))
        .outcome("2025-10", "40")
        .manual("2025-10", Green, "Nya siffror väntas");
    assert_eq!(
        english(&overridden, "2025-10"),
        "Computed assessment: Outcome October 2025: 40, target 2025: 45 (higher is better): the target is not \
         met → Red; manual assessment: Green – Nya siffror väntas"
    );
}

#[test]
fn goal_text_in_english() {
    let target = value("45");
    let observed = |text: &str| Observed::Outcome {
        period: p("2025-10"),
        value: d(text),
    };
    let inputs: Vec<GoalInput> = [
        ("Självförsörjning", "46", Green),
        ("Väntetid", "44", Yellow),
        ("Placeringar", "30", Red),
    ]
    .into_iter()
    .map(|(label, value, verdict)| GoalInput {
        observed: Some(observed(value)),
        target: Some(&target),
        ..GoalInput::new(label, label, InputKind::Indicator, verdict)
    })
    .collect();
    let rule = Rule::count_green(2);
    let assessment = assess_goal(&rule, &inputs, p("2025-10"), None);
    assert_eq!(
        assessment.explanation.text(Language::English),
        "Rule: at least 2 of 3 indicators green.\n\
         - Självförsörjning: 46 (target 45) – Green\n\
         - Väntetid: 44 (target 45) – Yellow\n\
         - Placeringar: 30 (target 45) – Red\n\
         1 of 3 green – at least 2 required; 1 yellow: close to being met → Yellow."
    );
    assert_eq!(
        assessment.explanation.to_string(),
        assessment.explanation.text(Language::Swedish),
        "Display stays Swedish"
    );
}

#[test]
fn methods_and_rules_in_english() {
    assert_eq!(
        Method::Threshold { margin: percent("5") }.text(Language::English),
        "the latest value (so far this year for summed measures) is compared with the year's target; yellow within \
         5 % of the target"
    );
    assert_eq!(
        Rule::count_green_rest_yellow(2).text(Language::English),
        "at least 2 of the inputs green, the rest at least yellow"
    );
}
