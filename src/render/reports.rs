//! Reports: the paginated index, newest first, and one page per report.

use rayon::prelude::*;

use super::context::Link;
use super::frame::{PageSpec, Renderer, paged_dir};
use super::{REPORTS_PER_PAGE, RenderError, Sink};
use crate::markdown;

impl<'a> Renderer<'a> {
    /// The paginated index, and every report's page straight into `sink`.
    pub(super) fn reports(&self, sink: &dyn Sink) -> Result<(), RenderError> {
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
                PageSpec {
                    dir: &paged_dir("reports", n),
                    template: "reports.html",
                    section: "reports",
                    title: page_title,
                    description: String::new(),
                    record: None,
                },
                |ctx, c| {
                    let cards: Vec<_> = chunk.iter().map(|r| ctx.report(r)).collect();
                    c.insert("reports", &cards);
                    c.insert("pagination", &self.pagination(ctx, "reports", n, pages));
                },
            )?);
        }
        for file in out {
            sink.put(file)?;
        }
        reports.par_iter().try_for_each(|r| {
            let dir = format!("reports/{}", r.slug);
            self.page(
                PageSpec {
                    dir: &dir,
                    template: "report.html",
                    section: "reports",
                    title: r.title.value.clone(),
                    description: r
                        .summary
                        .as_ref()
                        .map_or_else(|| markdown::first_paragraph(&r.body), |s| s.value.clone()),
                    record: Some(&r.source),
                },
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
            .and_then(|file| sink.put(file))
        })
    }
}
