//! `partnerships-data`: the data tool. Validates the data file, converts it to and from CSV,
//! counts it, makes synthetic data, writes the JSON Schema and the page's first paint. A thin shell over the pure domain
//! (`partnership_map::domain`): the browser app and this tool share the same loader, so CI and
//! the map always agree on what is valid.
//!
//! Exit status, as ripgrep's: 0 all good, 1 the data has problems (the valid rest is still
//! written), 2 a usage or I/O error. Run it with `--help` for the usage.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// The tool reads and writes files: there is nothing to run in a browser.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::ffi::OsString;
    use std::fmt;
    use std::io::Write;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use partnership_map::domain::audit::{audit, parse_seats};
    use partnership_map::domain::csv_io::{export_csv, import_csv};
    use partnership_map::domain::export::{json_schema, to_json};
    use partnership_map::domain::first_paint::{fill_page, first_paint};
    use partnership_map::domain::first_view::first_view;
    use partnership_map::domain::stats::stats;
    use partnership_map::domain::synth::synth;
    use partnership_map::domain::load::{too_large, MAX_FILE_BYTES};
    use partnership_map::domain::{load_bytes, Loaded, Problem};

    const NAME: &str = "partnerships-data";
    const DEFAULT_BASE: &str = "data/partnerships.json";
    /// The README whose "Seats" table the published file's seat rule reads.
    const DEFAULT_SEATS: &str = "data/README.md";
    /// Larger synthetic datasets are refused: they would only exhaust memory.
    const MAX_PAIRS: usize = 1_000_000;

    const USAGE: &str = "\
Usage:
  partnerships-data validate FILE [--base BASE.json] [--published] [--seats README.md]
  partnerships-data import-csv FILE.csv [--base BASE.json] [-o OUT.json]
  partnerships-data export-csv FILE [-o OUT.csv]
  partnerships-data stats FILE [--base BASE.json]
  partnerships-data synth --pairs N --seed S [--base BASE.json] [-o OUT.json]
  partnerships-data schema [-o OUT.json]
  partnerships-data first-paint FILE --page PAGE.html [-o OUT.html] [--first-view OUT.json]
  partnerships-data --help";

    const HELP: &str = "\
Checks and converts the partnership data (data/partnerships.json, described in data/README.md).

