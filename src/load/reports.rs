//! Markdown reports: the front matter block, then the body.
//!
//! Positions inside the front matter are shifted by the lines above it, so that a
//! message points at the line of the `.md` file the keeper sees (Zola once got this
//! wrong: its #1138).

use std::path::Path;

use super::reader::{Fields, Reader};
use crate::diag::Pos;
use crate::messages::Msg;
use crate::model::{ReceptionInfo, Report, ReportKind, SuggestionInfo};
use crate::yaml;

/// A report file split into its parts.
#[derive(Debug, PartialEq, Eq)]
pub struct Parts<'a> {
    /// The YAML between the `---` lines.
    pub front: &'a str,
    /// Lines of the file above the front matter's first line (1: the opening `---`).
    pub front_offset: u32,
    /// The Markdown after the closing `---`.
    pub body: &'a str,
    /// The file's line where the body starts (1-based).
    pub body_line: u32,
}

/// Splits `--- front matter --- body`. The opening line must be the file's first.
pub fn split_front_matter(text: &str) -> Result<Parts<'_>, Msg> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().ok_or(Msg::FrontMatterMissing)?;
    if first.trim_end() != "---" {
        return Err(Msg::FrontMatterMissing);
    }
    let start = first.len();
    let mut offset = start;
    let mut line_no = 1u32;
    for line in lines {
        line_no += 1;
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return Ok(Parts {
                front: &text[start..offset],
                front_offset: 1,
                body: &text[offset + line.len()..],
                body_line: line_no + 1,
            });
        }
        offset += line.len();
    }
    Err(Msg::FrontMatterUnclosed)
}

/// Reads a report from the text of its file.
pub(super) fn report(r: &mut Reader, text: &str, slug: &str, source: &Path) -> Option<Report> {
    let parts = match split_front_matter(text) {
        Ok(parts) => parts,
        Err(msg) => {
            r.error(Pos::new(1, 1), msg);
            return None;
        }
    };
    let node = match yaml::parse(parts.front) {
        // An empty block is an empty set of fields: what is missing is then named.
        Ok(node) if node.kind == yaml::Kind::Null => yaml::Node {
            pos: Pos::new(1 + parts.front_offset, 1),
            kind: yaml::Kind::Map(Vec::new()),
        },
        Ok(node) => shift(node, parts.front_offset),
        Err((pos, msg)) => {
            r.error(pos.shifted(parts.front_offset), msg);
            return None;
        }
    };
    let mut f = Fields::of(r, &node, "")?;
    let title = f.req_text(r, "title");
    let date = f.req_date(r, "date");
    let kind = f.req_choice::<ReportKind>(r, "kind");
    let representatives = f.texts(r, "representatives");
    let station = f.text(r, "station");
    let groups = f.texts(r, "groups");
    let tags = f.texts(r, "tags");
    let summary = f.text(r, "summary");
    let draft = f.bool(r, "draft").unwrap_or(false);
    let suggestion = f.map(r, "suggestion").map(|mut s| {
        let info = SuggestionInfo {
            pos: s.pos(),
            number: s.text(r, "number"),
            status: s.choice(r, "status"),
            handler: s.text(r, "handler"),
            answered_on: s.date(r, "answered_on"),
            satisfaction: s.choice(r, "satisfaction"),
        };
        s.finish(r);
        info
    });
    let reception = f.map(r, "reception").map(|mut s| {
        let info = ReceptionInfo {
            pos: s.pos(),
            visitors: s.number(r, "visitors"),
            opinions: s.number(r, "opinions"),
        };
        s.finish(r);
        info
    });
    let front_pos = f.pos();
    f.finish(r);
    let kind = kind?;
    if kind.value == ReportKind::Suggestion
        && suggestion.as_ref().is_none_or(|s| s.status.is_none())
    {
        r.error(
            suggestion.as_ref().map_or(front_pos, |s| s.pos),
            Msg::SuggestionMissing,
        );
    }
    if kind.value == ReportKind::Reception && reception.is_none() {
        r.warning(kind.pos, Msg::ReceptionMissing);
    }
    Some(Report {
        slug: slug.to_owned(),
        source: source.to_owned(),
        title: title?,
        date: date?,
        kind,
        representatives,
        station,
        groups,
        tags,
        summary,
        draft,
        suggestion,
        reception,
        body: parts.body.to_owned(),
        body_line: parts.body_line,
    })
}

/// Moves every position of a front-matter tree down to its line in the `.md` file.
fn shift(mut node: yaml::Node, lines: u32) -> yaml::Node {
    node.pos = node.pos.shifted(lines);
    node.kind = match node.kind {
        yaml::Kind::Seq(items) => {
            yaml::Kind::Seq(items.into_iter().map(|n| shift(n, lines)).collect())
        }
        yaml::Kind::Map(entries) => yaml::Kind::Map(
            entries
                .into_iter()
                .map(|e| yaml::Entry {
                    key: e.key,
                    key_pos: e.key_pos.shifted(lines),
                    value: shift(e.value, lines),
                })
                .collect(),
        ),
        other => other,
    };
    node
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_counts_lines() {
        let p = split_front_matter("---\ntitle: a\ndate: 2026-01-01\n---\n# Body\n").unwrap();
        assert_eq!(p.front, "title: a\ndate: 2026-01-01\n");
        assert_eq!(p.body, "# Body\n");
        assert_eq!(p.body_line, 5);
    }

    #[test]
    fn front_matter_must_open_and_close() {
        assert_eq!(
            split_front_matter("# no front matter\n"),
            Err(Msg::FrontMatterMissing)
        );
        assert_eq!(split_front_matter(""), Err(Msg::FrontMatterMissing));
        assert_eq!(
            split_front_matter("---\ntitle: a\n"),
            Err(Msg::FrontMatterUnclosed)
        );
    }

    #[test]
    fn errors_point_at_the_line_of_the_md_file() {
        let mut d = crate::diag::Diagnostics::new();
        let mut r = Reader::new(Path::new("r.md"), &mut d);
        let text = "---\ntitle: a\ndate: 2026-01-01\nkind: news\nsumary: x\n---\nbody\n";
        assert!(report(&mut r, text, "r", Path::new("r.md")).is_some());
        let items = d.sorted();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].location.pos, Pos::new(5, 1));
        assert_eq!(items[0].msg.code(), "unknown-field");
    }
}
