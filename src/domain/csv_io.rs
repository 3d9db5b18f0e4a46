//! CSV export and import of partnerships, for editing the data in a spreadsheet.
//!
//! One row per partnership, with the columns of its two authorities (`kr_…` then `fr_…`), so a
//! row reads on its own. [`export_csv`] writes UTF-8 with a byte-order mark (Excel then reads
//! Hangul correctly). [`import_csv`] reads such a file back: it builds a schema-2 document from
//! the rows and the vocabularies of a base dataset, validates it with the same
//! [`load_dataset`] as the JSON file, and locates every problem by row and column as a
//! spreadsheet numbers them (row 1 is the header, a blank line is a row).
//!
//! Cell conventions (see [`COLUMNS`]): an empty cell is `null`; lists (`themes`, `uncertain`)
//! are joined by `"; "`; `sources` has one source a line, `Title | https://url`, or just `Title`
//! when the source has no link; `milestones` and `wording` are the compact JSON lists of the
//! file's milestone and wording objects; numbers use Rust's shortest round-trip form. Export then import is lossless, except
//! for texts that start or end with spaces and source titles that hold a line break.
//!
//! A text cell that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a
//! tab or a carriage return: OWASP's CSV-injection list) is written with a `'` in front and in
//! quotes, so `=HYPERLINK(…)` from a previewed file shows as text; the import takes that `'`
//! off again. The numbers the exporter writes itself (year, coordinates, population) stay plain:
//! a longitude west of Greenwich is negative.
//!
//! Bytes and strings only (no file I/O), so this module builds for the browser too.

use std::collections::HashMap;
use std::str::FromStr;

use serde_json::{json, Map, Value};

use super::dataset::Dataset;
use super::export::{raw_authority, raw_event, raw_partnership, to_document};
use super::load::{load_dataset, Loaded};
use super::model::{RawAuthority, RawLocalized, RawLocation, RawPartnership, RawPopulation, RawSource};
use super::problem::Problem;

/// The columns of a partnership, in file order.
pub const PARTNERSHIP_COLUMNS: [&str; 15] = [
    "id", "status", "kind", "term", "year", "date", "themes", "summary_fr", "summary_ko", "summary_en",
    "milestones", "uncertain", "last_verified", "sources", "wording",
];

/// The columns of an authority, in file order, each written twice: `kr_…` then `fr_…`.
pub const AUTHORITY_COLUMNS: [&str; 18] = [
    "id", "name_fr", "name_ko", "name_en", "kind", "region", "lat", "lng", "population",
    "population_year", "website", "notes_fr", "notes_ko", "notes_en", "uncertain", "last_verified",
    "sources", "aliases",
];

/// Columns an imported file must have: the fields the schema requires. A missing optional
/// column reads as empty (`null`) in every row.
pub const REQUIRED_COLUMNS: [&str; 8] = ["id", "status", "kr_id", "kr_name_fr", "kr_region", "fr_id", "fr_name_fr", "fr_region"];

/// How many columns a file has: 15 for the partnership, 18 for each authority.
pub const COLUMN_COUNT: usize = PARTNERSHIP_COLUMNS.len() + 2 * AUTHORITY_COLUMNS.len();

/// Every column name, in file order.
pub fn columns() -> Vec<String> {
    let mut names: Vec<String> = PARTNERSHIP_COLUMNS.iter().map(|c| c.to_string()).collect();
    for side in [Side::Korean, Side::French] {
        names.extend(AUTHORITY_COLUMNS.iter().map(|c| format!("{}{c}", side.prefix())));
    }
    names
}

const BOM: &str = "\u{feff}";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Korean,
    French,
}

