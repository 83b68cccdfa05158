//! `sitemap.xml`, `feed.xml` (Atom) and `robots.txt`.
//!
//! Absolute URLs need `base_url`; without it the sitemap lists paths relative to the
//! site root, which search engines ignore but local tools can still read.

use std::fmt::Write as _;

use super::labels::Words;
use super::relations::Relations;
use super::{OutFile, REPORTS_PER_PAGE};
use crate::model::Site;

/// Reports in the feed.
const FEED_ENTRIES: usize = 50;

use super::escape as xml;

/// The three files, in path order.
pub(super) fn feeds(site: &Site, rel: &Relations, words: &Words) -> Vec<OutFile> {
    let base = site
        .config
        .base_url
        .as_ref()
        .map(|b| b.value.clone())
        .unwrap_or_default();
    vec![
        feed(site, rel, &base, words),
        robots(&base),
        sitemap(site, rel, &base),
    ]
}

fn sitemap(site: &Site, rel: &Relations, base: &str) -> OutFile {
    let mut dirs: Vec<String> = vec![
        String::new(),
        "representatives/".into(),
        "stations/".into(),
        "groups/".into(),
    ];
    dirs.extend(
        site.representatives
            .iter()
            .map(|r| format!("representatives/{}/", r.id)),
    );
    dirs.extend(site.stations.iter().map(|s| format!("stations/{}/", s.id)));
    dirs.extend(site.groups.iter().map(|g| format!("groups/{}/", g.id)));
    dirs.push("reports/".into());
    for n in 2..=rel.reports.len().div_ceil(REPORTS_PER_PAGE) {
        dirs.push(format!("reports/page/{n}/"));
    }
    dirs.extend(rel.reports.iter().map(|r| format!("reports/{}/", r.slug)));
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for d in dirs {
        let _ = writeln!(s, "<url><loc>{}</loc></url>", xml(&format!("{base}{d}")));
    }
    s.push_str("</urlset>\n");
    OutFile {
        path: "sitemap.xml".into(),
        bytes: s.into_bytes(),
    }
}

fn feed(site: &Site, rel: &Relations, base: &str, words: &Words) -> OutFile {
    let id_base = if base.is_empty() {
        "urn:repdir:".to_owned()
    } else {
        base.to_owned()
    };
    let updated = rel
        .reports
        .first()
        .map(|r| r.date.value.to_string())
        .unwrap_or_else(|| "1970-01-01".into());
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"",
    );
    let _ = writeln!(s, " xml:lang=\"{}\">", site.config.language.tag());
    let _ = writeln!(s, "<title>{}</title>", xml(&site.config.title.value));
    let _ = writeln!(s, "<id>{}</id>", xml(&format!("{id_base}feed.xml")));
    let _ = writeln!(s, "<updated>{updated}T00:00:00Z</updated>");
    if !base.is_empty() {
        let _ = writeln!(
            s,
            "<link rel=\"self\" href=\"{}\"/>",
            xml(&format!("{base}feed.xml"))
        );
        let _ = writeln!(s, "<link href=\"{}\"/>", xml(base));
    }
    let author = site
        .config
        .authority
        .as_ref()
        .map_or(site.config.title.value.as_str(), |a| a.value.as_str());
    let _ = writeln!(s, "<author><name>{}</name></author>", xml(author));
    for r in rel.reports.iter().take(FEED_ENTRIES) {
        let url = format!("{id_base}reports/{}/", r.slug);
        let summary = r.summary.as_ref().map_or_else(
            || crate::markdown::first_paragraph(&r.body),
            |s| s.value.clone(),
        );
        let _ = writeln!(s, "<entry>");
        let _ = writeln!(s, "<title>{}</title>", xml(&r.title.value));
        let _ = writeln!(s, "<id>{}</id>", xml(&url));
        if !base.is_empty() {
            let _ = writeln!(s, "<link href=\"{}\"/>", xml(&url));
        }
        let _ = writeln!(s, "<updated>{}T00:00:00Z</updated>", r.date.value);
        let _ = writeln!(
            s,
            "<category term=\"{}\" label=\"{}\"/>",
            crate::model::Choice::key(r.kind.value),
            xml(&words.label("report", r.kind.value).label)
        );
        let _ = writeln!(s, "<summary>{}</summary>", xml(&summary));
        let _ = writeln!(s, "</entry>");
    }
    s.push_str("</feed>\n");
    OutFile {
        path: "feed.xml".into(),
        bytes: s.into_bytes(),
    }
}

fn robots(base: &str) -> OutFile {
    let mut s = String::from("User-agent: *\nAllow: /\n");
    if !base.is_empty() {
        let _ = writeln!(s, "Sitemap: {base}sitemap.xml");
    }
    OutFile {
        path: "robots.txt".into(),
        bytes: s.into_bytes(),
    }
}
