//! `sections` is a JSON array of `{title, text}`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "goals")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub plan_id: Uuid,
    pub parent_id: Option<Uuid>,
    pub level_id: Uuid,
    pub position: i32,
    pub code: String,
    pub number: String,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub sections: String,
    pub revision: i32,
    /// The goal's own rule (JSON `engine::assess::Rule`), else its level's.
    #[sea_orm(column_type = "Text", nullable)]
    pub rule: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