impl Side {
    fn prefix(self) -> &'static str {
        match self {
            Side::Korean => "kr_",
            Side::French => "fr_",
        }
    }
    fn country(self) -> &'static str {
        match self {
            Side::Korean => "KR",
            Side::French => "FR",
        }
    }
    fn adjective(self) -> &'static str {
        match self {
            Side::Korean => "Korean",
            Side::French => "French",
        }
    }
    /// Index of the first column of this side's authority.
    fn offset(self) -> usize {
        match self {
            Side::Korean => PARTNERSHIP_COLUMNS.len(),
            Side::French => PARTNERSHIP_COLUMNS.len() + AUTHORITY_COLUMNS.len(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Export

/// The partnerships `pairs` (indices into `ds.partnerships`, in the order given) as CSV text:
/// a byte-order mark, the header row, then one row per partnership. Indices out of range are
/// skipped.
pub fn export_csv(ds: &Dataset, pairs: &[usize]) -> String {
    let mut out = String::from(BOM);
    write_row(&mut out, &columns(), &[]);
    // The columns whose cells are numbers the exporter wrote: never neutralised.
    let numeric: Vec<usize> = columns()
        .iter()
        .enumerate()
        .filter(|(_, c)| NUMBER_COLUMNS.contains(&c.trim_start_matches("kr_").trim_start_matches("fr_")))
        .map(|(i, _)| i)
        .collect();
    for p in pairs.iter().filter_map(|&i| ds.partnerships.get(i)) {
        let mut row = partnership_cells(&raw_partnership(p));
        for id in [&p.korean, &p.french] {
            match ds.authority(id) {
                Some(a) => row.extend(authority_cells(&raw_authority(a))),
                // Only a dataset built by hand can have a dangling id: write the id alone.
                None => {
                    row.push(id.clone());
                    row.extend(std::iter::repeat_n(String::new(), AUTHORITY_COLUMNS.len() - 1));
                }
            }
        }
        write_row(&mut out, &row, &numeric);
    }
    out
}

/// The columns (without their `kr_`/`fr_` side) whose cells the exporter writes from numbers.
const NUMBER_COLUMNS: [&str; 5] = ["year", "lat", "lng", "population", "population_year"];

/// What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a text cell needs a `'` in front: it starts with a formula character, or with `'`s
/// and then one (so that the import, which takes one `'` off, gives the text back unchanged).
fn is_formula_like(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// A cell as the export wrote it, back to its text: one `'` in front of a formula start is
/// taken off (see [`is_formula_like`]).
fn unneutralise(cell: String) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if is_formula_like(rest) => rest.to_string(),
        _ => cell,
    }
}

/// One CSV record and its `\n`, quoted as the `csv` crate quotes (a cell with a comma, a quote or
/// a line break), and a formula-like text cell (not in `numeric`) with `'` in front, in quotes.
fn write_row(out: &mut String, cells: &[String], numeric: &[usize]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let neutralise = !numeric.contains(&i) && is_formula_like(cell);
        if neutralise || cell.contains([',', '"', '\n', '\r']) {
            out.push('"');
            if neutralise {
                out.push('\'');
            }
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(cell);
        }
    }
    out.push('\n');
}

fn partnership_cells(p: &RawPartnership) -> Vec<String> {
    let summary = p.summary.clone().unwrap_or_default();
    vec![
        p.id.clone(),
        p.status.clone(),
        opt(&p.kind),
        opt(&p.term),
        p.year.map(|y| y.to_string()).unwrap_or_default(),
        opt(&p.date),
        p.themes.join("; "),
        opt(&summary.fr),
        opt(&summary.ko),
        opt(&summary.en),
        if p.milestones.is_empty() { String::new() } else { serde_json::to_string(&p.milestones).unwrap_or_default() },
        p.uncertain.join("; "),
        opt(&p.last_verified),
        sources_cell(&p.sources),
        if p.wording.is_empty() { String::new() } else { serde_json::to_string(&p.wording).unwrap_or_default() },
    ]
}

/// The 18 cells of an authority, as export writes them. Also the canonical form against which
/// the repetitions of an authority are compared on import.
fn authority_cells(a: &RawAuthority) -> Vec<String> {
    let notes = a.notes.clone().unwrap_or_default();
    vec![
        a.id.clone(),
        opt(&a.name.fr),
        opt(&a.name.ko),
        opt(&a.name.en),
        opt(&a.kind),
        a.region.clone(),
        a.location.map(|l| l.lat.to_string()).unwrap_or_default(),
        a.location.map(|l| l.lng.to_string()).unwrap_or_default(),
        a.population.map(|p| p.value.to_string()).unwrap_or_default(),
        a.population.map(|p| p.year.to_string()).unwrap_or_default(),
        opt(&a.website),
        opt(&notes.fr),
        opt(&notes.ko),
        opt(&notes.en),
        a.uncertain.join("; "),
        opt(&a.last_verified),
        sources_cell(&a.sources),
        a.aliases.join("; "),
    ]
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

/// One source a line: `Title | https://url`, or `Title` alone when it has no link. A title
/// without link that would read as one (it holds `" | "` or ends with `" |"`) gets a final `" |"`,
/// which means "no link".
fn sources_cell(sources: &[RawSource]) -> String {
    let lines: Vec<String> = sources
        .iter()
        .map(|s| match &s.url {
            Some(u) => format!("{} | {u}", s.title),
            None if s.title.contains(" | ") || s.title.ends_with(" |") => format!("{} |", s.title),
            None => s.title.clone(),
        })
        .collect();
    lines.join("\n")
}

fn parse_source_line(line: &str) -> RawSource {
    let line = line.trim();
    if let Some(title) = line.strip_suffix(" |") {
        return RawSource { title: title.trim_end().to_string(), url: None };
    }
    match line.rsplit_once(" | ") {
        Some((title, url)) => RawSource { title: title.trim_end().to_string(), url: Some(url.trim_start().to_string()) },
        None => RawSource { title: line.to_string(), url: None },
    }
}

// ---------------------------------------------------------------------------------------------
// Import

/// Reads CSV bytes as [`export_csv`] writes them (see the module documentation). Vocabularies
/// and `data_as_of` come from `base`, and so do the events whose partnerships are all in the
/// file (context events, which concern no partnership, are always kept). Every problem names its
/// row and column; the rows with problems are left out and the rest loads. Never panics.
pub fn import_csv(bytes: &[u8], base: &Dataset) -> Loaded {
    let bytes = bytes.strip_prefix(BOM.as_bytes()).unwrap_or(bytes);
    let mut imp = Import::default();
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let mut record = csv::ByteRecord::new();

    match reader.read_byte_record(&mut record) {
        Ok(true) => {}
        Ok(false) => {
            imp.problem(1, "row 1", "the file is empty: expected a header row with the column names (as export-csv writes them)");
            return imp.finish(base);
        }
        Err(e) => {
            imp.problem(1, "row 1", csv_error(&e));
            return imp.finish(base);
        }
    }
    let Some(header) = decode(&record) else {
        imp.problem(1, "row 1", "not valid UTF-8 — save the file as UTF-8");
        return imp.finish(base);
    };
    let Some(layout) = imp.layout(&header) else {
        return imp.finish(base);
    };

    // A blank line is a row of its own in a spreadsheet, but the CSV reader skips it: count the
    // lines each record took beyond its own, so that "row N" is the spreadsheet's row N.
    let mut row = 1;
    loop {
        let before = reader.position().line();
        let read = reader.read_byte_record(&mut record);
        let lines = reader.position().line().saturating_sub(before);
        row += 1;
        match read {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                imp.problem(row, format!("row {row}"), csv_error(&e));
                continue;
            }
        }
        let newlines = record.iter().map(|f| f.iter().filter(|&&b| b == b'\n').count() as u64).sum::<u64>();
        row += usize::try_from(lines.saturating_sub(newlines + 1)).unwrap_or(0);
        let blank = record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace));
        if blank {
            // Spreadsheets write trailing rows of empty cells (",,,,"): they hold nothing.
            continue;
        }
        if record.len() != header.len() {
            let fields = if record.len() == 1 { "field" } else { "fields" };
            imp.problem(row, format!("row {row}"), format!("{} {fields} instead of {} — check the quotes", record.len(), header.len()));
            continue;
        }
        let Some(cells) = decode(&record) else {
            imp.problem(row, format!("row {row}"), "not valid UTF-8 — save the file as UTF-8");
            continue;
        };
        imp.row(&layout, row, &cells);
    }
    imp.finish(base)
}

