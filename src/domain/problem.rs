//! A data problem with its location: what the problems panel and the data tool print.

use std::fmt;

/// One thing wrong with the data, located by its JSON path (`partnerships[3].authorities[1]`)
/// and, for syntax errors, by line and column. `Clone + PartialEq` so it can sit in a signal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
    /// 1-based line and column in the file, when known.
    pub position: Option<(usize, usize)>,
}

impl Problem {
    pub fn at(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem { path: path.into(), message: message.into(), position: None }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, col)) => write!(f, "{} (line {line}, column {col}): {}", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}
