//! `malbild ledger import`: a ledger file checked row by row and written all or nothing,
//! replacing each council's months it covers, with progress on standard error.

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Subcommand;

use super::{connect, explain, progress};
use crate::config::Config;

#[derive(Debug, Subcommand)]
pub enum LedgerCommand {
    /// Load a CSV or XLSX export of the ledger (huvudbok): a month, a department or
    /// verksamhet (by name), an account (3… income, 4…–7… costs) and an amount per row.
    /// Columns are found by their headers (Period, Ansvar, Konto, Belopp …) unless named.
    Import {
        /// The tenant's slug.
        #[arg(long)]
        tenant: String,
        file: PathBuf,
        /// The header of the month's column.
        #[arg(long)]
        period: Option<String>,
        /// The header of the department's or verksamhet's column.
        #[arg(long)]
        unit: Option<String>,
        /// The header of the account's column.
        #[arg(long)]
        account: Option<String>,
        /// The header of the amount's column.
        #[arg(long)]
        amount: Option<String>,
        /// `ledger`: debit +, credit − (the default); `report`: income +, costs −.
        #[arg(long, default_value = "ledger")]
        signs: String,
    },
}

pub async fn run(config: &Config, command: LedgerCommand) -> anyhow::Result<()> {
    let LedgerCommand::Import {
        tenant,
        file,
        period,
        unit,
        account,
        amount,
        signs,
    } = command;
    let signs =
        app::domain::LedgerSigns::parse(&signs).with_context(|| format!("--signs {signs}: use ledger or report"))?;
    let mapping = app::model::LedgerMapping {
        period: period.unwrap_or_default(),
        unit: unit.unwrap_or_default(),
        account: account.unwrap_or_default(),
        amount: amount.unwrap_or_default(),
        signs,
    };
    import(config, &tenant, &file, mapping).await
}

async fn import(config: &Config, tenant: &str, file: &Path, mapping: app::model::LedgerMapping) -> anyhow::Result<()> {
    let name = file.to_string_lossy();
    let format = app::exchange::outcome_file::FileFormat::from_name(&name)
        .with_context(|| format!("{name}: expected a .csv or .xlsx file"))?;
    let bytes = std::fs::read(file).with_context(|| format!("reading {name}"))?;
    let db = connect(config).await?;
    let scope = app::services::tenants::operator_scope(&db, tenant)
        .await
        .map_err(explain)
        .with_context(|| format!("tenant \"{tenant}\""))?;
    let summary = app::services::ledger::import(&db, scope, "cli", bytes, format, mapping, progress("sums"))
        .await
        .map_err(explain)
        .with_context(|| format!("importing {name}"))?;
    eprintln!();
    println!("{} rows", summary.rows);
    for m in &summary.months {
        let replaced = if m.replaced { " (replaced)" } else { "" };
        println!(
            "  {} {}-{:02}: {} units, income {} kr, costs {} kr, net {} kr{replaced}",
            m.council, m.year, m.month, m.units, m.income, m.cost, m.net
        );
    }
    Ok(())
}
