//! Entering a goal's or a department's outcomes as in a spreadsheet (editors): every
//! indicator's periods of a year in one table, its target beside them, the total, women,
//! men and forecast side by side. Arrow keys and Enter move between cells; a block copied
//! from Excel is pasted from the cell it lands in; each changed cell is saved on its own
//! when it is left, against what the sheet showed (someone else's change is a conflict and
//! what was typed stays).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::error_view;
use super::value_sheet::column_name;
use crate::api::{load_plan_sheet, save_value_cell};
use crate::domain::{Gender, PlanId, ValueKind};
use crate::i18n::{Msg, t, use_locale};
use crate::model::{AppError, PlanSheet, SHEET_COLUMNS, SheetOf, ValueEdit, ValueRow, typed_form};

/// `/planer/:id/utfall?mal=CODE` or `?avdelning=NAME`, with `&ar=YYYY`.
#[component]
pub fn PlanSheetPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let plan: Option<PlanId> = params.read().get("id").and_then(|id| id.parse().ok());
            let q = query.read();
            let of = match (q.get("mal"), q.get("avdelning")) {
                (Some(goal), _) => Some(SheetOf::Goal(goal)),
                (None, Some(department)) => Some(SheetOf::Department(department)),
                (None, None) => None,
            };
            (plan, of, q.get("ar").and_then(|y| y.parse().ok()))
        },
        |(plan, of, year)| async move {
            match (plan, of) {
                (Some(plan), Some(of)) => load_plan_sheet(plan, of, year).await,
                _ => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=|| view! { <p>{t(Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(sheet) => sheet_view(sheet),
                    Err(err) => error_view(err),
                }
            })}
        </Suspense>
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CellState {
    Unchanged,
    Saving,
    Saved,
    Failed,
}

/// One editable cell: where it is, what the sheet showed, what is typed.
#[derive(Clone, Copy)]
struct Cell {
    indicator: usize,
    kind: ValueKind,
    gender: Gender,
    stored: RwSignal<Option<String>>,
    comment: RwSignal<Option<String>>,
    typed: RwSignal<String>,
    state: RwSignal<CellState>,
}

/// A pasted block (tab-separated columns, a row per line, as Excel copies it) as rows of cells.
fn pasted_block(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_suffix('\n').unwrap_or(text);
    let text = text.strip_suffix('\r').unwrap_or(text);
    text.split('\n')
        .map(|line| {
            line.trim_end_matches('\r')
                .split('\t')
                .map(|c| c.trim().to_owned())
                .collect()
        })
        .collect()
}

/// The text on the clipboard of a paste (only the browser has one).
fn pasted_text(ev: &leptos::ev::ClipboardEvent) -> String {
    #[cfg(feature = "hydrate")]
    return (ev.clipboard_data())
        .and_then(|data| data.get_data("text/plain").ok())
        .unwrap_or_default();
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = ev;
        String::new()
    }
}

fn cell_id(r: usize, c: usize) -> String {
    format!("cell-{r}-{c}")
}

fn focus(r: usize, c: usize) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        if let Some(input) = document()
            .get_element_by_id(&cell_id(r, c))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = input.focus();
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (r, c);
}

