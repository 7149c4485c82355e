//! A council's outcome in one month for one unit and account class, in kronor (exact
//! decimal text), summed from `rows` ledger rows of the import that wrote it.

use sea_orm::entity::prelude::*;

use crate::domain::{LedgerClass, UnitKind};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ledger_outcomes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub council_id: Uuid,
    pub year: i32,
    pub month: i16,
    pub unit_kind: UnitKind,
    pub unit: String,
    pub class: LedgerClass,
    pub amount: String,
    pub rows: i64,
    pub imported_by: String,
    pub imported_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
