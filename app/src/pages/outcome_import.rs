//! Importing outcomes and forecasts from a CSV or XLSX file (editors). The file is uploaded
//! to the REST API (the browser reports the upload's progress), then the page polls the
//! import job: reading, checking every row, writing; at the end what was written, or every
//! problem by row and column with nothing written.

use leptos::html::Input;
use leptos::prelude::*;
use leptos_meta::Title;

use super::error_view;
use crate::CurrentUser;
use crate::domain::ImportJobId;
use crate::format::count;
use crate::i18n::{Msg, location, message, t, text_now};
use crate::model::{AppError, ImportPhase, ImportStatus, Role};

/// What the page shows while an import runs and after.
#[derive(Clone, Copy)]
struct Progress {
    /// Upload progress in percent, while the file is being sent.
    uploading: RwSignal<Option<u32>>,
    job: RwSignal<Option<ImportStatus>>,
    /// A failure before the job started (role, file type, size), as the server said it.
    error: RwSignal<Option<String>>,
}

#[component]
pub fn OutcomeImportPage() -> impl IntoView {
    let me = expect_context::<CurrentUser>();
    view! {
        <Title text=text_now(Msg::ImportOutcomes) />
        <h1>{t(Msg::ImportOutcomes)}</h1>
        <Suspense fallback=|| view! { <p>{t(Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(Some(me)) if me.role >= Role::Editor => import_form(me.tenant.slug).into_any(),
                    Ok(Some(_)) => error_view(AppError::Forbidden),
                    Ok(None) => error_view(AppError::Unauthenticated),
                    Err(err) => error_view(err),
                }
            })}
        </Suspense>
    }
}

fn import_form(slug: String) -> impl IntoView {
    let input = NodeRef::<Input>::new();
    let progress = Progress {
        uploading: RwSignal::new(None),
        job: RwSignal::new(None),
        error: RwSignal::new(None),
    };
    let busy = move || {
        progress.uploading.get().is_some() || progress.job.with(|j| j.as_ref().is_some_and(|j| !j.phase.is_final()))
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        progress.job.set(None);
        progress.error.set(None);
        browser::upload(&slug, input, progress);
    };
    view! {
        <p class="lead">{t(Msg::ImportIntro)}</p>
        <form class="form" on:submit=on_submit>
            <label class="field">
                <span>{t(Msg::File)}</span>
                <input type="file" name="file" accept=".csv,.txt,.xlsx" node_ref=input />
            </label>
            <button type="submit" class="primary" disabled=busy>{t(Msg::Import)}</button>
        </form>
        {move || progress.error.get().map(|message| view! { <p class="notice notice--error" role="alert">{message}</p> })}
        {move || progress.uploading.get().map(|percent| progress_bar(Msg::Uploading, percent, format!("{percent} %")))}
        {move || progress.job.get().map(job_view)}
    }
}

fn progress_bar(label: Msg, percent: u32, detail: String) -> AnyView {
    view! {
        <div class="import-progress" role="status">
            <p>{t(label)}": "{detail}</p>
            <progress max="100" value=percent>{format!("{percent} %")}</progress>
        </div>
    }
    .into_any()
}

