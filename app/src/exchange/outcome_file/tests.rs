use super::*;

/// Collects what the reader hands on.
#[derive(Debug, Default)]
struct Rows {
    expected: Option<usize>,
    rows: Vec<(usize, Vec<String>)>,
}

impl RowSink for Rows {
    fn expect_rows(&mut self, rows: usize) {
        self.expected = Some(rows);
    }
    fn row(&mut self, number: usize, cells: &[String]) {
        self.rows.push((number, cells.to_vec()));
    }
}

fn read_with(bytes: &[u8], format: FileFormat, limits: &Limits) -> Result<Rows, Problem> {
    let mut rows = Rows::default();
    read(bytes, format, limits, &mut rows).map(|()| rows)
}

fn small(rows: usize, columns: usize, cell_bytes: usize) -> Limits {
    Limits {
        rows,
        columns,
        cell_bytes,
        unpacked_bytes: Limits::DEFAULT.unpacked_bytes,
    }
}

fn xlsx(cells: &[(u32, u16, &str)]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (row, col, text) in cells {
        sheet.write_string(*row, *col, *text).expect("cell");
    }
    book.save_to_buffer().expect("xlsx")
}

#[test]
fn csv_rows_come_numbered_with_commas_or_semicolons() {
    let text = "\u{feff}indicator;period;value\nsjuk;2025-10;\"2,31\"\n\nsjuk;2025-11;2,4\n";
    let rows = read_with(text.as_bytes(), FileFormat::Csv, &Limits::DEFAULT).expect("reads");
    let cells: Vec<(usize, String)> = rows.rows.iter().map(|(n, c)| (*n, c.join("|"))).collect();
    assert_eq!(
        cells,
        [
            (1, "indicator|period|value".to_owned()),
            (2, "sjuk|2025-10|2,31".to_owned()),
            (3, "sjuk|2025-11|2,4".to_owned()),
        ]
    );
    assert!(rows.expected.is_some_and(|n| n >= 3));
}

#[test]
fn a_csv_line_of_a_million_commas_stops_at_the_column_limit() {
    let text = format!("indicator,period,value\n{}\n", ",".repeat(1_000_000));
    let problem = read_with(text.as_bytes(), FileFormat::Csv, &Limits::DEFAULT).expect_err("too wide");
    assert_eq!(problem.to_string(), "row 2: the row has more than 64 columns");
}

#[test]
fn a_csv_header_of_200_000_columns_is_refused_at_once() {
    let header: Vec<String> = (0..200_000).map(|i| format!("c{i}")).collect();
    let problem = read_with(header.join(",").as_bytes(), FileFormat::Csv, &Limits::DEFAULT).expect_err("too wide");
    assert_eq!(problem.to_string(), "row 1: the row has more than 64 columns");
}

#[test]
fn limits_on_rows_and_cells_name_where_they_were_passed() {
    let text = "a,b\n1,2\n3,4\n5,6\n";
    let problem = read_with(text.as_bytes(), FileFormat::Csv, &small(2, 8, 64)).expect_err("rows");
    assert_eq!(
        problem.to_string(),
        "the file has more than 2 rows; split it into several files"
    );
    let text = format!("a,b\n1,{}\n", "x".repeat(65));
    let problem = read_with(text.as_bytes(), FileFormat::Csv, &small(10, 8, 64)).expect_err("cell");
    assert_eq!(
        problem.to_string(),
        "row 2 › column B: the cell is longer than 64 bytes"
    );
}

#[test]
fn csv_that_is_not_utf8_is_refused() {
    let problem = read_with(
        b"indicator,period,value\n\xff\xfe,1,2\n",
        FileFormat::Csv,
        &Limits::DEFAULT,
    )
    .expect_err("latin-1");
    assert_eq!(problem.message, Message::NotUtf8, "{problem}");
}

#[test]
fn xlsx_rows_come_from_the_first_sheet_with_gaps_kept() {
    let bytes = xlsx(&[(0, 0, "indicator"), (0, 2, "value"), (3, 1, "2025-10")]);
    let rows = read_with(&bytes, FileFormat::Xlsx, &Limits::DEFAULT).expect("reads");
    assert_eq!(
        rows.rows,
        [
            (1, vec!["indicator".to_owned(), String::new(), "value".to_owned()]),
            (4, vec![String::new(), "2025-10".to_owned()]),
        ]
    );
}

/// A 1.6 KB workbook whose used range is the whole sheet (A1 to XFD1048576) once made the
/// reader allocate 17 billion cells and the process abort.
#[test]
fn an_xlsx_spanning_the_whole_sheet_is_refused_without_allocating_it() {
    let bytes = xlsx(&[(0, 0, "indicator"), (1_048_575, 16_383, "x")]);
    assert!(bytes.len() < 10_000, "{} bytes", bytes.len());
    let problem = read_with(&bytes, FileFormat::Xlsx, &Limits::DEFAULT).expect_err("too large");
    assert_eq!(
        problem.to_string(),
        "the file has more than 1000000 rows; split it into several files"
    );
    let bytes = xlsx(&[(0, 0, "indicator"), (1, 16_383, "x")]);
    let problem = read_with(&bytes, FileFormat::Xlsx, &Limits::DEFAULT).expect_err("too wide");
    assert_eq!(problem.to_string(), "row 2: the row has more than 64 columns");
}

#[test]
fn an_xlsx_unpacking_past_the_limit_is_refused_before_parsing() {
    let long = "x".repeat(20_000);
    let bytes = xlsx(&[(0, 0, "indicator"), (1, 0, &long)]);
    let limits = Limits {
        unpacked_bytes: 16 * 1024,
        ..Limits::DEFAULT
    };
    let problem = read_with(&bytes, FileFormat::Xlsx, &limits).expect_err("unpacks too far");
    assert_eq!(problem.message, Message::UnpackedTooLarge { max_mb: 0 }, "{problem}");
}

#[test]
fn garbage_is_not_a_workbook() {
    for bytes in [&b""[..], b"PK\x03\x04garbage", b"indicator,period,value"] {
        let problem = read_with(bytes, FileFormat::Xlsx, &Limits::DEFAULT).expect_err("garbage");
        assert!(matches!(problem.message, Message::UnreadableXlsx { .. }), "{problem}");
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Any bytes as CSV: read or refused, never a panic, never more than the limits.
        #[test]
        fn any_csv_bytes_stay_within_the_limits(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
            let limits = small(20, 6, 32);
            if let Ok(rows) = read_with(&bytes, FileFormat::Csv, &limits) {
                prop_assert!(rows.rows.len() <= limits.rows + 1);
                for (_, cells) in &rows.rows {
                    prop_assert!(cells.len() <= limits.columns);
                    prop_assert!(cells.iter().all(|c| c.len() <= limits.cell_bytes));
                }
            }
        }

        /// Text made of the characters a CSV is made of.
        #[test]
        fn csv_like_text_stays_within_the_limits(text in "[a-z0-9,;\"\n\r ]{0,2000}") {
            let limits = small(50, 4, 16);
            if let Ok(rows) = read_with(text.as_bytes(), FileFormat::Csv, &limits) {
                prop_assert!(rows.rows.len() <= limits.rows + 1);
                prop_assert!(rows.rows.iter().all(|(_, cells)| cells.len() <= limits.columns));
            }
        }

        /// Any bytes as XLSX: refused cleanly.
        #[test]
        fn any_bytes_as_xlsx_are_refused_cleanly(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let _ = read_with(&bytes, FileFormat::Xlsx, &Limits::DEFAULT);
        }
    }
}
