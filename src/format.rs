//! Money and date formatting for display, en-US style, without a locale library or the clock.

/// Currencies whose minor unit is the major unit (Stripe's zero-decimal list).
const ZERO_DECIMAL: &[&str] = &[
    "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv",
    "xaf", "xof", "xpf",
];

/// Currencies Stripe counts in thousandths.
const THREE_DECIMAL: &[&str] = &["bhd", "jod", "kwd", "omr", "tnd"];

/// Symbols as `Intl.NumberFormat("en-US")` prints them.
const SYMBOLS: &[(&str, &str)] = &[
    ("usd", "$"),
    ("eur", "€"),
    ("gbp", "£"),
    ("jpy", "¥"),
    ("cad", "CA$"),
    ("aud", "A$"),
    ("nzd", "NZ$"),
    ("hkd", "HK$"),
    ("mxn", "MX$"),
    ("brl", "R$"),
    ("inr", "₹"),
    ("krw", "₩"),
    ("cny", "CN¥"),
    ("ils", "₪"),
    ("vnd", "₫"),
];

const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// An amount in minor units as en-US text: `$1,234.56`, `-€12.00`, `¥1,200`; a currency
/// without a known symbol gets its code after the number: `1,234.56 XYZ`.
pub fn format_amount(minor: i64, currency: &str) -> String {
    let code = currency.to_ascii_lowercase();
    let decimals = if ZERO_DECIMAL.contains(&code.as_str()) {
        0
    } else if THREE_DECIMAL.contains(&code.as_str()) {
        3
    } else {
        2
    };
    let abs = minor.unsigned_abs();
    let scale = 10u64.pow(decimals);
    let mut number = group_thousands(abs / scale);
    if decimals > 0 {
        number = format!("{number}.{:0width$}", abs % scale, width = decimals as usize);
    }
    let sign = if minor < 0 { "-" } else { "" };
    match SYMBOLS.iter().find(|(c, _)| *c == code) {
        Some((_, symbol)) => format!("{sign}{symbol}{number}"),
        None => format!("{sign}{number} {}", code.to_ascii_uppercase()),
    }
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A Unix timestamp as a UTC date: `Nov 21, 2026`.
pub fn format_date(unix_seconds: i64) -> String {
    let (y, m, d) = civil_from_days(unix_seconds.div_euclid(86_400));
    format!("{} {d}, {y}", MONTHS[(m - 1) as usize])
}

/// A Unix timestamp as a UTC date and 24-hour time: `Nov 21, 2026, 14:05 UTC`.
pub fn format_date_time(unix_seconds: i64) -> String {
    let secs = unix_seconds.rem_euclid(86_400);
    format!("{}, {:02}:{:02} UTC", format_date(unix_seconds), secs / 3600, secs % 3600 / 60)
}

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day), after Howard Hinnant's
/// `civil_from_days`.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_use_the_currency_symbol_and_thousands_separators() {
        let cases = [
            (123_456, "usd", "$1,234.56"),
            (-1_200, "eur", "-€12.00"),
            (1_200, "JPY", "¥1,200"),
            (5, "gbp", "£0.05"),
            (0, "usd", "$0.00"),
            (100_000_000, "cad", "CA$1,000,000.00"),
            (99_999, "aud", "A$999.99"),
            (-50_000, "krw", "-₩50,000"),
            (123_456, "xyz", "1,234.56 XYZ"),
            (1_200, "clp", "1,200 CLP"),
            (12_345, "kwd", "12.345 KWD"),
        ];
        for (minor, currency, want) in cases {
            assert_eq!(format_amount(minor, currency), want);
        }
    }

    #[test]
    fn extreme_amounts_do_not_overflow() {
        assert_eq!(format_amount(i64::MIN, "usd"), "-$92,233,720,368,547,758.08");
        assert_eq!(format_amount(i64::MAX, "jpy"), "¥9,223,372,036,854,775,807");
    }

    #[test]
    fn every_zero_decimal_currency_prints_no_fraction() {
        for code in ZERO_DECIMAL {
            assert!(!format_amount(1_234, code).contains('.'), "{code}");
        }
    }

    #[test]
    fn symbol_table_is_lowercase_and_unique() {
        for (i, (code, _)) in SYMBOLS.iter().enumerate() {
            assert_eq!(code.to_ascii_lowercase(), *code);
            assert!(SYMBOLS[i + 1..].iter().all(|(c, _)| c != code), "{code}");
        }
    }

    #[test]
    fn dates_are_utc_calendar_days() {
        let cases = [
            (0, "Jan 1, 1970"),
            (1_795_219_200, "Nov 21, 2026"),
            (1_795_305_599, "Nov 21, 2026"),
            (1_795_305_600, "Nov 22, 2026"),
            (951_782_400, "Feb 29, 2000"),
            (4_107_542_400, "Mar 1, 2100"),
            (-1, "Dec 31, 1969"),
            (1_234_567_890, "Feb 13, 2009"),
        ];
        for (ts, want) in cases {
            assert_eq!(format_date(ts), want, "{ts}");
        }
    }

    #[test]
    fn date_times_add_a_24_hour_utc_clock() {
        assert_eq!(
            format_date_time(1_795_219_200 + 14 * 3600 + 5 * 60 + 59),
            "Nov 21, 2026, 14:05 UTC"
        );
        assert_eq!(format_date_time(1_234_567_890), "Feb 13, 2009, 23:31 UTC");
        assert_eq!(format_date_time(-60), "Dec 31, 1969, 23:59 UTC");
    }

    #[test]
    fn civil_from_days_round_trips_every_day_for_five_centuries() {
        let mut expected = (1900, 1, 1);
        let days_in = |y: i64, m: u32| match m {
            2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        for days in -25_567..157_000 {
            assert_eq!(civil_from_days(days), expected, "day {days}");
            let (y, m, d) = expected;
            expected = if d < days_in(y, m) {
                (y, m, d + 1)
            } else if m < 12 {
                (y, m + 1, 1)
            } else {
                (y + 1, 1, 1)
            };
        }
    }
}
