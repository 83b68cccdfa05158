//! Open data: the public records as JSON (Popolo names where they fit: persons,
//! organizations, memberships, contact_details) and the representatives as CSV.
//!
//! Built from the model, which holds no private data, and from the same public fields
//! the pages show. URLs are absolute when the site has a `base_url`.

use serde::Serialize;
use serde_json::json;

use super::frame::Renderer;
use super::{OutFile, pinyin_of};
use crate::model::{Choice, Representative};

/// A CSV field, quoted when it holds a comma, a quote or a line end (RFC 4180).
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn opt(s: &Option<crate::model::Spanned<String>>) -> Option<&str> {
    s.as_ref().map(|s| s.value.as_str())
}

fn json_file(path: &str, value: &impl Serialize) -> OutFile {
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    OutFile {
        path: path.to_owned(),
        bytes,
    }
}

impl Renderer<'_> {
    /// The address of a page, absolute when the site has a `base_url`.
    fn public_url(&self, dir: &str) -> String {
        let base = self
            .site
            .config
            .base_url
            .as_ref()
            .map_or("/", |b| b.value.as_str());
        format!("{base}{dir}/")
    }

    fn person(&self, rep: &Representative) -> serde_json::Value {
        let today = self.opts.today;
        let contacts: Vec<_> = rep
            .contacts
            .iter()
            .map(|c| json!({ "type": c.kind.value.key(), "value": c.value.value, "label": opt(&c.label) }))
            .collect();
        let image = rep
            .photo
            .as_ref()
            .and_then(|p| self.media.size(&p.value, "m"))
            .map(|p| {
                format!(
                    "{}{}",
                    self.public_url("").trim_end_matches('/'),
                    format_args!("/{}", p.path)
                )
            });
        json!({
            "id": rep.id,
            "name": rep.name.value,
            "other_names": [{ "name": pinyin_of(rep), "note": "pinyin" }],
            "gender": rep.gender.as_ref().map(|g| g.value.key()),
            "ethnicity": opt(&rep.ethnicity),
            "image": image,
            "level": rep.level.value.key(),
            "congress": opt(&rep.congress).or(opt(&self.site.config.congress)),
            "constituency": opt(&rep.constituency),
            "area": opt(&rep.region),
            "party": opt(&rep.party),
            "occupation": opt(&rep.occupation),
            "start_date": rep.term.as_ref().and_then(|t| t.start.as_ref()).map(|d| d.value.to_string()),
            "end_date": rep.term.as_ref().and_then(|t| t.end.as_ref()).map(|d| d.value.to_string()),
            "former": rep.is_former(today),
            "contact_details": contacts,
            "links": [{ "url": self.public_url(&format!("representatives/{}", rep.id)), "note": "page" }],
        })
    }

    /// `data/representatives.json`, `stations.json`, `groups.json`, `reports.json` and
    /// `representatives.csv`.
    pub(super) fn open_data(&self) -> Vec<OutFile> {
        let site = self.site;
        let persons: Vec<_> = site
            .representatives
            .iter()
            .map(|r| self.person(r))
            .collect();
        let mut memberships = Vec::new();
        for rep in &site.representatives {
            for s in rep
                .stations
                .iter()
                .filter(|s| site.station(&s.value).is_some())
            {
                memberships.push(json!({ "person_id": rep.id, "organization_id": format!("station/{}", s.value), "role": "receives" }));
            }
            for g in rep.groups.iter().filter(|g| site.group(&g.value).is_some()) {
                memberships.push(json!({ "person_id": rep.id, "organization_id": format!("group/{}", g.value), "role": "member" }));
            }
            for role in &rep.roles {
                memberships.push(json!({
                    "person_id": rep.id,
                    "role": role.title.value,
                    "organization_name": opt(&role.body),
                    "start_date": role.start.as_ref().map(|d| d.value.to_string()),
                    "end_date": role.end.as_ref().map(|d| d.value.to_string()),
                }));
            }
        }
        let stations: Vec<_> = site
            .stations
            .iter()
            .map(|st| {
                json!({
                    "id": format!("station/{}", st.id),
                    "name": st.name.value,
                    "classification": st.tier.key(),
                    "kind": st.kind.key(),
                    "parent_id": st.parent.as_ref().map(|p| format!("station/{}", p.value)),
                    "area": opt(&st.region),
                    "address": opt(&st.address),
                    "location": st.location.map(|g| json!({ "lat": g.lat, "lon": g.lon })),
                    "hours": opt(&st.hours),
                    "contact_details": st.phone.as_ref().map(|p| vec![json!({ "type": "phone", "value": p.value })]).unwrap_or_default(),
                    "reception": st.reception.iter().map(|d| json!({
                        "date": d.date.value.to_string(),
                        "time": opt(&d.time),
                        "representatives": d.representatives.iter().map(|r| &r.value).collect::<Vec<_>>(),
                        "note": opt(&d.note),
                    })).collect::<Vec<_>>(),
                    "links": [{ "url": self.public_url(&format!("stations/{}", st.id)), "note": "page" }],
                })
            })
            .collect();
        let groups: Vec<_> = site
            .groups
            .iter()
            .map(|g| {
                json!({
                    "id": format!("group/{}", g.id),
                    "name": g.name.value,
                    "classification": "group",
                    "convenor_id": opt(&g.convenor),
                    "links": [{ "url": self.public_url(&format!("groups/{}", g.id)), "note": "page" }],
                })
            })
            .collect();
        let reports: Vec<_> = self
            .rel
            .reports
            .iter()
            .map(|r| {
                json!({
                    "id": r.slug,
                    "title": r.title.value,
                    "date": r.date.value.to_string(),
                    "kind": r.kind.value.key(),
                    "summary": r.summary.as_ref().map_or_else(|| crate::markdown::first_paragraph(&r.body), |s| s.value.clone()),
                    "representatives": r.representatives.iter().map(|x| &x.value).collect::<Vec<_>>(),
                    "station": opt(&r.station),
                    "groups": r.groups.iter().map(|x| &x.value).collect::<Vec<_>>(),
                    "tags": r.tags.iter().map(|x| &x.value).collect::<Vec<_>>(),
                    "suggestion": r.suggestion.as_ref().map(|s| json!({
                        "number": opt(&s.number),
                        "status": s.status.as_ref().map(|v| v.value.key()),
                        "handler": opt(&s.handler),
                        "answered_on": s.answered_on.as_ref().map(|d| d.value.to_string()),
                        "satisfaction": s.satisfaction.as_ref().map(|v| v.value.key()),
                    })),
                    "reception": r.reception.as_ref().map(|x| json!({
                        "visitors": x.visitors.as_ref().map(|v| v.value),
                        "opinions": x.opinions.as_ref().map(|v| v.value),
                    })),
                    "url": self.public_url(&format!("reports/{}", r.slug)),
                })
            })
            .collect();
        vec![
            json_file(
                "data/representatives.json",
                &json!({ "persons": persons, "memberships": memberships }),
            ),
            json_file("data/stations.json", &json!({ "organizations": stations })),
            json_file("data/groups.json", &json!({ "organizations": groups })),
            json_file("data/reports.json", &json!({ "reports": reports })),
            self.representatives_csv(),
        ]
    }

    /// `data/index.html`: what can be downloaded.
    pub(super) fn data_page(&self) -> Result<OutFile, super::RenderError> {
        let spec = super::frame::PageSpec {
            dir: "data",
            template: "data.html",
            section: "other",
            title: self.words.get("nav_data"),
            description: self.words.get("data_intro"),
            record: None,
        };
        self.page(spec, |ctx, c| {
            let files: Vec<_> = ["representatives.json", "stations.json", "groups.json", "reports.json", "representatives.csv"]
                .iter()
                .map(|f| {
                    let key = format!("data_{}", f.replace('.', "_"));
                    json!({ "name": f, "url": ctx.link.file(&format!("data/{f}")), "about": self.words.get(&key) })
                })
                .collect();
            c.insert("files", &files);
        })
    }

    /// UTF-8 with a byte-order mark, so that Excel shows the Chinese right.
    fn representatives_csv(&self) -> OutFile {
        let site = self.site;
        let mut out = String::from(
            "\u{feff}id,姓名,拼音,性别,民族,代表层级,选区,地区,政治面貌,工作单位及职务,联络站,专业小组,任期开始,任期结束,已离任,电话,电子邮箱,网址\r\n",
        );
        for rep in &site.representatives {
            let contact = |kind: crate::model::ContactKind| {
                rep.contacts
                    .iter()
                    .filter(|c| c.kind.value == kind)
                    .map(|c| c.value.value.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            let names = |ids: &[crate::model::Spanned<String>], station: bool| {
                ids.iter()
                    .filter_map(|id| {
                        if station {
                            site.station(&id.value).map(|s| s.name.value.clone())
                        } else {
                            site.group(&id.value).map(|g| g.name.value.clone())
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            let term = rep.term.as_ref();
            let fields = [
                rep.id.clone(),
                rep.name.value.clone(),
                pinyin_of(rep),
                rep.gender
                    .as_ref()
                    .map(|g| g.value.label().to_owned())
                    .unwrap_or_default(),
                opt(&rep.ethnicity).unwrap_or_default().to_owned(),
                rep.level.value.label().to_owned(),
                opt(&rep.constituency).unwrap_or_default().to_owned(),
                opt(&rep.region).unwrap_or_default().to_owned(),
                opt(&rep.party).unwrap_or_default().to_owned(),
                opt(&rep.occupation).unwrap_or_default().to_owned(),
                names(&rep.stations, true),
                names(&rep.groups, false),
                term.and_then(|t| t.start.as_ref())
                    .map(|d| d.value.to_string())
                    .unwrap_or_default(),
                term.and_then(|t| t.end.as_ref())
                    .map(|d| d.value.to_string())
                    .unwrap_or_default(),
                if rep.is_former(self.opts.today) {
                    "是"
                } else {
                    "否"
                }
                .to_owned(),
                contact(crate::model::ContactKind::Phone),
                contact(crate::model::ContactKind::Email),
                self.public_url(&format!("representatives/{}", rep.id)),
            ];
            let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            out.push_str(&line.join(","));
            out.push_str("\r\n");
        }
        OutFile {
            path: "data/representatives.csv".to_owned(),
            bytes: out.into_bytes(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("张三"), "张三");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
    }
}