/// A record's cells as texts, with the export's formula guard taken off (see [`unneutralise`]);
/// `None` when one is not UTF-8.
fn decode(record: &csv::ByteRecord) -> Option<Vec<String>> {
    record.iter().map(|f| std::str::from_utf8(f).ok().map(|s| unneutralise(s.to_string()))).collect()
}

fn csv_error(e: &csv::Error) -> String {
    format!("unreadable CSV: {e}")
}

/// Where each known column is in the file (`None`: absent, read as empty).
struct Layout {
    positions: Vec<Option<usize>>,
}

/// One row's cells, by column.
struct RowCells<'a> {
    layout: &'a Layout,
    cells: &'a [String],
    problems: Vec<(String, String)>,
}

impl RowCells<'_> {
    fn raw(&self, column: usize) -> &str {
        self.layout.positions[column].and_then(|i| self.cells.get(i)).map_or("", String::as_str)
    }

    /// A code, id, date or number: trimmed; `None` when blank.
    fn code(&self, column: usize) -> Option<String> {
        let t = self.raw(column).trim();
        (!t.is_empty()).then(|| t.to_string())
    }

    /// A free text, kept as written; `None` when blank.
    fn text(&self, column: usize) -> Option<String> {
        let t = self.raw(column);
        (!t.trim().is_empty()).then(|| t.to_string())
    }

    fn list(&self, column: usize) -> Vec<String> {
        self.raw(column).split(';').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
    }

    fn localized(&self, fr: usize, ko: usize, en: usize) -> RawLocalized {
        RawLocalized { fr: self.text(fr), ko: self.text(ko), en: self.text(en) }
    }

    fn sources(&self, column: usize) -> Vec<RawSource> {
        self.raw(column).lines().filter(|l| !l.trim().is_empty()).map(parse_source_line).collect()
    }

    fn bad(&mut self, column: usize, message: String) {
        self.problems.push((column_name(column), message));
    }

    fn number<T: FromStr>(&mut self, column: usize, whole: bool) -> Option<T> {
        let text = self.code(column)?;
        match text.parse::<T>() {
            Ok(v) => Some(v),
            Err(_) => {
                let shown = quote(&text);
                let digits = text.strip_prefix(['-', '+']).unwrap_or(&text);
                let message = match text.parse::<f64>() {
                    _ if whole && digits.bytes().all(|b| b.is_ascii_digit()) => format!("{shown} is out of range"),
                    Ok(f) if f.is_finite() && f.fract() != 0.0 => format!("{shown} is not a whole number"),
                    Ok(f) if f.is_finite() => format!("{shown} must be written with digits only"),
                    _ if text.contains(',') && text.replace(',', ".").parse::<f64>().is_ok() => {
                        format!("{shown} is not a number: use a decimal point, not a comma")
                    }
                    _ => format!("{shown} is not a number"),
                };
                self.bad(column, message);
                None
            }
        }
    }

    fn float(&mut self, column: usize) -> Option<f64> {
        let v: f64 = self.number(column, false)?;
        if !v.is_finite() {
            // Rust reads "NaN" and "inf"; JSON has no such numbers.
            self.bad(column, format!("{} is not a number", quote(self.raw(column).trim())));
            return None;
        }
        Some(v)
    }

    /// Two cells that go together (latitude and longitude, population and its year).
    fn both<A, B>(&mut self, a: (usize, Option<A>), b: (usize, Option<B>)) -> Option<(A, B)> {
        let (given_a, given_b) = (self.code(a.0).is_some(), self.code(b.0).is_some());
        if given_a != given_b {
            let (missing, given) = if given_a { (b.0, a.0) } else { (a.0, b.0) };
            self.bad(missing, format!("empty, but {} is given: give both or neither", column_name(given)));
            return None;
        }
        Some((a.1?, b.1?))
    }

    fn milestones(&mut self, column: usize) -> Value {
        self.json_list(column, "milestones", "[{\"date\": \"2016-05\", \"label\": {\"en\": \"…\"}}]")
    }

    fn wording(&mut self, column: usize) -> Value {
        self.json_list(column, "wordings", "[{\"text\": \"자매결연\", \"lang\": \"ko\"}]")
    }

    /// A cell holding a compact JSON list of objects (checked by the loader afterwards).
    fn json_list(&mut self, column: usize, what: &str, example: &str) -> Value {
        let Some(text) = self.code(column) else { return json!([]) };
        match serde_json::from_str::<Value>(&text) {
            Ok(v @ Value::Array(_)) => v,
            Ok(_) => {
                self.bad(column, format!("expected a JSON list of {what}: {example}"));
                json!([])
            }
            Err(e) => {
                self.bad(column, format!("not a JSON list of {what}: {e}"));
                json!([])
            }
        }
    }

    fn authority(&mut self, side: Side) -> RawAuthority {
        let c = |i: usize| side.offset() + i;
        let lat = self.float(c(6));
        let lng = self.float(c(7));
        let location = self.both((c(6), lat), (c(7), lng)).map(|(lat, lng)| RawLocation { lat, lng });
        let value = self.number::<u64>(c(8), true);
        let year = self.number::<i32>(c(9), true);
        let population = self.both((c(8), value), (c(9), year)).map(|(value, year)| RawPopulation { value, year });
        let notes = self.localized(c(11), c(12), c(13));
        RawAuthority {
            id: self.code(c(0)).unwrap_or_default(),
            country: side.country().to_string(),
            name: self.localized(c(1), c(2), c(3)),
            kind: self.code(c(4)),
            region: self.code(c(5)).unwrap_or_default(),
            location,
            population,
            website: self.code(c(10)),
            notes: (notes != RawLocalized::default()).then_some(notes),
            uncertain: self.list(c(14)),
            last_verified: self.code(c(15)),
            sources: self.sources(c(16)),
            aliases: self.list(c(17)),
        }
    }
}

