//! Render: a checked [`Site`] and a [`Theme`] → the files of the published site, in memory.
//!
//! No disk I/O here (the theme is loaded before, the files are written after). Every
//! listing is paginated so that no page grows with the whole site, and everything is
//! sorted, so two builds of the same input give the same bytes.

pub mod context;
mod data;
mod directory;
mod feeds;
mod frame;
pub mod labels;
pub mod links;
mod network;
pub mod print;
mod profile;
mod relations;
mod reports;
mod search;
pub mod theme;

use rayon::prelude::*;

use crate::diag::Location;
use crate::media::Media;
use crate::messages::Msg;
use crate::model::{Date, Representative, Site};
use frame::{PageSpec, Renderer};
use labels::Words;
use relations::Relations;
pub use theme::Theme;

/// Representatives per listing page.
pub const REPS_PER_PAGE: usize = 60;
/// Reports per listing page.
pub const REPORTS_PER_PAGE: usize = 20;
/// Top-level stations per page of the stations index.
pub const STATIONS_PER_PAGE: usize = 30;

/// What the renderer needs besides the site and the theme.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// The build date.
    pub today: Date,
    /// Include draft reports.
    pub drafts: bool,
    /// QR codes, short links and boards; `None` without a `base_url`.
    pub print: Option<print::Print>,
    /// Advanced by one for every page rendered.
    pub progress: indicatif::ProgressBar,
}

/// About how many pages [`render`] makes, for a progress bar.
pub fn page_estimate(site: &Site) -> usize {
    let reps = site.representatives.len();
    reps + reps / REPS_PER_PAGE
        + site.stations.len() * 2
        + site.groups.len()
        + site.reports.len()
        + 20
}

/// One file of the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutFile {
    /// Path under the output folder, with `/`.
    pub path: String,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// A problem while rendering: where (template line), and what.
pub type RenderError = (Location, Msg);

/// The path part of an absolute URL: `https://x.gov.cn/rd/` → `/rd/`.
pub(super) fn url_path(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    match after_scheme.find('/') {
        Some(i) => after_scheme[i..].to_owned(),
        None => "/".to_owned(),
    }
}

/// The pinyin used for sorting and search: `name_pinyin`, or spelled from the name.
pub fn pinyin_of(rep: &Representative) -> String {
    if let Some(p) = &rep.name_pinyin {
        return p.value.clone();
    }
    use pinyin::ToPinyin;
    let words: Vec<&str> = rep
        .name
        .value
        .as_str()
        .to_pinyin()
        .flatten()
        .map(|p| p.plain())
        .collect();
    words.join(" ")
}

/// Renders every page of the site.
pub fn render(
    site: &Site,
    theme: &Theme,
    media: &Media,
    opts: &RenderOptions,
    sink: &dyn Sink,
) -> Result<(), RenderError> {
    let words = Words {
        strings: &theme.strings,
        lang: site.config.language,
    };
    let rel = Relations::new(site, opts.drafts);
    let r = Renderer {
        site,
        theme,
        words: &words,
        rel: &rel,
        media,
        opts,
    };
    let put_all = |files: Vec<OutFile>| files.into_iter().try_for_each(|f| sink.put(f));
    sink.put(r.home()?)?;
    put_all(r.representative_listings()?)?;
    // The pages that grow with the site go to the sink as they are made, on both
    // cores, so memory stays flat however many representatives there are.
    site.representatives
        .par_iter()
        .try_for_each(|rep| sink.put(r.representative(rep)?))?;
    put_all(r.alias_pages())?;
    put_all(r.stations()?)?;
    put_all(r.groups()?)?;
    r.reports(sink)?;
    let not_found = PageSpec {
        dir: "404",
        template: "404.html",
        section: "other",
        title: words.get("page_not_found"),
        description: String::new(),
        record: None,
    };
    sink.put(r.page(not_found, |_, _| {})?)?;
    if let Some(print) = &opts.print {
        r.qr_files(print, sink)?;
        put_all(r.short_links())?;
        put_all(r.boards(print)?)?;
    }
    put_all(r.search_index())?;
    put_all(r.open_data())?;
    sink.put(r.data_page()?)?;
    put_all(feeds::feeds(site, &rel, &words))?;
    for (path, bytes) in &theme.statics {
        sink.put(OutFile {
            path: format!("static/{path}"),
            bytes: bytes.clone(),
        })?;
    }
    Ok(())
}

/// Where rendered files go: the write stage's staging folder, or memory in tests.
pub trait Sink: Sync {
    /// Takes one finished file.
    fn put(&self, file: OutFile) -> Result<(), RenderError>;
}

/// A sink that keeps everything in memory, sorted by path when taken out.
#[derive(Debug, Default)]
pub struct MemorySink(std::sync::Mutex<Vec<OutFile>>);

impl MemorySink {
    /// The files put so far, sorted by path.
    pub fn into_files(self) -> Vec<OutFile> {
        let mut files = self.0.into_inner().unwrap_or_else(|e| e.into_inner());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

impl Sink for MemorySink {
    fn put(&self, file: OutFile) -> Result<(), RenderError> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(file);
        Ok(())
    }
}

/// A page that sends the reader on to `target`, with a visible link when refresh is off.
pub fn redirect_page(target: &str, name: &str, lang: &str) -> String {
    redirect_page_with(target, name, lang, "")
}

/// [`redirect_page`] with more HTML under the link (the feedback channel).
pub fn redirect_page_with(target: &str, name: &str, lang: &str, extra_html: &str) -> String {
    let target = escape(target);
    let name = escape(name);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={target}\">\n<link rel=\"canonical\" href=\"{target}\">\n\
         <meta name=\"robots\" content=\"noindex\">\n<title>{name}</title>\n</head>\n\
         <body>\n<p><a href=\"{target}\">{name}</a></p>\n{extra_html}</body>\n</html>\n"
    )
}

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirect_pages_escape_their_values() {
        let html = redirect_page("../a/", "<b>", "zh-CN");
        assert!(html.contains("url=../a/") && html.contains("&lt;b&gt;") && !html.contains("<b>"));
    }

    #[test]
    fn url_paths() {
        assert_eq!(url_path("https://rd.example.gov.cn/"), "/");
        assert_eq!(url_path("https://x.gov.cn/rd/"), "/rd/");
    }
}
