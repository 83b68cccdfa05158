//! Render: a checked [`Site`] and a [`Theme`] → the files of the published site, in memory.
//!
//! No disk I/O here (the theme is loaded before, the files are written after). Every
//! listing is paginated so that no page grows with the whole site, and everything is
//! sorted, so two builds of the same input give the same bytes.

pub mod context;
mod feeds;
pub mod labels;
pub mod links;
pub mod print;
mod relations;
pub mod theme;

use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use crate::diag::Location;
use crate::markdown;
use crate::media::Media;
use crate::messages::Msg;
use crate::model::{Choice, Date, Level, Representative, Site};
use context::{Ctx, Link, PersonCard};
use labels::Words;
use links::{Linker, index_file};
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
fn url_path(url: &str) -> String {
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
) -> Result<Vec<OutFile>, RenderError> {
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
    let mut out = Vec::new();
    out.push(r.home()?);
    out.extend(r.representative_listings()?);
    let reps: Result<Vec<OutFile>, RenderError> = site
        .representatives
        .par_iter()
        .map(|rep| r.representative(rep))
        .collect();
    out.extend(reps?);
    out.extend(r.alias_pages());
    out.extend(r.stations()?);
    out.extend(r.groups()?);
    out.extend(r.reports()?);
    out.push(r.page(
        "404",
        "404.html",
        "other",
        words.get("page_not_found"),
        None,
        |_, _| {},
    )?);
    if let Some(print) = &opts.print {
        out.extend(r.qr_files(print)?);
        out.extend(r.short_links());
        out.extend(r.boards(print)?);
    }
    out.extend(feeds::feeds(site, &rel, &words));
    for (path, bytes) in &theme.statics {
        out.push(OutFile {
            path: format!("static/{path}"),
            bytes: bytes.clone(),
        });
    }
    // The 404 page lives at the root; its own links must not depend on the URL it is
    // served for, so it is the one page that links from the site root.
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

struct Renderer<'a> {
    site: &'a Site,
    theme: &'a Theme,
    words: &'a Words<'a>,
    rel: &'a Relations<'a>,
    media: &'a Media,
    opts: &'a RenderOptions,
}

#[derive(Serialize)]
struct SiteView {
    title: String,
    authority: String,
    congress: String,
    description: String,
    footer_html: String,
    as_of: Option<String>,
    feedback: Option<FeedbackView>,
    base_url: String,
}

#[derive(Serialize)]
struct FeedbackView {
    label: String,
    url: String,
    phone: String,
}

#[derive(Serialize)]
struct Nav {
    home: String,
    representatives: String,
    stations: String,
    groups: String,
    reports: String,
    boards: Option<String>,
    data: Option<String>,
}

#[derive(Serialize)]
struct PageView {
    title: String,
    description: String,
    section: &'static str,
    canonical: Option<String>,
}

#[derive(Serialize)]
struct Pagination {
    current: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
    pages: Vec<PageLink>,
}

#[derive(Serialize)]
struct PageLink {
    number: usize,
    url: String,
    current: bool,
}

#[derive(Serialize)]
struct Section {
    title: String,
    count: usize,
    items: Vec<PersonCard>,
    more_url: Option<String>,
}

#[derive(Serialize)]
struct Listing {
    title: String,
    intro: String,
    sections: Vec<Section>,
    pagination: Option<Pagination>,
    filters: Vec<Link>,
}

fn opt(s: &Option<crate::model::Spanned<String>>) -> String {
    s.as_ref().map(|s| s.value.clone()).unwrap_or_default()
}

/// Folder of page `n` (1-based) of a paginated listing at `dir`.
fn paged_dir(dir: &str, n: usize) -> String {
    if n == 1 {
        dir.to_owned()
    } else {
        format!("{dir}/page/{n}")
    }
}