fn column_name(column: usize) -> String {
    match column.checked_sub(PARTNERSHIP_COLUMNS.len()) {
        None => PARTNERSHIP_COLUMNS[column].to_string(),
        Some(i) if i < AUTHORITY_COLUMNS.len() => format!("kr_{}", AUTHORITY_COLUMNS[i]),
        Some(i) => format!("fr_{}", AUTHORITY_COLUMNS[i - AUTHORITY_COLUMNS.len()]),
    }
}

/// A cell value in a message: quoted, and cut when long.
fn quote(s: &str) -> String {
    match s.char_indices().nth(60) {
        None => format!("\"{s}\""),
        Some((cut, _)) => format!("\"{}…\"", &s[..cut]),
    }
}

/// An authority as first seen, to check its repetitions against.
struct SeenAuthority {
    side: Side,
    row: usize,
    /// Its cells as written in that row, for messages.
    written: Vec<String>,
    /// Its cells in canonical form, to compare.
    canonical: Vec<String>,
}

#[derive(Default)]
struct Import {
    /// Problems with the row they are about, for sorting.
    problems: Vec<(usize, Problem)>,
    authorities: Vec<RawAuthority>,
    seen: Vec<SeenAuthority>,
    authority_index: HashMap<String, usize>,
    partnerships: Vec<Value>,
    /// The row of each partnership of the document.
    partnership_rows: Vec<usize>,
}

