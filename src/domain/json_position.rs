//! Line and column of a JSON path (`partnerships[3].year`) in the text it was read from, so that
//! every problem can be found in an editor, not only syntax errors; and what serde_json reads
//! without a word: duplicate keys (it keeps the last) and numbers beyond `f64` (it refuses the
//! whole file).
//!
//! A small scanner over the text: [`scan`] runs before parsing and finds duplicate keys and
//! out-of-range numbers; [`PathIndex::build`] runs once problems need locating and records
//! where each value starts. A path that does not exist in the text (a missing field) points at
//! its nearest enclosing value. Everything here is linear in the size of the text and in the
//! number of problems: a 20 MB file with 150,000 problems is one sweep, not 150,000 rescans.
//! The scanner never panics nor loops on text that is not JSON (serde_json reports that text).

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};

use super::problem::Problem;

/// Deeper values are not indexed; their problems point at the deepest indexed parent.
const MAX_DEPTH: usize = 64;

/// serde_json refuses deeper nesting; the scanner stops there too (no deep recursion).
const MAX_NESTING: usize = 128;

/// Fills in `position` for every problem that has none.
pub fn locate_all(text: &str, problems: &mut [Problem]) {
    locate_all_with(text, problems, &[]);
}

/// Fills in `position` for every problem that has none: at the byte offset given in `known`
/// (`(problem index, offset)`, for what the path alone cannot place, such as the second of two
/// equal keys), otherwise at its path. One sweep over the text for all of them.
pub fn locate_all_with(text: &str, problems: &mut [Problem], known: &[(usize, usize)]) {
    let mut wanted: Vec<(usize, usize)> = known.iter().filter(|(i, _)| problems.get(*i).is_some_and(|p| p.position.is_none())).map(|&(i, o)| (o, i)).collect();
    let placed: FxHashSet<usize> = known.iter().map(|&(i, _)| i).collect();
    let by_path: Vec<usize> = (0..problems.len()).filter(|i| problems[*i].position.is_none() && !placed.contains(i)).collect();
    if !by_path.is_empty() {
        let index = PathIndex::build_for(text, by_path.iter().map(|&i| problems[i].path.as_str()));
        for i in by_path {
            if let Some(offset) = index.locate(&problems[i].path) {
                wanted.push((offset, i));
            }
        }
    }
    wanted.sort_unstable();
    let mut lines = LineCounter::new(text);
    for (offset, i) in wanted {
        problems[i].position = Some(lines.advance_to(offset));
    }
}

/// 1-based line and column (in characters) of a byte offset. One call scans the text up to
/// `offset`: to place many offsets, [`locate_all_with`] sweeps once.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Line and column of increasing offsets, counted from where the last one stopped.
struct LineCounter<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
    /// Characters since the start of the line, up to `pos`.
    column: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter { bytes: text.as_bytes(), pos: 0, line: 1, column: 0 }
    }

    /// As [`line_column`] for `offset`, which must not be before the previous one.
    fn advance_to(&mut self, offset: usize) -> (usize, usize) {
        let end = offset.min(self.bytes.len());
        for &b in &self.bytes[self.pos.min(end)..end] {
            if b == b'\n' {
                self.line += 1;
                self.column = 0;
            } else if b & 0xC0 != 0x80 {
                // Every byte but a UTF-8 continuation byte starts a character.
                self.column += 1;
            }
        }
        self.pos = self.pos.max(end);
        (self.line, self.column + 1)
    }
}

/// What [`scan`] finds that serde_json does not say.
#[derive(Debug, Default, PartialEq)]
pub struct Scan {
    /// Each repeated key of an object, at its second (third…) copy.
    pub duplicates: Vec<Found>,
    /// Each number beyond `f64` (`1e400`).
    pub out_of_range: Vec<Found>,
}

