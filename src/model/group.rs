//! A representatives' professional group (代表专业小组): `content/groups/<id>.yaml`.

use std::path::PathBuf;

use super::common::Spanned;

/// One group. Its members are the representatives whose `groups` name it.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The file name without extension.
    pub id: String,
    /// The file, relative to the site root.
    pub source: PathBuf,
    /// The group's name.
    pub name: Spanned<String>,
    /// Markdown.
    pub description: Option<Spanned<String>>,
    /// Id of the convening representative.
    pub convenor: Option<Spanned<String>>,
}