impl Import {
    fn problem(&mut self, row: usize, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push((row, Problem::at(path, message)));
    }

    /// Checks the header row; `None` when a required column is missing (then no row can load).
    fn layout(&mut self, header: &[String]) -> Option<Layout> {
        let names = columns();
        let mut positions: Vec<Option<usize>> = vec![None; names.len()];
        for (i, name) in header.iter().enumerate() {
            let name = name.trim();
            match names.iter().position(|n| n == name) {
                _ if name.is_empty() => self.problem(1, format!("row 1, column {}", i + 1), "the column has no name"),
                Some(c) => match positions[c] {
                    Some(first) => self.problem(
                        1,
                        format!("row 1, column \"{name}\""),
                        format!("the column appears twice (columns {} and {}): only the first is read", first + 1, i + 1),
                    ),
                    None => positions[c] = Some(i),
                },
                None => self.problem(
                    1,
                    format!("row 1, column {}", quote(name)),
                    "unknown column: the columns are those that export-csv writes (id, status, kind, …, kr_id, kr_name_fr, …, fr_id, …)",
                ),
            }
        }
        let mut complete = true;
        for required in REQUIRED_COLUMNS {
            if names.iter().position(|n| n == required).and_then(|c| positions[c]).is_none() {
                complete = false;
                self.problem(1, "row 1", format!("missing column \"{required}\""));
            }
        }
        complete.then_some(Layout { positions })
    }

