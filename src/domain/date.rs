//! Partial calendar dates as the data gives them: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
//! A month-only date is a fact of its own ("October 2005"), never padded with a guessed day.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the month and day exist.
    pub fn try_parse(text: &str) -> Result<Self, String> {
        let parts: Vec<&str> = text.split('-').collect();
        let bad = || format!("\"{text}\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
        if parts.is_empty() || parts.len() > 3 {
            return Err(bad());
        }
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(parts[0], 4) {
            return Err(bad());
        }
        let year: i32 = parts[0].parse().map_err(|_| bad())?;
        let month = match parts.get(1) {
            None => None,
            Some(m) if digits(m, 2) => {
                let m: u8 = m.parse().map_err(|_| bad())?;
                if !(1..=12).contains(&m) {
                    return Err(format!("\"{text}\": month {m} does not exist"));
                }
                Some(m)
            }
            Some(_) => return Err(bad()),
        };
        let day = match parts.get(2) {
            None => None,
            Some(d) if digits(d, 2) => {
                let d: u8 = d.parse().map_err(|_| bad())?;
                let max = days_in_month(year, month.unwrap_or(1));
                if d == 0 || d > max {
                    return Err(format!("\"{text}\": day {d} does not exist in that month"));
                }
                Some(d)
            }
            Some(_) => return Err(bad()),
        };
        Ok(PartialDate { year, month, day })
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_precisions() {
        assert_eq!(PartialDate::try_parse("1991").unwrap(), PartialDate { year: 1991, month: None, day: None });
        assert_eq!(PartialDate::try_parse("2005-10").unwrap().month, Some(10));
        let d = PartialDate::try_parse("2011-10-12").unwrap();
        assert_eq!((d.year, d.month, d.day), (2011, Some(10), Some(12)));
        assert_eq!(d.to_string(), "2011-10-12");
    }

    #[test]
    fn rejects_days_and_months_that_do_not_exist() {
        assert!(PartialDate::try_parse("2023-02-29").is_err());
        assert!(PartialDate::try_parse("2024-02-29").is_ok());
        assert!(PartialDate::try_parse("2024-13").is_err());
        assert!(PartialDate::try_parse("2024-04-31").is_err());
        assert!(PartialDate::try_parse("12 Oct 2011").is_err());
        assert!(PartialDate::try_parse("2011-1-2").is_err());
        assert!(PartialDate::try_parse("").is_err());
    }
}
