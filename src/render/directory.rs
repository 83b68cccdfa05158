//! The directory itself: the home page, the listings of representatives, their pages,
//! and the pages that keep earlier ids working.

use serde::Serialize;

use super::context::{Link, PersonCard};
use super::frame::{PageSpec, Pagination, Renderer};
use super::links::{Linker, index_file};
use super::{OutFile, REPS_PER_PAGE, RenderError, pinyin_of, redirect_page};
use crate::model::{Choice, Level, Representative};

#[derive(Serialize)]
pub(super) struct Section {
    title: String,
    count: usize,
    items: Vec<PersonCard>,
    more_url: Option<String>,
}

#[derive(Serialize)]
pub(super) struct Listing {
    title: String,
    intro: String,
    sections: Vec<Section>,
    pagination: Option<Pagination>,
    filters: Vec<Link>,
}

impl<'a> Renderer<'a> {
    pub(super) fn home(&self) -> Result<OutFile, RenderError> {
        let title = self.site.config.title.value.clone();
        self.page(
            PageSpec {
                dir: "",
                template: "index.html",
                section: "home",
                title,
                description: String::new(),
                record: None,
            },
            |ctx, c| {
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
            },
        )
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
    pub(super) fn representative_listings(&self) -> Result<Vec<OutFile>, RenderError> {
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
        let regions = self.regions(|r| !r.is_former(today));
        let title = self.words.get("nav_representatives");
        out.push(self.page(
            PageSpec {
                dir: "representatives",
                template: "representatives.html",
                section: "representatives",
                title: title.clone(),
                description: String::new(),
                record: None,
            },
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
                let mut filters: Vec<Link> = groups
                    .iter()
                    .filter(|(_, _, reps)| !reps.is_empty())
                    .map(|(key, label, _)| Link {
                        name: label.clone(),
                        url: ctx.link.page(&format!("representatives/{key}")),
                    })
                    .collect();
                filters.extend(regions.iter().map(|(slug, name, _)| Link {
                    name: name.clone(),
                    url: ctx.link.page(&format!("representatives/region/{slug}")),
                }));
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
        let by_region = regions
            .iter()
            .map(|(slug, name, reps)| (format!("region/{slug}"), name.clone(), reps.clone()));
        for (key, label, reps) in groups.iter().cloned().chain(by_region) {
            let reps = &reps;
            let dir = format!("representatives/{key}");
            let spec = PageSpec {
                dir: &dir,
                template: "representatives.html",
                section: "representatives",
                title: label.clone(),
                description: String::new(),
                record: None,
            };
            out.extend(self.paginated(
                spec,
                reps,
                REPS_PER_PAGE,
                |ctx, c, chunk, pagination| {
                    let section = Section {
                        title: label.clone(),
                        count: reps.len(),
                        items: chunk.iter().map(|r| ctx.person(r)).collect(),
                        more_url: None,
                    };
                    let back = Link {
                        name: self.words.get("nav_representatives"),
                        url: ctx.link.page("representatives"),
                    };
                    let listing = Listing {
                        title: label.clone(),
                        intro: String::new(),
                        sections: vec![section],
                        pagination,
                        filters: vec![back],
                    };
                    c.insert("listing", &listing);
                },
            )?);
        }
        Ok(out)
    }

    /// Representatives by the `region` they give, each region with a stable slug:
    /// `(slug, region, representatives)`, sorted by region.
    pub(super) fn regions(
        &self,
        keep: impl Fn(&Representative) -> bool,
    ) -> Vec<(String, String, Vec<&'a Representative>)> {
        let mut by_name: std::collections::BTreeMap<&str, Vec<&'a Representative>> =
            Default::default();
        for rep in self.site.representatives.iter().filter(|r| keep(r)) {
            if let Some(region) = &rep.region {
                by_name.entry(region.value.as_str()).or_default().push(rep);
            }
        }
        let mut used = std::collections::HashSet::new();
        by_name
            .into_iter()
            .enumerate()
            .map(|(i, (name, mut reps))| {
                reps.sort_by_cached_key(|r| (pinyin_of(r), r.id.clone()));
                let mut slug: String = crate::load::ids::slug_for(name).chars().take(48).collect();
                let slug_ok = crate::load::ids::is_valid_id(&slug);
                if !slug_ok || !used.insert(slug.clone()) {
                    slug = format!("region-{}", i + 1);
                    used.insert(slug.clone());
                }
                (slug, name.to_owned(), reps)
            })
            .collect()
    }

    pub(super) fn representative(&self, rep: &Representative) -> Result<OutFile, RenderError> {
        let dir = format!("representatives/{}", rep.id);
        self.page(
            PageSpec {
                dir: &dir,
                template: "representative.html",
                section: "representatives",
                title: rep.name.value.clone(),
                description: [
                    Some(rep.name.value.clone()),
                    Some(self.words.label("level", rep.level.value).label),
                    rep.occupation.as_ref().map(|o| o.value.clone()),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · "),
                record: Some(&rep.source),
            },
            |ctx, c| {
                c.insert("rep", &ctx.rep_view(rep));
            },
        )
    }

    /// An earlier id's page leads to the record's page, with no script needed.
    pub(super) fn alias_pages(&self) -> Vec<OutFile> {
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
}