    fn row(&mut self, layout: &Layout, row: usize, cells: &[String]) {
        let mut r = RowCells { layout, cells, problems: Vec::new() };
        let year = r.number::<i32>(4, true);
        let milestones = r.milestones(10);
        let wording = r.wording(14);
        let summary = r.localized(7, 8, 9);
        let pair = RawPartnership {
            id: r.code(0).unwrap_or_default(),
            authorities: Vec::new(),
            status: r.code(1).unwrap_or_default(),
            kind: r.code(2),
            term: r.text(3),
            wording: Vec::new(),
            year,
            date: r.code(5),
            milestones: Vec::new(),
            themes: r.list(6),
            summary: (summary != RawLocalized::default()).then_some(summary),
            uncertain: r.list(11),
            last_verified: r.code(12),
            sources: r.sources(13),
        };
        let ends = [(Side::Korean, r.authority(Side::Korean)), (Side::French, r.authority(Side::French))];
        for (side, a) in &ends {
            if a.id.is_empty() {
                r.bad(side.offset(), format!("empty: every row needs its {} authority's id", side.adjective()));
            }
        }
        let problems = r.problems;
        let mut ok = problems.is_empty();
        for (column, message) in problems {
            self.problem(row, format!("row {row}, column \"{column}\""), message);
        }
        if !ok {
            return;
        }

        // An authority repeated in several rows must be written the same way each time.
        for (side, a) in &ends {
            let Some(&j) = self.authority_index.get(&a.id) else { continue };
            let seen = &self.seen[j];
            let id_column = format!("{}id", side.prefix());
            if seen.side != *side {
                ok = false;
                let message = format!("{} is the {} authority of row {}: an authority keeps its side", quote(&a.id), seen.side.adjective(), seen.row);
                self.problem(row, format!("row {row}, column \"{id_column}\""), message);
                continue;
            }
            let canonical = authority_cells(a);
            let mut differing = Vec::new();
            for (i, (now, first)) in canonical.iter().zip(&seen.canonical).enumerate() {
                if now != first {
                    let written = cells_of(layout, cells, *side)[i].trim().to_string();
                    differing.push((
                        format!("{}{}", side.prefix(), AUTHORITY_COLUMNS[i]),
                        format!(
                            "{} differs from row {} ({}) for authority {}: repeat an authority identically in every row (this row is left out)",
                            quote(&written),
                            seen.row,
                            quote(seen.written[i].trim()),
                            quote(&a.id)
                        ),
                    ));
                }
            }
            for (column, message) in differing {
                ok = false;
                self.problem(row, format!("row {row}, column \"{column}\""), message);
            }
        }
        if !ok {
            return;
        }

        let ids = vec![ends[0].1.id.clone(), ends[1].1.id.clone()];
        for (side, a) in ends {
            if !self.authority_index.contains_key(&a.id) {
                self.authority_index.insert(a.id.clone(), self.authorities.len());
                self.seen.push(SeenAuthority {
                    side,
                    row,
                    written: cells_of(layout, cells, side),
                    canonical: authority_cells(&a),
                });
                self.authorities.push(a);
            }
        }
        let mut value = serde_json::to_value(RawPartnership { authorities: ids, ..pair }).unwrap_or(Value::Null);
        if let Value::Object(o) = &mut value {
            o.insert("milestones".into(), milestones);
            if wording.as_array().is_some_and(|w| !w.is_empty()) {
                o.insert("wording".into(), wording);
            }
        }
        self.partnerships.push(value);
        self.partnership_rows.push(row);
    }

    /// Builds the document, validates it and locates its problems in the CSV.
    fn finish(mut self, base: &Dataset) -> Loaded {
        let mut row_of_pair: HashMap<String, usize> = HashMap::new();
        for (p, &row) in self.partnerships.iter().zip(&self.partnership_rows) {
            if let Some(id) = p.get("id").and_then(Value::as_str) {
                row_of_pair.entry(id.to_string()).or_insert(row);
            }
        }
        let mut doc = to_document(base);
        doc.authorities = std::mem::take(&mut self.authorities);
        doc.partnerships = Vec::new();
        doc.events = base
            .events
            .iter()
            .filter(|e| e.partnerships.iter().all(|p| row_of_pair.contains_key(p)))
            .map(raw_event)
            .collect();
        let event_ids: Vec<String> = doc.events.iter().map(|e| e.id.clone()).collect();
        let mut root = match serde_json::to_value(&doc) {
            Ok(Value::Object(o)) => o,
            _ => Map::new(),
        };
        root.insert("partnerships".into(), Value::Array(std::mem::take(&mut self.partnerships)));
        let mut loaded = load_dataset(&Value::Object(root).to_string());

        let ctx = Locator {
            partnership_rows: &self.partnership_rows,
            authorities: self.seen.iter().map(|s| (s.row, s.side)).collect(),
            event_ids: &event_ids,
            row_of_pair: &row_of_pair,
        };
        for p in std::mem::take(&mut loaded.problems) {
            let (row, p) = ctx.locate(p);
            self.problems.push((row, p));
        }
        // Row order, as a person reads the spreadsheet (the header first), then column order.
        let names = columns();
        self.problems.sort_by_key(|(row, p)| {
            let column = p.path.split_once(", column \"").map(|(_, c)| c.trim_end_matches('"'));
            let order = match column {
                Some(c) if *row > 1 => names.iter().position(|n| n == c).map_or(0, |i| i + 1),
                _ => 0,
            };
            (*row, order)
        });
        loaded.problems = self.problems.into_iter().map(|(_, p)| p).collect();
        loaded
    }
}

