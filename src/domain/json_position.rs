//! Line and column of a JSON path (`partnerships[3].year`) in the text it was read from, so that
//! every problem can be found in an editor, not only syntax errors.
//!
//! A small scanner over text that serde_json already accepted: it records where each value
//! starts. A path that does not exist in the text (a missing field) points at its nearest
//! enclosing value.

use std::collections::HashMap;

use super::problem::Problem;

/// Deeper values are not indexed; their problems point at the deepest indexed parent.
const MAX_DEPTH: usize = 64;

/// Fills in `position` for every problem that has none.
pub fn locate_all(text: &str, problems: &mut [Problem]) {
    if problems.iter().all(|p| p.position.is_some()) {
        return;
    }
    let index = PathIndex::build(text);
    for p in problems.iter_mut().filter(|p| p.position.is_none()) {
        p.position = index.locate(&p.path).map(|offset| line_column(text, offset));
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

pub struct PathIndex {
    starts: HashMap<String, usize>,
}

impl PathIndex {
    pub fn build(text: &str) -> PathIndex {
        let mut scanner = Scanner { bytes: text.as_bytes(), pos: 0, starts: HashMap::new() };
        scanner.value(String::new(), 0);
        PathIndex { starts: scanner.starts }
    }

    /// Byte offset where the value at `path` starts, or where its nearest parent starts.
    pub fn locate(&self, path: &str) -> Option<usize> {
        let mut p = path;
        loop {
            if let Some(&offset) = self.starts.get(p) {
                return Some(offset);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    starts: HashMap<String, usize>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.pos += 1;
        }
        // A byte-order mark is not JSON, but editors write it.
        if self.bytes[self.pos.min(self.bytes.len())..].starts_with(b"\xEF\xBB\xBF") {
            self.pos += 3;
            self.skip_ws();
        }
    }

    fn value(&mut self, path: String, depth: usize) {
        self.skip_ws();
        self.starts.entry(path.clone()).or_insert(self.pos);
        match self.peek() {
            Some(b'{') => self.object(&path, depth),
            Some(b'[') => self.array(&path, depth),
            Some(b'"') => {
                self.string();
            }
            Some(_) => {
                while !matches!(self.peek(), None | Some(b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')) {
                    self.pos += 1;
                }
            }
            None => {}
        }
    }

    fn child(&self, path: &str, depth: usize, name: String) -> String {
        // Past MAX_DEPTH everything is filed under the parent, so its problems point there.
        if depth >= MAX_DEPTH {
            path.to_string()
        } else {
            name
        }
    }

    fn object(&mut self, path: &str, depth: usize) {
        self.pos += 1;
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'}') | None => {
                    self.pos += 1;
                    return;
                }
                Some(b',') => {
                    self.pos += 1;
                    continue;
                }
                _ => {}
            }
            let key = self.string();
            self.skip_ws();
            if self.peek() == Some(b':') {
                self.pos += 1;
            }
            let name = if path.is_empty() { key } else { format!("{path}.{key}") };
            let child = self.child(path, depth, name);
            self.value(child, depth + 1);
        }
    }

    fn array(&mut self, path: &str, depth: usize) {
        self.pos += 1;
        let mut i = 0;
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b']') | None => {
                    self.pos += 1;
                    return;
                }
                Some(b',') => {
                    self.pos += 1;
                    continue;
                }
                _ => {}
            }
            let child = self.child(path, depth, format!("{path}[{i}]"));
            self.value(child, depth + 1);
            i += 1;
        }
    }

    /// Reads a string at `pos` (on its opening quote) and returns its text.
    fn string(&mut self) -> String {
        if self.peek() != Some(b'"') {
            return String::new();
        }
        self.pos += 1;
        let start = self.pos;
        let mut escaped = false;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => break,
                _ => {}
            }
        }
        let raw = &self.bytes[start..self.pos.saturating_sub(1).max(start)];
        let raw = String::from_utf8_lossy(raw);
        if raw.contains('\\') {
            serde_json::from_str::<String>(&format!("\"{raw}\"")).unwrap_or_else(|_| raw.into_owned())
        } else {
            raw.into_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"schema_version\": 2,\n  \"partnerships\": [\n    { \"id\": \"a\", \"year\": \"1991\" },\n    {\n      \"id\": \"b\",\n      \"authorities\": [\"kr-x\", \"fr-nise\"]\n    }\n  ]\n}\n";

    fn at(path: &str) -> Option<(usize, usize)> {
        PathIndex::build(TEXT).locate(path).map(|o| line_column(TEXT, o))
    }

    #[test]
    fn paths_point_at_the_start_of_their_value() {
        assert_eq!(at("schema_version"), Some((2, 21)));
        assert_eq!(at("partnerships[0].year"), Some((4, 26)));
        assert_eq!(at("partnerships[1].authorities[1]"), Some((7, 31)));
    }

    #[test]
    fn a_missing_field_points_at_its_record() {
        assert_eq!(at("partnerships[1].themes[2]"), at("partnerships[1]"));
        assert_eq!(at("partnerships[1]"), Some((5, 5)));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "{\"name\": \"서울\", \"x\": 1}";
        let index = PathIndex::build(text);
        assert_eq!(line_column(text, index.locate("x").unwrap()), (1, 21));
    }

    #[test]
    fn escaped_keys_and_deep_nesting_do_not_derail_the_scan() {
        let text = format!("{{\"a\\\"b\": 1, \"deep\": {}{}, \"z\": 2}}", "[".repeat(200), "]".repeat(200));
        let index = PathIndex::build(&text);
        assert!(index.locate("a\"b").is_some());
        assert_eq!(line_column(&text, index.locate("z").unwrap()).0, 1);
        assert!(index.locate("z").unwrap() > text.find("\"z\"").unwrap());
    }
}
