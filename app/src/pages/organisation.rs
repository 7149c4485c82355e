//! The tenant's organisation (admins): the vision and values texts, the councils with
//! their departments, and a new plan for a council. Each part is saved on its own, against
//! the revision it was loaded at.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;

use super::indicator_edit::history_view;
use super::{error_view, save_error};
use crate::api::{create_plan, delete_council, organisation, save_council, save_tenant_texts};
use crate::i18n::{Msg, t, text_now};
use crate::model::{CouncilForm, DepartmentForm, NewPlanForm, OrganisationView, TenantTextsForm};

/// `/admin/organisation`
#[component]
pub fn OrganisationPage() -> impl IntoView {
    let data = Resource::new(|| (), |()| organisation());
    view! {
        <Title text=text_now(Msg::Organisation) />
        <h1>{t(Msg::Organisation)}</h1>
        <Suspense fallback=|| view! { <p>{t(Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view) => editor(view),
                    Err(err) => error_view(err),
                }
            })}
        </Suspense>
    }
}

fn editor(data: OrganisationView) -> AnyView {
    let councils = RwSignal::new(data.councils);
    let history = RwSignal::new(data.history);
    // Every save answers with the whole organisation: take the councils (a card whose
    // revision changed is drawn afresh, the others keep what is being typed) and history.
    let saved = Callback::new(move |view: OrganisationView| {
        councils.set(view.councils);
        history.set(view.history);
    });
    view! {
        {texts_form(data.texts, saved)}
        <section aria-labelledby="councils-heading">
            <h2 id="councils-heading">{t(Msg::Councils)}</h2>
            <For
                each=move || councils.get()
                key=|c| (c.id, c.revision)
                children=move |council| council_card(council, saved)
            />
            {council_card(CouncilForm::default(), saved)}
        </section>
        {new_plan_form(councils)}
        {move || history_view(history.get())}
    }
    .into_any()
}

fn texts_form(texts: TenantTextsForm, saved: Callback<OrganisationView>) -> AnyView {
    let form = RwSignal::new(texts);
    let save = Action::new(move |texts: &TenantTextsForm| {
        let texts = texts.clone();
        async move { save_tenant_texts(texts).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(view)) = save.value().get() {
            form.set(view.texts.clone());
            saved.run(view);
        }
    });
    let input = move |f: fn(&mut TenantTextsForm, String)| move |ev| form.update(|t| f(t, event_target_value(&ev)));
    view! {
        <section aria-labelledby="texts-heading">
            <h2 id="texts-heading">{t(Msg::VisionAndValues)}</h2>
            <form class="form form--wide" on:submit=move |ev| {
                ev.prevent_default();
                save.dispatch(form.get_untracked());
            }>
                <label class="field">
                    <span>{t(Msg::VisionTitle)}</span>
                    <input type="text" prop:value=move || form.read().vision_title.clone()
                        on:input=input(|t, v| t.vision_title = v) />
                </label>
                <label class="field">
                    <span>{t(Msg::Vision)}</span>
                    <textarea rows="3" prop:value=move || form.read().vision.clone() on:input=input(|t, v| t.vision = v)></textarea>
                </label>
                <label class="field">
                    <span>{t(Msg::Values)}</span>
                    <textarea rows="5" prop:value=move || form.read().values.clone() on:input=input(|t, v| t.values = v)></textarea>
                </label>
                {move || outcome_notice(save.value().get().map(|r| r.map(|_| ())), Msg::TextsConflict)}
                <button type="submit" class="primary" disabled=move || save.pending().get()>{t(Msg::SaveTexts)}</button>
            </form>
        </section>
    }
    .into_any()
}

/// "Saved" or the save's error.
fn outcome_notice(result: Option<Result<(), crate::model::AppError>>, conflict: Msg) -> Option<AnyView> {
    match result? {
        Ok(()) => Some(view! { <p class="notice" role="status">{t(Msg::Saved)}</p> }.into_any()),
        Err(err) => Some(save_error(&err, conflict)),
    }
}

