//! `/ekonomi/huvudbok`: importing the ledger (editors). The chosen file is sent for a
//! preview first: its header and first rows, with a select per field (month, department or
//! verksamhet, account, amount) set to the column its header suggests and how the amounts
//! are signed. Importing sends the file again with the mapping; the page follows the job and
//! ends with each council's months as written, or every problem by row and column.

use leptos::html::Input;
use leptos::prelude::*;
use leptos_meta::Title;

use super::error_view;
use crate::CurrentUser;
use crate::components::upload::{Upload, error_message, job_view, progress_bar, send_file, start_job};
use crate::domain::LedgerSigns;
use crate::format;
use crate::i18n::{Msg, t, text_now};
use crate::model::{AppError, ImportStatus, LedgerMapping, LedgerPreview, Role};

#[component]
pub fn LedgerImportPage() -> impl IntoView {
    let me = expect_context::<CurrentUser>();
    view! {
        <Title text=text_now(Msg::ImportLedger) />
        <h1>{t(Msg::ImportLedger)}</h1>
        <Suspense fallback=|| view! { <p>{t(Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(Some(me)) if me.role >= Role::Editor => import_form(me.tenant.slug),
                    Ok(Some(_)) => error_view(AppError::Forbidden),
                    Ok(None) => error_view(AppError::Unauthenticated),
                    Err(err) => error_view(err),
                }
            })}
        </Suspense>
    }
}

/// The fields a ledger row is read into, with their label.
const FIELDS: [(&str, Msg); 4] = [
    ("period", Msg::LedgerPeriod),
    ("unit", Msg::LedgerUnit),
    ("account", Msg::LedgerAccount),
    ("amount", Msg::LedgerAmount),
];

fn field<'a>(mapping: &'a mut LedgerMapping, name: &str) -> &'a mut String {
    match name {
        "period" => &mut mapping.period,
        "unit" => &mut mapping.unit,
        "account" => &mut mapping.account,
        _ => &mut mapping.amount,
    }
}

fn query(mapping: &LedgerMapping) -> String {
    let encode = |s: &str| url_escape(s);
    format!(
        "period={}&unit={}&account={}&amount={}&signs={}",
        encode(&mapping.period),
        encode(&mapping.unit),
        encode(&mapping.account),
        encode(&mapping.amount),
        mapping.signs.as_str()
    )
}

/// Percent-encodes everything but unreserved characters.
fn url_escape(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => char::from(b).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn import_form(slug: String) -> AnyView {
    let input = NodeRef::<Input>::new();
    let upload = Upload::new();
    let preview = RwSignal::new(None::<LedgerPreview>);
    let mapping = RwSignal::new(LedgerMapping::default());
    let job = RwSignal::new(None::<ImportStatus>);
    let busy =
        move || upload.uploading.get().is_some() || job.with(|j| j.as_ref().is_some_and(|j| !j.phase.is_final()));
    let preview_url = format!("/api/v1/tenants/{slug}/ledger-imports/preview");
    let on_preview = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        preview.set(None);
        job.set(None);
        send_file(&preview_url, input, upload, move |status, body| {
            match (status, serde_json::from_str::<LedgerPreview>(&body)) {
                (200, Ok(seen)) => {
                    mapping.set(seen.suggested.clone());
                    preview.set(Some(seen));
                }
                _ => upload.error.set(Some(error_message(&body))),
            }
        });
    };
    let on_import = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let url = format!(
            "/api/v1/tenants/{slug}/ledger-imports?{}",
            query(&mapping.get_untracked())
        );
        start_job(&url, input, upload, job, crate::api::ledger_import_status);
    };
    view! {
        <p class="lead">{t(Msg::LedgerIntro)}</p>
        <form class="form" on:submit=on_preview>
            <label class="field">
                <span>{t(Msg::File)}</span>
                <input type="file" name="file" accept=".csv,.txt,.xlsx" node_ref=input />
            </label>
            <button type="submit" disabled=busy>{t(Msg::ChooseColumns)}</button>
        </form>
        .into_any()
        {move || upload.error.get().map(|message| view! { <p class="notice notice--error" role="alert">{message}</p> })}
        {move || upload.uploading.get().map(|percent| progress_bar(Msg::Uploading, percent, format!("{percent} %")))}
        {move || preview.get().map(|seen| {
            let on_import = on_import.clone();
            view! {
            <form class="form" on:submit=on_import data-testid="ledger-mapping">
                {mapping_step(seen, mapping)}
                <button type="submit" class="primary" disabled=busy>{t(Msg::Import)}</button>
            </form>
        }.into_any()})}
        {move || job.get().map(|job| job_view(job, done_view))}
    }
    .into_any()
}

