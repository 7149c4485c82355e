use super::*;

fn units() -> Units {
    let unit = |council: &str, kind, name: &str| Unit {
        council_id: Uuid::from_u128(if council == "socialnamnden" { 1 } else { 2 }),
        council: council.into(),
        council_name: if council == "socialnamnden" {
            "Socialnämnden"
        } else {
            "Kultur- och fritidsnämnden"
        }
        .into(),
        kind,
        name: name.into(),
    };
    Units::new(vec![
        unit("socialnamnden", UnitKind::Department, "Barn och unga"),
        unit("socialnamnden", UnitKind::Activity, "Ekonomiskt bistånd"),
        unit("socialnamnden", UnitKind::Activity, "Barn och unga"),
        unit("socialnamnden", UnitKind::Department, "Förvaltningsledning"),
        unit("kultur", UnitKind::Department, "Förvaltningsledning"),
    ])
}

fn cells(row: &[&str]) -> Vec<String> {
    row.iter().map(|c| (*c).to_owned()).collect()
}

fn mapping(signs: LedgerSigns) -> LedgerMapping {
    LedgerMapping {
        period: "Period".into(),
        unit: "Ansvar".into(),
        account: "Konto".into(),
        amount: "Belopp".into(),
        signs,
    }
}

fn header() -> Vec<String> {
    cells(&["Period", "Ansvar", "Konto", "Kontonamn", "Belopp"])
}

#[test]
fn headers_as_ledgers_name_them_are_suggested() {
    let suggested = suggest(&cells(&["Bokföringsperiod", "Verksamhet", " Konto ", "Text", "Belopp"]));
    assert_eq!(
        (
            suggested.period.as_str(),
            suggested.unit.as_str(),
            suggested.account.as_str(),
            suggested.amount.as_str()
        ),
        ("Bokföringsperiod", "Verksamhet", "Konto", "Belopp")
    );
    let none = suggest(&cells(&["A", "B"]));
    assert_eq!(none, LedgerMapping::default());
}

#[test]
fn months_are_read_as_ledgers_write_them() {
    for (text, expected) in [
        ("2024-07", Some((2024, 7))),
        ("2024-7", Some((2024, 7))),
        ("2024/07", Some((2024, 7))),
        ("202407", Some((2024, 7))),
        ("2024-07-31", Some((2024, 7))),
        ("2024-07-31 00:00:00", Some((2024, 7))),
        (" 2024-12 ", Some((2024, 12))),
        ("2024-13", None),
        ("2024-00", None),
        ("202413", None),
        ("24-07", None),
        ("juli 2024", None),
        ("2024", None),
        ("1899-01", None),
        ("2024-007", None),
        ("", None),
        ("2024-ÅÄ", None),
    ] {
        assert_eq!(ledger_month(text), expected, "{text:?}");
    }
}

#[test]
fn accounts_are_income_or_costs_by_class() {
    for (text, expected) in [
        ("3", Some(LedgerClass::Income)),
        ("3410", Some(LedgerClass::Income)),
        ("4", Some(LedgerClass::Cost)),
        ("5110", Some(LedgerClass::Cost)),
        ("7", Some(LedgerClass::Cost)),
        ("Intäkter", Some(LedgerClass::Income)),
        ("kostnad", Some(LedgerClass::Cost)),
        ("8", None),
        ("1510", None),
        ("2", None),
        ("övrigt", None),
        ("", None),
    ] {
        assert_eq!(account_class(text), expected, "{text:?}");
    }
}

#[test]
fn rows_are_summed_per_unit_month_and_class_with_ledger_signs_turned() {
    let units = units();
    let mut checker = LedgerChecker::new(&header(), &mapping(LedgerSigns::Ledger), &units).expect("header");
    checker.row(2, &cells(&["2024-07", "Barn och unga", "5110", "Löner", "1 000,50"]));
    checker.row(
        3,
        &cells(&["2024-07", " barn OCH unga ", "6410", "Köpta tjänster", "499.50"]),
    );
    checker.row(4, &cells(&["2024-07", "Barn och unga", "3410", "Bidrag", "-300"]));
    checker.row(5, &cells(&["", "", "", "", ""]));
    checker.row(6, &cells(&["202408", "Ekonomiskt bistånd", "4", "", "11700"]));
    assert_eq!(checker.problem_count, 0, "{:?}", checker.problems);
    assert_eq!(checker.rows, 4, "the blank row is not counted");
    let sum = |unit: usize, month: u8, class| checker.sums.get(&(unit, 2024, month, class)).copied();
    assert_eq!(
        sum(0, 7, LedgerClass::Cost),
        Some(Sum {
            amount: Decimal::from(-1_500),
            rows: 2
        }),
        "a department and a verksamhet of one name in one council are the department"
    );
    assert_eq!(
        sum(0, 7, LedgerClass::Income).map(|s| s.amount),
        Some(Decimal::from(300))
    );
    assert_eq!(
        sum(1, 8, LedgerClass::Cost).map(|s| s.amount),
        Some(Decimal::from(-11_700))
    );
}