impl<'a> Renderer<'a> {
    fn ctx(&self, dir: &str) -> Ctx<'a> {
        Ctx {
            site: self.site,
            words: self.words,
            rel: self.rel,
            today: self.opts.today,
            link: Linker::for_page(&index_file(dir), self.site.config.links),
            print: self.opts.print.as_ref(),
            media: self.media,
        }
    }

    /// Renders `template` into `dir/index.html` (or `404.html` for dir `404`), with the
    /// values every page has plus what `fill` adds.
    fn page(
        &self,
        dir: &str,
        template: &str,
        section: &'static str,
        title: String,
        record: Option<&Path>,
        fill: impl FnOnce(&Ctx, &mut tera::Context),
    ) -> Result<OutFile, RenderError> {
        let path = if dir == "404" {
            "404.html".to_owned()
        } else {
            index_file(dir)
        };
        let cfg = &self.site.config;
        let base = cfg.base_url.as_ref().map(|b| b.value.clone());
        let mut ctx = self.ctx(if dir == "404" { "" } else { dir });
        if let (true, Some(b)) = (dir == "404", &base) {
            ctx.link = Linker::absolute(&url_path(b), cfg.links);
        }
        let mut c = tera::Context::new();
        c.insert("lang", cfg.language.tag());
        c.insert("t", &self.theme.strings);
        c.insert("root", ctx.link.root());
        c.insert(
            "site",
            &SiteView {
                title: cfg.title.value.clone(),
                authority: opt(&cfg.authority),
                congress: opt(&cfg.congress),
                description: opt(&cfg.description),
                footer_html: cfg
                    .footer
                    .as_ref()
                    .map(|f| markdown::to_html(&f.value))
                    .unwrap_or_default(),
                as_of: cfg.as_of.as_ref().map(|d| self.words.date(d.value)),
                feedback: cfg.feedback.as_ref().map(|f| FeedbackView {
                    label: opt(&f.label),
                    url: opt(&f.url),
                    phone: opt(&f.phone),
                }),
                base_url: base.clone().unwrap_or_default(),
            },
        );
        let l = &ctx.link;
        c.insert(
            "nav",
            &Nav {
                home: l.page(""),
                representatives: l.page("representatives"),
                stations: l.page("stations"),
                groups: l.page("groups"),
                reports: l.page("reports"),
                boards: self.opts.print.as_ref().map(|_| l.page("boards")),
                data: None,
            },
        );
        let canonical = base.map(|b| {
            let dir = if dir == "404" || dir.is_empty() {
                String::new()
            } else {
                format!("{dir}/")
            };
            format!("{b}{dir}")
        });
        c.insert(
            "page",
            &PageView {
                title,
                description: String::new(),
                section,
                canonical,
            },
        );
        c.insert(
            "build",
            &serde_json::json!({ "date": self.words.date(self.opts.today) }),
        );
        fill(&ctx, &mut c);
        let html = self
            .theme
            .tera
            .render(template, &c)
            .map_err(|e| self.theme.error(&e, record))?;
        self.opts.progress.inc(1);
        Ok(OutFile {
            path,
            bytes: html.into_bytes(),
        })
    }

    fn pagination(&self, ctx: &Ctx, dir: &str, current: usize, total: usize) -> Option<Pagination> {
        if total <= 1 {
            return None;
        }
        let url = |n: usize| ctx.link.page(&paged_dir(dir, n));
        Some(Pagination {
            current,
            total,
            prev: (current > 1).then(|| url(current - 1)),
            next: (current < total).then(|| url(current + 1)),
            pages: (1..=total)
                .filter(|&n| n == 1 || n == total || n.abs_diff(current) <= 2)
                .map(|n| PageLink {
                    number: n,
                    url: url(n),
                    current: n == current,
                })
                .collect(),
        })
    }

    fn home(&self) -> Result<OutFile, RenderError> {
        let title = self.site.config.title.value.clone();
        self.page("", "index.html", "home", title, None, |ctx, c| {
            let current: Vec<&Representative> = self
                .site
                .representatives
                .iter()
                .filter(|r| !r.is_former(self.opts.today))
                .collect();
            let counts: Vec<serde_json::Value> = Level::ALL
                .iter()
                .map(|&level| {
                    let count = current.iter().filter(|r| r.level.value == level).count();
                    serde_json::json!({
                        "level": self.words.label("level", level),
                        "count": count,
                        "url": ctx.link.page(&format!("representatives/{}", level.key())),
                    })
                })
                .filter(|v| v["count"].as_u64() != Some(0))
                .collect();
            let recent: Vec<_> = self
                .rel
                .reports
                .iter()
                .take(6)
                .map(|r| ctx.report(r))
                .collect();
            c.insert(
                "home",
                &serde_json::json!({
                    "total": current.len(),
                    "counts": counts,
                    "station_count": self.site.stations.len(),
                    "group_count": self.site.groups.len(),
                    "recent_reports": recent,
                }),
            );
        })
    }

    fn sorted_reps(&self, keep: impl Fn(&Representative) -> bool) -> Vec<&'a Representative> {
        let mut reps: Vec<(String, &Representative)> = self
            .site
            .representatives
            .iter()
            .filter(|r| keep(r))
            .map(|r| (pinyin_of(r), r))
            .collect();
        reps.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
        reps.into_iter().map(|(_, r)| r).collect()
    }

    /// `representatives/` (by level, former apart) and one paginated listing per level.
    fn representative_listings(&self) -> Result<Vec<OutFile>, RenderError> {
        let today = self.opts.today;
        let mut out = Vec::new();
        let mut groups: Vec<(String, String, Vec<&Representative>)> = Level::ALL
            .iter()
            .map(|&level| {
                let reps = self.sorted_reps(|r| r.level.value == level && !r.is_former(today));
                (
                    level.key().to_owned(),
                    self.words.label("level", level).label,
                    reps,
                )
            })
            .collect();
        groups.push((
            "former".to_owned(),
            self.words.get("former_representatives"),
            self.sorted_reps(|r| r.is_former(today)),
        ));
        let title = self.words.get("nav_representatives");
        out.push(self.page(
            "representatives",
            "representatives.html",
            "representatives",
            title.clone(),
            None,
            |ctx, c| {
                let sections: Vec<Section> = groups
                    .iter()
                    .filter(|(_, _, reps)| !reps.is_empty())
                    .map(|(key, label, reps)| Section {
                        title: label.clone(),
                        count: reps.len(),
                        items: reps
                            .iter()
                            .take(REPS_PER_PAGE)
                            .map(|r| ctx.person(r))
                            .collect(),
                        more_url: (reps.len() > REPS_PER_PAGE)
                            .then(|| ctx.link.page(&format!("representatives/{key}"))),
                    })
                    .collect();
                let filters = groups
                    .iter()
                    .filter(|(_, _, reps)| !reps.is_empty())
                    .map(|(key, label, _)| Link {
                        name: label.clone(),
                        url: ctx.link.page(&format!("representatives/{key}")),
                    })
                    .collect();
                c.insert(
                    "listing",
                    &Listing {
                        title: title.clone(),
                        intro: String::new(),
                        sections,
                        pagination: None,
                        filters,
                    },
                );
            },
        )?);
        for (key, label, reps) in &groups {
            let dir = format!("representatives/{key}");
            let pages = reps.len().div_ceil(REPS_PER_PAGE).max(1);
            for n in 1..=pages {
                let chunk = &reps[((n - 1) * REPS_PER_PAGE).min(reps.len())
                    ..(n * REPS_PER_PAGE).min(reps.len())];
                let page_title = if n == 1 {
                    label.clone()
                } else {
                    format!("{label} · {}", self.words.page_n(n))
                };
                out.push(self.page(
                    &paged_dir(&dir, n),
                    "representatives.html",
                    "representatives",
                    page_title,
                    None,
                    |ctx, c| {
                        let section = Section {
                            title: label.clone(),
                            count: reps.len(),
                            items: chunk.iter().map(|r| ctx.person(r)).collect(),
                            more_url: None,
                        };
                        let listing = Listing {
                            title: label.clone(),
                            intro: String::new(),
                            sections: vec![section],
                            pagination: self.pagination(ctx, &dir, n, pages),
                            filters: vec![Link {
                                name: self.words.get("nav_representatives"),
                                url: ctx.link.page("representatives"),
                            }],
                        };
                        c.insert("listing", &listing);
                    },
                )?);
            }
        }
        Ok(out)
    }

    fn representative(&self, rep: &Representative) -> Result<OutFile, RenderError> {
        let dir = format!("representatives/{}", rep.id);
        self.page(
            &dir,
            "representative.html",
            "representatives",
            rep.name.value.clone(),
            Some(&rep.source),
            |ctx, c| {
                c.insert("rep", &ctx.rep_view(rep));
            },
        )
    }

    /// An earlier id's page leads to the record's page, with no script needed.
    fn alias_pages(&self) -> Vec<OutFile> {
        let mut out = Vec::new();
        for rep in &self.site.representatives {
            for alias in &rep.aliases {
                let dir = format!("representatives/{}", alias.value);
                let link = Linker::for_page(&index_file(&dir), self.site.config.links);
                out.push(OutFile {
                    path: index_file(&dir),
                    bytes: redirect_page(
                        &link.page(&format!("representatives/{}", rep.id)),
                        &rep.name.value,
                        self.site.config.language.tag(),
                    )
                    .into_bytes(),
                });
            }
        }
        out
    }

    fn stations(&self) -> Result<Vec<OutFile>, RenderError> {
        let site = self.site;
        let mut out = Vec::new();
        let tops: Vec<&crate::model::Station> = site
            .stations
            .iter()
            .filter(|s| {
                s.parent
                    .as_ref()
                    .is_none_or(|p| site.station(&p.value).is_none())
            })
            .collect();
        let pages = tops.len().div_ceil(STATIONS_PER_PAGE).max(1);
        let title = self.words.get("nav_stations");
        for n in 1..=pages {
            let chunk = &tops[((n - 1) * STATIONS_PER_PAGE).min(tops.len())
                ..(n * STATIONS_PER_PAGE).min(tops.len())];
            let page_title = if n == 1 {
                title.clone()
            } else {
                format!("{title} · {}", self.words.page_n(n))
            };
            out.push(self.page(
                &paged_dir("stations", n),
                "stations.html",
                "stations",
                page_title,
                None,
                |ctx, c| {
                    let tree: Vec<serde_json::Value> = chunk
                        .iter()
                        .map(|s| {
                            let children: Vec<_> = self
                                .rel
                                .children_of(&s.id)
                                .iter()
                                .map(|ch| ctx.station(ch))
                                .collect();
                            serde_json::json!({ "station": ctx.station(s), "children": children })
                        })
                        .collect();
                    c.insert("tree", &tree);
                    c.insert("pagination", &self.pagination(ctx, "stations", n, pages));
                },
            )?);
        }
        for st in &site.stations {
            let dir = format!("stations/{}", st.id);
            out.push(self.page(&dir, "station.html", "stations", st.name.value.clone(), Some(&st.source), |ctx, c| {
                let mut view = serde_json::to_value(ctx.station(st)).unwrap_or_default();
                let members: Vec<_> = self.rel.members_of_station(&st.id).iter().map(|r| ctx.person(r)).collect();
                let children: Vec<_> = self.rel.children_of(&st.id).iter().map(|ch| ctx.station(ch)).collect();
                let rota: Vec<serde_json::Value> = st
                    .reception
                    .iter()
                    .filter(|d| d.date.value >= self.opts.today)
                    .map(|d| {
                        let people: Vec<Link> = d
                            .representatives
                            .iter()
                            .filter_map(|id| site.representative(&id.value))
                            .map(|r| ctx.rep_link(r))
                            .collect();
                        serde_json::json!({
                            "date": self.words.date(d.date.value),
                            "time": opt(&d.time),
                            "note": opt(&d.note),
                            "people": people,
                        })
                    })
                    .collect();
                let extra = serde_json::json!({
                    "location": st.location.map(|g| serde_json::json!({
                        "lat": g.lat, "lon": g.lon, "geo": format!("geo:{},{}", g.lat, g.lon)
                    })),
                    "photo": st.photo.as_ref().and_then(|p| ctx.picture(&p.value, st.name.value.clone())),
                    "description_html": st.description.as_ref().map(|d| markdown::to_html(&d.value)).unwrap_or_default(),
                    "children": children,
                    "members": members,
                    "rota": rota,
                    "board_url": (self.opts.print.is_some()
                        && self.rel.members_of_station(&st.id).iter().any(|r| !r.is_former(self.opts.today)))
                        .then(|| ctx.link.page(&format!("boards/{}", st.id))),
                });
                if let (Some(v), Some(e)) = (view.as_object_mut(), extra.as_object()) {
                    v.extend(e.clone());
                }
                c.insert("station", &view);
            })?);
        }
        Ok(out)
    }

    fn groups(&self) -> Result<Vec<OutFile>, RenderError> {
        let site = self.site;
        let mut out = Vec::new();
        out.push(self.page("groups", "groups.html", "groups", self.words.get("nav_groups"), None, |ctx, c| {
            let groups: Vec<serde_json::Value> = site
                .groups
                .iter()
                .map(|g| {
                    serde_json::json!({
                        "name": g.name.value,
                        "url": ctx.link.page(&format!("groups/{}", g.id)),
                        "member_count": self.rel.members_of_group(&g.id).len(),
                        "convenor": g.convenor.as_ref().and_then(|c| site.representative(&c.value)).map(|r| ctx.rep_link(r)),
                    })
                })
                .collect();
            c.insert("groups", &groups);
        })?);
        for g in &site.groups {
            let dir = format!("groups/{}", g.id);
            out.push(self.page(&dir, "group.html", "groups", g.name.value.clone(), Some(&g.source), |ctx, c| {
                let members: Vec<_> = self.rel.members_of_group(&g.id).iter().map(|r| ctx.person(r)).collect();
                c.insert(
                    "group",
                    &serde_json::json!({
                        "name": g.name.value,
                        "description_html": g.description.as_ref().map(|d| markdown::to_html(&d.value)).unwrap_or_default(),
                        "convenor": g.convenor.as_ref().and_then(|c| site.representative(&c.value)).map(|r| ctx.person(r)),
                        "members": members,
                    }),
                );
            })?);
        }
        Ok(out)
    }

    fn reports(&self) -> Result<Vec<OutFile>, RenderError> {
        let reports = &self.rel.reports;
        let mut out = Vec::new();
        let pages = reports.len().div_ceil(REPORTS_PER_PAGE).max(1);
        let title = self.words.get("nav_reports");
        for n in 1..=pages {
            let chunk = &reports[((n - 1) * REPORTS_PER_PAGE).min(reports.len())
                ..(n * REPORTS_PER_PAGE).min(reports.len())];
            let page_title = if n == 1 {
                title.clone()
            } else {
                format!("{title} · {}", self.words.page_n(n))
            };
            out.push(self.page(
                &paged_dir("reports", n),
                "reports.html",
                "reports",
                page_title,
                None,
                |ctx, c| {
                    let cards: Vec<_> = chunk.iter().map(|r| ctx.report(r)).collect();
                    c.insert("reports", &cards);
                    c.insert("pagination", &self.pagination(ctx, "reports", n, pages));
                },
            )?);
        }
        let pages: Result<Vec<OutFile>, RenderError> = reports
            .par_iter()
            .map(|r| {
                let dir = format!("reports/{}", r.slug);
                self.page(
                    &dir,
                    "report.html",
                    "reports",
                    r.title.value.clone(),
                    Some(&r.source),
                    |ctx, c| {
                        let mut view = serde_json::to_value(ctx.report(r)).unwrap_or_default();
                        let groups: Vec<Link> = r
                            .groups
                            .iter()
                            .filter_map(|g| self.site.group(&g.value))
                            .map(|g| Link {
                                name: g.name.value.clone(),
                                url: ctx.link.page(&format!("groups/{}", g.id)),
                            })
                            .collect();
                        let tags: Vec<&str> = r.tags.iter().map(|t| t.value.as_str()).collect();
                        let extra = serde_json::json!({
                            "body_html": markdown::to_html(&r.body),
                            "groups": groups,
                            "tags": tags,
                        });
                        if let (Some(v), Some(e)) = (view.as_object_mut(), extra.as_object()) {
                            v.extend(e.clone());
                        }
                        c.insert("report", &view);
                    },
                )
            })
            .collect();
        out.extend(pages?);
        Ok(out)
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

    #[test]
    fn paged_folders() {
        assert_eq!(paged_dir("reports", 1), "reports");
        assert_eq!(paged_dir("reports", 3), "reports/page/3");
    }
}
