use super::*;

use Verdict::{Green, Grey, Red, Yellow};

#[test]
fn method_validation_rejects_negative_margins() {
    assert_eq!(
        Method::Threshold { margin: percent("-1") }.validate(),
        Err(MethodError::NegativeMargin)
    );
    assert_eq!(Method::Pace { margin: percent("0") }.validate(), Ok(()));
    assert_eq!(Method::Manual.validate(), Ok(()));
}

#[test]
fn method_and_margin_serialise_tagged() {
    let method = Method::Threshold { margin: percent("5") };
    let json = serde_json::to_string(&method).expect("serialise");
    assert_eq!(json, r#"{"kind":"threshold","margin":{"kind":"percent","value":"5"}}"#);
    assert_eq!(serde_json::from_str::<Method>(&json).expect("parse"), method);
    assert_eq!(
        serde_json::to_string(&Method::Manual).expect("serialise"),
        r#"{"kind":"manual"}"#
    );
}

#[test]
fn verdicts_are_ordered_except_grey() {
    assert!(Red < Yellow && Yellow < Green);
    assert_eq!(Grey.partial_cmp(&Green), None);
    assert_eq!(Grey.partial_cmp(&Red), None);
    assert_eq!(Grey.partial_cmp(&Grey), Some(std::cmp::Ordering::Equal));
    assert_eq!(Yellow.score(), Some(d("0.5")));
    assert_eq!(Grey.score(), None);
    assert!(Grey.at_least(Grey) && !Grey.at_least(Red) && Yellow.at_least(Yellow));
    assert_eq!(serde_json::to_string(&Green).expect("serialise"), r#""green""#);
    let names: Vec<_> = [Green, Yellow, Red, Grey].map(Verdict::swedish).into();
    assert_eq!(names, ["Grön", "Gul", "Röd", "Grå"]);
}
