//! Markdown → safe HTML: pulldown-cmark, heading anchors, then ammonia.
//!
//! Keepers paste text from Word and web pages; anything that could run in a reader's
//! browser (script, iframe, style, event handlers, `javascript:` and `data:` URLs) is
//! removed, whatever the Markdown says. Pure: text in, HTML out.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// Renders Markdown to sanitised HTML.
pub fn to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let events: Vec<Event> = Parser::new_ext(markdown, options).collect();
    let events = with_heading_ids(events);
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, events.into_iter());
    sanitizer().clean(&raw).to_string()
}

/// The first paragraph's text, for summaries and meta descriptions.
pub fn first_paragraph(markdown: &str) -> String {
    let mut text = String::new();
    let mut inside = false;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Paragraph) => inside = true,
            Event::End(TagEnd::Paragraph) if inside => break,
            Event::Text(t) | Event::Code(t) if inside => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak if inside => text.push(' '),
            _ => {}
        }
    }
    text.trim().to_owned()
}

/// One level down: the page's own title is the only `h1`, so a body's `#` is an `h2`.
fn demoted(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Gives each heading an `id` from its text, so sections can be linked to, and moves it
/// one level down (see [`demoted`]).
fn with_heading_ids(mut events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut used: HashMap<String, usize> = HashMap::new();
    for i in 0..events.len() {
        match &events[i] {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                let (level, classes, attrs) = (*level, classes.clone(), attrs.clone());
                let id = match id {
                    Some(id) => id.clone(),
                    None => {
                        let text = heading_text(&events[i + 1..]);
                        let mut id = anchor(&text, level);
                        let n = used.entry(id.clone()).or_insert(0);
                        *n += 1;
                        if *n > 1 {
                            id = format!("{id}-{n}");
                        }
                        CowStr::from(id)
                    }
                };
                events[i] = Event::Start(Tag::Heading {
                    level: demoted(level),
                    id: Some(id),
                    classes,
                    attrs,
                });
            }
            Event::End(TagEnd::Heading(level)) => {
                events[i] = Event::End(TagEnd::Heading(demoted(*level)))
            }
            _ => {}
        }
    }
    events
}

/// The plain text of a heading whose content starts `events`.
fn heading_text(events: &[Event<'_>]) -> String {
    let mut text = String::new();
    for e in events {
        match e {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            _ => {}
        }
    }
    text
}

fn anchor(text: &str, level: HeadingLevel) -> String {
    let mut id = String::new();
    for c in text.trim().chars() {
        if c.is_alphanumeric() {
            id.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-') && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_matches('-');
    if id.is_empty() {
        format!("h{}", level as usize)
    } else {
        format!("h-{id}")
    }
}

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.url_schemes(HashSet::from(["http", "https", "mailto", "tel", "geo"]))
            .link_rel(Some("noopener noreferrer"))
            .add_tag_attributes("h1", ["id"])
            .add_tag_attributes("h2", ["id"])
            .add_tag_attributes("h3", ["id"])
            .add_tag_attributes("h4", ["id"])
            .add_tag_attributes("h5", ["id"])
            .add_tag_attributes("h6", ["id"])
            .add_tag_attributes("li", ["id"])
            .add_tag_attributes("sup", ["id"])
            .add_tag_attributes("div", ["id"])
            .add_tag_attributes("input", ["type", "checked", "disabled"])
            .add_tags(["input"])
            .add_tag_attributes("th", ["style"])
            .add_tag_attributes("td", ["style"])
            .add_allowed_classes("div", ["footnote-definition"])
            .add_allowed_classes("sup", ["footnote-reference"])
            .add_allowed_classes("span", ["footnote-definition-label"])
            .id_prefix(None);
        b.attribute_filter(|element, attribute, value| {
            // Table alignment comes as `style="text-align: …"`; nothing else may style.
            if attribute == "style" && !matches!(element, "th" | "td") {
                return None;
            }
            if attribute == "style" && !value.starts_with("text-align:") {
                return None;
            }
            if element == "input" && attribute == "type" && value != "checkbox" {
                return None;
            }
            // Pages make no request that leaves the site: no remote images.
            if element == "img"
                && attribute == "src"
                && (value.contains("//") || value.contains(':'))
            {
                return None;
            }
            Some(value.into())
        });
        b
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_tables_footnotes_tasks_and_anchors() {
        let html = to_html(
            "## 一、基本情况\n\n|a|b|\n|-|-:|\n|1|2|\n\n- [x] 完成\n\n脚注[^1]\n\n[^1]: 说明\n\n~~删~~\n",
        );
        assert!(html.contains("<h3 id=\"h-一基本情况\">"), "{html}");
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("text-align: right"), "{html}");
        assert!(html.contains("type=\"checkbox\""), "{html}");
        assert!(html.contains("footnote-reference"), "{html}");
        assert!(html.contains("<del>"), "{html}");
    }

    #[test]
    fn removes_everything_that_could_run() {
        let html = to_html(
            "<script>alert(1)</script>\n\n<iframe src=\"https://evil.example\"></iframe>\n\n\
             <img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) [y](data:text/html,<script>)\n\n\
             <style>body{}</style>\n\n<p style=\"background:url(x)\" onclick=\"a()\">p</p>\n\n\
             <img src=\"https://tracker.example/p.gif\">\n",
        );
        for bad in [
            "<script",
            "alert(1)</",
            "<iframe",
            "onerror",
            "javascript:",
            "data:",
            "<style",
            "onclick",
            "background",
            "tracker",
        ] {
            assert!(!html.contains(bad), "{bad} survived: {html}");
        }
    }

    #[test]
    fn first_paragraph_skips_headings() {
        assert_eq!(
            first_paragraph("# 标题\n\n第一段\n文字。\n\n第二段"),
            "第一段 文字。"
        );
    }

    #[test]
    fn repeated_headings_get_distinct_ids() {
        let html = to_html("## 概况\n\n## 概况\n");
        assert!(
            html.contains("id=\"h-概况\"") && html.contains("id=\"h-概况-2\""),
            "{html}"
        );
    }
}