/// The 18 cells of one side's authority as written in a row.
fn cells_of(layout: &Layout, cells: &[String], side: Side) -> Vec<String> {
    (0..AUTHORITY_COLUMNS.len())
        .map(|i| layout.positions[side.offset() + i].and_then(|p| cells.get(p)).cloned().unwrap_or_default())
        .collect()
}

/// Turns the JSON paths of the generated document into rows and columns of the CSV.
struct Locator<'a> {
    partnership_rows: &'a [usize],
    /// Row where each authority of the document was first written, and its side.
    authorities: Vec<(usize, Side)>,
    event_ids: &'a [String],
    row_of_pair: &'a HashMap<String, usize>,
}

impl Locator<'_> {
    fn locate(&self, p: Problem) -> (usize, Problem) {
        let message = self.rewrite_references(&p.message);
        if let Some((i, rest)) = indexed(&p.path, "partnerships") {
            if let Some(&row) = self.partnership_rows.get(i) {
                let (column, detail) = partnership_column(rest, &message);
                return (row, at(row, column, detail, message));
            }
        }
        if let Some((j, rest)) = indexed(&p.path, "authorities") {
            if let Some(&(row, side)) = self.authorities.get(j) {
                let (column, detail) = authority_column(rest, &message);
                let column = column.map(|c| format!("{}{c}", side.prefix()));
                return (row, at(row, column.as_deref(), detail, message));
            }
        }
        if let Some((k, rest)) = indexed(&p.path, "events") {
            let event = self.event_ids.get(k).map_or("?", String::as_str);
            // The event concerns a partnership of the file whose row has a problem of its own.
            if let Some(id) = message.strip_prefix("partnership \"").and_then(|m| m.strip_suffix("\" is invalid")) {
                if let Some(&row) = self.row_of_pair.get(id) {
                    let m = format!("the base file's event \"{event}\" concerns this partnership, which is invalid: the event is left out");
                    return (row, Problem::at(format!("row {row}, column \"id\""), m));
                }
            }
            return (usize::MAX, Problem::at(format!("event \"{event}\" of the base file{rest}"), message));
        }
        (usize::MAX, Problem::at(format!("base file, {}", p.path), message))
    }

    /// `(see authorities[3])` and `already used by partnerships[0]` name rows instead.
    fn rewrite_references(&self, message: &str) -> String {
        let mut out = message.to_string();
        for list in ["authorities", "partnerships"] {
            let pattern = format!("{list}[");
            let mut from = 0;
            while let Some(start) = out[from..].find(&pattern).map(|s| s + from) {
                let digits_start = start + pattern.len();
                let digits_len = out[digits_start..].bytes().take_while(u8::is_ascii_digit).count();
                let close = digits_start + digits_len;
                let row = out[digits_start..close].parse::<usize>().ok().filter(|_| out[close..].starts_with(']')).and_then(|n| {
                    if list == "authorities" {
                        self.authorities.get(n).map(|&(row, _)| row)
                    } else {
                        self.partnership_rows.get(n).copied()
                    }
                });
                match row {
                    Some(row) => {
                        let replacement = format!("row {row}");
                        out.replace_range(start..=close, &replacement);
                        from = start + replacement.len();
                    }
                    None => from = digits_start,
                }
            }
        }
        out
    }
}

fn at(row: usize, column: Option<&str>, detail: Option<String>, message: String) -> Problem {
    let path = match column {
        Some(c) => format!("row {row}, column \"{c}\""),
        None => format!("row {row}"),
    };
    let message = match detail {
        Some(d) => format!("{d}: {message}"),
        None => message,
    };
    Problem::at(path, message)
}

/// `partnerships[12].year` → `(12, ".year")`.
fn indexed<'p>(path: &'p str, list: &str) -> Option<(usize, &'p str)> {
    let rest = path.strip_prefix(list)?.strip_prefix('[')?;
    let close = rest.find(']')?;
    Some((rest[..close].parse().ok()?, &rest[close + 1..]))
}

