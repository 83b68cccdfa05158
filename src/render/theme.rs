//! Themes: the built-in default, and a site's own theme overriding it file by file.
//!
//! The default theme is compiled into the binary, so a site with no `themes/` folder
//! builds. A site theme only needs the files it changes; any template, static file or
//! interface string it lacks comes from the default (mdBook made users copy a whole
//! theme; its #453).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tera::Tera;

use crate::diag::{Location, Pos};
use crate::messages::{Lang, Msg};

macro_rules! embedded {
    ($($path:literal),+ $(,)?) => {
        &[$(($path, include_bytes!(concat!("../../themes/default/", $path)))),+]
    };
}

/// Every file of `themes/default/`, as compiled in.
const DEFAULT_FILES: &[(&str, &[u8])] = embedded![
    "templates/base.html",
    "templates/index.html",
    "templates/representatives.html",
    "templates/representative.html",
    "templates/stations.html",
    "templates/station.html",
    "templates/groups.html",
    "templates/group.html",
    "templates/reports.html",
    "templates/report.html",
    "templates/404.html",
    "templates/boards.html",
    "templates/board.html",
    "templates/data.html",
    "templates/partials/header.html",
    "templates/partials/footer.html",
    "templates/partials/person-card.html",
    "templates/partials/station-card.html",
    "templates/partials/report-card.html",
    "templates/partials/pagination.html",
    "templates/partials/search.html",
    "static/style.css",
    "static/placeholder.svg",
    "static/board.css",
    "static/search.js",
    "i18n/zh-CN.yaml",
    "i18n/en.yaml",
];

/// A loaded theme: compiled templates, interface strings, static files.
pub struct Theme {
    /// Compiled templates, by name relative to `templates/` (`partials/header.html`).
    pub tera: Tera,
    /// Interface strings for the site's language.
    pub strings: BTreeMap<String, String>,
    /// Files to copy under `static/`, by path relative to `static/`.
    pub statics: BTreeMap<String, Vec<u8>>,
    /// Where each template came from, for messages.
    sources: BTreeMap<String, PathBuf>,
}

impl Theme {
    /// A rendering error as a diagnostic naming the template and the record.
    pub fn error(&self, e: &tera::Error, record: Option<&Path>) -> (Location, Msg) {
        template_error(e, &self.sources, record)
    }
}

/// Loads theme `name` of the site at `root` over the default theme.
pub fn load(root: &Path, name: &str, lang: Lang) -> Result<Theme, Vec<(Location, Msg)>> {
    let mut files: BTreeMap<String, (PathBuf, Vec<u8>)> = DEFAULT_FILES
        .iter()
        .map(|(p, b)| {
            (
                p.to_string(),
                (Path::new("themes/default").join(p), b.to_vec()),
            )
        })
        .collect();
    let mut errors = Vec::new();
    // A site may keep its own copy of the default theme (`init --theme`): it wins too.
    let dir = root.join("themes").join(name);
    if dir.is_dir() {
        for entry in walkdir::WalkDir::new(&dir)
            .follow_links(false)
            .sort_by_file_name()
        {
            let Ok(entry) = entry else { continue };
            if !entry.file_type().is_file() {
                continue;
            }
            let Ok(rel) = entry.path().strip_prefix(&dir) else {
                continue;
            };
            let rel = crate::diag::slash_path(rel);
            let shown = Path::new("themes").join(name).join(&rel);
            match std::fs::read(entry.path()) {
                Ok(bytes) => {
                    files.insert(rel, (shown, bytes));
                }
                Err(e) => errors.push((
                    Location::file(shown),
                    Msg::ReadFailed {
                        reason: e.to_string(),
                    },
                )),
            }
        }
    }
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".xml", ".svg"]);
    let mut templates = Vec::new();
    for (rel, (shown, bytes)) in &files {
        let Some(name) = rel.strip_prefix("templates/") else {
            continue;
        };
        match std::str::from_utf8(bytes) {
            Ok(text) => templates.push((name.to_owned(), text.to_owned(), shown.clone())),
            Err(_) => errors.push((Location::file(shown), Msg::Undecodable)),
        }
    }
    let sources: BTreeMap<String, PathBuf> = templates
        .iter()
        .map(|(name, _, shown)| (name.clone(), shown.clone()))
        .collect();
    let raw = templates
        .iter()
        .map(|(name, text, _)| (name.as_str(), text.as_str()));
    if let Err(e) = tera.add_raw_templates(raw) {
        errors.push(template_error(&e, &sources, None));
    }
    let strings = strings(&files, lang, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let statics = files
        .into_iter()
        .filter_map(|(rel, (_, bytes))| rel.strip_prefix("static/").map(|r| (r.to_owned(), bytes)))
        .collect();
    Ok(Theme {
        tera,
        strings,
        statics,
        sources,
    })
}

/// The interface strings: the default language file, overlaid by the site theme's.
fn strings(
    files: &BTreeMap<String, (PathBuf, Vec<u8>)>,
    lang: Lang,
    errors: &mut Vec<(Location, Msg)>,
) -> BTreeMap<String, String> {
    let rel = format!("i18n/{}.yaml", lang.tag());
    let mut out = BTreeMap::new();
    let default = DEFAULT_FILES
        .iter()
        .find(|(p, _)| *p == rel)
        .map(|(_, b)| *b);
    let site = files
        .get(&rel)
        .map(|(shown, b)| (shown.clone(), b.as_slice()));
    let layers = [
        default.map(|b| (Path::new("themes/default").join(&rel), b)),
        site,
    ];
    for (shown, bytes) in layers.into_iter().flatten() {
        let text = String::from_utf8_lossy(bytes);
        match serde_yaml::from_str::<BTreeMap<String, String>>(text.trim_start_matches('\u{feff}'))
        {
            Ok(map) => out.extend(map),
            Err(e) => errors.push((
                Location::file(shown),
                Msg::I18nError {
                    detail: e.to_string(),
                },
            )),
        }
    }
    out
}

/// A Tera error as a diagnostic at the template's line, naming the record being rendered.
fn template_error(
    e: &tera::Error,
    sources: &BTreeMap<String, PathBuf>,
    record: Option<&Path>,
) -> (Location, Msg) {
    let (file, pos, detail) = match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            let span = r.span();
            let file = sources.get(r.filename()).cloned();
            (
                file,
                Pos::new(span.start_line as u32, span.start_col as u32 + 1),
                r.message().to_owned(),
            )
        }
        _ => (None, Pos::FILE, e.to_string()),
    };
    let file = file.unwrap_or_else(|| PathBuf::from("themes"));
    let record = record.map(crate::diag::slash_path);
    (
        Location::new(file, pos),
        Msg::TemplateError { detail, record },
    )
}
