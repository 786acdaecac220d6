//! Empty: the benchmark lives in benches/tokenize.rs.