/// `.sources[2].url` → `("sources", "[2].url")`.
fn first_field(rest: &str) -> (&str, &str) {
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let end = rest.find(['.', '[']).unwrap_or(rest.len());
    (&rest[..end], &rest[end..])
}

/// The source's number in its cell, from `[2].url`.
fn source_detail(inner: &str) -> Option<String> {
    let (i, _) = indexed(inner, "")?;
    Some(format!("source {}", i + 1))
}

fn localized_column(prefix: &str, inner: &str) -> String {
    match inner {
        ".ko" => format!("{prefix}_ko"),
        ".en" => format!("{prefix}_en"),
        _ => format!("{prefix}_fr"),
    }
}

/// The column of a partnership field, and a detail for cells that hold structured values.
fn partnership_column(rest: &str, _message: &str) -> (Option<&'static str>, Option<String>) {
    let (field, inner) = first_field(rest);
    let column = match field {
        "id" => "id",
        "status" => "status",
        "kind" => "kind",
        "term" => "term",
        "year" => "year",
        "date" => "date",
        "last_verified" => "last_verified",
        "themes" => "themes",
        "uncertain" => "uncertain",
        "authorities" => {
            return (Some(if inner == "[1]" { "fr_id" } else { "kr_id" }), None);
        }
        "summary" => {
            return (Some(match inner {
                ".ko" => "summary_ko",
                ".en" => "summary_en",
                _ => "summary_fr",
            }), None);
        }
        "milestones" => return (Some("milestones"), (!inner.is_empty()).then(|| inner.to_string())),
        "wording" => return (Some("wording"), (!inner.is_empty()).then(|| inner.to_string())),
        "sources" => return (Some("sources"), source_detail(inner)),
        _ => return (None, (!rest.is_empty()).then(|| rest.trim_start_matches('.').to_string())),
    };
    (Some(column), None)
}

/// The column (without its `kr_` / `fr_` prefix) of an authority field.
fn authority_column(rest: &str, message: &str) -> (Option<String>, Option<String>) {
    let (field, inner) = first_field(rest);
    let column = match field {
        "id" | "country" | "" => "id".to_string(),
        "name" => localized_column("name", inner),
        "notes" => localized_column("notes", inner),
        "kind" | "region" | "website" | "uncertain" | "last_verified" | "aliases" => field.to_string(),
        "location" if inner == ".lng" || (inner.is_empty() && message.starts_with("longitude")) => "lng".to_string(),
        "location" => "lat".to_string(),
        "population" if inner == ".year" => "population_year".to_string(),
        "population" => "population".to_string(),
        "sources" => return (Some("sources".to_string()), source_detail(inner)),
        _ => return (None, Some(rest.trim_start_matches('.').to_string())),
    };
    (Some(column), None)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn there_are_48_distinct_columns() {
        let names = columns();
        assert_eq!(names.len(), COLUMN_COUNT);
        assert_eq!(names.iter().collect::<HashSet<_>>().len(), COLUMN_COUNT);
        for (i, n) in names.iter().enumerate() {
            assert_eq!(&column_name(i), n);
        }
    }

    #[test]
    fn source_lines_read_back() {
        for (title, url) in [
            ("Ville de Paris", Some("https://www.paris.fr/a|b")),
            ("2016 flyer", None),
            ("A | B", None),
            ("A |", None),
            ("A|", None),
            ("A | B", Some("http://x.org")),
        ] {
            let s = RawSource { title: title.into(), url: url.map(str::to_string) };
            let cell = sources_cell(std::slice::from_ref(&s));
            assert_eq!(parse_source_line(&cell), s, "{cell}");
        }
    }

    #[test]
    fn references_in_messages_name_rows() {
        let rows = [2, 5];
        let map = HashMap::new();
        let l = Locator { partnership_rows: &rows, authorities: vec![(3, Side::Korean)], event_ids: &[], row_of_pair: &map };
        assert_eq!(l.rewrite_references("authority \"kr-a\" is invalid (see authorities[0])"), "authority \"kr-a\" is invalid (see row 3)");
        assert_eq!(l.rewrite_references("duplicate id \"a\": already used by partnerships[1]; x"), "duplicate id \"a\": already used by row 5; x");
        assert_eq!(l.rewrite_references("partnerships[9] authorities[x]"), "partnerships[9] authorities[x]");
    }
}
