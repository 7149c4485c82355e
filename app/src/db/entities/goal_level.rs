//! `sections` is a JSON array of strings, `carries` one of `domain::Carry` names.

use sea_orm::entity::prelude::*;

use crate::domain::Numbering;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "goal_levels")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub position: i32,
    pub key: String,
    pub name: String,
    pub plural: String,
    pub numbering: Numbering,
    #[sea_orm(column_type = "Text")]
    pub sections: String,
    #[sea_orm(column_type = "Text")]
    pub carries: String,
    pub revision: i32,
    /// The default rule for goals of the level (JSON `engine::assess::Rule`).
    #[sea_orm(column_type = "Text", nullable)]
    pub rule: Option<String>,
    /// Whether the uppdrag and initiativ of the level's goals count in their verdicts.
    pub assignment_inputs: bool,
    /// Its goals group others (perspectives) and are not assessed.
    pub grouping: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
