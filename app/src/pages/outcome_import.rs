//! Importing outcomes and forecasts from a CSV or XLSX file (editors). The file is uploaded
//! to the REST API (the browser reports the upload's progress), then the page polls the
//! import job: reading, checking every row, writing; at the end what was written, or every
//! problem by row and column with nothing written.

use leptos::html::Input;
use leptos::prelude::*;
use leptos_meta::Title;

use super::error_view;
use crate::CurrentUser;
use crate::components::upload::{Upload, job_view, progress_bar, start_job};
use crate::format::count;
use crate::i18n::{Msg, t, text_now};
use crate::model::{AppError, ImportStatus, Role};

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
    let upload = Upload::new();
    let job = RwSignal::new(None::<ImportStatus>);
    let busy =
        move || upload.uploading.get().is_some() || job.with(|j| j.as_ref().is_some_and(|j| !j.phase.is_final()));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let url = format!("/api/v1/tenants/{slug}/outcome-imports");
        start_job(&url, input, upload, job, crate::api::outcome_import_status);
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
        {move || upload.error.get().map(|message| view! { <p class="notice notice--error" role="alert">{message}</p> })}
        {move || upload.uploading.get().map(|percent| progress_bar(Msg::Uploading, percent, format!("{percent} %")))}
        {move || job.get().map(|job| job_view(job, done_view))}
    }
}

fn done_view(job: ImportStatus) -> AnyView {
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
