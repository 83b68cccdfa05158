//! A report: `content/reports/**/<slug>.md`, front matter and Markdown.

use std::path::PathBuf;

use super::common::{Date, ReportKind, Satisfaction, Spanned, Status};
use crate::diag::Pos;

/// One report (述职, 建议, 调研, 接待, 活动, 新闻).
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The file name without `.md`, unique across folders.
    pub slug: String,
    /// The file, relative to the site root.
    pub source: PathBuf,
    /// Title.
    pub title: Spanned<String>,
    /// Date.
    pub date: Spanned<Date>,
    /// Kind.
    pub kind: Spanned<ReportKind>,
    /// Ids of the representatives it concerns.
    pub representatives: Vec<Spanned<String>>,
    /// Id of the station.
    pub station: Option<Spanned<String>>,
    /// Ids of groups.
    pub groups: Vec<Spanned<String>>,
    /// Free tags.
    pub tags: Vec<Spanned<String>>,
    /// One paragraph; otherwise the body's first paragraph is used.
    pub summary: Option<Spanned<String>>,
    /// Kept out of the build unless drafts are asked for.
    pub draft: bool,
    /// For suggestions: number, status, handler, answer.
    pub suggestion: Option<SuggestionInfo>,
    /// For receptions: people received, opinions collected.
    pub reception: Option<ReceptionInfo>,
    /// The Markdown after the front matter.
    pub body: String,
    /// The line of the file where `body` starts (1-based).
    pub body_line: u32,
}

/// How a suggestion (建议) is being handled.
#[derive(Debug, Clone, PartialEq)]
pub struct SuggestionInfo {
    /// Where the block starts.
    pub pos: Pos,
    /// The suggestion's number, e.g. `第 12 号`.
    pub number: Option<Spanned<String>>,
    /// Where it stands.
    pub status: Option<Spanned<Status>>,
    /// The department handling it.
    pub handler: Option<Spanned<String>>,
    /// When it was answered.
    pub answered_on: Option<Spanned<Date>>,
    /// The representative's view of the answer.
    pub satisfaction: Option<Spanned<Satisfaction>>,
}

/// What a reception day (接待) produced.
#[derive(Debug, Clone, PartialEq)]
pub struct ReceptionInfo {
    /// Where the block starts.
    pub pos: Pos,
    /// People received.
    pub visitors: Option<Spanned<u32>>,
    /// Opinions collected.
    pub opinions: Option<Spanned<u32>>,
}
