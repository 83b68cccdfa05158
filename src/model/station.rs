//! A liaison station, point or office (站、点、室): `content/stations/<id>.yaml`.

use std::path::PathBuf;

use super::common::{Date, Spanned, StationKind, Tier};
use crate::diag::Pos;

/// One station of the liaison network.
#[derive(Debug, Clone, PartialEq)]
pub struct Station {
    /// The file name without extension.
    pub id: String,
    /// The file, relative to the site root.
    pub source: PathBuf,
    /// e.g. `白沙洲街道人大代表联络站`.
    pub name: Spanned<String>,
    /// 站, 点 or 室 (default 站).
    pub tier: Tier,
    /// Fixed, mobile or online (default fixed).
    pub kind: StationKind,
    /// Id of the station a point or office belongs to.
    pub parent: Option<Spanned<String>>,
    /// Administrative area.
    pub region: Option<Spanned<String>>,
    /// Street address.
    pub address: Option<Spanned<String>>,
    /// Map coordinates.
    pub location: Option<GeoPoint>,
    /// Opening hours, free text.
    pub hours: Option<Spanned<String>>,
    /// Public phone.
    pub phone: Option<Spanned<String>>,
    /// Path of a photo, relative to `content/`.
    pub photo: Option<Spanned<String>>,
    /// The reception-day rota.
    pub reception: Vec<ReceptionDay>,
    /// Markdown.
    pub description: Option<Spanned<String>>,
}

/// Latitude and longitude (WGS 84).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GeoPoint {
    /// Where the block starts.
    pub pos: Pos,
    /// Latitude, -90 to 90.
    pub lat: f64,
    /// Longitude, -180 to 180.
    pub lon: f64,
}

/// One day of the rota (接待日排班).
#[derive(Debug, Clone, PartialEq)]
pub struct ReceptionDay {
    /// Where the item starts.
    pub pos: Pos,
    /// The day.
    pub date: Spanned<Date>,
    /// e.g. `9:00-11:30`.
    pub time: Option<Spanned<String>>,
    /// Ids of the representatives receiving that day.
    pub representatives: Vec<Spanned<String>>,
    /// A note, e.g. the theme of the day.
    pub note: Option<Spanned<String>>,
}
