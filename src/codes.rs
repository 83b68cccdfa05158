//! Short, permanent codes for printed QR codes (`content/codes.yaml`).
//!
//! A noticeboard stays on a wall for years, so the code a QR encodes must never change
//! or be reused: the file only ever grows. A new representative gets the next free code
//! on build; a renamed one keeps the code of its earlier id (through `aliases`); a code
//! whose representative is gone still leads somewhere useful. Codes use an alphabet
//! without look-alikes (no 0/O, 1/I) that QR's alphanumeric mode encodes compactly.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use crate::model::{Representative, Site};

/// Characters of a code: QR alphanumeric, no 0, O, 1 or I.
pub const ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/// The codes of a site, in the order they were given out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Codes {
    entries: Vec<(String, String)>,
    /// Index of the first entry of each id, so lookups stay O(1) at any size.
    first_of: HashMap<String, usize>,
}

/// Where a code leads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Target<'a> {
    /// A representative of the site (possibly by an earlier id).
    Rep(&'a Representative),
    /// The record is gone.
    Gone,
}

/// True when `code` is written in the code alphabet (4 to 8 characters).
pub fn is_valid_code(code: &str) -> bool {
    (4..=8).contains(&code.len()) && code.bytes().all(|b| ALPHABET.contains(&b))
}

impl Codes {
    /// Codes as read from the file, in file order.
    pub fn new(entries: Vec<(String, String)>) -> Codes {
        let mut codes = Codes {
            entries: Vec::new(),
            first_of: HashMap::new(),
        };
        for (code, id) in entries {
            codes.push(code, id);
        }
        codes
    }

    fn push(&mut self, code: String, id: String) {
        self.first_of
            .entry(id.clone())
            .or_insert(self.entries.len());
        self.entries.push((code, id));
    }

    /// Every `(code, id)` pair, in the order given out.
    pub fn entries(&self) -> &[(String, String)] {
        &self.entries
    }

    /// Gives every representative without a code (by id or earlier id) a new one.
    /// Returns how many were added.
    pub fn assign(&mut self, representatives: &[Representative]) -> usize {
        let needing: Vec<String> = representatives
            .iter()
            .filter(|r| {
                !self.first_of.contains_key(&r.id)
                    && !r
                        .aliases
                        .iter()
                        .any(|a| self.first_of.contains_key(&a.value))
            })
            .map(|r| r.id.clone())
            .collect();
        let mut used: HashSet<String> = self.entries.iter().map(|(c, _)| c.clone()).collect();
        for id in &needing {
            let len = if used.len() < 200_000 { 4 } else { 6 };
            let code = (0u64..)
                .map(|k| candidate(id, k, len))
                .find(|c| !used.contains(c))
                .unwrap_or_default();
            used.insert(code.clone());
            self.push(code, id.clone());
        }
        needing.len()
    }

    /// The code printed for a representative: the first given out to its id or to one
    /// of its earlier ids.
    pub fn code_of(&self, rep: &Representative) -> Option<&str> {
        std::iter::once(&rep.id)
            .chain(rep.aliases.iter().map(|a| &a.value))
            .filter_map(|id| self.first_of.get(id))
            .min()
            .map(|&i| self.entries[i].0.as_str())
    }

    /// Where every code leads, by code.
    pub fn targets<'a>(&self, site: &'a Site) -> BTreeMap<String, Target<'a>> {
        let mut by_id: HashMap<&str, &Representative> = HashMap::new();
        for rep in &site.representatives {
            for alias in &rep.aliases {
                by_id.insert(&alias.value, rep);
            }
        }
        for rep in &site.representatives {
            by_id.insert(&rep.id, rep);
        }
        self.entries
            .iter()
            .map(|(code, id)| {
                let target = by_id
                    .get(id.as_str())
                    .map_or(Target::Gone, |r| Target::Rep(r));
                (code.clone(), target)
            })
            .collect()
    }

    /// The text of `content/codes.yaml`.
    pub fn to_yaml(&self) -> String {
        let mut out = String::from(
            "# 二维码短码：由 repdir 自动维护，请勿修改或删除。\n\
             # 每位代表一个永久短码，公示牌上的二维码指向 <base_url>R/<短码>；\n\
             # 短码永不改变、永不复用，代表改名（aliases）或离任后仍然有效。\n",
        );
        for (code, id) in &self.entries {
            // Quoted: a code such as 9E43 or NULL would otherwise read back as a number or null.
            let _ = writeln!(out, "\"{code}\": {id}");
        }
        out
    }
}

/// The `k`-th candidate code for `id`: deterministic, spread evenly over the alphabet.
fn candidate(id: &str, k: u64, len: usize) -> String {
    // FNV-1a, then SplitMix64 to mix in the attempt number.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    let mut x = h ^ k.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^= x >> 31;
    (0..len)
        .map(|i| ALPHABET[((x >> (5 * i)) & 31) as usize] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_are_valid_and_stable() {
        let a = candidate("zhang-san", 0, 4);
        assert!(is_valid_code(&a), "{a}");
        assert_eq!(a, candidate("zhang-san", 0, 4));
        assert_ne!(a, candidate("zhang-san", 1, 4));
        assert!(!is_valid_code("K0QX") && !is_valid_code("abc1") && !is_valid_code("ABC"));
    }

    #[test]
    fn yaml_lists_codes_in_order() {
        let c = Codes::new(vec![
            ("K7QX".into(), "zhang-san".into()),
            ("AB23".into(), "li-si".into()),
        ]);
        let text = c.to_yaml();
        assert!(
            text.ends_with("\"K7QX\": zhang-san\n\"AB23\": li-si\n"),
            "{text}"
        );
    }

    #[test]
    fn codes_that_look_like_numbers_read_back_as_written() {
        let c = Codes::new(vec![
            ("9E43".into(), "a".into()),
            ("NULL".into(), "b".into()),
            ("2345".into(), "c".into()),
        ]);
        let node = crate::yaml::parse(&c.to_yaml()).unwrap();
        let crate::yaml::Kind::Map(entries) = node.kind else {
            panic!("not a map")
        };
        let keys: Vec<&str> = entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["9E43", "NULL", "2345"]);
    }
}
