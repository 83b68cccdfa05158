//! `content/site.yaml`: the site's settings.
//!
//! [`parse`] is pure (text in, settings and diagnostics out) so it is tested without a
//! disk; the loader reads the file and calls it.

use std::path::Path;

use crate::diag::Diagnostics;
use crate::load::reader::{Fields, Reader};
use crate::messages::{Lang, Msg};
use crate::model::{Date, Spanned};
use crate::yaml;

/// The site's settings, every field of FORMAT.md.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteConfig {
    /// Site title.
    pub title: Spanned<String>,
    /// Absolute URL where the site is published, ending in `/`; needed for QR codes.
    pub base_url: Option<Spanned<String>>,
    /// Interface and message language.
    pub language: Lang,
    /// Who publishes the directory.
    pub authority: Option<Spanned<String>>,
    /// Default congress of the representatives.
    pub congress: Option<Spanned<String>>,
    /// One paragraph for the home page and meta tags.
    pub description: Option<Spanned<String>>,
    /// Theme folder name under `themes/`.
    pub theme: String,
    /// Pretty (`zhang-san/`) or portable (`zhang-san/index.html`) links.
    pub links: Links,
    /// Markdown for the footer.
    pub footer: Option<Spanned<String>>,
    /// The official channel that takes the public's opinions.
    pub feedback: Option<Feedback>,
    /// When the records were last verified.
    pub as_of: Option<Spanned<Date>>,
    /// Paper of the printed noticeboards.
    pub paper: Paper,
    /// Orientation of the printed noticeboards.
    pub landscape: bool,
    /// QR error correction level: `L`, `M`, `Q` or `H`.
    pub qr_ecc: char,
}

impl SiteConfig {
    /// Settings that stand in for a broken `site.yaml`, so that the other files can
    /// still be checked in the same run (never used to build).
    pub fn placeholder() -> SiteConfig {
        SiteConfig {
            title: Spanned::new(String::new(), crate::diag::Pos::FILE),
            base_url: None,
            language: Lang::Zh,
            authority: None,
            congress: None,
            description: None,
            theme: "default".to_owned(),
            links: Links::Pretty,
            footer: None,
            feedback: None,
            as_of: None,
            paper: Paper::A4,
            landscape: false,
            qr_ecc: 'Q',
        }
    }
}

/// How links are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Links {
    /// `representatives/zhang-san/`
    #[default]
    Pretty,
    /// `representatives/zhang-san/index.html`, for opening from disk.
    Portable,
}

/// Paper size of the noticeboards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    /// 210 × 297 mm.
    #[default]
    A4,
    /// 297 × 420 mm.
    A3,
}

/// The feedback channel (`{label, url, phone}`).
#[derive(Debug, Clone, PartialEq)]
pub struct Feedback {
    /// e.g. `青溪区人大代表联络平台`.
    pub label: Option<Spanned<String>>,
    /// An absolute http(s) URL.
    pub url: Option<Spanned<String>>,
    /// e.g. `12345`.
    pub phone: Option<Spanned<String>>,
}

/// The language a site asks for, read leniently so messages about the rest of the
/// file can already use it.
pub fn language_of(text: &str) -> Lang {
    let wants_en = text.lines().any(|l| {
        let l = l.trim();
        l.starts_with("language:")
            && l["language:".len()..]
                .trim()
                .trim_matches(['"', '\''])
                .starts_with("en")
    });
    if wants_en { Lang::En } else { Lang::Zh }
}