/// The file's first rows and a select per field.
fn mapping_step(seen: LedgerPreview, mapping: RwSignal<LedgerMapping>) -> AnyView {
    let columns = seen.columns.clone();
    let selects = FIELDS.map(|(name, label)| {
        let columns = columns.clone();
        let id = format!("ledger-{name}");
        view! {
            <div class="field">
                <label for=id.clone()>{t(label)}</label>
                <select id=id.clone() name=name on:change=move |ev| {
                    let value = event_target_value(&ev);
                    mapping.update(|m| *field(m, name) = value);
                }>
                    <option value="" selected=move || mapping.with(|m| field(&mut m.clone(), name).is_empty())>{t(Msg::NotChosen)}</option>
                    {columns.iter().filter(|c| !c.trim().is_empty()).map(|column| {
                        let (value, shown) = (column.trim().to_owned(), column.clone());
                        let chosen = value.clone();
                        view! {
                            <option value=value selected=move || mapping.with(|m| *field(&mut m.clone(), name) == chosen)>{shown}</option>
                        }
                    }).collect_view()}
                </select>
            </div>
        }
    });
    let signs = LedgerSigns::ALL.map(|signs| {
        let label = match signs {
            LedgerSigns::Ledger => Msg::SignsLedger,
            LedgerSigns::Report => Msg::SignsReport,
        };
        view! {
            <label class="check">
                <input type="radio" name="signs" value=signs.as_str()
                    checked=move || mapping.with(|m| m.signs == signs)
                    on:change=move |_| mapping.update(|m| m.signs = signs) />
                {t(label)}
            </label>
        }
    });
    view! {
        <h2>{t(Msg::ChooseColumns)}</h2>
        <p class="muted">{seen.file_name.clone()}": "{format::count(seen.row_count)}" "{text_now(Msg::Rows).to_lowercase()}</p>
        <div class="table-wrap">
            <table class="data" data-testid="ledger-preview">
                <thead><tr>{seen.columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {seen.rows.into_iter().map(|row| view! {
                        <tr>{row.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {selects.into_iter().collect_view()}
        <fieldset class="field">
            <legend>{t(Msg::Signs)}</legend>
            {signs.into_iter().collect_view()}
        </fieldset>
    }
    .into_any()
}

fn done_view(job: ImportStatus) -> AnyView {
    let summary = job.ledger.unwrap_or_default();
    let amount = |v: rust_decimal::Decimal| format!("{}\u{a0}kr", format::number(v, 0));
    view! {
        <div class="notice" role="status" data-import="done">
            <p><strong>{t(Msg::ImportDone)}</strong>": "{job.file_name}" ("{format::count(summary.rows)}" "{text_now(Msg::Rows).to_lowercase()}")"</p>
            <div class="table-wrap">
                <table class="data">
                    <thead><tr>
                        <th scope="col">{t(Msg::Council)}</th>
                        <th scope="col">{t(Msg::Month)}</th>
                        <th scope="col" class="num">{t(Msg::Income)}</th>
                        <th scope="col" class="num">{t(Msg::Costs)}</th>
                        <th scope="col" class="num">{t(Msg::Net)}</th>
                    </tr></thead>
                    <tbody>
                        {summary.months.into_iter().map(|m| {
                            let href = format!("/ekonomi/{}/manader?ar={}", m.council, m.year);
                            let replaced = m.replaced.then(|| view! { " "<span class="muted">"("{t(Msg::Replaced)}")"</span> });
                            view! {
                                <tr>
                                    <th scope="row"><a href=href>{m.council_name}</a></th>
                                    <td>{format!("{}-{:02}", m.year, m.month)}{replaced}</td>
                                    <td class="num">{amount(m.income)}</td>
                                    <td class="num">{amount(m.cost)}</td>
                                    <td class="num">{amount(m.net)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mapping_travels_as_a_query_with_headers_escaped() {
        let mapping = LedgerMapping {
            period: "Period".into(),
            unit: "Ansvar (namn)".into(),
            account: "Konto".into(),
            amount: "Belopp & saldo".into(),
            signs: LedgerSigns::Report,
        };
        assert_eq!(
            query(&mapping),
            "period=Period&unit=Ansvar%20%28namn%29&account=Konto&amount=Belopp%20%26%20saldo&signs=report"
        );
        assert_eq!(url_escape("Månad"), "M%C3%A5nad");
    }
}