fn sheet_view(sheet: PlanSheet) -> AnyView {
    let locale = use_locale();
    let PlanSheet {
        plan_id,
        plan_name,
        title,
        year,
        years,
        indicators,
    } = sheet;
    let codes: Vec<String> = indicators.iter().map(|i| i.code.clone()).collect();
    let codes = StoredValue::new(codes);
    // The grid: one line per period of every indicator, four cells each.
    let mut grid: Vec<[Cell; 4]> = Vec::new();
    let mut periods: Vec<String> = Vec::new();
    for (i, indicator) in indicators.iter().enumerate() {
        for row in &indicator.rows {
            let cells = std::array::from_fn(|c| {
                let (kind, gender) = SHEET_COLUMNS[c];
                let stored = row.values[c].clone();
                Cell {
                    indicator: i,
                    kind,
                    gender,
                    typed: RwSignal::new(stored.as_deref().map(typed_form).unwrap_or_default()),
                    stored: RwSignal::new(stored),
                    comment: RwSignal::new(row.comments[c].clone()),
                    state: RwSignal::new(CellState::Unchanged),
                }
            });
            grid.push(cells);
            periods.push(row.period.clone());
        }
    }
    let grid = StoredValue::new(grid);
    let periods = StoredValue::new(periods);
    let last_error: RwSignal<Option<(String, AppError)>> = RwSignal::new(None);

    let saved_row = move |r: usize, row: ValueRow| {
        grid.with_value(|g| {
            for (c, cell) in g[r].iter().enumerate() {
                cell.stored.set(row.values[c].clone());
                cell.comment.set(row.comments[c].clone());
            }
        });
    };
    let save = Action::new(move |&(r, c): &(usize, usize)| {
        let cell = grid.with_value(|g| g[r][c]);
        let code = codes.with_value(|codes| codes[cell.indicator].clone());
        let edit = ValueEdit {
            period: periods.with_value(|p| p[r].clone()),
            kind: cell.kind,
            gender: cell.gender,
            expected: cell.stored.get_untracked(),
            expected_comment: cell.comment.get_untracked(),
            text: cell.typed.get_untracked(),
            comment: None,
        };
        cell.state.set(CellState::Saving);
        async move {
            match save_value_cell(code.clone(), edit).await {
                Ok(row) => {
                    saved_row(r, row);
                    cell.state.set(CellState::Saved);
                }
                Err(err) => {
                    cell.state.set(CellState::Failed);
                    last_error.set(Some((code, err)));
                }
            }
        }
    });
    // Saves a cell whose typed text differs from what is stored, unless a save of it is on
    // its way (leaving a cell with Enter also fires its change event).
    let save_if_changed = move |r: usize, c: usize| {
        let cell = grid.with_value(|g| g[r][c]);
        if cell.state.get_untracked() == CellState::Saving {
            return;
        }
        let stored = cell
            .stored
            .get_untracked()
            .as_deref()
            .map(typed_form)
            .unwrap_or_default();
        if cell.typed.get_untracked().trim() != stored.trim() {
            save.dispatch((r, c));
        }
    };
    let rows = grid.with_value(|g| g.len());

    let body =
        indicators
            .into_iter()
            .enumerate()
            .flat_map(|(i, indicator)| {
                let span = indicator.rows.len();
                let first_row = grid.with_value(|g| g.iter().position(|cells| cells[0].indicator == i));
                (0..span)
                    .map(move |k| {
                        let r = first_row.unwrap_or_default() + k;
                        let head = (k == 0).then(|| {
                            view! {
                                <th scope="rowgroup" rowspan=span class="sheet__indicator">
                                    {indicator.name.clone()}
                                    <small class="muted">" ("{indicator.unit.clone()}")"</small>
                                </th>
                                <td rowspan=span class="sheet__target">{indicator.target.clone()}</td>
                            }
                        });
                        let name = indicator.name.clone();
                        let period = periods.with_value(|p| p[r].clone());
                        let cells = (0..4)
                    .map(|c| {
                        let cell = grid.with_value(|g| g[r][c]);
                        let label = {
                            let (name, period) = (name.clone(), period.clone());
                            move || format!("{name}, {period}, {}", column_name(cell.kind, cell.gender, locale.get()))
                        };
                        let class = move || match cell.state.get() {
                            CellState::Unchanged => "sheet__cell",
                            CellState::Saving => "sheet__cell sheet__cell--saving",
                            CellState::Saved => "sheet__cell sheet__cell--saved",
                            CellState::Failed => "sheet__cell sheet__cell--failed",
                        };
                        view! {
                            <td>
                                <input type="text" inputmode="decimal" id=cell_id(r, c) class=class aria-label=label
                                    aria-invalid=move || (cell.state.get() == CellState::Failed).then_some("true")
                                    prop:value=move || cell.typed.get()
                                    on:input=move |ev| cell.typed.set(event_target_value(&ev))
                                    on:change=move |_| save_if_changed(r, c)
                                    on:keydown=move |ev| {
                                        let to = match ev.key().as_str() {
                                            "ArrowDown" | "Enter" => (r + 1 < rows).then_some((r + 1, c)),
                                            "ArrowUp" => r.checked_sub(1).map(|up| (up, c)),
                                            _ => None,
                                        };
                                        if let Some((r2, c2)) = to {
                                            ev.prevent_default();
                                            save_if_changed(r, c);
                                            focus(r2, c2);
                                        }
                                    }
                                    on:paste=move |ev| {
                                        let text = pasted_text(&ev);
                                        if !text.contains('\t') && !text.contains('\n') {
                                            return;
                                        }
                                        ev.prevent_default();
                                        for (dr, line) in pasted_block(&text).into_iter().enumerate() {
                                            for (dc, value) in line.into_iter().enumerate() {
                                                let (r2, c2) = (r + dr, c + dc);
                                                if r2 < rows && c2 < 4 {
                                                    grid.with_value(|g| g[r2][c2].typed.set(value));
                                                    save_if_changed(r2, c2);
                                                }
                                            }
                                        }
                                    } />
                            </td>
                        }
                    })
                    .collect_view();
                        view! {
                            <tr data-code=indicator.code.clone() data-period=period.clone()>
                                {head}
                                <th scope="row" class="sheet__period">{period.clone()}</th>
                                {cells}
                            </tr>
                        }
                    })
                    .collect::<Vec<_>>()
            })
            .collect_view();

    let headers = SHEET_COLUMNS
        .iter()
        .map(|&(kind, gender)| view! { <th scope="col">{move || column_name(kind, gender, locale.get())}</th> })
        .collect_view();
    let saving = move || save.pending().get();
    let plan_url = format!("/planer/{plan_id}");
    view! {
        <Title text=format!("{title} – {}", Msg::EnterValues.text(locale.get_untracked())) />
        <p class="breadcrumb"><a href=plan_url>{plan_name}</a></p>
        <h1>{t(Msg::EnterValues)}": "{title.clone()}</h1>
        <p class="muted">{t(Msg::SheetHelp)}</p>
        <nav class="year-choice" aria-label=t(Msg::Year)>
            {years.into_iter().map(|y| {
                let current = (y == year).then_some("page");
                view! { <a href=format!("?{}ar={y}", sheet_query()) aria-current=current>{y}</a>" " }
            }).collect_view()}
        </nav>
        <div class="table-scroll">
            <table class="table sheet">
                <thead>
                    <tr>
                        <th scope="col">{t(Msg::Indicator)}</th>
                        <th scope="col">{t(Msg::Target)}" "{year}</th>
                        <th scope="col">{t(Msg::Period)}</th>
                        {headers}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
        <p role="status" class="muted">{move || if saving() { Some(t(Msg::Saving)) } else { None }}</p>
        {move || last_error.get().map(|(code, err)| view! {
            <div class="sheet__error">
                <p><code>{code}</code>":"</p>
                {super::save_error(&err, Msg::ValuesConflict)}
            </div>
        })}
    }
    .into_any()
}

/// The page's query without its year, ready for `ar=` to be appended.
fn sheet_query() -> String {
    let query = use_query_map();
    let q = query.read_untracked();
    let mut out = String::new();
    for key in ["mal", "avdelning"] {
        if let Some(value) = q.get(key) {
            out.push_str(&format!("{key}={}&", urlencoding(&value)));
        }
    }
    out
}

fn urlencoding(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::pasted_block;

    #[test]
    fn a_block_from_excel_is_rows_of_cells() {
        assert_eq!(
            pasted_block("6,2\t3,1\r\n7\t\r\n"),
            vec![
                vec!["6,2".to_owned(), "3,1".to_owned()],
                vec!["7".to_owned(), String::new()]
            ]
        );
        assert_eq!(pasted_block("5"), vec![vec!["5".to_owned()]]);
    }
}