/// Reads settings from the text of `site.yaml` (`path` is used in messages only).
pub fn parse(text: &str, path: &Path, diags: &mut Diagnostics) -> Option<SiteConfig> {
    let mut r = Reader::new(path, diags);
    let node = match yaml::parse(text) {
        Ok(node) => node,
        Err((pos, msg)) => {
            r.error(pos, msg);
            return None;
        }
    };
    let mut f = Fields::of(&mut r, &node, "")?;
    let title = f.req_text(&mut r, "title");
    let base_url = f
        .text(&mut r, "base_url")
        .and_then(|u| check_base_url(&mut r, u));
    let language = match f.text(&mut r, "language") {
        Some(l) if l.value == "en" || l.value.starts_with("en-") => Lang::En,
        Some(l) if l.value == "zh-CN" || l.value == "zh" || l.value == "zh-Hans" => Lang::Zh,
        Some(l) => {
            r.error(
                l.pos,
                Msg::BadChoice {
                    field: "language".into(),
                    value: l.value,
                    allowed: "zh-CN, en".into(),
                },
            );
            Lang::Zh
        }
        None => Lang::Zh,
    };
    let authority = f.text(&mut r, "authority");
    let congress = f.text(&mut r, "congress");
    let description = f.text(&mut r, "description");
    let theme = f
        .text(&mut r, "theme")
        .map(|t| t.value)
        .unwrap_or_else(|| "default".to_owned());
    let links = match f.text(&mut r, "links") {
        Some(l) if l.value == "portable" => Links::Portable,
        Some(l) if l.value == "pretty" => Links::Pretty,
        Some(l) => {
            r.error(
                l.pos,
                Msg::BadChoice {
                    field: "links".into(),
                    value: l.value,
                    allowed: "pretty, portable".into(),
                },
            );
            Links::Pretty
        }
        None => Links::Pretty,
    };
    let footer = f.text(&mut r, "footer");
    let feedback = f.map(&mut r, "feedback").map(|mut fb| {
        let feedback = Feedback {
            label: fb.text(&mut r, "label"),
            url: fb
                .text(&mut r, "url")
                .and_then(|u| check_url(&mut r, "feedback.url", u)),
            phone: fb.text(&mut r, "phone"),
        };
        fb.finish(&mut r);
        feedback
    });
    let as_of = f.date(&mut r, "as_of");
    let (mut paper, mut landscape) = (Paper::A4, false);
    if let Some(mut b) = f.map(&mut r, "boards") {
        match b.text(&mut r, "paper") {
            Some(p) if p.value.eq_ignore_ascii_case("a3") => paper = Paper::A3,
            Some(p) if p.value.eq_ignore_ascii_case("a4") => {}
            Some(p) => r.error(
                p.pos,
                Msg::BadChoice {
                    field: "boards.paper".into(),
                    value: p.value,
                    allowed: "A4, A3".into(),
                },
            ),
            None => {}
        }
        match b.text(&mut r, "orientation") {
            Some(o) if o.value == "landscape" || o.value == "横向" => landscape = true,
            Some(o) if o.value == "portrait" || o.value == "纵向" => {}
            Some(o) => r.error(
                o.pos,
                Msg::BadChoice {
                    field: "boards.orientation".into(),
                    value: o.value,
                    allowed: "portrait, landscape".into(),
                },
            ),
            None => {}
        }
        b.finish(&mut r);
    }
    let mut qr_ecc = 'Q';
    if let Some(mut q) = f.map(&mut r, "qr") {
        if let Some(e) = q.text(&mut r, "ecc") {
            match e.value.trim().to_ascii_uppercase().as_str() {
                "L" | "M" | "Q" | "H" => {
                    qr_ecc = e
                        .value
                        .trim()
                        .to_ascii_uppercase()
                        .chars()
                        .next()
                        .unwrap_or('Q')
                }
                _ => r.error(
                    e.pos,
                    Msg::BadChoice {
                        field: "qr.ecc".into(),
                        value: e.value,
                        allowed: "L, M, Q, H".into(),
                    },
                ),
            }
        }
        q.finish(&mut r);
    }
    f.finish(&mut r);
    Some(SiteConfig {
        title: title?,
        base_url,
        language,
        authority,
        congress,
        description,
        theme,
        links,
        footer,
        feedback,
        as_of,
        paper,
        landscape,
        qr_ecc,
    })
}

fn check_url(r: &mut Reader, field: &str, url: Spanned<String>) -> Option<Spanned<String>> {
    let v = url.value.trim();
    let rest = v
        .strip_prefix("https://")
        .or_else(|| v.strip_prefix("http://"));
    match rest {
        Some(host)
            if !host.is_empty() && !host.starts_with('/') && !v.contains(char::is_whitespace) =>
        {
            Some(Spanned::new(v.to_owned(), url.pos))
        }
        _ => {
            r.error(
                url.pos,
                Msg::BadUrl {
                    field: field.into(),
                    value: url.value,
                },
            );
            None
        }
    }
}

/// A base URL must be absolute; a missing trailing `/` is added.
fn check_base_url(r: &mut Reader, url: Spanned<String>) -> Option<Spanned<String>> {
    let mut url = check_url(r, "base_url", url)?;
    if !url.value.ends_with('/') {
        url.value.push('/');
    }
    Some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> (Option<SiteConfig>, Diagnostics) {
        let mut d = Diagnostics::new();
        let c = parse(text, Path::new("content/site.yaml"), &mut d);
        (c, d)
    }

    #[test]
    fn reads_every_setting() {
        let (c, d) = parse_ok(
            "title: 青溪区人大代表名录\nbase_url: https://rd.example.gov.cn\nlanguage: en\nlinks: portable\n\
             feedback: {label: 平台, url: 'https://x.example.gov.cn/', phone: '12345'}\n\
             as_of: 2026-11-20\nboards: {paper: A3, orientation: landscape}\nqr: {ecc: h}\n",
        );
        assert!(d.is_empty(), "{}", d.to_text(Lang::En));
        let c = c.unwrap();
        assert_eq!(c.base_url.unwrap().value, "https://rd.example.gov.cn/");
        assert_eq!(c.language, Lang::En);
        assert_eq!(c.links, Links::Portable);
        assert_eq!(c.paper, Paper::A3);
        assert!(c.landscape);
        assert_eq!(c.qr_ecc, 'H');
        assert_eq!(c.feedback.unwrap().phone.unwrap().value, "12345");
    }

    #[test]
    fn reports_a_missing_title_and_a_bad_url_together() {
        let (c, d) = parse_ok("base_url: rd.example.gov.cn\nlinks: ugly\n");
        assert!(c.is_none());
        let codes: Vec<&str> = d.sorted().iter().map(|x| x.msg.code()).collect();
        assert_eq!(codes, ["missing-field", "bad-url", "bad-choice"]);
    }

    #[test]
    fn language_is_read_before_the_rest() {
        assert_eq!(language_of("title: x\nlanguage: en\n"), Lang::En);
        assert_eq!(language_of("title: x\n"), Lang::Zh);
    }
}
