//! iCalendar (RFC 5545) as text, for the calendar feeds: a published
//! calendar of all-day events, written by hand because the format is
//! small and the rules that matter are few. Lines end in CRLF and are
//! folded at 75 octets (never inside a UTF-8 character); TEXT values are
//! escaped (backslash, semicolon, comma, newline) and lose control
//! characters, which TEXT may not hold. What the events say comes from the
//! caller (the i18n layer); this module only writes them.

use chrono::{DateTime, NaiveDate, Utc};

/// Names the program that wrote the calendar (RFC 5545, 3.7.3).
pub const PRODID: &str = "-//Styrbord//Avtalskalender 1.0//SV";

/// The longest physical line, in octets, without its CRLF (RFC 5545, 3.1).
pub const LINE_OCTETS: usize = 75;

/// A published calendar that subscribers poll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// Shown by the subscribing program as the calendar's name.
    pub name: String,
    /// How often subscribers should fetch it again, in hours.
    pub refresh_hours: u32,
    pub events: Vec<Event>,
}

/// One all-day event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Stable across fetches, so an edited date updates the event instead
    /// of adding a second one.
    pub uid: String,
    pub date: NaiveDate,
    pub summary: String,
    pub description: String,
    pub url: Option<String>,
    pub alarm: Option<Alarm>,
}

/// A reminder shown some days before an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alarm {
    pub days_before: u32,
    pub description: String,
}

impl Calendar {
    /// The calendar as an `.ics` document; `stamp` is when it was written
    /// (every event's DTSTAMP).
    pub fn to_ics(&self, stamp: DateTime<Utc>) -> String {
        let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
        let refresh = format!("PT{}H", self.refresh_hours.max(1));
        let mut out = String::with_capacity(512 + self.events.len() * 512);
        let mut line = |text: &str| push_folded(&mut out, text);
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line(&format!("PRODID:{PRODID}"));
        line("CALSCALE:GREGORIAN");
        line("METHOD:PUBLISH");
        line(&format!("X-WR-CALNAME:{}", escape_text(&self.name)));
        line(&format!("X-PUBLISHED-TTL:{refresh}"));
        line(&format!("REFRESH-INTERVAL;VALUE=DURATION:{refresh}"));
        for event in &self.events {
            let next_day = event.date.succ_opt().unwrap_or(event.date);
            line("BEGIN:VEVENT");
            line(&format!("UID:{}", escape_text(&event.uid)));
            line(&format!("DTSTAMP:{stamp}"));
            line(&format!("DTSTART;VALUE=DATE:{}", ical_date(event.date)));
            line(&format!("DTEND;VALUE=DATE:{}", ical_date(next_day)));
            line(&format!("SUMMARY:{}", escape_text(&event.summary)));
            line(&format!("DESCRIPTION:{}", escape_text(&event.description)));
            if let Some(url) = &event.url {
                line(&format!("URL:{}", uri(url)));
            }
            line("TRANSP:TRANSPARENT");
            if let Some(alarm) = &event.alarm {
                line("BEGIN:VALARM");
                line("ACTION:DISPLAY");
                line(&format!("TRIGGER:-P{}D", alarm.days_before));
                line(&format!("DESCRIPTION:{}", escape_text(&alarm.description)));
                line("END:VALARM");
            }
            line("END:VEVENT");
        }
        line("END:VCALENDAR");
        out
    }
}

/// A DATE value: `20240229`.
pub fn ical_date(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

/// A TEXT value (RFC 5545, 3.3.11): backslash, semicolon and comma
/// escaped, line breaks (CRLF, CR or LF) as `\n`, other control
/// characters dropped (TEXT allows none but tab).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A URI value: as given, without anything that could break the line.
fn uri(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).collect()
}

