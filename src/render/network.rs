//! The liaison network: the stations index as the 站-点-室 tree, station pages, groups.

use super::context::{Link, text};
use super::frame::{PageSpec, Renderer};
use super::{OutFile, RenderError, STATIONS_PER_PAGE};
use crate::markdown;

impl<'a> Renderer<'a> {
    pub(super) fn stations(&self) -> Result<Vec<OutFile>, RenderError> {
        let site = self.site;
        let tops: Vec<&crate::model::Station> = site
            .stations
            .iter()
            .filter(|s| {
                s.parent
                    .as_ref()
                    .is_none_or(|p| site.station(&p.value).is_none())
            })
            .collect();
        let index = PageSpec {
            dir: "stations",
            template: "stations.html",
            section: "stations",
            title: self.words.get("nav_stations"),
            description: String::new(),
            record: None,
        };
        let mut out = self.paginated(
            index,
            &tops,
            STATIONS_PER_PAGE,
            |ctx, c, chunk, pagination| {
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
                c.insert("pagination", &pagination);
            },
        )?;
        for st in &site.stations {
            let dir = format!("stations/{}", st.id);
            out.push(self.page(PageSpec { dir: &dir, template: "station.html", section: "stations", title: st.name.value.clone(), description: String::new(), record: Some(&st.source) }, |ctx, c| {
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
                            "time": text(&d.time),
                            "note": text(&d.note),
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

    pub(super) fn groups(&self) -> Result<Vec<OutFile>, RenderError> {
        let site = self.site;
        let mut out = Vec::new();
        out.push(self.page(PageSpec { dir: "groups", template: "groups.html", section: "groups", title: self.words.get("nav_groups"), description: String::new(), record: None }, |ctx, c| {
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
            out.push(self.page(PageSpec { dir: &dir, template: "group.html", section: "groups", title: g.name.value.clone(), description: String::new(), record: Some(&g.source) }, |ctx, c| {
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
}
