//! `malbild` subcommands. `anyhow` is used here only, at the edge where errors are printed.

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
    }
}

/// Connects and migrates: every command works on an up-to-date schema.
pub async fn connect(config: &Config) -> anyhow::Result<sea_orm::DatabaseConnection> {
    let db = app::db::connect(&config.database_url)
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
        .context("seeding demo data")?;
    println!("Demo tenants: {}", report.tenants.join(", "));
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
