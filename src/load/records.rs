//! YAML records → model: representatives, stations, groups.
//!
//! Each reader asks for every field FORMAT.md defines, so anything else in the file is
//! reported as unknown. `private` maps and `public: false` contacts are checked for
//! shape and then dropped here: they never enter the model.

use std::path::Path;

use super::reader::{Fields, Reader};
use crate::messages::Msg;
use crate::model::{
    Contact, GeoPoint, Group, ReceptionDay, Representative, Role, Spanned, Station, StationKind,
    Term, Tier,
};
use crate::yaml::Node;

/// Reads `content/representatives/<id>.yaml`.
pub(super) fn representative(
    r: &mut Reader,
    node: &Node,
    id: &str,
    source: &Path,
) -> Option<Representative> {
    let mut f = Fields::of(r, node, "")?;
    let name = f.req_text(r, "name");
    let name_pinyin = f.text(r, "name_pinyin");
    let gender = f.choice(r, "gender");
    let ethnicity = f.text(r, "ethnicity");
    let photo = f.text(r, "photo");
    let level = f.req_choice(r, "level");
    let congress = f.text(r, "congress");
    let constituency = f.text(r, "constituency");
    let region = f.text(r, "region");
    let party = f.text(r, "party");
    let occupation = f.text(r, "occupation");
    let roles = f.list(r, "roles", |r, mut item| {
        let role = Role {
            pos: item.pos(),
            title: item.req_text(r, "title")?,
            body: item.text(r, "body"),
            start: item.date(r, "start"),
            end: item.date(r, "end"),
        };
        item.finish(r);
        check_order(
            r,
            role.start.as_ref(),
            role.end.as_ref(),
            "roles.start",
            "roles.end",
        );
        Some(role)
    });
    let term = f.map(r, "term").map(|mut t| {
        let term = Term {
            pos: t.pos(),
            start: t.date(r, "start"),
            end: t.date(r, "end"),
        };
        t.finish(r);
        check_order(
            r,
            term.start.as_ref(),
            term.end.as_ref(),
            "term.start",
            "term.end",
        );
        term
    });
    let groups = f.texts(r, "groups");
    let stations = f.texts(r, "stations");
    let contacts = f
        .list(r, "contacts", contact)
        .into_iter()
        .flatten()
        .collect();
    let wechat_qr = f.text(r, "wechat_qr");
    let bio = f.text(r, "bio");
    let aliases = f.texts(r, "aliases");
    f.skip(r, "private");
    f.hint(
        &[
            "phone",
            "mobile",
            "email",
            "wechat",
            "address",
            "website",
            "tel",
            "telephone",
        ],
        "contacts",
    );
    f.finish(r);
    Some(Representative {
        id: id.to_owned(),
        source: source.to_owned(),
        name: name?,
        name_pinyin,
        gender,
        ethnicity,
        photo,
        level: level?,
        congress,
        constituency,
        region,
        party,
        occupation,
        roles,
        term,
        groups,
        stations,
        contacts,
        wechat_qr,
        bio,
        aliases,
    })
}

/// One contact; `Some(None)` for a valid contact that is not public.
fn contact(r: &mut Reader, mut item: Fields) -> Option<Option<Contact>> {
    let kind = item.req_choice(r, "kind");
    let value = item.req_text(r, "value");
    let label = item.text(r, "label");
    let public = item.bool(r, "public").unwrap_or(true);
    item.finish(r);
    let contact = Contact {
        pos: item_pos(&kind, &value),
        kind: kind?,
        value: value?,
        label,
    };
    Some(public.then_some(contact))
}

fn item_pos<A, B>(a: &Option<Spanned<A>>, b: &Option<Spanned<B>>) -> crate::diag::Pos {
    a.as_ref()
        .map(|s| s.pos)
        .or(b.as_ref().map(|s| s.pos))
        .unwrap_or_default()
}

/// Reads `content/stations/<id>.yaml`.
pub(super) fn station(r: &mut Reader, node: &Node, id: &str, source: &Path) -> Option<Station> {
    let mut f = Fields::of(r, node, "")?;
    let name = f.req_text(r, "name");
    let tier = f
        .choice::<Tier>(r, "tier")
        .map_or(Tier::Station, |t| t.value);
    let kind = f
        .choice::<StationKind>(r, "kind")
        .map_or(StationKind::Fixed, |k| k.value);
    let parent = f.text(r, "parent");
    let region = f.text(r, "region");
    let address = f.text(r, "address");
    let location = f.map(r, "location").and_then(|mut l| {
        let pos = l.pos();
        let lat = l.number::<f64>(r, "lat");
        let lon = l.number::<f64>(r, "lon");
        l.finish(r);
        let (lat, lon) = (lat?, lon?);
        if !(-90.0..=90.0).contains(&lat.value) {
            r.error(
                lat.pos,
                Msg::BadNumber {
                    field: "location.lat".into(),
                    value: lat.value.to_string(),
                },
            );
            return None;
        }
        if !(-180.0..=180.0).contains(&lon.value) {
            r.error(
                lon.pos,
                Msg::BadNumber {
                    field: "location.lon".into(),
                    value: lon.value.to_string(),
                },
            );
            return None;
        }
        Some(GeoPoint {
            pos,
            lat: lat.value,
            lon: lon.value,
        })
    });
    let hours = f.text(r, "hours");
    let phone = f.text(r, "phone");
    let photo = f.text(r, "photo");
    let reception = f.list(r, "reception", |r, mut item| {
        let day = ReceptionDay {
            pos: item.pos(),
            date: item.req_date(r, "date")?,
            time: item.text(r, "time"),
            representatives: item.texts(r, "representatives"),
            note: item.text(r, "note"),
        };
        item.finish(r);
        Some(day)
    });
    let description = f.text(r, "description");
    f.skip(r, "private");
    f.finish(r);
    Some(Station {
        id: id.to_owned(),
        source: source.to_owned(),
        name: name?,
        tier,
        kind,
        parent,
        region,
        address,
        location,
        hours,
        phone,
        photo,
        reception,
        description,
    })
}

/// Reads `content/groups/<id>.yaml`.
pub(super) fn group(r: &mut Reader, node: &Node, id: &str, source: &Path) -> Option<Group> {
    let mut f = Fields::of(r, node, "")?;
    let name = f.req_text(r, "name");
    let description = f.text(r, "description");
    let convenor = f.text(r, "convenor");
    f.finish(r);
    Some(Group {
        id: id.to_owned(),
        source: source.to_owned(),
        name: name?,
        description,
        convenor,
    })
}

/// Reports a start date after its end date.
pub(super) fn check_order(
    r: &mut Reader,
    start: Option<&Spanned<crate::model::Date>>,
    end: Option<&Spanned<crate::model::Date>>,
    start_name: &str,
    end_name: &str,
) {
    if let (Some(s), Some(e)) = (start, end) {
        if s.value > e.value {
            r.error(
                s.pos,
                Msg::DatesReversed {
                    start: start_name.into(),
                    end: end_name.into(),
                },
            );
        }
    }
}
