//! Typed reading of YAML nodes, reporting every problem instead of the first.
//!
//! A record reader asks a [`Fields`] for each field it knows (`f.req_text(r, "name")`);
//! each ask registers the field as known, and [`Fields::finish`] reports whatever the
//! file holds beyond that, with a "did you mean" from the known names. Wrong types and
//! bad values are reported where they stand and the field is treated as absent, so a
//! single pass finds all the mistakes of a file.

use std::path::Path;

use crate::diag::{Diagnostics, Location, Pos};
use crate::messages::{Expected, Msg};
use crate::model::{Choice, Date, Spanned, parse_date};
use crate::yaml::{Entry, Kind, Node};

/// The file being read and where its problems go.
pub struct Reader<'a> {
    path: &'a Path,
    diags: &'a mut Diagnostics,
}

impl<'a> Reader<'a> {
    /// Reads `path` (relative to the site root, for messages) into `diags`.
    pub fn new(path: &'a Path, diags: &'a mut Diagnostics) -> Reader<'a> {
        Reader { path, diags }
    }

    /// Reports an error at `pos` of this file.
    pub fn error(&mut self, pos: Pos, msg: Msg) {
        self.diags.error(Location::new(self.path, pos), msg);
    }

    /// Reports a warning at `pos` of this file.
    pub fn warning(&mut self, pos: Pos, msg: Msg) {
        self.diags.warning(Location::new(self.path, pos), msg);
    }
}

/// The fields of one mapping, as they are asked for.
pub struct Fields<'n> {
    entries: &'n [Entry],
    pos: Pos,
    prefix: String,
    known: Vec<&'static str>,
    hints: Vec<(&'static [&'static str], &'static str)>,
}

