//! Interface words: enumeration labels and dates, in the site's language.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::messages::Lang;
use crate::model::{Choice, Date};

/// An enumeration as templates see it: `{key, label}`.
#[derive(Debug, Clone, Serialize)]
pub struct Label {
    /// English key, for CSS classes.
    pub key: &'static str,
    /// Interface text.
    pub label: String,
}

/// Interface strings and date formats for one language.
pub struct Words<'a> {
    /// The theme's strings.
    pub strings: &'a BTreeMap<String, String>,
    /// The language.
    pub lang: Lang,
}

impl Words<'_> {
    /// The string for `key`, or the key itself when the theme lacks it.
    pub fn get(&self, key: &str) -> String {
        self.strings
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_owned())
    }

    /// The label of an enumeration value, from the `<prefix>_<key>` string.
    pub fn label<C: Choice>(&self, prefix: &str, value: C) -> Label {
        let key = value.key();
        let name = format!("{prefix}_{}", key.replace('-', "_"));
        let label = self
            .strings
            .get(&name)
            .cloned()
            .unwrap_or_else(|| value.label().to_owned());
        Label { key, label }
    }

    /// `2025年12月20日` or `20 December 2025`.
    pub fn date(&self, d: Date) -> String {
        match self.lang {
            Lang::Zh => format!("{}年{}月{}日", d.year(), u8::from(d.month()), d.day()),
            Lang::En => format!("{} {} {}", d.day(), d.month(), d.year()),
        }
    }

    /// `第 2 页` / `Page 2`, from the `page_n` string.
    pub fn page_n(&self, n: usize) -> String {
        self.get("page_n").replace("{n}", &n.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_per_language() {
        let strings = BTreeMap::new();
        let d = crate::model::parse_date("2025-12-20").unwrap();
        assert_eq!(
            Words {
                strings: &strings,
                lang: Lang::Zh
            }
            .date(d),
            "2025年12月20日"
        );
        assert_eq!(
            Words {
                strings: &strings,
                lang: Lang::En
            }
            .date(d),
            "20 December 2025"
        );
    }
}
