//! Reading a site's `content/` folder into a [`Site`], with every problem found.
//!
//! The only stage that reads the keeper's files. It walks the four record folders,
//! reads each file on its own (so one broken file never hides another's problems),
//! then runs the checks that need all records at once ([`validate`]).

pub mod ids;
mod paths;
mod privacy;
pub mod reader;
mod records;
mod reports;
mod validate;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::{self, SiteConfig};
use crate::diag::{Diagnostics, Location, slash_path};
use crate::files::{self, MAX_RECORD_BYTES, MAX_REPORT_BYTES};
use crate::messages::{Lang, Msg, RecordKind};
use crate::model::Site;
use crate::yaml;
use reader::Reader;

pub use reports::split_front_matter;

/// What loading produced: the site when every file could be read, and the diagnostics.
#[derive(Debug)]
pub struct Loaded {
    /// The site; `None` when a file could not be read into the model at all.
    pub site: Option<Site>,
    /// Everything found, errors and warnings.
    pub diags: Diagnostics,
    /// The language messages are printed in (from `site.yaml`).
    pub lang: Lang,
}

/// Loads and checks the site whose root folder (holding `content/`) is `root`.
pub fn load(root: &Path) -> Loaded {
    let mut diags = Diagnostics::new();
    let content = root.join("content");
    if !content.is_dir() {
        diags.error(Location::file("content"), Msg::ContentMissing);
        return Loaded {
            site: None,
            diags,
            lang: Lang::Zh,
        };
    }
    let (config, lang) = load_config(root, &mut diags);
    let (representatives, rep_ids) = load_records(
        root,
        "representatives",
        RecordKind::Representative,
        &mut diags,
        records::representative,
    );
    let (stations, station_ids) = load_records(
        root,
        "stations",
        RecordKind::Station,
        &mut diags,
        records::station,
    );
    let (groups, group_ids) = load_records(
        root,
        "groups",
        RecordKind::Group,
        &mut diags,
        records::group,
    );
    let reports = load_reports(root, &mut diags);
    let codes = load_codes(root, &mut diags);
    // Cross-file checks run even when site.yaml is broken, so one run lists everything;
    // a record that exists but could not be read still counts for references to it.
    let config_ok = config.is_some();
    let mut site = Site::new(
        config.unwrap_or_else(SiteConfig::placeholder),
        representatives,
        stations,
        groups,
        reports,
    );
    site.codes = codes;
    let known = validate::Known {
        representatives: rep_ids,
        stations: station_ids,
        groups: group_ids,
    };
    validate::validate(&site, &content, &known, &mut diags);
    let theme = &site.config.theme;
    if theme != "default" && !root.join("themes").join(theme).is_dir() {
        diags.error(
            Location::file("content/site.yaml"),
            Msg::ThemeMissing {
                theme: theme.clone(),
            },
        );
    }
    let site = config_ok.then_some(site);
    Loaded { site, diags, lang }
}

fn load_config(root: &Path, diags: &mut Diagnostics) -> (Option<SiteConfig>, Lang) {
    let rel = PathBuf::from("content/site.yaml");
    let full = root.join(&rel);
    if !full.is_file() {
        diags.error(Location::file(&rel), Msg::SiteYamlMissing);
        return (None, Lang::Zh);
    }
    let Some(text) = read(root, &rel, MAX_RECORD_BYTES, diags) else {
        return (None, Lang::Zh);
    };
    let lang = config::language_of(&text);
    (config::parse(&text, &rel, diags), lang)
}

/// Reads a text file, reporting failures and non-UTF-8 encodings.
fn read(root: &Path, rel: &Path, limit: u64, diags: &mut Diagnostics) -> Option<String> {
    match files::read_text(&root.join(rel), limit) {
        Ok(text) => {
            if let Some(encoding) = text.decoded_from {
                diags.warning(Location::file(rel), Msg::DecodedAs { encoding });
            }
            Some(text.text)
        }
        Err(msg) => {
            diags.error(Location::file(rel), msg);
            None
        }
    }
}

/// The files of one record folder with the wanted extensions, sorted, each with its id.
/// Problems with names, duplicates and links are reported here.
fn files_with_ids(
    root: &Path,
    folder: &str,
    exts: &[&str],
    kind: RecordKind,
    diags: &mut Diagnostics,
) -> Vec<(PathBuf, String)> {
    let dir = root.join("content").join(folder);
    if !dir.exists() {
        return Vec::new(); // a site may have no groups, no reports yet, …
    }
    let content_real = root
        .join("content")
        .canonicalize()
        .unwrap_or_else(|_| root.join("content"));
    let mut found = Vec::new();
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    let walker = WalkDir::new(&dir)
        .min_depth(1)
        .follow_links(false)
        .sort_by_file_name();
    for entry in walker
        .into_iter()
        .filter_entry(|e| !is_hidden(e.file_name()))
    {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let rel = e.path().map_or_else(
                    || PathBuf::from("content").join(folder),
                    |p| relative(root, p),
                );
                diags.error(
                    Location::file(rel),
                    Msg::ReadFailed {
                        reason: e.to_string(),
                    },
                );
                continue;
            }
        };
        let rel = relative(root, entry.path());
        let file_type = entry.file_type();
        if file_type.is_dir() {
            continue;
        }
        if file_type.is_symlink() {
            match entry.path().canonicalize() {
                Ok(real) if real.starts_with(&content_real) && real.is_file() => {}
                Ok(real) if !real.starts_with(&content_real) => {
                    diags.error(
                        Location::file(&rel),
                        Msg::PathOutside {
                            path: slash_path(&rel),
                        },
                    );
                    continue;
                }
                Ok(_) => {
                    diags.warning(Location::file(&rel), Msg::IgnoredFile);
                    continue;
                }
                Err(e) => {
                    diags.error(
                        Location::file(&rel),
                        Msg::ReadFailed {
                            reason: e.to_string(),
                        },
                    );
                    continue;
                }
            }
        }
        let name = entry.file_name().to_string_lossy();
        let Some((stem, ext)) = name.rsplit_once('.') else {
            diags.warning(Location::file(&rel), Msg::IgnoredFile);
            continue;
        };
        if !exts.iter().any(|e| e.eq_ignore_ascii_case(ext)) {
            diags.warning(Location::file(&rel), Msg::IgnoredFile);
            continue;
        }
        if !ids::is_valid_id(stem) {
            // A name that is only too long is told its limit, not given a cut-off slug.
            let only_too_long = stem.is_ascii()
                && stem.len() > ids::MAX_ID_LEN
                && ids::is_valid_id(&stem[..ids::MAX_ID_LEN]);
            let suggestion = Some(ids::slug_for(stem))
                .filter(|s| !only_too_long && !s.is_empty() && ids::is_valid_id(s));
            diags.error(
                Location::file(&rel),
                Msg::BadId {
                    id: stem.to_owned(),
                    suggestion,
                },
            );
            continue;
        }
        if let Some(other) = seen.get(stem) {
            diags.error(
                Location::file(&rel),
                Msg::DuplicateId {
                    kind,
                    id: stem.to_owned(),
                    other: slash_path(other),
                },
            );
            continue;
        }
        seen.insert(stem.to_owned(), rel.clone());
        found.push((rel, stem.to_owned()));
    }
    found
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') || name.starts_with("~$")
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

