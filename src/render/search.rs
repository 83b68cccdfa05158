//! The search index, written at build time and read by `static/search.js` with no server.
//!
//! Each entry holds what a person types to find a representative: the name, its full
//! pinyin and initials (`张三`, `zhangsan`, `zs`), and level, post, stations, region,
//! constituency and groups. Files are scripts, not JSON, so the search also works when
//! the site is opened from disk. A small site gets one file; a large one is split by
//! the first letter of the pinyin, with a map from the first character of each name to
//! its letter, so a phone loads only the part a query needs.

use std::collections::BTreeMap;

use super::frame::Renderer;
use super::{OutFile, pinyin_of};
use crate::model::Representative;

/// Up to this many representatives, the whole index is one file.
pub(super) const SINGLE_FILE_LIMIT: usize = 3000;

fn js_file(path: String, assign: &str, value: &serde_json::Value) -> OutFile {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned());
    // `</` must not end the script early if a name holds `</script>`.
    let json = json.replace("</", "<\\/");
    OutFile {
        path,
        bytes: format!("{assign}={json};\n").into_bytes(),
    }
}

impl Renderer<'_> {
    fn search_entry(&self, rep: &Representative) -> (String, serde_json::Value) {
        let pinyin = pinyin_of(rep).to_lowercase();
        let mut initials: String = pinyin
            .split_whitespace()
            .filter_map(|w| w.chars().next())
            .collect();
        // Also the initial of every character (阿依古丽 → aygl), for when a given
        // pinyin groups syllables (`Ayiguli`).
        let per_char: String = {
            use pinyin::ToPinyin;
            rep.name
                .value
                .as_str()
                .to_pinyin()
                .flatten()
                .filter_map(|p| p.plain().chars().next())
                .collect()
        };
        if !per_char.is_empty() && per_char != initials {
            initials = format!("{initials} {per_char}");
        }
        let compact: String = pinyin.split_whitespace().collect();
        let site = self.site;
        let join = |names: Vec<String>| names.join(" ");
        let stations = join(
            rep.stations
                .iter()
                .filter_map(|s| site.station(&s.value))
                .map(|s| s.name.value.clone())
                .collect(),
        );
        let groups = join(
            rep.groups
                .iter()
                .filter_map(|g| site.group(&g.value))
                .map(|g| g.name.value.clone())
                .collect(),
        );
        let photo = rep
            .photo
            .as_ref()
            .and_then(|p| self.media.size(&p.value, "s"))
            .map(|p| p.path.clone())
            .unwrap_or_default();
        let text = |s: &Option<crate::model::Spanned<String>>| {
            s.as_ref().map(|s| s.value.clone()).unwrap_or_default()
        };
        let entry = serde_json::json!([
            rep.name.value,
            compact,
            initials,
            self.words.label("level", rep.level.value).label,
            text(&rep.occupation),
            stations,
            text(&rep.region),
            text(&rep.constituency),
            groups,
            format!("representatives/{}", rep.id),
            photo,
            rep.is_former(self.opts.today),
        ]);
        let letter = initials
            .chars()
            .next()
            .filter(char::is_ascii_lowercase)
            .unwrap_or('_');
        (letter.to_string(), entry)
    }

    /// `search/manifest.js` and the index file(s).
    pub(super) fn search_index(&self) -> Vec<OutFile> {
        let reps = &self.site.representatives;
        let entries: Vec<(String, serde_json::Value)> =
            reps.iter().map(|r| self.search_entry(r)).collect();
        if reps.len() <= SINGLE_FILE_LIMIT {
            let all: Vec<_> = entries.into_iter().map(|(_, e)| e).collect();
            return vec![
                js_file(
                    "search/manifest.js".into(),
                    "window.RD_SEARCH_MANIFEST",
                    &serde_json::json!({ "shards": false }),
                ),
                js_file(
                    "search/all.js".into(),
                    "window.RD_SEARCH_SHARDS[\"all\"]",
                    &serde_json::Value::from(all),
                ),
            ];
        }
        let mut shards: BTreeMap<String, Vec<serde_json::Value>> = BTreeMap::new();
        let mut first_chars: BTreeMap<String, String> = BTreeMap::new();
        for (rep, (letter, entry)) in reps.iter().zip(entries) {
            if let Some(c) = rep.name.value.chars().next() {
                first_chars
                    .entry(c.to_string())
                    .or_insert_with(|| letter.clone());
            }
            shards.entry(letter).or_default().push(entry);
        }
        let mut out = vec![js_file(
            "search/manifest.js".into(),
            "window.RD_SEARCH_MANIFEST",
            &serde_json::json!({ "shards": true, "first": first_chars }),
        )];
        for (letter, entries) in shards {
            out.push(js_file(
                format!("search/{letter}.js"),
                &format!("window.RD_SEARCH_SHARDS[\"{letter}\"]"),
                &serde_json::Value::from(entries),
            ));
        }
        out
    }
}
