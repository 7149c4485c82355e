//! Entering outcomes, forecasts and comments for one indicator (editors): a row per
//! period, as in a spreadsheet. Only changed cells are sent; a cell someone else changed
//! since the sheet was loaded makes the save a conflict, and what was typed stays.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::error_view;
use super::indicator_edit::history_view;
use crate::api::{load_value_sheet, save_values};
use crate::domain::{Gender, ValueKind};
use crate::i18n::{Locale, Msg, field_error, message_text, t, use_locale};
use crate::model::{AppError, HistoryEntry, SHEET_COLUMNS, ValueEdit, ValueRow, ValueSheet, typed_form};

#[component]
pub fn ValueSheetPage() -> impl IntoView {
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default();
    let data = Resource::new(code, load_value_sheet);
    view! {
        <Suspense fallback=|| view! { <p>{t(Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(sheet) => sheet_editor(sheet),
                    Err(err) => error_view(err),
                }
            })}
        </Suspense>
    }
}

/// What is typed in one row: the sheet's columns, then the comment.
#[derive(Debug, Clone, PartialEq)]
struct TypedRow {
    values: Vec<String>,
    comment: String,
}

fn typed_rows(rows: &[ValueRow]) -> Vec<TypedRow> {
    rows.iter()
        .map(|r| TypedRow {
            values: r
                .values
                .iter()
                .map(|v| v.as_deref().map(typed_form).unwrap_or_default())
                .collect(),
            comment: r.comments.first().cloned().flatten().unwrap_or_default(),
        })
        .collect()
}

/// The cells whose typed text differs from what was loaded.
fn edits(loaded: &[ValueRow], typed: &[TypedRow]) -> Vec<ValueEdit> {
    let mut edits = Vec::new();
    for (row, typed) in loaded.iter().zip(typed) {
        let original = typed_rows(std::slice::from_ref(row)).remove(0);
        for (i, &(kind, gender)) in SHEET_COLUMNS.iter().enumerate() {
            let value_changed = original.values[i].trim() != typed.values[i].trim();
            let comment_changed = i == 0 && original.comment.trim() != typed.comment.trim();
            if value_changed || comment_changed {
                edits.push(ValueEdit {
                    period: row.period.clone(),
                    kind,
                    gender,
                    expected: row.values[i].clone(),
                    expected_comment: row.comments[i].clone(),
                    text: typed.values[i].clone(),
                    comment: comment_changed.then(|| typed.comment.clone()),
                });
            }
        }
    }
    edits
}

pub(super) fn column_name(kind: ValueKind, gender: Gender, locale: Locale) -> &'static str {
    match (kind, gender) {
        (ValueKind::Forecast, _) => Msg::Forecast.text(locale),
        (ValueKind::Outcome, Gender::Women) => Msg::OutcomeWomen.text(locale),
        (ValueKind::Outcome, Gender::Men) => Msg::OutcomeMen.text(locale),
        (ValueKind::Outcome, Gender::Total) => Msg::Outcome.text(locale),
    }
}

/// `2026-03/outcome/K` (as the history names a cell) as `2026-03 Utfall kvinnor`.
fn cell_name(field: &str, locale: Locale) -> String {
    let mut parts = field.split('/');
    let period = parts.next();
    let kind = parts.next().and_then(ValueKind::parse);
    let gender = parts.next().and_then(Gender::parse);
    match (period, kind, gender) {
        (Some(period), Some(kind), Some(gender)) => format!("{period} {}", column_name(kind, gender, locale)),
        _ => field.to_owned(),
    }
}