/// Appends one content line, folded (RFC 5545, 3.1): no physical line
/// longer than [`LINE_OCTETS`] octets, continuation lines starting with a
/// space (which counts), breaks only between characters; then CRLF.
pub fn push_folded(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let octets = c.len_utf8();
        if used + octets > LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += octets;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("test date")
    }

    fn folded(line: &str) -> String {
        let mut out = String::new();
        push_folded(&mut out, line);
        out
    }

    /// Undoes folding: a CRLF followed by a space joins the lines.
    fn unfold(text: &str) -> String {
        text.replace("\r\n ", "")
    }

    #[test]
    fn text_escapes_backslash_semicolon_comma_and_line_breaks() {
        let cases = [
            ("AVT-2019-002, Formpipe", "AVT-2019-002\\, Formpipe"),
            ("a;b", "a\\;b"),
            ("C:\\avtal", "C:\\\\avtal"),
            ("rad 1\nrad 2", "rad 1\\nrad 2"),
            ("rad 1\r\nrad 2\rrad 3", "rad 1\\nrad 2\\nrad 3"),
            ("tab\tkvar", "tab\tkvar"),
            ("klocka\u{7}\u{0}ljud", "klockaljud"),
            ("Åtgärd: ärende; ök", "Åtgärd: ärende\\; ök"),
            ("\\,", "\\\\\\,"),
        ];
        for (raw, escaped) in cases {
            assert_eq!(escape_text(raw), escaped, "{raw:?}");
        }
    }

    #[test]
    fn a_line_of_exactly_75_octets_is_not_folded_and_76_is() {
        let exact = "X".repeat(75);
        assert_eq!(folded(&exact), format!("{exact}\r\n"));
        let longer = "X".repeat(76);
        assert_eq!(folded(&longer), format!("{}\r\n X\r\n", "X".repeat(75)));
    }

    #[test]
    fn folding_never_splits_a_multi_byte_character() {
        // 74 ASCII octets, then "ä" (2 octets) would end at 76: it moves to
        // the next line whole, leaving the first line at 74 octets.
        let line = format!("{}ä{}", "a".repeat(74), "b".repeat(3));
        let out = folded(&line);
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(lines[0].len(), 74);
        assert_eq!(lines[1], " äbbb");
        // "€" is 3 octets: 73 + 3 = 76 does not fit, 72 + 3 = 75 does.
        assert_eq!(folded(&format!("{}€", "a".repeat(72))).split("\r\n").next().map(str::len), Some(75));
        assert_eq!(folded(&format!("{}€", "a".repeat(73))), format!("{}\r\n €\r\n", "a".repeat(73)));
        // Continuation lines hold 74 octets after their space: 37 "ö" (74 octets).
        let many = "ö".repeat(200);
        for physical in folded(&many).split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= LINE_OCTETS, "{} octets", physical.len());
        }
        assert_eq!(unfold(&folded(&many)), format!("{many}\r\n"));
    }

    proptest! {
        #[test]
        fn folded_lines_fit_and_unfold_to_the_original(text in "[a-zåäöÅÄÖ€😀,;\\\\ ]{0,400}") {
            let out = folded(&text);
            prop_assert!(out.ends_with("\r\n"));
            for physical in out.trim_end_matches("\r\n").split("\r\n") {
                prop_assert!(physical.len() <= LINE_OCTETS);
            }
            prop_assert_eq!(unfold(&out), format!("{text}\r\n"));
        }
    }

    fn sample() -> Calendar {
        Calendar {
            name: "Styrbord – avtal, AKN".into(),
            refresh_hours: 4,
            events: vec![
                Event {
                    uid: "contract-7-notice-2024-02-29@styrbord".into(),
                    date: date("2024-02-29"),
                    summary: "Senast uppsägning: AVT-2019-002, Formpipe".into(),
                    description: "Leverantör: Formpipe\nObjekt: AKN".into(),
                    url: Some("https://styrbord.example/contracts/7".into()),
                    alarm: Some(Alarm { days_before: 7, description: "Senast uppsägning om en vecka".into() }),
                },
                Event {
                    uid: "contract-7-procurement-2023-12-31@styrbord".into(),
                    date: date("2023-12-31"),
                    summary: "Starta upphandling: AVT-2019-002, Formpipe".into(),
                    description: String::new(),
                    url: None,
                    alarm: None,
                },
            ],
        }
    }

    #[test]
    fn the_calendar_is_published_with_all_day_events_and_crlf_lines() {
        let stamp = "2024-01-15T10:20:30Z".parse().expect("stamp");
        let ics = sample().to_ics(stamp);
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(!ics.replace("\r\n", "").contains('\n'), "every line ends in CRLF");
        let lines: Vec<&str> = ics.trim_end_matches("\r\n").split("\r\n").collect();
        assert_eq!(
            lines[..8],
            [
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                &format!("PRODID:{PRODID}"),
                "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH",
                "X-WR-CALNAME:Styrbord – avtal\\, AKN",
                "X-PUBLISHED-TTL:PT4H",
                "REFRESH-INTERVAL;VALUE=DURATION:PT4H",
            ]
        );
        for needle in [
            "UID:contract-7-notice-2024-02-29@styrbord",
            "DTSTAMP:20240115T102030Z",
            // A leap day ends on 1 March; New Year's Eve on 1 January.
            "DTSTART;VALUE=DATE:20240229\r\nDTEND;VALUE=DATE:20240301",
            "DTSTART;VALUE=DATE:20231231\r\nDTEND;VALUE=DATE:20240101",
            "SUMMARY:Senast uppsägning: AVT-2019-002\\, Formpipe",
            "DESCRIPTION:Leverantör: Formpipe\\nObjekt: AKN",
            "URL:https://styrbord.example/contracts/7",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P7D\r\nDESCRIPTION:Senast uppsägning om en vecka\r\nEND:VALARM",
        ] {
            assert!(ics.contains(needle), "{needle} in\n{ics}");
        }
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2);
        assert_eq!(ics.matches("END:VEVENT").count(), 2);
        assert_eq!(ics.matches("BEGIN:VALARM").count(), 1, "only the event with an alarm has one");
    }

    #[test]
    fn long_descriptions_are_folded_in_the_document() {
        let mut calendar = sample();
        calendar.events[0].description = "Objekt: Administration, kommunikation och näringsliv; ".repeat(6);
        let ics = calendar.to_ics(DateTime::UNIX_EPOCH);
        for physical in ics.trim_end_matches("\r\n").split("\r\n") {
            assert!(physical.len() <= LINE_OCTETS, "{physical:?}");
        }
        let unfolded = unfold(&ics);
        assert!(unfolded.contains(&format!(
            "DESCRIPTION:{}",
            escape_text(&"Objekt: Administration, kommunikation och näringsliv; ".repeat(6))
        )));
    }
}
