//! Diagnostics: what is wrong with a site, where, and how bad.
//!
//! Every stage reports into a [`Diagnostics`] value instead of stopping at the first
//! problem, so that one run of `repdir check` lists everything a keeper has to fix.
//! A diagnostic holds a [`Msg`] (data, not text) and is turned into words only when it
//! is printed, in the site's language.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::messages::{Lang, Msg};

/// How bad a diagnostic is: errors stop a build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The site cannot be built until this is fixed.
    Error,
    /// Worth a look; the site still builds.
    Warning,
}

/// A 1-based line and column inside a file; `line == 0` means "the whole file".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// 1-based line, 0 when unknown.
    pub line: u32,
    /// 1-based column, 0 when unknown.
    pub col: u32,
}

impl Pos {
    /// A position at `line`, `col` (both 1-based).
    pub fn new(line: u32, col: u32) -> Pos {
        Pos { line, col }
    }

    /// The position of a whole file (no line).
    pub const FILE: Pos = Pos { line: 0, col: 0 };

    /// This position moved down by `lines` (front matter inside a Markdown file).
    pub fn shifted(self, lines: u32) -> Pos {
        if self.line == 0 {
            self
        } else {
            Pos::new(self.line + lines, self.col)
        }
    }
}

/// A place in the site: a path relative to the site root, and a position in it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// Path relative to the site root, e.g. `content/representatives/zhang-san.yaml`.
    pub path: PathBuf,
    /// Line and column; [`Pos::FILE`] when the problem is the file as a whole.
    pub pos: Pos,
}

impl Location {
    /// A location at `pos` in `path`.
    pub fn new(path: impl Into<PathBuf>, pos: Pos) -> Location {
        Location {
            path: path.into(),
            pos,
        }
    }

    /// The file as a whole.
    pub fn file(path: impl Into<PathBuf>) -> Location {
        Location::new(path, Pos::FILE)
    }
}

/// One problem found in a site.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Where it is.
    pub location: Location,
    /// What it is.
    pub msg: Msg,
}

/// The problems found so far, in the order they were found.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty list.
    pub fn new() -> Diagnostics {
        Diagnostics::default()
    }

    /// Records an error.
    pub fn error(&mut self, location: Location, msg: Msg) {
        self.items.push(Diagnostic {
            severity: Severity::Error,
            location,
            msg,
        });
    }

    /// Records a warning.
    pub fn warning(&mut self, location: Location, msg: Msg) {
        self.items.push(Diagnostic {
            severity: Severity::Warning,
            location,
            msg,
        });
    }

    /// Moves every diagnostic of `other` into this list.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// True when any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    /// Number of distinct files with at least one error.
    pub fn files_with_errors(&self) -> usize {
        let mut files: Vec<&Path> = self
            .items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.location.path.as_path())
            .collect();
        files.sort();
        files.dedup();
        files.len()
    }

    /// True when nothing was reported.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The diagnostics sorted by file, line and column (the order they are printed in).
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut items: Vec<&Diagnostic> = self.items.iter().collect();
        items.sort_by(|a, b| (&a.location, a.severity).cmp(&(&b.location, b.severity)));
        items
    }

    /// Every diagnostic as a line `path:line:col: error: message`, sorted.
    pub fn to_text(&self, lang: Lang) -> String {
        let mut out = String::new();
        for d in self.sorted() {
            let _ = writeln!(out, "{}", d.to_text(lang));
        }
        out
    }

    /// Every diagnostic as a JSON array of objects, sorted, for other tools.
    pub fn to_json(&self, lang: Lang) -> String {
        #[derive(Serialize)]
        struct Item<'a> {
            severity: Severity,
            path: String,
            line: Option<u32>,
            column: Option<u32>,
            code: &'a str,
            message: String,
        }
        let items: Vec<Item> = self
            .sorted()
            .into_iter()
            .map(|d| Item {
                severity: d.severity,
                path: slash_path(&d.location.path),
                line: (d.location.pos.line > 0).then_some(d.location.pos.line),
                column: (d.location.pos.col > 0).then_some(d.location.pos.col),
                code: d.msg.code(),
                message: d.msg.text(lang),
            })
            .collect();
        serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".to_owned())
    }
}

impl Diagnostic {
    /// `path:line:col: error: message`, compiler style, so editors can jump to it.
    pub fn to_text(&self, lang: Lang) -> String {
        let mut out = slash_path(&self.location.path);
        let pos = self.location.pos;
        if pos.line > 0 {
            let _ = write!(out, ":{}", pos.line);
            if pos.col > 0 {
                let _ = write!(out, ":{}", pos.col);
            }
        }
        let word = match (self.severity, lang) {
            (Severity::Error, Lang::Zh) => "错误",
            (Severity::Warning, Lang::Zh) => "警告",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
        };
        let _ = write!(out, ": {word}: {}", self.msg.text(lang));
        out
    }
}

/// A path with `/` separators on every platform, as keepers see it in messages.
pub fn slash_path(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_compiler_style_lines_sorted_by_file_and_line() {
        let mut d = Diagnostics::new();
        d.error(
            Location::new("content/b.yaml", Pos::new(3, 1)),
            Msg::MissingField {
                field: "name".into(),
            },
        );
        d.warning(
            Location::new("content/a.yaml", Pos::new(9, 2)),
            Msg::MissingField {
                field: "title".into(),
            },
        );
        let text = d.to_text(Lang::En);
        let lines: Vec<&str> = text.lines().collect();
        assert!(
            lines[0].starts_with("content/a.yaml:9:2: warning: "),
            "{text}"
        );
        assert!(
            lines[1].starts_with("content/b.yaml:3:1: error: "),
            "{text}"
        );
        assert!(d.has_errors());
        assert_eq!(d.files_with_errors(), 1);
    }

    #[test]
    fn a_whole_file_location_prints_no_line() {
        let mut d = Diagnostics::new();
        d.error(
            Location::file("content/site.yaml"),
            Msg::MissingField { field: "x".into() },
        );
        assert!(d.to_text(Lang::Zh).starts_with("content/site.yaml: 错误: "));
    }
}
