//! `/ekonomi/:council`: a council's economy — the consistency report first, then every
//! published table as the documents lay it out (Swedish numbers, money in the tenant's
//! unit; a monthly table with its chart above it), and the action plans with their measures.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use rust_decimal::Decimal;

use super::error_view;
use crate::api::council_economy;
use crate::components::chart::IndicatorChart;
use crate::format;
use crate::i18n::{Msg, t, text_now};
use crate::model::{
    ActionPlanView, CellMeasure, EconomyFinding, EconomyTable, EconomyView, MeasureView, MonthlySeries,
};

#[component]
pub fn EconomyPage() -> impl IntoView {
    let params = use_params_map();
    let council = move || params.read().get("council").unwrap_or_default();
    let data = Resource::new(council, council_economy);
    view! {
        <Suspense fallback=|| view! { <p>{t(Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(economy) => economy_view(economy),
                    Err(err) => error_view(err),
                }
            })}
        </Suspense>
    }
}

/// A figure as stored, with as many decimals as it has.
fn figure(value: Decimal) -> String {
    format::number(value, value.normalize().scale())
}

fn money(value: Option<Decimal>, unit: &str) -> String {
    value.map(|v| format!("{}\u{a0}{unit}", figure(v))).unwrap_or_default()
}

fn economy_view(economy: EconomyView) -> AnyView {
    let empty = economy.tables.is_empty() && economy.action_plans.is_empty();
    let unit = economy.unit.clone();
    let title = format!("{} {}", text_now(Msg::EconomyOf), economy.council);
    view! {
        <Title text=title.clone() />
        <p class="breadcrumb"><a href="/">{t(Msg::AppName)}</a>" › "{economy.council.clone()}</p>
        <h1>{title}</h1>
        <ul class="links">
            <li><a href=format!("/ekonomi/{}/manader", economy.council_slug)>{t(Msg::MonthlyLink)}</a></li>
            {(economy.tables.iter().any(|t| t.kind == "volumes")).then(|| view! {
                <li><a href=format!("/ekonomi/{}/scenario", economy.council_slug)>{t(Msg::ScenarioLink)}</a></li>
            })}
        </ul>
        {empty.then(|| view! { <p class="muted">{t(Msg::NoEconomy)}</p> })}
        {(!empty).then(|| view! {
            <p class="muted">{t(Msg::AmountsIn)}" "<strong>{unit.clone()}</strong>" "{t(Msg::AmountsNote)}</p>
        })}
        {(!empty).then(|| checks(economy.findings.clone()))}
        {economy.tables.into_iter().map(|table| {
            let chart = (economy.monthly.iter().find(|m| m.table == table.key).cloned())
                .map(|m| monthly_chart(m, &table.title, &unit));
            table_view(table, &unit, &economy.findings, chart)
        }).collect_view()}
        {(!economy.action_plans.is_empty()).then(|| view! { <h2>{t(Msg::ActionPlans)}</h2> })}
        {economy.action_plans.into_iter().map(action_plan).collect_view()}
    }
    .into_any()
}

fn check_words(check: &str) -> Msg {
    match check {
        "sum_of_parts" => Msg::CheckSumOfParts,
        "income_and_costs" => Msg::CheckIncomeAndCosts,
        "column_difference" => Msg::CheckColumnDifference,
        "net_change" => Msg::CheckNetChange,
        "net_change_percent" => Msg::CheckNetChangePercent,
        "average" => Msg::CheckAverage,
        "split_against_net" => Msg::CheckSplitAgainstNet,
        _ => Msg::CheckChangesAgainstNet,
    }
}

