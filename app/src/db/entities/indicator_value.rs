//! `value` is a decimal as canonical text (exact on SQLite too).

use sea_orm::entity::prelude::*;

use crate::domain::{Gender, ValueKind};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "indicator_values")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub indicator_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub period: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub kind: ValueKind,
    #[sea_orm(primary_key, auto_increment = false)]
    pub gender: Gender,
    pub value: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub comment: Option<String>,
    pub updated_at: DateTimeUtc,
    pub updated_by: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
