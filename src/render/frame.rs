//! The frame every page shares: the renderer, and the values of docs/THEMES.md's
//! "Every page" table (site, nav, page, build), plus pagination.

use std::path::Path;

use serde::Serialize;

use super::context::{Ctx, text};
use super::labels::Words;
use super::links::{Linker, index_file};
use super::relations::Relations;
use super::{OutFile, RenderError, RenderOptions, Theme, url_path};
use crate::markdown;
use crate::media::Media;
use crate::model::Site;

/// What a page is: where it goes, which template draws it, and what it is called.
pub(super) struct PageSpec<'p> {
    /// Its folder (`representatives/zhang-san`; `""` for home; `404` for 404.html).
    pub(super) dir: &'p str,
    /// The template, relative to `templates/`.
    pub(super) template: &'p str,
    /// The navigation section it belongs to.
    pub(super) section: &'static str,
    /// Its title.
    pub(super) title: String,
    /// Its meta description (empty: the site's).
    pub(super) description: String,
    /// The record it shows, named in template errors.
    pub(super) record: Option<&'p Path>,
}

/// Renders pages; its stages live in `directory.rs`, `network.rs`, `reports.rs`, `print.rs`.
pub(super) struct Renderer<'a> {
    pub(super) site: &'a Site,
    pub(super) theme: &'a Theme,
    pub(super) words: &'a Words<'a>,
    pub(super) rel: &'a Relations<'a>,
    pub(super) media: &'a Media,
    pub(super) opts: &'a RenderOptions,
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
    portable: bool,
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
pub(super) struct Pagination {
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

/// Folder of page `n` (1-based) of a paginated listing at `dir`.
pub(super) fn paged_dir(dir: &str, n: usize) -> String {
    if n == 1 {
        dir.to_owned()
    } else {
        format!("{dir}/page/{n}")
    }
}

impl<'a> Renderer<'a> {
    pub(super) fn ctx(&self, dir: &str) -> Ctx<'a> {
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

    /// Renders `spec.template` into the page's file, with the values every page has
    /// (docs/THEMES.md) plus what `fill` adds.
    pub(super) fn page(
        &self,
        spec: PageSpec,
        fill: impl FnOnce(&Ctx, &mut tera::Context),
    ) -> Result<OutFile, RenderError> {
        let dir = spec.dir;
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
                authority: text(&cfg.authority),
                congress: text(&cfg.congress),
                description: text(&cfg.description),
                footer_html: cfg
                    .footer
                    .as_ref()
                    .map(|f| markdown::to_html(&f.value))
                    .unwrap_or_default(),
                as_of: cfg.as_of.as_ref().map(|d| self.words.date(d.value)),
                feedback: cfg.feedback.as_ref().map(|f| FeedbackView {
                    label: text(&f.label),
                    url: text(&f.url),
                    phone: text(&f.phone),
                }),
                base_url: base.clone().unwrap_or_default(),
                portable: cfg.links == crate::config::Links::Portable,
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
                data: Some(l.page("data")),
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
                title: spec.title,
                description: spec.description,
                section: spec.section,
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
            .render(spec.template, &c)
            .map_err(|e| self.theme.error(&e, spec.record))?;
        self.opts.progress.inc(1);
        Ok(OutFile {
            path,
            bytes: html.into_bytes(),
        })
    }

    /// A listing cut into pages of `per_page` items: `dir/`, `dir/page/2/`, … (at least
    /// one page, even when empty). `fill` gets the page's items and its pagination.
    pub(super) fn paginated<T>(
        &self,
        spec: PageSpec,
        items: &[T],
        per_page: usize,
        fill: impl Fn(&Ctx, &mut tera::Context, &[T], Option<Pagination>),
    ) -> Result<Vec<OutFile>, RenderError> {
        let pages = items.len().div_ceil(per_page).max(1);
        (1..=pages)
            .map(|n| {
                let chunk =
                    &items[((n - 1) * per_page).min(items.len())..(n * per_page).min(items.len())];
                let dir = paged_dir(spec.dir, n);
                let title = if n == 1 {
                    spec.title.clone()
                } else {
                    format!("{} · {}", spec.title, self.words.page_n(n))
                };
                let page = PageSpec {
                    dir: &dir,
                    template: spec.template,
                    section: spec.section,
                    title,
                    description: spec.description.clone(),
                    record: spec.record,
                };
                self.page(page, |ctx, c| {
                    fill(ctx, c, chunk, self.pagination(ctx, spec.dir, n, pages))
                })
            })
            .collect()
    }

    pub(super) fn pagination(
        &self,
        ctx: &Ctx,
        dir: &str,
        current: usize,
        total: usize,
    ) -> Option<Pagination> {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paged_folders() {
        assert_eq!(paged_dir("reports", 1), "reports");
        assert_eq!(paged_dir("reports", 3), "reports/page/3");
    }
}