Commands:
  validate    Print every problem of FILE with its location, or \"FILE: valid (…)\". With
              --published (implied for data/partnerships.json itself), the published
              file's own rules too: every authority drawn, sources at their publisher's
              own address, at most two sources per milestone, regions and
              intercommunal bodies within 2 km of their seat.
  import-csv  Read a CSV file (as export-csv writes it) and write the dataset as JSON.
  export-csv  Write the partnerships of FILE as CSV, one row per pair (UTF-8 with BOM).
  stats       Count partnerships by status, kind, region, theme and year.
  synth       Write a valid synthetic dataset of N partnerships on BASE's vocabularies;
              the same seed gives the same bytes.
  schema      Write the JSON Schema of the data file, generated from the Rust types
              (the committed copy is data/partnerships.schema.json).
  first-paint Check FILE as validate does, then write PAGE.html with FILE's first paint
              at its two markers (<!-- first-paint:header --> and <!-- first-paint:main -->):
              the title, the count and the partnerships, in French, as the map lists them
              when it opens (the first 50 of each list, and how many more). With
              --first-view, also write the map's opening view as JSON: every marker and link
              named in the three languages, and which ones it shows; above 500 drawable
              links the page says the map opens on its interface instead
              (data-first-view=\"off\"). Nothing is written when FILE has a problem.

FILE is read as CSV when its name ends in .csv, as JSON otherwise. A CSV file holds
partnerships and authorities only: its vocabularies and events come from --base
(default data/partnerships.json). Without -o, output goes to standard output.
Problems are located by JSON path and line:column, or by CSV row and column.

Options:
  --base FILE    the JSON dataset that supplies vocabularies (default data/partnerships.json)
  --published    check FILE against the published file's own rules (see validate)
  --seats FILE   the README whose \"Seats\" table gives each seat (default data/README.md);
                 implies --published
  --page FILE    the page that takes the first paint (index.html)
  --first-view FILE
                 where first-paint writes the map's opening view (JSON)
  -o, --output FILE
                 write the output to FILE instead of standard output
  --pairs N      number of synthetic partnerships (at most 1000000)
  --seed S       seed of the synthetic data (an integer, 0 to 18446744073709551615)
  -h, --help     print this help

Exit status: 0 ok; 1 the data has problems (the valid rest is still written);
2 usage or I/O error.";

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Command {
        Validate,
        ImportCsv,
        ExportCsv,
        Stats,
        Synth,
        Schema,
        FirstPaint,
    }

    impl Command {
        fn parse(name: &str) -> Option<Command> {
            Some(match name {
                "validate" => Command::Validate,
                "import-csv" => Command::ImportCsv,
                "export-csv" => Command::ExportCsv,
                "stats" => Command::Stats,
                "synth" => Command::Synth,
                "schema" => Command::Schema,
                "first-paint" => Command::FirstPaint,
                _ => return None,
            })
        }
        fn name(self) -> &'static str {
            match self {
                Command::Validate => "validate",
                Command::ImportCsv => "import-csv",
                Command::ExportCsv => "export-csv",
                Command::Stats => "stats",
                Command::Synth => "synth",
                Command::Schema => "schema",
                Command::FirstPaint => "first-paint",
            }
        }
        /// Whether the command takes one input file.
        fn takes_file(self) -> bool {
            !matches!(self, Command::Synth | Command::Schema)
        }
        fn allows(self, option: Opt) -> bool {
            use Command::*;
            match option {
                Opt::Base => matches!(self, Validate | ImportCsv | ExportCsv | Stats | Synth | FirstPaint),
                Opt::Seats => matches!(self, Validate | FirstPaint),
                Opt::Output => matches!(self, ImportCsv | ExportCsv | Synth | Schema | FirstPaint),
                Opt::Pairs | Opt::Seed => self == Synth,
                Opt::Page | Opt::FirstView => self == FirstPaint,
            }
        }
    }

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Opt {
        Base,
        Seats,
        Output,
        Pairs,
        Seed,
        Page,
        FirstView,
    }

    impl Opt {
        fn parse(flag: &str) -> Option<Opt> {
            Some(match flag {
                "--base" => Opt::Base,
                "--seats" => Opt::Seats,
                "-o" | "--output" => Opt::Output,
                "--pairs" => Opt::Pairs,
                "--seed" => Opt::Seed,
                "--page" => Opt::Page,
                "--first-view" => Opt::FirstView,
                _ => return None,
            })
        }
    }

    /// The arguments, checked once: every command below can trust them.
    #[derive(Debug)]
    struct Args {
        command: Command,
        file: Option<PathBuf>,
        base: PathBuf,
        seats: PathBuf,
        /// Check the published file's own rules (`--published`, `--seats`, or the file itself).
        published: bool,
        output: Option<PathBuf>,
        /// The page that takes the first paint (`first-paint`).
        page: Option<PathBuf>,
        /// Where `first-paint` writes the map's opening view.
        first_view: Option<PathBuf>,
        pairs: usize,
        seed: u64,
    }

    /// What stops a command before it could look at the data: exit status 2.
    #[derive(Debug)]
    enum Failure {
        Usage(String),
        Io(String),
        Help,
    }

    impl fmt::Display for Failure {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self {
                Failure::Usage(m) | Failure::Io(m) => write!(f, "{m}"),
                Failure::Help => write!(f, "help"),
            }
        }
    }

    fn usage(message: impl Into<String>) -> Failure {
        Failure::Usage(message.into())
    }

    fn parse_args(raw: Vec<OsString>) -> Result<Args, Failure> {
        let mut words = raw.into_iter();
        let first = words.next().ok_or_else(|| usage("missing command"))?;
        let first = first.to_str().ok_or_else(|| usage("the command is not valid UTF-8"))?;
        if first == "-h" || first == "--help" || first == "help" {
            return Err(Failure::Help);
        }
        let command = Command::parse(first).ok_or_else(|| usage(format!("unknown command \"{first}\"")))?;

        let (mut file, mut base, mut seats, mut output, mut pairs, mut seed, mut page) = (None, None, None, None, None, None, None);
        let mut first_view = None;
        let mut only_files = false;
        let mut published = false;
        while let Some(word) = words.next() {
            let text = word.to_str().map(str::to_string);
            match text.as_deref() {
                Some("-h" | "--help") if !only_files => return Err(Failure::Help),
                Some("--published") if !only_files => {
                    if !matches!(command, Command::Validate | Command::FirstPaint) {
                        return Err(usage(format!("{} takes no --published option", command.name())));
                    }
                    published = true;
                }
                Some("--") if !only_files => only_files = true,
                Some(flag) if flag.starts_with('-') && flag.len() > 1 && !only_files => {
                    let (name, inline) = match flag.split_once('=') {
                        Some((n, v)) if n.starts_with("--") => (n, Some(OsString::from(v))),
                        _ => (flag, None),
                    };
                    let opt = Opt::parse(name).ok_or_else(|| usage(format!("unknown option \"{name}\"")))?;
                    if !command.allows(opt) {
                        return Err(usage(format!("{} takes no {name} option", command.name())));
                    }
                    let value = match inline {
                        Some(v) => v,
                        None => words.next().ok_or_else(|| usage(format!("{name} needs a value")))?,
                    };
                    let slot_taken = match opt {
                        Opt::Base => base.replace(PathBuf::from(&value)).is_some(),
                        Opt::Seats => seats.replace(PathBuf::from(&value)).is_some(),
                        Opt::Output => output.replace(PathBuf::from(&value)).is_some(),
                        Opt::Pairs => pairs.replace(number::<usize>(name, &value)?).is_some(),
                        Opt::Seed => seed.replace(number::<u64>(name, &value)?).is_some(),
                        Opt::Page => page.replace(PathBuf::from(&value)).is_some(),
                        Opt::FirstView => first_view.replace(PathBuf::from(&value)).is_some(),
                    };
                    if slot_taken {
                        return Err(usage(format!("{name} is given twice")));
                    }
                }
                _ => {
                    if !command.takes_file() {
                        return Err(usage(format!("{} takes no file argument (got \"{}\")", command.name(), word.to_string_lossy())));
                    }
                    if file.replace(PathBuf::from(word)).is_some() {
                        return Err(usage(format!("{} takes one file", command.name())));
                    }
                }
            }
        }
        if command.takes_file() && file.is_none() {
            return Err(usage(format!("{} needs a FILE", command.name())));
        }
        if command == Command::FirstPaint && page.is_none() {
            return Err(usage("first-paint needs --page PAGE.html"));
        }
        let (pairs, seed) = if command == Command::Synth {
            let pairs = pairs.ok_or_else(|| usage("synth needs --pairs N"))?;
            if pairs > MAX_PAIRS {
                return Err(usage(format!("--pairs {pairs} is too many (at most {MAX_PAIRS})")));
            }
            (pairs, seed.ok_or_else(|| usage("synth needs --seed S"))?)
        } else {
            (0, 0)
        };
        let published = published || seats.is_some() || file.as_deref().is_some_and(is_the_published_file);
        Ok(Args {
            command,
            published,
            file,
            base: base.unwrap_or_else(|| PathBuf::from(DEFAULT_BASE)),
            seats: seats.unwrap_or_else(|| PathBuf::from(DEFAULT_SEATS)),
            output,
            page,
            first_view,
            pairs,
            seed,
        })
    }

    fn number<T: std::str::FromStr>(name: &str, value: &OsString) -> Result<T, Failure> {
        let text = value.to_string_lossy();
        text.parse().map_err(|_| usage(format!("{name} expects a non-negative integer, got \"{text}\"")))
    }

    pub fn main() -> ExitCode {
        let args = match parse_args(std::env::args_os().skip(1).collect()) {
            Ok(a) => a,
            Err(Failure::Help) => {
                println!("{NAME}: check and convert the partnership data\n\n{USAGE}\n\n{HELP}");
                return ExitCode::SUCCESS;
            }
            Err(e) => {
                eprintln!("{NAME}: {e}\n\n{USAGE}\n\nRun \"{NAME} --help\" for details.");
                return ExitCode::from(2);
            }
        };
        match run(&args) {
            Ok(0) => ExitCode::SUCCESS,
            Ok(_) => ExitCode::from(1),
            Err(e) => {
                eprintln!("{NAME}: {e}");
                ExitCode::from(2)
            }
        }
    }

    /// Runs a command; `Ok(n)` is the number of data problems found.
    fn run(args: &Args) -> Result<usize, Failure> {
        match args.command {
            Command::Validate => {
                let (input, loaded) = read_checked(args)?;
                let mut out = String::new();
                for p in input.problems() {
                    out.push_str(&p);
                    out.push('\n');
                }
                let ds = &loaded.dataset;
                let counts = format!(
                    "{}, {}, {}",
                    plural(ds.partnerships.len(), "partnership", "partnerships"),
                    plural(ds.authorities.len(), "authority", "authorities"),
                    plural(ds.events.len(), "event", "events")
                );
                let n = input.count();
                if n == 0 {
                    out.push_str(&format!("{}: valid ({counts})\n", input.name));
                } else {
                    let problems = plural(n, "problem", "problems");
                    out.push_str(&format!("{}: {problems}; the valid rest has {counts}\n", input.name));
                }
                write_output(None, &out)?;
                Ok(n)
            }
            Command::ImportCsv => {
                let file = args.file.as_deref().unwrap_or(Path::new(""));
                let (input, loaded) = read_csv(file, &args.base)?;
                report(&input);
                write_output(args.output.as_deref(), &to_json(&loaded.dataset))?;
                Ok(input.count())
            }
            Command::ExportCsv => {
                let (input, loaded) = read_dataset(args.file.as_deref().unwrap_or(Path::new("")), &args.base)?;
                report(&input);
                let all: Vec<usize> = (0..loaded.dataset.partnerships.len()).collect();
                write_output(args.output.as_deref(), &export_csv(&loaded.dataset, &all))?;
                Ok(input.count())
            }
            Command::Stats => {
                let (input, loaded) = read_dataset(args.file.as_deref().unwrap_or(Path::new("")), &args.base)?;
                report(&input);
                write_output(None, &stats(&loaded.dataset).to_string())?;
                Ok(input.count())
            }
            Command::Synth => {
                let (input, base) = read_json(&args.base)?;
                report(&input);
                let ds = synth(&base.dataset, args.pairs, args.seed);
                write_output(args.output.as_deref(), &to_json(&ds))?;
                Ok(input.count())
            }
            Command::Schema => {
                write_output(args.output.as_deref(), &json_schema())?;
                Ok(0)
            }
            Command::FirstPaint => {
                // The page is published with the data: only valid data is painted, and the
                // build stops on the same problems validate prints.
                let (input, loaded) = read_checked(args)?;
                if input.count() > 0 {
                    report(&input);
                    eprintln!("{}: {}; no first paint written", input.name, plural(input.count(), "problem", "problems"));
                    return Ok(input.count());
                }
                let page_file = args.page.as_deref().unwrap_or(Path::new(""));
                let page = std::fs::read_to_string(page_file).map_err(|e| Failure::Io(format!("cannot read {}: {e}", page_file.display())))?;
                let filled = fill_page(&page, &first_paint(&loaded.dataset)).map_err(|e| Failure::Io(format!("{}: {e}", page_file.display())))?;
                if let Some(file) = args.first_view.as_deref() {
                    let view = serde_json::to_string(&first_view(&loaded.dataset)).map_err(|e| Failure::Io(format!("{}: {e}", file.display())))?;
                    write_output(Some(file), &view)?;
                }
                write_output(args.output.as_deref(), &filled)?;
                Ok(0)
            }
        }
    }

    /// FILE read and checked as validate checks it: with the published file's own rules when
    /// asked for (or when FILE is the published file).
    fn read_checked(args: &Args) -> Result<(Input, Loaded), Failure> {
        let file = args.file.as_deref().unwrap_or(Path::new(""));
        if args.published && !is_csv(file) {
            let (mut input, loaded, bytes) = read_json_keeping(file)?;
            audit_published(bytes.as_deref(), &args.seats, &mut input)?;
            Ok((input, loaded))
        } else {
            read_dataset(file, &args.base)
        }
    }

    /// The problems of the files a command read, each printed with its file.
    struct Input {
        name: String,
        /// `(file name, problem, whether the file is CSV)`.
        problems: Vec<(String, Problem, bool)>,
    }

    impl Input {
        fn count(&self) -> usize {
            self.problems.len()
        }

        /// `data.json:12:5: partnerships[3].year: …`, or `data.csv: row 3, column "year": …`.
        fn problems(&self) -> Vec<String> {
            self.problems
                .iter()
                .map(|(file, p, csv)| match p.position {
                    Some((line, column)) if !csv => format!("{file}:{line}:{column}: {}: {}", p.path, p.message),
                    _ => format!("{file}: {}: {}", p.path, p.message),
                })
                .collect()
        }
    }

    fn plural(n: usize, one: &str, many: &str) -> String {
        format!("{n} {}", if n == 1 { one } else { many })
    }

    fn report(input: &Input) {
        let mut err = std::io::stderr().lock();
        for line in input.problems() {
            let _ = writeln!(err, "{line}");
        }
    }

    /// Whether `file` is the bundled data file itself (data/partnerships.json, from here).
    fn is_the_published_file(file: &Path) -> bool {
        let canonical = |p: &Path| std::fs::canonicalize(p).ok();
        canonical(file).is_some_and(|f| Some(f) == canonical(Path::new(DEFAULT_BASE)))
    }

    fn is_csv(file: &Path) -> bool {
        file.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("csv"))
    }

    /// Adds the published file's own rules (`domain::audit`) to the loader's problems: the seat
    /// table's unreadable rows, located in the README, then the file's audit problems.
    /// `bytes`: the file as read for the loader (`None` when it was too large to read).
    fn audit_published(bytes: Option<&[u8]>, seats_file: &Path, input: &mut Input) -> Result<(), Failure> {
        let Some(text) = bytes.and_then(|b| std::str::from_utf8(b.strip_prefix("\u{feff}".as_bytes()).unwrap_or(b)).ok()) else { return Ok(()) };
        let readme = std::fs::read_to_string(seats_file)
            .map_err(|e| Failure::Io(format!("cannot read the seat table {}: {e}", seats_file.display())))?;
        let (seats, seat_problems) = parse_seats(&readme);
        let readme_name = seats_file.display().to_string();
        input.problems.extend(seat_problems.into_iter().map(|p| (readme_name.clone(), p, false)));
        input.problems.extend(audit(text, &seats).into_iter().map(|p| (input.name.clone(), p, false)));
        Ok(())
    }

    fn read_dataset(file: &Path, base: &Path) -> Result<(Input, Loaded), Failure> {
        if is_csv(file) {
            read_csv(file, base)
        } else {
            read_json(file)
        }
    }

    fn read_bytes(file: &Path) -> Result<Vec<u8>, Failure> {
        std::fs::read(file).map_err(|e| Failure::Io(format!("cannot read {}: {e}", file.display())))
    }

    /// The file's bytes, or the problem of a file larger than the map reads: the map's own
    /// limit, checked before the file is read, so a 50 MB file is a data problem reported as the
    /// map reports it.
    fn read_within_limit(file: &Path) -> Result<Result<Vec<u8>, Problem>, Failure> {
        match std::fs::metadata(file).map(|m| m.len()) {
            Ok(size) if size > MAX_FILE_BYTES as u64 => Ok(Err(too_large(Some(size)))),
            _ => read_bytes(file).map(Ok),
        }
    }

    fn read_json(file: &Path) -> Result<(Input, Loaded), Failure> {
        read_json_keeping(file).map(|(input, loaded, _)| (input, loaded))
    }

    /// [`read_json`], keeping the bytes read (`None` when the file was too large to read).
    fn read_json_keeping(file: &Path) -> Result<(Input, Loaded, Option<Vec<u8>>), Failure> {
        let name = file.display().to_string();
        let (loaded, bytes) = match read_within_limit(file)? {
            Ok(bytes) => (load_bytes(&bytes), Some(bytes)),
            Err(problem) => (Loaded::refused(problem), None),
        };
        let problems = loaded.problems.iter().map(|p| (name.clone(), p.clone(), false)).collect();
        Ok((Input { name, problems }, loaded, bytes))
    }

    fn read_csv(file: &Path, base: &Path) -> Result<(Input, Loaded), Failure> {
        let (base_input, base) = read_json(base)?;
        let loaded = match read_within_limit(file)? {
            Ok(bytes) => import_csv(&bytes, &base.dataset),
            Err(problem) => Loaded::refused(problem),
        };
        let name = file.display().to_string();
        let mut problems = base_input.problems;
        problems.extend(loaded.problems.iter().map(|p| (name.clone(), p.clone(), true)));
        Ok((Input { name, problems }, loaded))
    }

    fn write_output(output: Option<&Path>, text: &str) -> Result<(), Failure> {
        match output {
            Some(path) => std::fs::write(path, text).map_err(|e| Failure::Io(format!("cannot write {}: {e}", path.display()))),
            None => {
                let mut out = std::io::stdout().lock();
                out.write_all(text.as_bytes())
                    .and_then(|_| out.flush())
                    .map_err(|e| Failure::Io(format!("cannot write to standard output: {e}")))
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn args(words: &[&str]) -> Result<Args, Failure> {
            parse_args(words.iter().map(OsString::from).collect())
        }

        #[test]
        fn arguments_are_checked_once() {
            let a = args(&["synth", "--pairs", "10", "--seed=7", "-o", "x.json"]).unwrap();
            assert_eq!((a.command, a.pairs, a.seed), (Command::Synth, 10, 7));
            assert_eq!(a.output.as_deref(), Some(Path::new("x.json")));
            assert_eq!(a.base, Path::new(DEFAULT_BASE));
            let a = args(&["validate", "--", "-odd.json"]).unwrap();
            assert_eq!(a.file.as_deref(), Some(Path::new("-odd.json")));
            for bad in [
                &["frobnicate"][..],
                &["validate"],
                &["validate", "a", "b"],
                &["validate", "a", "-o", "x"],
                &["synth", "--seed", "1"],
                &["synth", "--pairs", "ten", "--seed", "1"],
                &["synth", "--pairs", "-1", "--seed", "1"],
                &["synth", "--pairs", "1", "--seed", "1", "--seed", "2"],
                &["schema", "file"],
                &["stats", "a", "--base"],
                &["export-csv", "a", "--colour"],
                &["first-paint", "data.json"],
                &["validate", "a", "--page", "index.html"],
            ] {
                assert!(matches!(args(bad), Err(Failure::Usage(_))), "{bad:?} accepted");
            }
            let a = args(&["first-paint", "data.json", "--page", "index.html", "-o", "out.html"]).unwrap();
            assert_eq!((a.command, a.page.as_deref()), (Command::FirstPaint, Some(Path::new("index.html"))));
            assert!(matches!(args(&["--help"]), Err(Failure::Help)));
            assert!(matches!(args(&["stats", "-h"]), Err(Failure::Help)));
        }
    }
}
