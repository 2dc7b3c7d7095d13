//! Writes the generated ten-year history (`leaning_in::sample_history`) as a
//! backup file the app imports: `cargo run --example ten_years -- <path>`.
//! `make bench` and the engines layer import it.

fn main() {
    let path = std::env::args().nth(1).expect("usage: ten_years <path>");
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect("after 1970").as_millis() as i64;
    let records = leaning_in::sample_history::ten_years(now);
    std::fs::write(&path, leaning_in::domain::backup::export(&records, now)).expect("writes the file");
    eprintln!("{} records written to {path}", records.len());
}