fn finding_item(finding: EconomyFinding) -> AnyView {
    let amount = |v: Decimal| {
        if finding.unit == "%" {
            format::percent(v, v.normalize().scale())
        } else {
            format!("{}\u{a0}{}", figure(v), finding.unit)
        }
    };
    let row = if finding.row.is_empty() {
        text_now(Msg::SumOfItems).to_owned()
    } else {
        finding.row.clone()
    };
    let against = finding
        .against
        .clone()
        .map(|a| view! { " "{t(Msg::CheckIn)}" ”"{a}"” "{t(Msg::Gives)} });
    view! {
        <li data-check=finding.check.clone() data-table=finding.table.clone()>
            <strong>{finding.table_title.clone()}" › "{row}" › "{finding.column.clone()}</strong>": "
            {t(check_words(&finding.check))}{against}" "{amount(finding.expected)}", "
            {t(Msg::Printed)}" "{amount(finding.found)}"."
        </li>
    }
    .into_any()
}

fn checks(findings: Vec<EconomyFinding>) -> AnyView {
    let ok = findings.is_empty();
    view! {
        <section class="card" aria-labelledby="checks-heading" data-testid="economy-checks">
            <h2 id="checks-heading">{t(Msg::ChecksHeading)}</h2>
            {ok.then(|| view! { <p>{t(Msg::ChecksOk)}</p> })}
            {(!ok).then(|| view! {
                <p>{t(Msg::ChecksIntro)}</p>
                <ul class="findings">{findings.into_iter().map(finding_item).collect_view()}</ul>
            })}
        </section>
    }
    .into_any()
}

fn monthly_chart(series: MonthlySeries, title: &str, unit: &str) -> AnyView {
    let names: Vec<String> = [series.outcome, series.budget].into_iter().flatten().collect();
    let label = format!(
        "{title}: {} {} ({unit})",
        names.join(" / "),
        text_now(Msg::MonthlyChart)
    );
    view! {
        <p class="muted">{names.join(" / ")}" "{t(Msg::MonthlyChart)}</p>
        <IndicatorChart points=series.points label=label />
    }
    .into_any()
}

fn cell_text(value: Option<Decimal>, measure: &CellMeasure, percent_row: bool) -> String {
    let Some(value) = value else { return String::new() };
    match measure {
        CellMeasure::Percent => format::percent(value, value.normalize().scale()),
        _ if percent_row => format::percent(value, value.normalize().scale()),
        _ => figure(value),
    }
}

