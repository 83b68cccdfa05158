//! YAML text → a tree of [`Node`]s that know their line and column.
//!
//! serde_yaml is the authority on what a document means; it keeps no positions, so a
//! second, event-level pass with saphyr-parser records where each key and value starts.
//! The two meet on paths (`contacts.2.value`). That event pass also guards against
//! alias bombs: it adds up how many nodes the aliases would expand to, before serde_yaml
//! is allowed to expand any of them.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser};

use crate::diag::Pos;
use crate::messages::Msg;

/// Most nodes a document may expand to, aliases included. A record has a few hundred.
pub const MAX_NODES: u64 = 200_000;

/// A YAML value and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Where the value starts (for a key's value: the value, not the key).
    pub pos: Pos,
    /// The value.
    pub kind: Kind,
}

/// The kinds of YAML value the content format uses.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// `~`, `null` or nothing.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number, kept as written (`0734` stays `0734` when read as text).
    Number(String),
    /// Text.
    Str(String),
    /// `- a` items.
    Seq(Vec<Node>),
    /// `key: value` entries, in file order.
    Map(Vec<Entry>),
}

/// One `key: value` entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The key's text.
    pub key: String,
    /// Where the key starts (what an "unknown field" message points at).
    pub key_pos: Pos,
    /// The value.
    pub value: Node,
}

/// Parses a whole document; an empty document is [`Kind::Null`].
pub fn parse(text: &str) -> Result<Node, (Pos, Msg)> {
    let index = match index_positions(text) {
        Ok(index) => index,
        // libyaml's wording and position are the more helpful; ask it only when the
        // text has no aliases, since it would expand them.
        Err(e) if !text.contains('*') && !is_duplicate(&e.1) => {
            return Err(serde_value(text).err().unwrap_or(e));
        }
        Err(e) => return Err(e),
    };
    convert(serde_value(text)?, &mut String::new(), &index)
}

fn is_duplicate(msg: &Msg) -> bool {
    matches!(msg, Msg::YamlSyntax { detail } if detail.starts_with("duplicate key"))
}

fn serde_value(text: &str) -> Result<serde_yaml::Value, (Pos, Msg)> {
    serde_yaml::from_str(text).map_err(|e| {
        let pos = e
            .location()
            .map(|l| Pos::new(l.line() as u32, l.column() as u32));
        (
            pos.unwrap_or(Pos::FILE),
            Msg::YamlSyntax {
                detail: strip_location(&e.to_string()),
            },
        )
    })
}

