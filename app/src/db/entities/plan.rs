//! `sections` is a JSON array of `{title, text}`.

use sea_orm::entity::prelude::*;

use crate::domain::PlanStatus;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "plans")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub council_id: Uuid,
    pub name: String,
    pub first_year: i32,
    pub last_year: i32,
    pub status: PlanStatus,
    pub version: i32,
    #[sea_orm(column_type = "Text")]
    pub sections: String,
    pub revision: i32,
    pub created_at: DateTimeUtc,
    /// The plan's type as the tenant names it (Verksamhetsplan, Uppdragsplan, …).
    pub kind: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
