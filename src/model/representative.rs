//! A representative (人大代表): one file `content/representatives/<id>.yaml`.

use std::path::PathBuf;

use super::common::{ContactKind, Date, Gender, Level, Spanned};
use crate::diag::Pos;

/// One representative. Contacts marked `public: false` and the `private` map are
/// dropped when the file is read, so no later stage can publish them by mistake.
#[derive(Debug, Clone, PartialEq)]
pub struct Representative {
    /// The file name without extension.
    pub id: String,
    /// The file, relative to the site root.
    pub source: PathBuf,
    /// Full name (`张三`, `阿依古丽·买买提`).
    pub name: Spanned<String>,
    /// Pinyin of the name; derived from `name` when the file gives none.
    pub name_pinyin: Option<Spanned<String>>,
    /// 男 / 女.
    pub gender: Option<Spanned<Gender>>,
    /// 民族.
    pub ethnicity: Option<Spanned<String>>,
    /// Path of the portrait, relative to `content/`.
    pub photo: Option<Spanned<String>>,
    /// Level of congress.
    pub level: Spanned<Level>,
    /// The congress; falls back to `site.yaml`.
    pub congress: Option<Spanned<String>>,
    /// Electoral unit (选区).
    pub constituency: Option<Spanned<String>>,
    /// Administrative area.
    pub region: Option<Spanned<String>>,
    /// Political affiliation (政治面貌).
    pub party: Option<Spanned<String>>,
    /// Workplace and post (工作单位及职务).
    pub occupation: Option<Spanned<String>>,
    /// Posts held in the congress or its committees.
    pub roles: Vec<Role>,
    /// The term; an end in the past makes a former representative.
    pub term: Option<Term>,
    /// Ids of professional groups.
    pub groups: Vec<Spanned<String>>,
    /// Ids of the stations where the representative receives people.
    pub stations: Vec<Spanned<String>>,
    /// Public contacts only.
    pub contacts: Vec<Contact>,
    /// Path of the representative's own WeChat QR image.
    pub wechat_qr: Option<Spanned<String>>,
    /// Markdown.
    pub bio: Option<Spanned<String>>,
    /// Earlier ids of this record.
    pub aliases: Vec<Spanned<String>>,
}

/// A post, e.g. member of the standing committee.
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    /// Where the item starts.
    pub pos: Pos,
    /// The post.
    pub title: Spanned<String>,
    /// The body the post is in.
    pub body: Option<Spanned<String>>,
    /// Since.
    pub start: Option<Spanned<Date>>,
    /// Until.
    pub end: Option<Spanned<Date>>,
}

/// A term of office.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// Where the block starts.
    pub pos: Pos,
    /// Start of the term.
    pub start: Option<Spanned<Date>>,
    /// End of the term.
    pub end: Option<Spanned<Date>>,
}

/// A public way to reach the representative.
#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    /// Where the item starts.
    pub pos: Pos,
    /// Phone, e-mail, …
    pub kind: Spanned<ContactKind>,
    /// The number, address, …
    pub value: Spanned<String>,
    /// A label such as `办公电话`.
    pub label: Option<Spanned<String>>,
}

impl Representative {
    /// True when the term ended before `today`.
    pub fn is_former(&self, today: Date) -> bool {
        self.term
            .as_ref()
            .and_then(|t| t.end.as_ref())
            .is_some_and(|end| end.value < today)
    }
}