fn job_view(job: ImportStatus) -> AnyView {
    let of_rows = move || {
        format!(
            "{} {} {}",
            count(job.done),
            Msg::Of.text(crate::i18n::use_locale().get()),
            count(job.total)
        )
    };
    match job.phase {
        ImportPhase::Reading => progress_bar(Msg::ReadingFile, job.percent(), String::new()),
        ImportPhase::Checking => progress_bar(Msg::CheckingRows, job.percent(), of_rows()),
        ImportPhase::Writing => progress_bar(Msg::WritingRows, job.percent(), of_rows()),
        ImportPhase::Done => {
            let s = job.summary.unwrap_or_default();
            view! {
                <div class="notice" role="status" data-import="done">
                    <p><strong>{t(Msg::ImportDone)}</strong>": "{job.file_name}</p>
                    <p>
                        {t(Msg::Rows)}": "{count(s.rows)}" ("
                        {t(Msg::RowsNew)}": "{count(s.inserted)}", "
                        {t(Msg::RowsChanged)}": "{count(s.updated)}", "
                        {t(Msg::RowsUnchanged)}": "{count(s.unchanged)}")"
                    </p>
                </div>
            }
            .into_any()
        }
        ImportPhase::Failed => view! {
            <div class="notice notice--error" role="alert" data-import="failed">
                <p>{t(Msg::ImportFailed)}</p>
                <table class="data problems">
                    <thead><tr><th scope="col">{t(Msg::Where)}</th><th scope="col">{t(Msg::Problem)}</th></tr></thead>
                    <tbody>
                        {job.problems
                            .into_iter()
                            .map(|p| view! { <tr><td>{location(p.location)}</td><td>{message(p.message)}</td></tr> })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any(),
    }
}

/// Polls the job until it is done or failed.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
fn poll(id: ImportJobId, progress: Progress) {
    leptos::task::spawn_local(async move {
        match crate::api::outcome_import_status(id).await {
            Ok(status) => {
                let running = !status.phase.is_final();
                progress.job.set(Some(status));
                if running {
                    set_timeout(move || poll(id, progress), std::time::Duration::from_millis(250));
                }
            }
            Err(err) => progress.error.set(Some(err.to_string())),
        }
    });
}

#[cfg(feature = "hydrate")]
mod browser {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::{File, ProgressEvent, XmlHttpRequest};

    use super::{Input, NodeRef, Progress, poll};
    use crate::i18n::{Msg, text_now};
    use crate::model::ImportStatus;
    use leptos::prelude::*;

    /// Sends the chosen file with `XMLHttpRequest`, which, unlike `fetch`, reports upload
    /// progress.
    pub fn upload(slug: &str, input: NodeRef<Input>, progress: Progress) {
        let Some(file) = input
            .get_untracked()
            .and_then(|el| el.files())
            .and_then(|files| files.get(0))
        else {
            progress.error.set(Some(text_now(Msg::ChooseFile).to_owned()));
            return;
        };
        let url = format!(
            "/api/v1/tenants/{slug}/outcome-imports?file_name={}",
            String::from(js_sys::encode_uri_component(&file.name()))
        );
        let language = crate::i18n::use_locale().get_untracked().code();
        if send(&url, language, &file, progress).is_err() {
            progress.uploading.set(None);
            progress.error.set(Some(text_now(Msg::SomethingWentWrong).to_owned()));
        }
    }

    fn send(url: &str, language: &str, file: &File, progress: Progress) -> Result<(), wasm_bindgen::JsValue> {
        let xhr = XmlHttpRequest::new()?;
        xhr.open_with_async("POST", url, true)?;
        xhr.set_request_header("Content-Type", "application/octet-stream")?;
        // The API's messages in the page's language, whatever the browser prefers.
        xhr.set_request_header("Accept-Language", language)?;
        let upload = xhr.upload()?;
        let on_progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |ev: ProgressEvent| {
            if ev.length_computable() && ev.total() > 0.0 {
                progress
                    .uploading
                    .set(Some((ev.loaded() / ev.total() * 100.0).round() as u32));
            }
        });
        upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
        let answered = xhr.clone();
        let on_end = Closure::<dyn FnMut()>::new(move || {
            progress.uploading.set(None);
            let body = answered.response_text().ok().flatten().unwrap_or_default();
            match (answered.status(), serde_json::from_str::<ImportStatus>(&body)) {
                (Ok(202), Ok(status)) => {
                    let id = status.id;
                    progress.job.set(Some(status));
                    poll(id, progress);
                }
                _ => progress.error.set(Some(error_message(&body))),
            }
        });
        xhr.set_onloadend(Some(on_end.as_ref().unchecked_ref()));
        xhr.send_with_opt_blob(Some(&**file))?;
        progress.uploading.set(Some(0));
        // The handlers live as long as the page; one pair per upload.
        on_progress.forget();
        on_end.forget();
        Ok(())
    }

    /// The API's `{ "error": { "message" } }`, or a generic text when the connection failed.
    fn error_message(body: &str) -> String {
        serde_json::from_str::<serde_json::Value>(body)
            .ok()
            .and_then(|v| v["error"]["message"].as_str().map(str::to_owned))
            .unwrap_or_else(|| text_now(Msg::SomethingWentWrong).to_owned())
    }
}

#[cfg(not(feature = "hydrate"))]
mod browser {
    use super::{Input, NodeRef, Progress};

    /// Uploading needs the browser; the server only renders the form.
    pub fn upload(_slug: &str, _input: NodeRef<Input>, _progress: Progress) {}
}