fn sheet_editor(sheet: ValueSheet) -> AnyView {
    let locale = use_locale().get_untracked();
    let ValueSheet {
        code,
        name,
        unit,
        plan_id,
        plan_name,
        rows,
        history,
        ..
    } = sheet;
    let named = move |mut history: Vec<HistoryEntry>| {
        for entry in &mut history {
            for change in &mut entry.changes {
                change.field = cell_name(&change.field, locale);
            }
        }
        history
    };
    let history = RwSignal::new(named(history));
    let loaded = RwSignal::new(rows);
    let typed = RwSignal::new(loaded.with_untracked(|rows| typed_rows(rows)));
    let save_code = code.clone();
    let save = Action::new(move |edits: &Vec<ValueEdit>| save_values(save_code.clone(), edits.clone()));
    let nothing_to_save = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(Ok(sheet)) = save.value().get() {
            typed.set(typed_rows(&sheet.rows));
            loaded.set(sheet.rows);
            history.set(named(sheet.history));
        }
    });
    let language = use_locale();
    let message = move || {
        if nothing_to_save.get() {
            return Some(view! { <p class="notice" role="status">{t(Msg::NoChanges)}</p> }.into_any());
        }
        match save.value().get()? {
            Ok(_) => Some(view! { <p class="notice" role="status">{t(Msg::Saved)}</p> }.into_any()),
            Err(AppError::Conflict(detail)) => Some(
                view! {
                    <div class="notice notice--error" role="alert">
                        <p>{t(Msg::ValuesConflict)}</p>
                        <small>{message_text(&detail, language.get())}</small>
                    </div>
                }
                .into_any(),
            ),
            Err(AppError::Rejected(problems)) => Some(super::problem_list(problems)),
            Err(AppError::Invalid { field, message }) => Some(
                view! { <p class="notice notice--error" role="alert">{field_error(field, message)}</p> }.into_any(),
            ),
            Err(_) => {
                Some(view! { <p class="notice notice--error" role="alert">{t(Msg::SomethingWentWrong)}</p> }.into_any())
            }
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let changed = loaded.with_untracked(|l| typed.with_untracked(|t| edits(l, t)));
        nothing_to_save.set(changed.is_empty());
        if !changed.is_empty() {
            save.dispatch(changed);
        }
    };
    let headers = SHEET_COLUMNS
        .iter()
        .map(|&(kind, gender)| {
            let locale = use_locale();
            view! { <th scope="col" class="num">{move || column_name(kind, gender, locale.get())}</th> }
        })
        .collect_view();
    let body = move || {
        let periods: Vec<String> = loaded.with(|rows| rows.iter().map(|r| r.period.clone()).collect());
        periods
            .into_iter()
            .enumerate()
            .map(|(i, period)| sheet_row(i, period, typed))
            .collect_view()
    };
    view! {
        <Title text=format!("{name} – {}", Msg::EnterValues.text(locale)) />
        <p class="breadcrumb"><a href=format!("/planer/{plan_id}")>{plan_name}</a></p>
        <h1>{name}</h1>
        <p class="muted">{t(Msg::Code)}": "<code>{code}</code>" · "{t(Msg::Unit)}": "{unit}</p>
        <form class="value-sheet" on:submit=on_submit>
            <div class="table-scroll">
                <table class="data sheet">
                    <thead>
                        <tr>
                            <th scope="col">{t(Msg::Period)}</th>
                            {headers}
                            <th scope="col">{t(Msg::Comment)}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            {message}
            <button type="submit" class="primary" disabled=move || save.pending().get()>
                {move || if save.pending().get() { t(Msg::Saving)() } else { t(Msg::Save)() }}
            </button>
        </form>
        {move || history_view(history.get())}
    }
    .into_any()
}

fn sheet_row(i: usize, period: String, typed: RwSignal<Vec<TypedRow>>) -> impl IntoView {
    let locale = use_locale();
    let cells = SHEET_COLUMNS
        .iter()
        .enumerate()
        .map(|(c, &(kind, gender))| {
            let period = period.clone();
            view! {
                <td class="num">
                    <input type="text" inputmode="decimal" class="sheet__value"
                        aria-label=move || format!("{period} {}", column_name(kind, gender, locale.get()))
                        prop:value=move || typed.with(|rows| rows.get(i).map(|r| r.values[c].clone()).unwrap_or_default())
                        on:input=move |ev| typed.update(|rows| {
                            if let Some(row) = rows.get_mut(i) {
                                row.values[c] = event_target_value(&ev);
                            }
                        }) />
                </td>
            }
        })
        .collect_view();
    let comment_label = period.clone();
    let row_period = period.clone();
    view! {
        <tr data-period=row_period>
            <th scope="row">{period}</th>
            {cells}
            <td>
                <input type="text" class="sheet__comment"
                    aria-label=move || format!("{comment_label} {}", Msg::Comment.text(locale.get()))
                    prop:value=move || typed.with(|rows| rows.get(i).map(|r| r.comment.clone()).unwrap_or_default())
                    on:input=move |ev| typed.update(|rows| {
                        if let Some(row) = rows.get_mut(i) {
                            row.comment = event_target_value(&ev);
                        }
                    }) />
            </td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(period: &str, values: [Option<&str>; 4], comment: Option<&str>) -> ValueRow {
        ValueRow {
            period: period.to_owned(),
            values: values.iter().map(|v| v.map(str::to_owned)).collect(),
            comments: vec![comment.map(str::to_owned), None, None, None],
        }
    }

    #[test]
    fn only_changed_cells_are_sent_with_what_they_held() {
        let loaded = vec![
            row("2025", [Some("6.2"), None, None, Some("6.0")], Some("Preliminärt")),
            row("2026", [None, None, None, None], None),
        ];
        let mut typed = typed_rows(&loaded);
        assert_eq!(typed[0].values, ["6,2", "", "", "6,0"]);
        assert!(edits(&loaded, &typed).is_empty(), "nothing typed, nothing sent");

        typed[0].values[0] = "6,3".into();
        typed[1].values[2] = " 4,1 ".into();
        typed[1].comment = "Ny".into();
        let sent = edits(&loaded, &typed);
        let summary: Vec<_> = sent
            .iter()
            .map(|e| {
                (
                    e.period.as_str(),
                    e.kind,
                    e.gender,
                    e.expected.as_deref(),
                    e.text.as_str(),
                    e.comment.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("2025", ValueKind::Outcome, Gender::Total, Some("6.2"), "6,3", None),
                ("2026", ValueKind::Outcome, Gender::Total, None, "", Some("Ny")),
                ("2026", ValueKind::Outcome, Gender::Men, None, " 4,1 ", None),
            ]
        );
        assert_eq!(
            sent[0].expected_comment.as_deref(),
            Some("Preliminärt"),
            "the comment it held"
        );
    }

    #[test]
    fn history_names_cells_in_words() {
        assert_eq!(cell_name("2026-03/outcome/K", Locale::Sv), "2026-03 Utfall kvinnor");
        assert_eq!(cell_name("2026/forecast/T", Locale::En), "2026 Forecast");
        assert_eq!(cell_name("odd", Locale::Sv), "odd");
    }
}
