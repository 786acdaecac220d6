//! Empty: the benchmark lives in benches/parse.rs.