/// One thing [`scan`] found.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The path of the value (`partnerships[3].id`).
    pub path: String,
    /// The record that holds it: an element of a top-level list (`partnerships[3]`), or a
    /// top-level value (`publisher`); empty for a top-level key itself.
    pub record: String,
    /// The key (unescaped), or the number as written.
    pub text: String,
    /// Its bytes in the text: the key with its quotes, or the number.
    pub at: std::ops::Range<usize>,
}

impl Scan {
    /// The text with each out-of-range number replaced by `null` and spaces, at the same length,
    /// so that serde_json reads it and every position stays where it was.
    pub fn without_out_of_range<'t>(&self, text: &'t str) -> Cow<'t, str> {
        if self.out_of_range.is_empty() {
            return Cow::Borrowed(text);
        }
        let mut bytes = text.as_bytes().to_vec();
        for Found { at, .. } in &self.out_of_range {
            // A number token is ASCII and at least 5 bytes ("1e400"): `null` fits.
            bytes[at.clone()].fill(b' ');
            bytes[at.start..at.start + 4].copy_from_slice(b"null");
        }
        Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| text.to_string()))
    }
}

/// Duplicate keys and out-of-range numbers, in one pass over the text.
pub fn scan(text: &str) -> Scan {
    let mut scanner = Scanner::new(text, false, None);
    scanner.value(0);
    scanner.found
}

pub struct PathIndex {
    starts: FxHashMap<String, usize>,
}

impl PathIndex {
    /// Where every value starts.
    pub fn build(text: &str) -> PathIndex {
        let mut scanner = Scanner::new(text, true, None);
        scanner.value(0);
        PathIndex { starts: scanner.starts }
    }

    /// Where the values at `paths` and at their parents start, and nothing else: a 20 MB file
    /// holds millions of values, and a map of them all costs more than the scan.
    pub fn build_for<'p>(text: &str, paths: impl Iterator<Item = &'p str>) -> PathIndex {
        let mut wanted = FxHashSet::default();
        for path in paths {
            let mut p = path;
            while wanted.insert(p) {
                match p.rfind(['.', '[']) {
                    Some(cut) => p = &p[..cut],
                    None => break,
                }
            }
        }
        wanted.insert("");
        let mut scanner = Scanner::new(text, true, Some(&wanted));
        scanner.value(0);
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

/// The keys of one object so far, with a hash set once there are many (a record has about 15).
#[derive(Default)]
struct Keys<'a> {
    few: Vec<Cow<'a, str>>,
    many: FxHashSet<Cow<'a, str>>,
}

impl<'a> Keys<'a> {
    fn clear(&mut self) {
        self.few.clear();
        self.many.clear();
    }

    /// `false` when `key` was already there.
    fn insert(&mut self, key: Cow<'a, str>) -> bool {
        if self.many.is_empty() {
            if self.few.contains(&key) {
                return false;
            }
            self.few.push(key);
            if self.few.len() > 16 {
                self.many.extend(self.few.drain(..));
            }
            true
        } else {
            self.many.insert(key)
        }
    }
}

struct Scanner<'a, 'w> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// The path of the value being read (`partnerships[3].year`), grown and cut as it goes.
    path: String,
    /// Record where each value starts ([`PathIndex`]); otherwise look for what [`Scan`] lists.
    index: bool,
    /// When indexing, only these paths (all when `None`).
    wanted: Option<&'w FxHashSet<&'w str>>,
    /// How much of `path` names the record being read (see [`Found::record`]).
    record: usize,
    starts: FxHashMap<String, usize>,
    found: Scan,
    spare_keys: Vec<Keys<'a>>,
}

impl<'a, 'w> Scanner<'a, 'w> {
    fn new(text: &'a str, index: bool, wanted: Option<&'w FxHashSet<&'w str>>) -> Self {
        Scanner { text, bytes: text.as_bytes(), pos: 0, path: String::new(), index, wanted, record: 0, starts: FxHashMap::default(), found: Scan::default(), spare_keys: Vec::new() }
    }

