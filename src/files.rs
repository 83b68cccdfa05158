//! Reading the keeper's text files: size limits, byte-order marks, line ends, encodings.
//!
//! Offices write their files with whatever Windows gives them: a UTF-8 BOM, CRLF line
//! ends, or GBK/GB18030 from an older editor. All of that is read correctly here, once,
//! so that no later stage sees anything but clean UTF-8 with `\n` line ends. A file that
//! is none of those is refused with a message rather than turned into mojibake.

use std::io::Read;
use std::path::Path;

use crate::messages::Msg;

/// Largest YAML record we read; a real record is a few KiB.
pub const MAX_RECORD_BYTES: u64 = 1024 * 1024;
/// Largest Markdown report we read.
pub const MAX_REPORT_BYTES: u64 = 4 * 1024 * 1024;

/// Text read from a file, and the encoding it was converted from when not UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// Clean UTF-8 with `\n` line ends and no byte-order mark.
    pub text: String,
    /// `Some("GB18030")` when the file had to be converted.
    pub decoded_from: Option<&'static str>,
}

/// Reads a text file of at most `limit` bytes.
pub fn read_text(path: &Path, limit: u64) -> Result<Text, Msg> {
    decode(&read_bytes(path, limit)?)
}

/// Reads a binary file of at most `limit` bytes.
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, Msg> {
    let file = std::fs::File::open(path).map_err(|e| Msg::ReadFailed {
        reason: e.to_string(),
    })?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Msg::ReadFailed {
            reason: e.to_string(),
        })?;
    if bytes.len() as u64 > limit {
        return Err(Msg::FileTooLarge {
            limit_kib: limit / 1024,
        });
    }
    Ok(bytes)
}

/// Turns a file's bytes into clean text (pure; see the module comment).
pub fn decode(bytes: &[u8]) -> Result<Text, Msg> {
    let (text, decoded_from) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (utf8(rest)?, None)
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        // Notepad's "Unicode": UTF-16 with a byte-order mark.
        let (enc, skip) =
            encoding_rs::Encoding::for_bom(bytes).unwrap_or((encoding_rs::UTF_16LE, 2));
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[skip..]);
        if had_errors {
            return Err(Msg::Undecodable);
        }
        (text.into_owned(), Some("UTF-16"))
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_owned(), None)
    } else {
        let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
        if had_errors {
            return Err(Msg::Undecodable);
        }
        (text.into_owned(), Some("GB18030"))
    };
    if text.contains('\0') {
        return Err(Msg::Undecodable);
    }
    Ok(Text {
        text: normalise_line_ends(text),
        decoded_from,
    })
}

fn utf8(bytes: &[u8]) -> Result<String, Msg> {
    std::str::from_utf8(bytes)
        .map(str::to_owned)
        .map_err(|_| Msg::Undecodable)
}

fn normalise_line_ends(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_crlf() {
        let t = decode(b"\xEF\xBB\xBFname: a\r\nlevel: county\r\n").unwrap();
        assert_eq!(t.text, "name: a\nlevel: county\n");
        assert_eq!(t.decoded_from, None);
    }

    #[test]
    fn reads_gbk_as_gb18030() {
        let (bytes, _, _) = encoding_rs::GBK.encode("name: 张三\n");
        let t = decode(&bytes).unwrap();
        assert_eq!(t.text, "name: 张三\n");
        assert_eq!(t.decoded_from, Some("GB18030"));
    }

    #[test]
    fn reads_utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "name: 张三".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().text, "name: 张三");
    }

    #[test]
    fn refuses_binary() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(Msg::Undecodable)
        );
    }
}