#[test]
fn report_signs_are_kept() {
    let units = units();
    let mut checker = LedgerChecker::new(&header(), &mapping(LedgerSigns::Report), &units).expect("header");
    checker.row(2, &cells(&["2024-07", "Barn och unga", "5110", "", "-1000"]));
    let sum = checker.sums.get(&(0, 2024, 7, LedgerClass::Cost)).copied();
    assert_eq!(sum.map(|s| s.amount), Some(Decimal::from(-1_000)));
}

#[test]
fn every_bad_cell_is_named_by_row_and_header() {
    let units = units();
    let mut checker = LedgerChecker::new(&header(), &mapping(LedgerSigns::Ledger), &units).expect("header");
    checker.row(2, &cells(&["juli", "Okänd enhet", "8910", "", "tre"]));
    checker.row(3, &cells(&["2024-07", "Förvaltningsledning", "", "", "1"]));
    let found: Vec<(String, Message)> = (checker.problems.iter())
        .map(|p| {
            (
                crate::i18n::location_text(&p.location, crate::i18n::Locale::En),
                p.message.clone(),
            )
        })
        .collect();
    assert_eq!(checker.problem_count, 6, "{found:?}");
    assert_eq!(found[0].1, Message::NotAMonth { text: "juli".into() });
    assert_eq!(
        found[1].1,
        Message::UnknownUnit {
            text: "Okänd enhet".into()
        }
    );
    assert_eq!(found[2].1, Message::NotAnAccountClass { text: "8910".into() });
    assert!(matches!(found[3].1, Message::NotANumber { .. }), "{:?}", found[3]);
    assert_eq!(
        found[4].1,
        Message::AmbiguousUnit {
            text: "Förvaltningsledning".into(),
            councils: vec!["Socialnämnden".into(), "Kultur- och fritidsnämnden".into()],
        }
    );
    assert_eq!(found[5].1, Message::Required);
    assert!(
        found[0].0.contains('2') && found[0].0.contains("Period"),
        "{}",
        found[0].0
    );
    assert!(
        found[5].0.contains('3') && found[5].0.contains("Konto"),
        "{}",
        found[5].0
    );
    assert!(checker.sums.is_empty(), "nothing is summed from a row with a problem");
}

#[test]
fn a_mapping_must_name_columns_the_file_has_each_once() {
    let units = units();
    let mut bad = mapping(LedgerSigns::Ledger);
    bad.unit = "Avdelning".into();
    bad.amount = "Konto".into();
    bad.period = String::new();
    let problems = LedgerChecker::new(&header(), &bad, &units).err().expect("refused");
    let messages: Vec<&Message> = problems.iter().map(|p| &p.message).collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert_eq!(messages[0], &Message::Required);
    assert!(
        matches!(messages[1], Message::NoSuchHeader { header, headers } if header == "Avdelning" && headers.len() == 5)
    );
    assert_eq!(messages[2], &Message::MappedTwice { header: "Konto".into() });
    let twice = cells(&["Period", "Ansvar", "Konto", "Belopp", "belopp"]);
    let problems = LedgerChecker::new(&twice, &mapping(LedgerSigns::Ledger), &units)
        .err()
        .expect("refused");
    assert_eq!(problems[0].message, Message::Duplicate { value: "Belopp".into() });
}

#[test]
fn an_empty_field_of_a_mapping_takes_the_suggested_column() {
    let given = LedgerMapping {
        unit: "Kontonamn".into(),
        ..LedgerMapping::default()
    };
    let filled = completed(&given, &header());
    assert_eq!(
        (
            filled.period.as_str(),
            filled.unit.as_str(),
            filled.account.as_str(),
            filled.amount.as_str()
        ),
        ("Period", "Kontonamn", "Konto", "Belopp")
    );
}