/// A table as published, with the chart of its months above it where it has one.
fn table_view(table: EconomyTable, unit: &str, findings: &[EconomyFinding], chart: Option<AnyView>) -> AnyView {
    let heading = format!("table-{}", table.key);
    let heading_id = heading.clone();
    let flagged =
        |row: &str, column: &str| (findings.iter()).any(|f| f.table == table.key && f.row == row && f.column == column);
    let header = (table.columns.iter())
        .map(|c| {
            let unit_note = match &c.measure {
                CellMeasure::Count(u) if !u.is_empty() => format!(" ({u})"),
                _ => String::new(),
            };
            view! { <th scope="col" class="num">{c.label.clone()}{unit_note}</th> }
        })
        .collect_view()
        .into_any();
    let rows = (table.rows.iter())
        .map(|row| {
            let cells = (table.columns.iter().zip(&row.cells))
                .map(|(column, value)| {
                    let wrong = flagged(&row.label, &column.label);
                    view! {
                        <td class="num" data-finding=wrong.then_some("true")>
                            {cell_text(*value, &column.measure, row.percent)}
                            {wrong.then(|| view! { <span class="visually-hidden">" ("{t(Msg::DoesNotAddUp)}")"</span> })}
                        </td>
                    }
                })
                .collect_view()
                .into_any();
            let note = row.note.clone().map(|n| view! { " "<span class="muted small">"("{n}")"</span> });
            view! {
                <tr data-role=row.role.clone()>
                    <th scope="row">{row.label.clone()}{note}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view()
        .into_any();
    view! {
        <section class="card economy-table" aria-labelledby=heading.clone() data-table=table.key.clone()>
            <h2 id=heading_id>{table.title.clone()}</h2>
            <p class="muted small">{t(Msg::PublishedIn)}" "{table.source.clone()}" · "{t(Msg::AmountsIn)}" "{unit.to_owned()}</p>
            {chart}
            <div class="table-wrap">
                <table class="data">
                    <thead><tr><td></td>{header}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

fn measure_row(m: MeasureView, unit: String) -> AnyView {
    let computed = m.computed_net.map(|c| {
        view! { <br /><span class="small" data-finding="true">{t(Msg::NetEffectComputed)}" "{money(Some(c), &unit)}</span> }
    });
    let realised_through = m
        .realised_through
        .clone()
        .map(|p| view! { " "<span class="muted small">"("{t(Msg::Through)}" "{p}")"</span> });
    view! {
        <tr>
            <th scope="row">{m.number}". "{m.name}</th>
            <td>{m.responsible}</td>
            <td class="num">{money(m.gross_effect, &unit)}</td>
            <td class="num">{money(m.cost, &unit)}</td>
            <td class="num">{money(m.net_effect, &unit)}{computed}</td>
            <td>{m.full_effect}</td>
            <td class="num">{money(m.expected, &unit)}</td>
            <td class="num">{money(m.realised, &unit)}{realised_through}</td>
            <td>{m.status}</td>
        </tr>
    }
    .into_any()
}

fn action_plan(plan: ActionPlanView) -> AnyView {
    let heading = format!("plan-{}", plan.key);
    let heading_id = heading.clone();
    let unit = plan.unit.clone();
    let year = plan.year.map(|y| format!(" {y}")).unwrap_or_default();
    let decided = plan
        .decided
        .map(|d| view! { <p>{t(Msg::DecidedOn)}" "{format::date(d)}</p> });
    let figures = (!plan.figures.is_empty()).then(|| {
        let unit = unit.clone();
        view! {
            <h3>{t(Msg::PlanFigures)}</h3>
            <ul>
                {plan.figures.iter().map(|f| {
                    let year = f.year.map(|y| format!(" ({y})")).unwrap_or_default();
                    view! { <li>{f.label.clone()}{year}": "{money(Some(f.value), &unit)}</li> }
                }).collect_view()}
            </ul>
        }
    });
    let key_figures = (!plan.key_figures.is_empty()).then(|| {
        view! {
            <p><strong>{t(Msg::FollowedUpBy)}": "</strong>{plan.key_figures.join(", ")}</p>
        }
    });
    view! {
        <section class="card" aria-labelledby=heading.clone() data-plan=plan.key.clone()>
            <h3 id=heading_id>{plan.title.clone()}</h3>
            <p class="muted small">{t(Msg::PublishedIn)}" "{plan.source.clone()}</p>
            {decided}
            <p>{plan.summary.clone()}</p>
            <div class="table-wrap">
                <table class="data">
                    <thead>
                        <tr>
                            <th scope="col">{t(Msg::MeasureHeading)}</th>
                            <th scope="col">{t(Msg::Responsible)}</th>
                            <th scope="col" class="num">{t(Msg::GrossEffect)}</th>
                            <th scope="col" class="num">{t(Msg::ImplementationCost)}</th>
                            <th scope="col" class="num">{t(Msg::NetEffect)}</th>
                            <th scope="col">{t(Msg::FullEffect)}</th>
                            <th scope="col" class="num">{t(Msg::ExpectedEffect)}{year.clone()}</th>
                            <th scope="col" class="num">{t(Msg::RealisedEffect)}</th>
                            <th scope="col">{t(Msg::Status)}</th>
                        </tr>
                    </thead>
                    <tbody>{plan.measures.into_iter().map(|m| measure_row(m, unit.clone())).collect_view()}</tbody>
                    <tfoot>
                        <tr data-role="total">
                            <th scope="row">{t(Msg::Total)}</th>
                            <td></td><td></td><td></td>
                            <td class="num">{money(plan.net_total, &unit)}</td>
                            <td></td>
                            <td class="num">{money(plan.expected_total, &unit)}</td>
                            <td class="num">{money(plan.realised_total, &unit)}</td>
                            <td></td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            {key_figures}
            {figures}
        </section>
    }
    .into_any()
}
