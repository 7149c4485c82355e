//! An outcome import's state, as the instance running it last wrote it. `summary` and
//! `problems` are JSON text; `updated_at` is the running instance's heartbeat.

use sea_orm::entity::prelude::*;

use crate::domain::{ImportKind, ImportPhase};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "import_jobs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub kind: ImportKind,
    pub file_name: String,
    pub phase: ImportPhase,
    pub done: i64,
    pub total: i64,
    #[sea_orm(column_type = "Text", nullable)]
    pub summary: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub problems: String,
    pub started_by: String,
    pub started_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
