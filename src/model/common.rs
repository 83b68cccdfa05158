//! Values shared by every record: positions, dates and the enumerations of the format.

use crate::diag::Pos;

/// A value and the position in its file where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it starts.
    pub pos: Pos,
}

impl<T> Spanned<T> {
    /// Wraps `value` found at `pos`.
    pub fn new(value: T, pos: Pos) -> Spanned<T> {
        Spanned { value, pos }
    }
}

impl Spanned<String> {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.value
    }
}

/// A calendar date (`YYYY-MM-DD`).
pub type Date = time::Date;

/// Parses `YYYY-MM-DD` strictly (four-digit year, two-digit month and day).
pub fn parse_date(text: &str) -> Option<Date> {
    let b = text.trim().as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = std::str::from_utf8(&b[r]).ok()?;
        if !s.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    };
    let year = num(0..4)? as i32;
    let month = time::Month::try_from(num(5..7)? as u8).ok()?;
    Date::from_calendar_date(year, month, num(8..10)? as u8).ok()
}

/// An enumerated field: written as its English key or its Chinese label.
pub trait Choice: Sized + Copy + 'static {
    /// Every value, in display order.
    const ALL: &'static [Self];
    /// The English key (`county`), also used in URLs and CSS classes.
    fn key(self) -> &'static str;
    /// The Chinese label used in the format (`县级`).
    fn label(self) -> &'static str;
    /// Other spellings keepers use (`区级` for county).
    fn aliases(self) -> &'static [&'static str] {
        &[]
    }

    /// Reads `county`, `县级`, `county (县级)` or an alias.
    fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let head = text.split(['(', '（']).next().unwrap_or(text).trim();
        Self::ALL.iter().copied().find(|c| {
            c.key().eq_ignore_ascii_case(head)
                || c.label() == head
                || c.label() == text
                || c.aliases().contains(&head)
        })
    }

    /// The accepted values, for messages: `national (全国), provincial (省级), …`.
    fn allowed() -> String {
        let items: Vec<String> = Self::ALL
            .iter()
            .map(|c| format!("{} ({})", c.key(), c.label()))
            .collect();
        items.join(", ")
    }
}

macro_rules! choice {
    ($(#[$meta:meta])* $name:ident {
        $($(#[$vmeta:meta])* $variant:ident = $key:literal / $label:literal $(| $alias:literal)*),+ $(,)?
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl Choice for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];
            fn key(self) -> &'static str { match self { $($name::$variant => $key),+ } }
            fn label(self) -> &'static str { match self { $($name::$variant => $label),+ } }
            fn aliases(self) -> &'static [&'static str] {
                match self { $($name::$variant => &[$($alias),*]),+ }
            }
        }
    };
}

choice! {
    /// The level of congress a representative sits in.
    Level {
        /// 全国人民代表大会
        National = "national" / "全国" | "全国人大代表",
        /// 省级
        Provincial = "provincial" / "省级" | "省人大代表",
        /// 设区的市级
        City = "city" / "市级" | "市人大代表",
        /// 县级（含不设区的市、市辖区）
        County = "county" / "县级" | "区级" | "县区级" | "县人大代表" | "区人大代表",
        /// 乡镇级
        Township = "township" / "乡镇" | "乡镇级" | "乡级" | "镇级" | "乡镇人大代表",
    }
}

choice! {
    /// Gender, as published.
    Gender {
        /// 男
        Male = "male" / "男",
        /// 女
        Female = "female" / "女",
    }
}

choice! {
    /// Tier of the liaison network: 站, 点, 室.
    Tier {
        /// 代表联络站
        Station = "station" / "站" | "联络站",
        /// 代表联络点
        Point = "point" / "点" | "联络点",
        /// 代表工作室
        Office = "office" / "室" | "工作室",
    }
}

choice! {
    /// How a station receives people.
    StationKind {
        /// A fixed address.
        Fixed = "fixed" / "固定",
        /// A mobile station that moves between villages and markets.
        Mobile = "mobile" / "流动",
        /// Online only.
        Online = "online" / "云端" | "线上",
    }
}

choice! {
    /// Kind of a report.
    ReportKind {
        /// 述职: a representative reports back to voters.
        ReportBack = "report-back" / "述职",
        /// 建议: a suggestion and its handling.
        Suggestion = "suggestion" / "建议",
        /// 调研: a survey or inspection.
        Survey = "survey" / "调研",
        /// 接待: a reception day.
        Reception = "reception" / "接待",
        /// 活动: an activity.
        Activity = "activity" / "活动",
        /// 新闻: news.
        News = "news" / "新闻",
    }
}

choice! {
    /// Where a suggestion stands.
    Status {
        /// 已提交
        Submitted = "submitted" / "已提交",
        /// 办理中
        Handling = "handling" / "办理中",
        /// 已答复
        Answered = "answered" / "已答复",
        /// 已解决
        Resolved = "resolved" / "已解决" | "已办结",
    }
}

choice! {
    /// How satisfied the representative was with the answer.
    Satisfaction {
        /// 满意
        Satisfied = "satisfied" / "满意",
        /// 基本满意
        Basically = "basically" / "基本满意",
        /// 不满意
        Unsatisfied = "unsatisfied" / "不满意",
    }
}

choice! {
    /// Kind of a contact.
    ContactKind {
        /// Office phone.
        Phone = "phone" / "电话" | "办公电话",
        /// Mobile phone.
        Mobile = "mobile" / "手机",
        /// E-mail.
        Email = "email" / "邮箱" | "电子邮箱",
        /// WeChat id.
        Wechat = "wechat" / "微信",
        /// Postal address.
        Address = "address" / "地址" | "通讯地址",
        /// Web site.
        Website = "website" / "网站" | "网址",
        /// Anything else.
        Other = "other" / "其他",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_accept_key_label_and_both() {
        assert_eq!(Level::parse("county"), Some(Level::County));
        assert_eq!(Level::parse("County"), Some(Level::County));
        assert_eq!(Level::parse("县级"), Some(Level::County));
        assert_eq!(Level::parse("county (县级)"), Some(Level::County));
        assert_eq!(Level::parse("区级"), Some(Level::County));
        assert_eq!(
            ReportKind::parse("report-back"),
            Some(ReportKind::ReportBack)
        );
        assert_eq!(Level::parse("galactic"), None);
        assert!(Level::allowed().starts_with("national (全国), provincial (省级)"));
    }

    #[test]
    fn dates_are_strict() {
        assert!(parse_date("2026-02-28").is_some());
        assert!(parse_date("2026-02-30").is_none());
        assert!(parse_date("2026-2-3").is_none());
        assert!(parse_date("2026/02/03").is_none());
        assert!(parse_date("２０２６-02-03").is_none());
    }
}