type ReadRecord<T> = fn(&mut Reader, &yaml::Node, &str, &Path) -> Option<T>;

fn load_records<T: Send>(
    root: &Path,
    folder: &str,
    kind: RecordKind,
    diags: &mut Diagnostics,
    read_record: ReadRecord<T>,
) -> (Vec<T>, HashSet<String>) {
    let files = files_with_ids(root, folder, &["yaml", "yml"], kind, diags);
    let ids = files.iter().map(|(_, id)| id.clone()).collect();
    let records = each_file(&files, diags, |rel, id, d| {
        let text = read(root, rel, MAX_RECORD_BYTES, d)?;
        let mut r = Reader::new(rel, d);
        match yaml::parse(&text) {
            Ok(node) => read_record(&mut r, &node, id, rel),
            Err((pos, msg)) => {
                r.error(pos, msg);
                None
            }
        }
    });
    (records, ids)
}

fn load_reports(root: &Path, diags: &mut Diagnostics) -> Vec<crate::model::Report> {
    let files = files_with_ids(
        root,
        "reports",
        &["md", "markdown"],
        RecordKind::Report,
        diags,
    );
    each_file(&files, diags, |rel, slug, d| {
        let text = read(root, rel, MAX_REPORT_BYTES, d)?;
        reports::report(&mut Reader::new(rel, d), &text, slug, rel)
    })
}

/// Reads every file on both cores; each file reports into its own list, and the lists
/// are joined in file order, so the result does not depend on scheduling.
fn each_file<T: Send>(
    files: &[(PathBuf, String)],
    diags: &mut Diagnostics,
    read_one: impl Fn(&Path, &str, &mut Diagnostics) -> Option<T> + Sync,
) -> Vec<T> {
    let results: Vec<(Option<T>, Diagnostics)> = files
        .par_iter()
        .map(|(rel, id)| {
            let mut d = Diagnostics::new();
            let record = read_one(rel, id, &mut d);
            (record, d)
        })
        .collect();
    let mut out = Vec::with_capacity(results.len());
    for (record, d) in results {
        diags.extend(d);
        out.extend(record);
    }
    out
}

/// Reads `content/codes.yaml` (absent on a new site): `CODE: id` lines in the order given out.
fn load_codes(root: &Path, diags: &mut Diagnostics) -> crate::codes::Codes {
    let rel = PathBuf::from("content/codes.yaml");
    if !root.join(&rel).is_file() {
        return crate::codes::Codes::default();
    }
    let Some(text) = read(root, &rel, 64 * MAX_RECORD_BYTES, diags) else {
        return Default::default();
    };
    let mut r = Reader::new(&rel, diags);
    let node = match yaml::parse(&text) {
        Ok(node) => node,
        Err((pos, msg)) => {
            r.error(pos, msg);
            return Default::default();
        }
    };
    let mut entries = Vec::new();
    match &node.kind {
        yaml::Kind::Map(map) => {
            for e in map {
                let id = match &e.value.kind {
                    yaml::Kind::Str(s) if ids::is_valid_id(s) => s.clone(),
                    // The value must be an id: say so plainly, and call it what it is.
                    yaml::Kind::Str(s) => {
                        r.error(
                            e.value.pos,
                            Msg::BadId {
                                id: s.clone(),
                                suggestion: None,
                            },
                        );
                        continue;
                    }
                    _ => {
                        let field = e.key.clone();
                        r.error(
                            e.value.pos,
                            Msg::WrongType {
                                field,
                                expected: crate::messages::Expected::Text,
                            },
                        );
                        continue;
                    }
                };
                if !crate::codes::is_valid_code(&e.key) {
                    r.error(
                        e.key_pos,
                        Msg::BadCode {
                            code: e.key.clone(),
                        },
                    );
                    continue;
                }
                entries.push((e.key.clone(), id));
            }
        }
        yaml::Kind::Null => {}
        _ => r.error(
            node.pos,
            Msg::NotAMap {
                field: String::new(),
            },
        ),
    }
    crate::codes::Codes::new(entries)
}