    // Inlined: called on every byte between tokens, and the size-first build would keep it a call.
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        loop {
            while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
                self.pos += 1;
            }
            // A byte-order mark is not JSON, but editors write it.
            if self.peek() != Some(0xEF) || !self.bytes[self.pos..].starts_with(b"\xEF\xBB\xBF") {
                return;
            }
            self.pos += 3;
        }
    }

    fn value(&mut self, depth: usize) {
        self.skip_ws();
        if depth <= 1 {
            self.record = self.path.len();
        }
        if self.index {
            let wanted = self.wanted.is_none_or(|w| w.contains(self.path.as_str()));
            if wanted && !self.starts.contains_key(&self.path) {
                self.starts.insert(self.path.clone(), self.pos);
            }
            // The wanted paths hold every parent of each, so nothing inside an unwanted object
            // or list is wanted either: it is skipped without building its paths (with 200
            // problems to place in 150,000 records, that is nearly the whole file).
            if !wanted && matches!(self.peek(), Some(b'{' | b'[')) {
                self.skip_nested();
                return;
            }
        }
        match self.peek() {
            // Deeper than serde_json reads: skipped without recursion, so the stack stays bounded.
            Some(b'{' | b'[') if depth >= MAX_NESTING => self.skip_nested(),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => {
                self.skip_string();
            }
            Some(_) => {
                let start = self.pos;
                while !matches!(self.peek(), None | Some(b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')) {
                    self.pos += 1;
                }
                if !self.index && is_out_of_range(&self.bytes[start..self.pos]) {
                    let text = self.text.get(start..self.pos).unwrap_or_default().to_string();
                    let found = self.found(text, start..self.pos);
                    self.found.out_of_range.push(found);
                }
            }
            None => {}
        }
    }

    fn object(&mut self, depth: usize) {
        // Key sets are kept for the next objects: one allocation per level, not per object.
        let mut keys = self.spare_keys.pop().unwrap_or_default();
        self.object_with(depth, &mut keys);
        keys.clear();
        self.spare_keys.push(keys);
    }

    fn object_with(&mut self, depth: usize, keys: &mut Keys<'a>) {
        self.pos += 1;
        loop {
            let before = self.pos;
            self.skip_ws();
            match self.peek() {
                None => return,
                Some(b'}') => {
                    self.pos += 1;
                    return;
                }
                Some(b',') => {
                    self.pos += 1;
                    continue;
                }
                _ => {}
            }
            let key_at = self.pos;
            let key = self.key();
            self.skip_ws();
            if self.peek() == Some(b':') {
                self.pos += 1;
            }
            let len = self.path.len();
            // Past MAX_DEPTH everything is filed under the parent, so its problems point there.
            if depth < MAX_DEPTH {
                if !self.path.is_empty() {
                    self.path.push('.');
                }
                self.path.push_str(&key);
            }
            if !self.index && !keys.insert(key.clone()) {
                if depth == 0 {
                    self.record = 0;
                }
                let found = self.found(key.into_owned(), key_at..self.pos);
                self.found.duplicates.push(found);
            }
            self.value(depth + 1);
            self.path.truncate(len);
            // Text that is not JSON (serde_json says so) must not stop the scan in one place.
            if self.pos == before {
                self.pos += 1;
            }
        }
    }

    fn array(&mut self, depth: usize) {
        self.pos += 1;
        let mut i = 0;
        loop {
            let before = self.pos;
            self.skip_ws();
            match self.peek() {
                None => return,
                Some(b']') => {
                    self.pos += 1;
                    return;
                }
                Some(b',') => {
                    self.pos += 1;
                    continue;
                }
                _ => {}
            }
            let len = self.path.len();
            if depth < MAX_DEPTH {
                push_index(&mut self.path, i);
            }
            if depth == 1 {
                self.record = self.path.len();
            }
            self.value(depth + 1);
            self.path.truncate(len);
            i += 1;
            if self.pos == before {
                self.pos += 1;
            }
        }
    }

    fn found(&self, text: String, at: std::ops::Range<usize>) -> Found {
        Found { path: self.path.clone(), record: self.path[..self.record.min(self.path.len())].to_string(), text, at }
    }

    /// Skips the object or list at `pos`, however deep, with a counter instead of recursion.
    fn skip_nested(&mut self) {
        let mut open = 0usize;
        while let Some(b) = self.peek() {
            match b {
                b'"' => {
                    self.skip_string();
                    continue;
                }
                b'{' | b'[' => open += 1,
                b'}' | b']' => open = open.saturating_sub(1),
                _ => {}
            }
            self.pos += 1;
            if open == 0 {
                return;
            }
        }
    }

    /// Skips a string at `pos` (on its opening quote): the byte range of its text, and whether
    /// it holds escapes.
    fn skip_string(&mut self) -> (usize, usize, bool) {
        self.pos += 1;
        let start = self.pos;
        let mut escapes = false;
        // To the next quote or backslash at once: most of a file is the text of its strings.
        while let Some(n) = self.bytes[self.pos.min(self.bytes.len())..].iter().position(|&b| b == b'"' || b == b'\\') {
            self.pos += n + 1;
            if self.bytes[self.pos - 1] == b'"' {
                return (start, self.pos - 1, escapes);
            }
            // A backslash: the next byte is escaped, whatever it is.
            escapes = true;
            self.pos += 1;
        }
        self.pos = self.bytes.len();
        (start, self.bytes.len(), escapes)
    }

    /// A key at `pos` (on its opening quote), unescaped as serde_json reads it: `"\u0069d"` is
    /// `"id"`.
    fn key(&mut self) -> Cow<'a, str> {
        if self.peek() != Some(b'"') {
            return Cow::Borrowed("");
        }
        let (start, end, escapes) = self.skip_string();
        let raw = self.text.get(start..end).unwrap_or("");
        if escapes {
            serde_json::from_str::<String>(&format!("\"{raw}\"")).map_or(Cow::Borrowed(raw), Cow::Owned)
        } else {
            Cow::Borrowed(raw)
        }
    }
}

