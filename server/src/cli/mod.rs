//! `malbild` subcommands. `anyhow` is used here only, at the edge where errors are printed.

mod exchange;
mod ledger;
mod serve;
mod tenant;
mod user;

use std::net::SocketAddr;

use anyhow::Context;
use clap::{Parser, Subcommand};

use crate::config::Config;

#[derive(Debug, Parser)]
#[command(
    name = "malbild",
    version,
    about = "Målbild: goals, indicators and follow-up for Swedish municipalities"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the site and the API (applies pending migrations first).
    Serve {
        /// Address to listen on [default: $MALBILD_ADDR or 127.0.0.1:3000]
        #[arg(long)]
        addr: Option<SocketAddr>,
    },
    /// Apply pending database migrations.
    Migrate,
    /// Load seed data.
    Seed {
        /// The demo tenants and their demo users (idempotent). Local demo only.
        #[arg(long, required = true)]
        demo: bool,
    },
    /// Manage tenants (municipalities).
    #[command(subcommand)]
    Tenant(tenant::TenantCommand),
    /// Manage users. Passwords are read from standard input, never from arguments.
    #[command(subcommand)]
    User(user::UserCommand),
    /// Write a tenant's whole configuration and data as JSON (the tenant document).
    Export {
        /// The tenant's slug.
        #[arg(long)]
        tenant: String,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<std::path::PathBuf>,
    },
    /// Outcomes and forecasts.
    #[command(subcommand)]
    Outcomes(OutcomesCommand),
    /// Councils' monthly outcomes from the ledger (huvudbok).
    #[command(subcommand)]
    Ledger(ledger::LedgerCommand),
    /// Print the verdicts of a month as JSON: one object per goal and per indicator with its
    /// code, verdict (green, yellow, red, grey) and explanation.
    Assess {
        /// The tenant's slug.
        #[arg(long)]
        tenant: String,
        /// Only this council's plans.
        #[arg(long)]
        council: Option<String>,
        /// The month followed up, YYYY-MM.
        #[arg(long)]
        period: String,
    },
    /// Print a council's economy for a year as JSON: net budget, outcome, forecast,
    /// deviation and budget adherence, changes, investments, the year's tables, the action
    /// plans and the consistency report, amounts in the tenant's unit (stated as `unit`).
    Budget {
        /// The tenant's slug.
        #[arg(long)]
        tenant: String,
        /// The council's slug.
        #[arg(long)]
        council: String,
        #[arg(long)]
        year: i32,
        /// Only periods and months up to this month (1–12).
        #[arg(long)]
        month: Option<u8>,
    },
    /// Load a tenant document into a new or empty tenant (all or nothing).
    Import {
        /// The JSON file written by `malbild export`.
        file: std::path::PathBuf,
        /// Load it under this slug instead of the one in the file.
        #[arg(long = "as")]
        as_slug: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum OutcomesCommand {
    /// Load a CSV or XLSX file with the header indicator,period,value (optional kind,
    /// gender, comment). Every row is checked first; nothing is written unless all are valid.
    Import {
        /// The tenant's slug.
        #[arg(long)]
        tenant: String,
        file: std::path::PathBuf,
    },
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let config = Config::from_env()?;
    match cli.command {
        Command::Serve { addr } => serve::serve(config, addr).await,
        Command::Migrate => {
            let db = connect(&config).await?;
            println!("migrations applied to {}", redact(&config.database_url));
            drop(db);
            Ok(())
        }
        Command::Seed { demo: _ } => seed_demo(&config).await,
        Command::Tenant(cmd) => tenant::run(&config, cmd).await,
        Command::User(cmd) => user::run(&config, cmd).await,
        Command::Export { tenant, output } => exchange::export(&config, &tenant, output).await,
        Command::Outcomes(OutcomesCommand::Import { tenant, file }) => {
            exchange::import_outcomes(&config, &tenant, &file).await
        }
        Command::Ledger(cmd) => ledger::run(&config, cmd).await,
        Command::Import { file, as_slug } => exchange::import(&config, &file, as_slug.as_deref()).await,
        Command::Assess {
            tenant,
            council,
            period,
        } => exchange::assess(&config, &tenant, council.as_deref(), &period).await,
        Command::Budget {
            tenant,
            council,
            year,
            month,
        } => exchange::budget(&config, &tenant, &council, year, month).await,
    }
}

/// Connects and migrates: every command works on an up-to-date schema.
pub async fn connect(config: &Config) -> anyhow::Result<sea_orm::DatabaseConnection> {
    let db = app::db::connect_with_pool(&config.database_url, config.db_pool_size)
        .await
        .with_context(|| format!("connecting to {}", redact(&config.database_url)))?;
    app::db::migrate(&db).await.context("applying migrations")?;
    Ok(db)
}

async fn seed_demo(config: &Config) -> anyhow::Result<()> {
    let db = connect(config).await?;
    let password = std::env::var("MALBILD_DEMO_PASSWORD").ok().filter(|p| !p.is_empty());
    let report = app::services::demo::seed(&db, password.clone())
        .await
        .map_err(explain)
        .context("seeding demo data")?;
    println!("Demo tenants: {}", report.tenants.join(", "));
    for (tenant, summary) in &report.loaded {
        println!(
            "  {tenant}: {} plans, {} goals, {} indicators, {} values, {} uppdrag/initiativ",
            summary.plans, summary.goals, summary.indicators, summary.values, summary.assignments
        );
    }
    println!("Demo logins (local demo only):");
    for login in &report.logins {
        println!("  {login}");
    }
    match (&report.password, password.is_some()) {
        (Some(_), true) => println!("Password: the value of MALBILD_DEMO_PASSWORD"),
        (Some(generated), false) => println!("Password (shown once, not stored anywhere): {generated}"),
        (None, _) => println!("Password: unchanged (set MALBILD_DEMO_PASSWORD to reset it)"),
    }
    Ok(())
}

/// An import's progress on standard error: rows checked, then `written` (rows or sums)
/// written.
pub fn progress(written: &'static str) -> app::services::outcomes::Progress {
    use app::model::ImportPhase;
    std::sync::Arc::new(move |phase: ImportPhase, done: usize, total: usize| match phase {
        ImportPhase::Checking => eprint!("\rchecked {done} of {total} rows"),
        _ => eprint!("\rwritten {done} of {total} {written}"),
    })
}

/// A service error for the terminal: a rejected document lists every problem.
pub fn explain(err: app::services::ServiceError) -> anyhow::Error {
    match err {
        app::services::ServiceError::Rejected(problems) => {
            let lines: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
            anyhow::anyhow!(
                "{} problem(s), nothing was written:\n{}",
                problems.len(),
                lines.join("\n")
            )
        }
        other => other.into(),
    }
}

/// A database URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => match url[scheme_end + 3..at].split_once(':') {
            Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
            None => url.to_owned(),
        },
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn redacts_passwords_only() {
        assert_eq!(redact("postgres://u:secret@h/db"), "postgres://u:***@h/db");
        assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(redact("sqlite://data/x.sqlite3"), "sqlite://data/x.sqlite3");
    }
}