impl<'n> Fields<'n> {
    /// The mapping `node`; `prefix` names it in messages (`""` for the file, `"term."`).
    pub fn of(r: &mut Reader, node: &'n Node, prefix: &str) -> Option<Fields<'n>> {
        match &node.kind {
            Kind::Map(entries) => Some(Fields {
                entries,
                pos: node.pos,
                prefix: prefix.to_owned(),
                known: Vec::new(),
                hints: Vec::new(),
            }),
            Kind::Null if prefix.is_empty() => {
                r.error(Pos::FILE, Msg::EmptyFile);
                None
            }
            _ => {
                r.error(
                    node.pos,
                    Msg::NotAMap {
                        field: prefix.trim_end_matches('.').to_owned(),
                    },
                );
                None
            }
        }
    }

    /// Where the mapping starts.
    pub fn pos(&self) -> Pos {
        self.pos
    }

    fn name(&self, field: &str) -> String {
        format!("{}{field}", self.prefix)
    }

    /// The value of `field`, unless absent or null; registers `field` as known.
    fn take(&mut self, field: &'static str) -> Option<&'n Node> {
        self.known.push(field);
        self.entries
            .iter()
            .find(|e| e.key == field)
            .map(|e| &e.value)
            .filter(|v| v.kind != Kind::Null)
    }

    /// Accepts `field` with any value without reading it (the `private` map).
    pub fn skip(&mut self, r: &mut Reader, field: &'static str) {
        if let Some(node) = self.take(field) {
            if !matches!(node.kind, Kind::Map(_)) {
                r.error(
                    node.pos,
                    Msg::WrongType {
                        field: self.name(field),
                        expected: Expected::Map,
                    },
                );
            }
        }
    }

    /// Optional text (numbers are read as the text they were written as).
    pub fn text(&mut self, r: &mut Reader, field: &'static str) -> Option<Spanned<String>> {
        let node = self.take(field)?;
        let name = self.name(field);
        node_text(r, node, &name)
    }

    /// Required text.
    pub fn req_text(&mut self, r: &mut Reader, field: &'static str) -> Option<Spanned<String>> {
        let value = self.text(r, field);
        if value.is_none() && self.missing(field) {
            r.error(
                self.pos,
                Msg::MissingField {
                    field: self.name(field),
                },
            );
        }
        value.filter(|v| !v.value.is_empty())
    }

    /// True when `field` is absent or null (an existing but wrong value was reported).
    fn missing(&self, field: &str) -> bool {
        self.entries
            .iter()
            .find(|e| e.key == field)
            .is_none_or(|e| match &e.value.kind {
                Kind::Null => true,
                Kind::Str(s) => s.trim().is_empty(),
                _ => false,
            })
    }

    /// Optional enumeration.
    pub fn choice<C: Choice>(&mut self, r: &mut Reader, field: &'static str) -> Option<Spanned<C>> {
        let text = self.text(r, field)?;
        match C::parse(&text.value) {
            Some(c) => Some(Spanned::new(c, text.pos)),
            None => {
                r.error(
                    text.pos,
                    Msg::BadChoice {
                        field: self.name(field),
                        value: text.value,
                        allowed: C::allowed(),
                    },
                );
                None
            }
        }
    }

    /// Required enumeration.
    pub fn req_choice<C: Choice>(
        &mut self,
        r: &mut Reader,
        field: &'static str,
    ) -> Option<Spanned<C>> {
        let value = self.choice(r, field);
        if value.is_none() && self.missing(field) {
            r.error(
                self.pos,
                Msg::MissingField {
                    field: self.name(field),
                },
            );
        }
        value
    }

    /// Optional `YYYY-MM-DD` date.
    pub fn date(&mut self, r: &mut Reader, field: &'static str) -> Option<Spanned<Date>> {
        let text = self.text(r, field)?;
        match parse_date(&text.value) {
            Some(d) => Some(Spanned::new(d, text.pos)),
            None => {
                r.error(
                    text.pos,
                    Msg::BadDate {
                        field: self.name(field),
                        value: text.value,
                    },
                );
                None
            }
        }
    }

    /// Required date.
    pub fn req_date(&mut self, r: &mut Reader, field: &'static str) -> Option<Spanned<Date>> {
        let value = self.date(r, field);
        if value.is_none() && self.missing(field) {
            r.error(
                self.pos,
                Msg::MissingField {
                    field: self.name(field),
                },
            );
        }
        value
    }

    /// Optional `true` / `false`.
    pub fn bool(&mut self, r: &mut Reader, field: &'static str) -> Option<bool> {
        let node = self.take(field)?;
        match &node.kind {
            Kind::Bool(b) => Some(*b),
            _ => {
                r.error(
                    node.pos,
                    Msg::WrongType {
                        field: self.name(field),
                        expected: Expected::Bool,
                    },
                );
                None
            }
        }
    }

    /// Optional number (`u32`, `f64`, …).
    pub fn number<T: std::str::FromStr>(
        &mut self,
        r: &mut Reader,
        field: &'static str,
    ) -> Option<Spanned<T>> {
        let node = self.take(field)?;
        let text = match &node.kind {
            Kind::Number(n) => n.clone(),
            Kind::Str(s) => s.trim().to_owned(),
            _ => {
                r.error(
                    node.pos,
                    Msg::WrongType {
                        field: self.name(field),
                        expected: Expected::Number,
                    },
                );
                return None;
            }
        };
        match text.parse() {
            Ok(v) => Some(Spanned::new(v, node.pos)),
            Err(_) => {
                r.error(
                    node.pos,
                    Msg::BadNumber {
                        field: self.name(field),
                        value: text,
                    },
                );
                None
            }
        }
    }

    /// A list of texts (ids, tags); a single text is read as a list of one.
    pub fn texts(&mut self, r: &mut Reader, field: &'static str) -> Vec<Spanned<String>> {
        let Some(node) = self.take(field) else {
            return Vec::new();
        };
        let name = self.name(field);
        match &node.kind {
            Kind::Seq(items) => items
                .iter()
                .filter_map(|item| node_text(r, item, &name))
                .collect(),
            _ => node_text(r, node, &name).into_iter().collect(),
        }
    }

    /// A list of mappings, each read by `read` (which gets the item's [`Fields`]).
    pub fn list<T>(
        &mut self,
        r: &mut Reader,
        field: &'static str,
        mut read: impl FnMut(&mut Reader, Fields<'n>) -> Option<T>,
    ) -> Vec<T> {
        let Some(node) = self.take(field) else {
            return Vec::new();
        };
        let prefix = format!("{}.", self.name(field));
        match &node.kind {
            Kind::Seq(items) => items
                .iter()
                .filter_map(|item| Fields::of(r, item, &prefix).and_then(|f| read(r, f)))
                .collect(),
            _ => {
                r.error(
                    node.pos,
                    Msg::WrongType {
                        field: self.name(field),
                        expected: Expected::List,
                    },
                );
                Vec::new()
            }
        }
    }

    /// A nested mapping (`term`, `suggestion`, …).
    pub fn map(&mut self, r: &mut Reader, field: &'static str) -> Option<Fields<'n>> {
        let node = self.take(field)?;
        let prefix = format!("{}.", self.name(field));
        Fields::of(r, node, &prefix)
    }

    /// Fields people write that belong elsewhere: an unknown field close to one of
    /// `words` is pointed to `target` (`phone` → `contacts`).
    pub fn hint(&mut self, words: &'static [&'static str], target: &'static str) {
        self.hints.push((words, target));
    }

    /// Reports every field of the mapping that was never asked for.
    pub fn finish(self, r: &mut Reader) {
        for entry in self.entries {
            if !self.known.contains(&entry.key.as_str()) {
                let suggestion = did_you_mean(&entry.key, &self.known)
                    .map(str::to_owned)
                    .or_else(|| {
                        self.hints.iter().find_map(|(words, target)| {
                            did_you_mean(&entry.key, words).map(|w| format!("{target} (kind: {w})"))
                        })
                    });
                r.error(
                    entry.key_pos,
                    Msg::UnknownField {
                        field: self.name(&entry.key),
                        suggestion,
                    },
                );
            }
        }
    }
}

fn node_text(r: &mut Reader, node: &Node, name: &str) -> Option<Spanned<String>> {
    match &node.kind {
        // Blank text is no text: `photo: ""` is a photo not given.
        Kind::Str(s) if s.trim().is_empty() => None,
        Kind::Str(s) => Some(Spanned::new(s.trim().to_owned(), node.pos)),
        Kind::Number(n) => Some(Spanned::new(n.clone(), node.pos)),
        Kind::Null => None,
        _ => {
            r.error(
                node.pos,
                Msg::WrongType {
                    field: name.to_owned(),
                    expected: Expected::Text,
                },
            );
            None
        }
    }
}

/// The known name closest to `word`, when it is close enough to be a typo.
pub fn did_you_mean<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    let lower = word.to_lowercase();
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(&lower, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.chars().count() / 3))
        .min_by_key(|(d, k)| (*d, *k))
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml;

    #[test]
    fn suggests_the_nearest_field() {
        assert_eq!(
            did_you_mean("phnoe", &["name", "phone", "photo"]),
            Some("phone")
        );
        assert_eq!(did_you_mean("Name", &["name"]), Some("name"));
        assert_eq!(did_you_mean("xyzzy", &["name", "phone"]), None);
    }

    #[test]
    fn reports_all_problems_of_a_map_in_one_pass() {
        let node = yaml::parse("nmae: 张三\nlevel: galactic\nterm: {start: 2026-13-01}\n").unwrap();
        let mut diags = Diagnostics::new();
        let mut r = Reader::new(Path::new("x.yaml"), &mut diags);
        let mut f = Fields::of(&mut r, &node, "").unwrap();
        assert!(f.req_text(&mut r, "name").is_none());
        assert!(
            f.req_choice::<crate::model::Level>(&mut r, "level")
                .is_none()
        );
        let mut term = f.map(&mut r, "term").unwrap();
        assert!(term.date(&mut r, "start").is_none());
        term.finish(&mut r);
        f.finish(&mut r);
        let codes: Vec<&str> = diags.sorted().iter().map(|d| d.msg.code()).collect();
        assert_eq!(
            codes,
            ["missing-field", "unknown-field", "bad-choice", "bad-date"]
        );
    }
}
