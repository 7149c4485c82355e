//! A manual verdict on exactly one of `goal_id` / `indicator_id`; `period` as
//! `engine::Period` writes it.

use sea_orm::entity::prelude::*;

use crate::domain::Colour;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "manual_verdicts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub plan_id: Uuid,
    pub goal_id: Option<Uuid>,
    pub indicator_id: Option<Uuid>,
    pub period: String,
    pub verdict: Colour,
    #[sea_orm(column_type = "Text")]
    pub motivation: String,
    pub given_by: String,
    pub given_at: DateTimeUtc,
    pub revision: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
