use leptos::prelude::*;
use leptos_meta::Title;

use super::error_view;
use crate::api::home_data;
use crate::i18n::{Msg, t};
use crate::model::{Council, PlanSummary, TenantHome};

/// The tenant's start page: its councils and their departments.
#[component]
pub fn HomePage() -> impl IntoView {
    let home = Resource::new(|| (), |_| home_data());
    view! {
        <Suspense fallback=|| view! { <p>{t(Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match home.await {
                    Ok(home) => home_view(home).into_any(),
                    Err(err) => error_view(err),
                }
            })}
        </Suspense>
    }
}

fn home_view(home: TenantHome) -> impl IntoView {
    let empty = home.councils.is_empty();
    view! {
        <Title text=home.tenant.name.clone() />
        <h1>{home.tenant.name}</h1>
        <h2>{t(Msg::Councils)}</h2>
        {empty.then(|| view! { <p class="muted">{t(Msg::NoCouncils)}</p> })}
        <div class="cards">
            {home
                .councils
                .into_iter()
                .map(|council| {
                    let plans = home.plans.iter().filter(|p| p.council_slug == council.slug).cloned().collect();
                    council_card(council, plans)
                })
                .collect_view()}
        </div>
    }
}

fn council_card(council: Council, plans: Vec<PlanSummary>) -> impl IntoView {
    let heading_id = format!("council-{}", council.slug);
    let no_departments = council.departments.is_empty();
    view! {
        <section class="card council" aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>{council.name}</h3>
            <h4>{t(Msg::Plans)}</h4>
            {plans.is_empty().then(|| view! { <p class="muted">{t(Msg::NoPlans)}</p> })}
            <ul class="plans">
                {plans
                    .into_iter()
                    .map(|p| {
                        let status = Msg::for_plan_status(p.status);
                        view! {
                            <li>
                                <a href=format!("/planer/{}", p.id)>{p.name}</a>
                                " "<span class="badge" data-status=p.status.as_str()>{t(status)}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p><a href=format!("/ekonomi/{}", council.slug)>{t(Msg::Economy)}</a></p>
            <h4>{t(Msg::Departments)}</h4>
            {no_departments.then(|| view! { <p class="muted">{t(Msg::NoDepartments)}</p> })}
            <ul class="departments">
                {council.departments.into_iter().map(|d| view! { <li>{d.name}</li> }).collect_view()}
            </ul>
        </section>
    }
}