/// serde_yaml appends " at line L column C"; we print the position ourselves.
fn strip_location(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// Where each value and key of a document starts, by path.
#[derive(Default)]
struct Index {
    values: HashMap<String, Pos>,
    keys: HashMap<String, Pos>,
}

impl Index {
    /// The position of the value at `path`, or of its nearest ancestor that has one
    /// (a value that came from an alias has no position of its own).
    fn value_pos(&self, path: &str) -> Pos {
        let mut p = path;
        loop {
            if let Some(pos) = self.values.get(p) {
                return *pos;
            }
            match p.rfind(['\u{1f}', '\u{1e}']) {
                Some(i) => p = &p[..i],
                None => return Pos::new(1, 1),
            }
        }
    }
}

fn push_key(path: &mut String, key: &str) {
    path.push('\u{1f}');
    path.push_str(key);
}

fn push_index(path: &mut String, i: usize) {
    path.push('\u{1e}');
    path.push_str(&i.to_string());
}

enum Frame {
    Map {
        base: usize,
        key: Option<String>,
        anchor: usize,
        start: u64,
    },
    Seq {
        base: usize,
        index: usize,
        anchor: usize,
        start: u64,
    },
    /// Inside a complex (non-text) key, which the format never uses: skipped.
    ComplexKey { depth: usize },
}

fn index_positions(text: &str) -> Result<Index, (Pos, Msg)> {
    let mut index = Index::default();
    let mut stack: Vec<Frame> = Vec::new();
    let mut path = String::new();
    let mut nodes: u64 = 0;
    let mut anchor_sizes: HashMap<usize, u64> = HashMap::new();
    let mut parser = Parser::new_from_str(text);
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|e| {
            let m = e.marker();
            (
                Pos::new(m.line() as u32, m.col() as u32 + 1),
                Msg::YamlSyntax {
                    detail: e.info().to_owned(),
                },
            )
        })?;
        let pos = Pos::new(span.start.line() as u32, span.start.col() as u32 + 1);
        let (is_start, is_end) = match &event {
            Event::Scalar(..) | Event::Alias(_) => (false, false),
            Event::SequenceStart(..) | Event::MappingStart(..) => (true, false),
            Event::SequenceEnd | Event::MappingEnd => (false, true),
            _ => continue,
        };
        if is_end {
            match stack.pop() {
                Some(Frame::ComplexKey { depth }) if depth > 1 => {
                    stack.push(Frame::ComplexKey { depth: depth - 1 });
                }
                Some(Frame::ComplexKey { .. }) => {}
                Some(
                    Frame::Map {
                        base,
                        anchor,
                        start,
                        ..
                    }
                    | Frame::Seq {
                        base,
                        anchor,
                        start,
                        ..
                    },
                ) => {
                    if anchor != 0 {
                        anchor_sizes.insert(anchor, nodes - start);
                    }
                    path.truncate(base);
                    value_done(&mut stack);
                }
                None => {}
            }
            continue;
        }
        nodes += 1;
        if let Event::Alias(id) = event {
            nodes += anchor_sizes.get(&id).copied().unwrap_or(0);
        }
        if nodes > MAX_NODES {
            return Err((
                pos,
                Msg::YamlTooManyAliases {
                    limit: MAX_NODES as usize,
                },
            ));
        }
        if let Some(Frame::ComplexKey { depth }) = stack.last_mut() {
            if is_start {
                *depth += 1;
            }
            continue;
        }
        if let Some(Frame::Map {
            key: key @ None, ..
        }) = stack.last_mut()
        {
            // This node is a key.
            let text = match &event {
                Event::Scalar(v, ..) => v.to_string(),
                _ => "?".to_owned(),
            };
            let mut key_path = path.clone();
            push_key(&mut key_path, &text);
            if index.keys.insert(key_path, pos).is_some() {
                return Err((
                    pos,
                    Msg::YamlSyntax {
                        detail: format!("duplicate key \"{text}\""),
                    },
                ));
            }
            *key = Some(text);
            if is_start {
                stack.push(Frame::ComplexKey { depth: 1 });
            }
            continue;
        }
        // This node is a value.
        let base = path.len();
        match stack.last() {
            Some(Frame::Map { key: Some(k), .. }) => push_key(&mut path, &k.clone()),
            Some(Frame::Seq { index: i, .. }) => push_index(&mut path, *i),
            _ => {}
        }
        index.values.insert(path.clone(), pos);
        match event {
            Event::MappingStart(anchor, _) => {
                stack.push(Frame::Map {
                    base,
                    key: None,
                    anchor,
                    start: nodes,
                });
            }
            Event::SequenceStart(anchor, _) => {
                stack.push(Frame::Seq {
                    base,
                    index: 0,
                    anchor,
                    start: nodes,
                });
            }
            Event::Scalar(_, _, anchor, _) => {
                if anchor != 0 {
                    anchor_sizes.insert(anchor, 1);
                }
                path.truncate(base);
                value_done(&mut stack);
            }
            _ => {
                path.truncate(base);
                value_done(&mut stack);
            }
        }
    }
    Ok(index)
}

/// A value just ended: its map waits for the next key, its list counts one more item.
fn value_done(stack: &mut [Frame]) {
    match stack.last_mut() {
        Some(Frame::Map { key, .. }) => *key = None,
        Some(Frame::Seq { index, .. }) => *index += 1,
        _ => {}
    }
}