/// Appends `[i]` to a path: as `write!(path, "[{i}]")`, without the formatting machinery (once
/// per element of every list in the file).
fn push_index(path: &mut String, mut i: usize) {
    let mut digits = [0u8; 20];
    let mut n = digits.len();
    loop {
        n -= 1;
        digits[n] = b'0' + (i % 10) as u8;
        i /= 10;
        if i == 0 {
            break;
        }
    }
    path.push('[');
    path.push_str(std::str::from_utf8(&digits[n..]).unwrap_or_default());
    path.push(']');
}

/// A JSON number (`-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`) too large for an `f64`, which
/// serde_json refuses ("number out of range"). Anything else, `-inf` included, is left to it.
fn is_out_of_range(token: &[u8]) -> bool {
    let digits = |s: &[u8]| s.iter().take_while(|b| b.is_ascii_digit()).count();
    let mut i = usize::from(token.first() == Some(&b'-'));
    let int = digits(&token[i..]);
    if int == 0 || (int > 1 && token[i] == b'0') {
        return false;
    }
    i += int;
    if token.get(i) == Some(&b'.') {
        let frac = digits(&token[i + 1..]);
        if frac == 0 {
            return false;
        }
        i += 1 + frac;
    }
    if matches!(token.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(token.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp = digits(&token[i..]);
        if exp == 0 {
            return false;
        }
        i += exp;
    }
    // "1e309" is the shortest: anything shorter fits.
    i == token.len() && token.len() >= 5 && std::str::from_utf8(token).ok().and_then(|s| s.parse::<f64>().ok()).is_some_and(f64::is_infinite)
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

    #[test]
    fn one_sweep_places_problems_as_line_column_does() {
        // Multi-line, multibyte (Hangul, accents, an emoji), CRLF and LF, problems out of order.
        let text = "{\r\n  \"a\": \"서울\",\n  \"b\": [\"é\", \"🗺\", {\"c\": 1}],\n\n  \"d\": {\"e\": \"Île-de-France\", \"f\": null}\n}\n";
        let paths = ["d.f", "a", "b[2].c", "b[1]", "missing", "d", "b[2].c", "$"];
        let mut problems: Vec<Problem> = paths.iter().map(|p| Problem::at(*p, "x")).collect();
        locate_all(text, &mut problems);
        let index = PathIndex::build(text);
        for p in &problems {
            assert_eq!(p.position, index.locate(&p.path).map(|o| line_column(text, o)), "{}", p.path);
        }
        assert_eq!(problems[0].position, Some((5, 36)));
        // Known offsets are placed in the same sweep.
        let mut two = vec![Problem::at("a", "x"), Problem::at("a", "y")];
        let second_b = text.find("\"🗺\"").unwrap();
        locate_all_with(text, &mut two, &[(1, second_b)]);
        assert_eq!(two[1].position, Some(line_column(text, second_b)));
        assert_eq!(two[0].position, Some((2, 8)));
    }

    #[test]
    fn duplicate_keys_are_found_where_the_second_copy_stands() {
        let text = "{\"partnerships\": [{\"id\": \"seoul-paris\", \"\\u0069d\": \"smuggled-pair\"}], \"partnerships\": []}";
        let found = scan(text);
        let second_id = text.find("\"\\u0069d\"").unwrap();
        let second_list = text.rfind("\"partnerships\"").unwrap();
        let seen: Vec<(&str, &str, &str, usize)> = found.duplicates.iter().map(|f| (f.path.as_str(), f.record.as_str(), f.text.as_str(), f.at.start)).collect();
        assert_eq!(seen, [("partnerships[0].id", "partnerships[0]", "id", second_id), ("partnerships", "", "partnerships", second_list)]);
        assert!(found.out_of_range.is_empty());
        // Keys equal only after many others still count (the hash set past 16 keys).
        let many: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
        let text = format!("{{{}, \"k3\": 0}}", many.join(", "));
        assert_eq!(scan(&text).duplicates.len(), 1);
    }

    #[test]
    fn numbers_beyond_f64_are_found_and_read_as_null_in_place() {
        let text = "{\"a\": [1e400, -1E+309, 1e308, 0e999, 1.5, \"1e400\"], \"b\": 100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000}";
        let found = scan(text);
        let paths: Vec<(&str, &str)> = found.out_of_range.iter().map(|f| (f.path.as_str(), f.record.as_str())).collect();
        assert_eq!(paths, [("a[0]", "a[0]"), ("a[1]", "a[1]"), ("b", "b")]);
        assert_eq!(found.out_of_range[1].text, "-1E+309");
        let patched = found.without_out_of_range(text);
        assert_eq!(patched.len(), text.len());
        let value: serde_json::Value = serde_json::from_str(&patched).unwrap();
        assert_eq!(value["a"][0], serde_json::Value::Null);
        assert_eq!(value["a"][5], "1e400");
        assert!(serde_json::from_str::<serde_json::Value>(text).is_err(), "serde_json refuses the original");
        // Not JSON numbers: left to serde_json.
        for t in ["-inf", "infinity", "01e400", "1.e400", "1e", "NaN"] {
            assert!(!is_out_of_range(t.as_bytes()), "{t}");
        }
    }

    #[test]
    fn an_index_is_written_as_format_writes_it() {
        for i in [0, 7, 10, 99, 150_000, usize::MAX] {
            let mut path = "a".to_string();
            push_index(&mut path, i);
            assert_eq!(path, format!("a[{i}]"));
        }
    }

    #[test]
    fn the_scanner_ends_on_text_that_is_not_json() {
        let bom = "\u{FEFF}".repeat(100_000);
        let deep = "[".repeat(1_000_000);
        for text in ["{]", "[}", "{{{{", "{\"a\" \"b\" ]]]", "\"unterminated", "{\"a\":\"\\", ",,,:::", &bom, &deep, "{\"x\": 1e400"] {
            let _ = scan(text);
            let _ = PathIndex::build(text);
        }
    }
}
