//! Sending a chosen file to the REST API with upload progress, and showing an import job's
//! progress: shared by the outcome and the ledger imports.

use leptos::html::Input;
use leptos::prelude::*;

use crate::domain::ImportJobId;
use crate::format::count;
use crate::i18n::{Msg, location, message, t};
use crate::model::{AppError, ImportPhase, ImportStatus};

/// What a page shows while a file is sent and its job runs.
#[derive(Clone, Copy)]
pub struct Upload {
    /// Upload progress in percent, while the file is being sent.
    pub uploading: RwSignal<Option<u32>>,
    /// A failure the server answered with (role, file type, size, an unreadable file), or
    /// a failed connection, in the page's language.
    pub error: RwSignal<Option<String>>,
}

impl Upload {
    pub fn new() -> Self {
        Self {
            uploading: RwSignal::new(None),
            error: RwSignal::new(None),
        }
    }
}

impl Default for Upload {
    fn default() -> Self {
        Self::new()
    }
}

pub fn progress_bar(label: Msg, percent: u32, detail: String) -> AnyView {
    view! {
        <div class="import-progress" role="status">
            <p>{t(label)}": "{detail}</p>
            <progress max="100" value=percent>{format!("{percent} %")}</progress>
        </div>
    }
    .into_any()
}

/// A running job's progress bar, or its problems when it failed; `done` shows what a
/// finished job wrote.
pub fn job_view(job: ImportStatus, done: impl FnOnce(ImportStatus) -> AnyView) -> AnyView {
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
        ImportPhase::Done => done(job),
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

/// Sends the file chosen in `input` to `url` (`file_name` added to its query) and calls
/// `answered` with the status and body; reports upload progress and failures in `upload`.
#[cfg(feature = "hydrate")]
pub fn send_file(url: &str, input: NodeRef<Input>, upload: Upload, answered: impl FnOnce(u16, String) + 'static) {
    browser::send_file(url, input, upload, answered);
}

/// Uploading needs the browser; the server only renders the form.
#[cfg(not(feature = "hydrate"))]
pub fn send_file(_url: &str, _input: NodeRef<Input>, _upload: Upload, _answered: impl FnOnce(u16, String) + 'static) {}

/// The API's `{ "error": { "message" } }`, or a generic text when the connection failed.
pub fn error_message(body: &str) -> String {
    serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v["error"]["message"].as_str().map(str::to_owned))
        .unwrap_or_else(|| crate::i18n::text_now(Msg::SomethingWentWrong).to_owned())
}

#[cfg(feature = "hydrate")]
mod browser {
    use std::cell::RefCell;
    use std::rc::Rc;

    use leptos::html::Input;
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::{File, ProgressEvent, XmlHttpRequest};

    use super::Upload;
    use crate::i18n::{Msg, text_now};

    pub fn send_file(url: &str, input: NodeRef<Input>, upload: Upload, answered: impl FnOnce(u16, String) + 'static) {
        upload.error.set(None);
        let Some(file) = input
            .get_untracked()
            .and_then(|el| el.files())
            .and_then(|files| files.get(0))
        else {
            upload.error.set(Some(text_now(Msg::ChooseFile).to_owned()));
            return;
        };
        let separator = if url.contains('?') { '&' } else { '?' };
        let url = format!(
            "{url}{separator}file_name={}",
            String::from(js_sys::encode_uri_component(&file.name()))
        );
        let language = crate::i18n::use_locale().get_untracked().code();
        if send(&url, language, &file, upload, answered).is_err() {
            upload.uploading.set(None);
            upload.error.set(Some(text_now(Msg::SomethingWentWrong).to_owned()));
        }
    }

    /// With `XMLHttpRequest`, which, unlike `fetch`, reports upload progress.
    fn send(
        url: &str,
        language: &str,
        file: &File,
        upload: Upload,
        answered: impl FnOnce(u16, String) + 'static,
    ) -> Result<(), wasm_bindgen::JsValue> {
        let xhr = XmlHttpRequest::new()?;
        xhr.open_with_async("POST", url, true)?;
        xhr.set_request_header("Content-Type", "application/octet-stream")?;
        // The API's messages in the page's language, whatever the browser prefers.
        xhr.set_request_header("Accept-Language", language)?;
        let on_progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |ev: ProgressEvent| {
            if ev.length_computable() && ev.total() > 0.0 {
                upload
                    .uploading
                    .set(Some((ev.loaded() / ev.total() * 100.0).round() as u32));
            }
        });
        xhr.upload()?.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
        let done = xhr.clone();
        let answered = Rc::new(RefCell::new(Some(answered)));
        let on_end = Closure::<dyn FnMut()>::new(move || {
            upload.uploading.set(None);
            let body = done.response_text().ok().flatten().unwrap_or_default();
            if let Some(answered) = answered.borrow_mut().take() {
                answered(done.status().unwrap_or(0), body);
            }
        });
        xhr.set_onloadend(Some(on_end.as_ref().unchecked_ref()));
        xhr.send_with_opt_blob(Some(&**file))?;
        upload.uploading.set(Some(0));
        // The handlers live as long as the page; one pair per upload.
        on_progress.forget();
        on_end.forget();
        Ok(())
    }
}

/// Sends the chosen file to the import at `url`; once the job has started, follows it with
/// `fetch` into `job`.
pub fn start_job<F, Fut>(
    url: &str,
    input: NodeRef<Input>,
    upload: Upload,
    job: RwSignal<Option<ImportStatus>>,
    fetch: F,
) where
    F: Fn(ImportJobId) -> Fut + Copy + 'static,
    Fut: std::future::Future<Output = Result<ImportStatus, AppError>> + 'static,
{
    job.set(None);
    send_file(url, input, upload, move |status, body| {
        match (status, serde_json::from_str::<ImportStatus>(&body)) {
            (202, Ok(started)) => {
                let id = started.id;
                job.set(Some(started));
                poll_job(id, job, upload, fetch);
            }
            _ => upload.error.set(Some(error_message(&body))),
        }
    });
}

/// Polls a job with `fetch` every quarter second until it is done or failed.
pub fn poll_job<F, Fut>(id: ImportJobId, job: RwSignal<Option<ImportStatus>>, upload: Upload, fetch: F)
where
    F: Fn(ImportJobId) -> Fut + Copy + 'static,
    Fut: std::future::Future<Output = Result<ImportStatus, AppError>> + 'static,
{
    leptos::task::spawn_local(async move {
        match fetch(id).await {
            Ok(status) => {
                let running = !status.phase.is_final();
                job.set(Some(status));
                if running {
                    set_timeout(
                        move || poll_job(id, job, upload, fetch),
                        std::time::Duration::from_millis(250),
                    );
                }
            }
            Err(_) => upload
                .error
                .set(Some(crate::i18n::text_now(Msg::SomethingWentWrong).to_owned())),
        }
    });
}