fn convert(value: serde_yaml::Value, path: &mut String, index: &Index) -> Result<Node, (Pos, Msg)> {
    use serde_yaml::Value;
    let pos = index.value_pos(path);
    let kind = match value {
        Value::Null => Kind::Null,
        Value::Bool(b) => Kind::Bool(b),
        Value::Number(n) => Kind::Number(n.to_string()),
        Value::String(s) => Kind::Str(s),
        Value::Sequence(items) => {
            let mut nodes = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                let base = path.len();
                push_index(path, i);
                nodes.push(convert(item, path, index)?);
                path.truncate(base);
            }
            Kind::Seq(nodes)
        }
        Value::Mapping(map) => {
            let mut entries = Vec::with_capacity(map.len());
            for (k, v) in map {
                let key = match k {
                    Value::String(s) => s,
                    Value::Number(n) => n.to_string(),
                    Value::Bool(b) => b.to_string(),
                    Value::Null => "null".to_owned(),
                    _ => {
                        return Err((
                            pos,
                            Msg::YamlSyntax {
                                detail: "complex keys are not supported".into(),
                            },
                        ));
                    }
                };
                let base = path.len();
                push_key(path, &key);
                let key_pos = index.keys.get(path.as_str()).copied().unwrap_or(pos);
                let value = convert(v, path, index)?;
                path.truncate(base);
                entries.push(Entry {
                    key,
                    key_pos,
                    value,
                });
            }
            Kind::Map(entries)
        }
        Value::Tagged(_) => return Err((pos, Msg::YamlTag)),
    };
    Ok(Node { pos, kind })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry<'a>(node: &'a Node, key: &str) -> &'a Entry {
        match &node.kind {
            Kind::Map(entries) => entries.iter().find(|e| e.key == key).unwrap(),
            _ => panic!("not a map"),
        }
    }

    #[test]
    fn keys_and_values_know_their_positions() {
        let doc = parse("name: 张三\ncontacts:\n  - kind: phone\n    value: '0734-1'\n").unwrap();
        let name = entry(&doc, "name");
        assert_eq!(name.key_pos, Pos::new(1, 1));
        assert_eq!(name.value.pos, Pos::new(1, 7));
        let contacts = entry(&doc, "contacts");
        let Kind::Seq(items) = &contacts.value.kind else {
            panic!()
        };
        let value = entry(&items[0], "value");
        assert_eq!(value.key_pos, Pos::new(4, 5));
        assert_eq!(value.value.kind, Kind::Str("0734-1".into()));
    }

    #[test]
    fn syntax_errors_point_at_the_line() {
        let (pos, msg) = parse("name: a\n\tlevel: county\n").unwrap_err();
        assert_eq!(pos.line, 2);
        assert_eq!(msg.code(), "yaml-syntax");
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let (pos, msg) = parse("name: a\nname: b\n").unwrap_err();
        assert_eq!(msg.code(), "yaml-syntax");
        assert_eq!(pos.line, 2);
    }

    #[test]
    fn refuses_alias_bombs_before_expanding_them() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for name in "bcdefghij".chars() {
            let refs = vec![format!("*{prev}"); 10].join(", ");
            text.push_str(&format!("{name}: &{name} [{refs}]\n"));
            prev = name;
        }
        let (_, msg) = parse(&text).unwrap_err();
        assert_eq!(msg.code(), "yaml-aliases");
    }

    #[test]
    fn small_aliases_are_fine() {
        let doc = parse("a: &x {k: 1}\nb: *x\n").unwrap();
        let b = entry(&doc, "b");
        assert_eq!(b.value.pos, Pos::new(2, 4));
    }

    #[test]
    fn tags_are_refused() {
        assert_eq!(parse("a: !secret x\n").unwrap_err().1, Msg::YamlTag);
    }

    #[test]
    fn empty_document_is_null() {
        assert_eq!(parse("").unwrap().kind, Kind::Null);
        assert_eq!(parse("# only a comment\n").unwrap().kind, Kind::Null);
    }
}