/// One council's card, or (without an id) the card that adds a council.
fn council_card(council: CouncilForm, saved: Callback<OrganisationView>) -> AnyView {
    let is_new = council.id.is_none();
    let removable = !is_new && council.plans == 0;
    let (id, revision) = (council.id, council.revision);
    let form = RwSignal::new(council);
    let save = Action::new(move |council: &CouncilForm| {
        let council = council.clone();
        async move { save_council(council).await }
    });
    let remove = Action::new(move |_: &()| async move {
        match id {
            Some(id) => delete_council(id, revision).await,
            None => Err(crate::model::AppError::NotFound),
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(view)) = save.value().get() {
            if is_new {
                form.set(CouncilForm::default());
            }
            saved.run(view);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(view)) = remove.value().get() {
            saved.run(view);
        }
    });
    let departments = Memo::new(move |_| form.read().departments.len());
    let heading = if is_new {
        t(Msg::AddCouncil).into_any()
    } else {
        form.read_untracked().name.clone().into_any()
    };
    view! {
        <form class="card council-card form form--wide" on:submit=move |ev| {
            ev.prevent_default();
            save.dispatch(form.get_untracked());
        }>
            <h3>{heading}</h3>
            <div class="form-row">
                <label class="field">
                    <span>{t(Msg::CouncilName)}</span>
                    <input type="text" required prop:value=move || form.read().name.clone()
                        on:input=move |ev| form.update(|c| c.name = event_target_value(&ev)) />
                </label>
                <label class="field field--narrow">
                    <span>{t(Msg::Slug)}</span>
                    <input type="text" prop:value=move || form.read().slug.clone() disabled=!is_new
                        placeholder=text_now(Msg::SlugFromName)
                        on:input=move |ev| form.update(|c| c.slug = event_target_value(&ev)) />
                </label>
            </div>
            <label class="check">
                <input type="checkbox" disabled=!is_new prop:checked=move || form.read().municipal
                    on:change=move |ev| form.update(|c| c.municipal = event_target_checked(&ev)) />
                " "{t(Msg::Municipal)}
            </label>
            <fieldset class="departments">
                <legend>{t(Msg::Departments)}</legend>
                {move || (0..departments.get()).map(|i| department_row(form, i)).collect_view()}
                <button type="button" on:click=move |_| form.update(|c| c.departments.push(DepartmentForm::default()))>
                    {t(Msg::AddDepartment)}
                </button>
            </fieldset>
            {move || outcome_notice(save.value().get().map(|r| r.map(|_| ())), Msg::CouncilConflict)}
            {move || remove.value().get().and_then(|r| r.err()).map(|err| save_error(&err, Msg::CouncilConflict))}
            <div class="actions">
                <button type="submit" class="primary" disabled=move || save.pending().get()>
                    {if is_new { t(Msg::AddCouncil) } else { t(Msg::SaveCouncil) }}
                </button>
                {removable.then(|| view! {
                    " "
                    <button type="button" class="danger" on:click=move |_| { remove.dispatch(()); }>{t(Msg::RemoveCouncil)}</button>
                })}
            </div>
        </form>
    }
    .into_any()
}

fn department_row(form: RwSignal<CouncilForm>, i: usize) -> AnyView {
    let in_use = form.with_untracked(|c| c.departments.get(i).map(|d| d.in_use).unwrap_or_default());
    let label = format!("{} {}", text_now(Msg::Department), i + 1);
    view! {
        <div class="department-row">
            <input type="text" aria-label=label prop:value=move || form.with(|c| c.departments.get(i).map(|d| d.name.clone()).unwrap_or_default())
                on:input=move |ev| form.update(|c| if let Some(d) = c.departments.get_mut(i) { d.name = event_target_value(&ev) }) />
            {if in_use > 0 {
                view! { <span class="muted">{format!(" {} {in_use}", text_now(Msg::InUseBy))}</span> }.into_any()
            } else {
                view! {
                    <button type="button" class="link" on:click=move |_| form.update(|c| { c.departments.remove(i); })>
                        {t(Msg::Remove)}
                    </button>
                }.into_any()
            }}
        </div>
    }
    .into_any()
}

fn new_plan_form(councils: RwSignal<Vec<CouncilForm>>) -> AnyView {
    let form = RwSignal::new(NewPlanForm::default());
    let navigate = use_navigate();
    let create = Action::new(move |plan: &NewPlanForm| {
        let plan = plan.clone();
        async move { create_plan(plan).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(id)) = create.value().get() {
            navigate(&format!("/planer/{id}"), Default::default());
        }
    });
    let year = move |f: fn(&mut NewPlanForm, i32)| {
        move |ev| form.update(|p| f(p, event_target_value(&ev).trim().parse().unwrap_or_default()))
    };
    view! {
        <section aria-labelledby="new-plan-heading">
            <h2 id="new-plan-heading">{t(Msg::NewPlan)}</h2>
            <form class="form form--wide card" on:submit=move |ev| {
                ev.prevent_default();
                create.dispatch(form.get_untracked());
            }>
                <p id="plan-kind-help" class="muted">{t(Msg::PlanKindHelp)}</p>
                <div class="form-row">
                    <label class="field">
                        <span>{t(Msg::Council)}</span>
                        <select required on:change=move |ev| form.update(|p| p.council_id = event_target_value(&ev).parse().ok())>
                            <option value="">{t(Msg::Choose)}</option>
                            {move || councils.get().into_iter().filter_map(|c| c.id.map(|id| view! {
                                <option value=id.to_string()>{c.name}</option>
                            })).collect_view()}
                        </select>
                    </label>
                    <label class="field">
                        <span>{t(Msg::PlanName)}</span>
                        <input type="text" required on:input=move |ev| form.update(|p| p.name = event_target_value(&ev)) />
                    </label>
                    <label class="field">
                        <span>{t(Msg::PlanKind)}</span>
                        <input type="text" list="plan-kinds" aria-describedby="plan-kind-help"
                            on:input=move |ev| form.update(|p| p.kind = event_target_value(&ev)) />
                    </label>
                    <datalist id="plan-kinds">
                        {["Verksamhetsplan", "Uppdragsplan", "Internbudget", "Mål och budget"].map(|k| view! { <option value=k></option> }).collect_view()}
                    </datalist>
                    <label class="field field--narrow">
                        <span>{t(Msg::FirstYear)}</span>
                        <input type="number" required min="1900" max="2200" on:input=year(|p, y| p.first_year = y) />
                    </label>
                    <label class="field field--narrow">
                        <span>{t(Msg::LastYear)}</span>
                        <input type="number" required min="1900" max="2200" on:input=year(|p, y| p.last_year = y) />
                    </label>
                </div>
                {move || create.value().get().and_then(|r| r.err()).map(|err| save_error(&err, Msg::CouncilConflict))}
                <button type="submit" class="primary" disabled=move || create.pending().get()>{t(Msg::CreatePlan)}</button>
            </form>
        </section>
    }
    .into_any()
}
