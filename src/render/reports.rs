//! Reports: the paginated index, newest first, and one page per report.

use rayon::prelude::*;

use super::context::Link;
use super::frame::{PageSpec, Renderer};
use super::{REPORTS_PER_PAGE, RenderError, Sink};
use crate::markdown;

impl<'a> Renderer<'a> {
    /// The paginated index, and every report's page straight into `sink`.
    pub(super) fn reports(&self, sink: &dyn Sink) -> Result<(), RenderError> {
        let reports = &self.rel.reports;
        let index = PageSpec {
            dir: "reports",
            template: "reports.html",
            section: "reports",
            title: self.words.get("nav_reports"),
            description: String::new(),
            record: None,
        };
        let out = self.paginated(
            index,
            reports,
            REPORTS_PER_PAGE,
            |ctx, c, chunk, pagination| {
                let cards: Vec<_> = chunk.iter().map(|r| ctx.report(r)).collect();
                c.insert("reports", &cards);
                c.insert("pagination", &pagination);
            },
        )?;
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
