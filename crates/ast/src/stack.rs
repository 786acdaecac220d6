//! Deep stacks for the recursive stages (no CPython counterpart: CPython bounds its recursion
//! by its own C stack and recursion limits, which these stages reproduce by counting).
//!
//! The parser, validator, preprocessor, symbol table and code generator recurse once per level
//! of nesting, to depths that need far more stack than a thread gets by default. Each runs its
//! work through [`on_deep_stack`]: on the calling thread when it has the stack left (the
//! `pyc` command makes its threads that way, once), else on a thread made for the call. A
//! thread per call costs tens of microseconds, as much as parsing a small file.

/// Runs `f` where at least `needed` bytes of stack are left: on this thread if they are, else
/// on a new thread with a stack of `size` bytes (only the pages used become memory). A panic
/// in `f` comes back as the error, as [`std::thread::JoinHandle::join`] gives it, and so does
/// a thread that cannot start (no memory for its stack).
pub fn on_deep_stack<T: Send>(
    needed: usize,
    size: usize,
    f: impl FnOnce() -> T + Send,
) -> std::thread::Result<T> {
    let left = stacker::remaining_stack().unwrap_or(0);
    if left >= needed {
        return std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    }
    std::thread::scope(|scope| {
        match std::thread::Builder::new()
            .stack_size(size)
            .spawn_scoped(scope, f)
        {
            Ok(handle) => handle.join(),
            Err(err) => Err(Box::new(err.to_string()) as Box<dyn std::any::Any + Send>),
        }
    })
}

/// What CPython 3.14 says when a stage of compilation (validation, preprocessing, the symbol
/// table, code generation) nests deeper than its C stack allows (`Py_EnterRecursiveCall(" during
/// compilation")`, whose message reports the C stack in use): the figure is where the oracle's
/// build (pyodide 314.0.7) stops, the same for every stage and input. (The depth at which each
/// stage stops is its own business.)
pub const STACK_OVERFLOW_MESSAGE: &str = "Stack overflow (used 10216 kB) during compilation";

/// The stack to give a thread so that every stage runs on it without a thread of its own:
/// the largest any stage asks for, plus room for the caller's own frames.
pub const DEEP_STACK_THREAD_SIZE: usize = (1 << 30) + (64 << 20);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_on_this_thread_when_the_stack_suffices() {
        let here = std::thread::current().id();
        let ran_on = on_deep_stack(0, 1 << 20, || std::thread::current().id());
        assert_eq!(ran_on.ok(), Some(here));
    }

    #[test]
    fn runs_on_a_new_thread_when_it_does_not() {
        let here = std::thread::current().id();
        let ran_on = on_deep_stack(usize::MAX, 1 << 20, || std::thread::current().id());
        assert!(ran_on.is_ok_and(|id| id != here));
    }

    #[test]
    fn a_panic_comes_back_as_the_error() {
        let inline = on_deep_stack(0, 1 << 20, || panic!("inline"));
        let threaded: std::thread::Result<()> =
            on_deep_stack(usize::MAX, 1 << 20, || panic!("threaded"));
        assert!(inline.is_err() && threaded.is_err());
    }
}
