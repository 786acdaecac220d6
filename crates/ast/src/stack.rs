//! Deep stacks for the recursive stages (no CPython counterpart: CPython bounds its recursion
//! by its own C stack and recursion limits, which these stages reproduce by counting).
//!
//! The parser, validator, preprocessor, symbol table and code generator recurse once per level
//! of nesting, to depths that need far more stack than a thread gets by default. Each runs its
//! work through [`on_deep_stack`]: on the calling thread's own stack when it has the room left
//! (the `pyc` command makes its threads that way, once), else on a deep stack the thread keeps
//! for such calls (`kept::KeptStack`), still on the calling thread.
//!
//! Why on the calling thread: a thread made per call cost tens of microseconds, and started
//! each call with the per-thread pools empty (the parser's buffers, `NodeBox`'s blocks, the
//! known identifiers): the corpus parsed from the main thread took twice as long as from a
//! thread with a deep stack. Why a kept stack: one mapped per call (`stacker::grow`) is faulted
//! in page by page each time, which still cost a quarter more than the thread's own stack.

use std::any::Any;
use std::cell::Cell;

/// Runs `f` where at least `needed` bytes of stack are left: on this thread's stack if they
/// are, else on the deep stack this thread keeps, of at least `size` bytes (only the pages used
/// become memory). A panic in `f` comes back as the error, as
/// [`std::thread::JoinHandle::join`] gives it, and so does a stack that cannot be mapped.
pub fn on_deep_stack<T: Send>(
    needed: usize,
    size: usize,
    f: impl FnOnce() -> T + Send,
) -> std::thread::Result<T> {
    if remaining_stack() >= needed {
        return std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    }
    kept::run(size, f)
}

/// The bytes of stack left below the current frame: on a kept stack, down to its end; else as
/// `stacker` finds them for the thread's own stack (0 when it cannot tell).
fn remaining_stack() -> usize {
    match ON_KEPT_STACK.with(Cell::get) {
        Some(low) => (psm::stack_pointer() as usize).saturating_sub(low),
        None => stacker::remaining_stack().unwrap_or(0),
    }
}

thread_local! {
    /// The lowest usable address of the kept stack the thread is running on, if any.
    static ON_KEPT_STACK: Cell<Option<usize>> = const { Cell::new(None) };
}

psm::psm_stack_manipulation! {
    yes {
        mod kept {
            use super::{Any, Cell, ON_KEPT_STACK};

            /// Only the pages touched count against the system's memory: a thread keeps a
            /// stack of a gigabyte for the parser, of which a parse uses a few hundred kB.
            #[cfg(any(target_os = "linux", target_os = "android"))]
            const NO_RESERVE: libc::c_int = libc::MAP_NORESERVE;
            #[cfg(not(any(target_os = "linux", target_os = "android")))]
            const NO_RESERVE: libc::c_int = 0;

            /// The stack pages a kept stack keeps between calls, at its top: a call's
            /// deeper pages are given back (a stage that recursed deep once would otherwise
            /// hold them for the thread's life).
            const KEEP_WARM: usize = 8 << 20;

            /// A stack mapped once per thread and used for every call that needs it: its
            /// pages, touched once, stay mapped for the next call.
            pub(super) struct KeptStack {
                /// The whole mapping: a guard page, then the usable stack.
                mapping: *mut u8,
                mapping_len: usize,
                page: usize,
            }

            thread_local! {
                /// The thread's kept stack, while no call is running on it.
                static KEPT: Cell<Option<KeptStack>> = const { Cell::new(None) };
            }

            impl KeptStack {
                /// A stack of at least `size` usable bytes below a guard page, or `None` when
                /// it cannot be mapped.
                fn map(size: usize) -> Option<KeptStack> {
                    // SAFETY: `sysconf` has no preconditions.
                    let page = usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) })
                        .ok()
                        .filter(|&p| p > 0)?;
                    let usable = size.checked_next_multiple_of(page)?.max(page);
                    let mapping_len = usable.checked_add(page)?;
                    // SAFETY: a fresh anonymous mapping at an address the kernel picks; no
                    // memory of ours is touched.
                    let mapping = unsafe {
                        libc::mmap(
                            std::ptr::null_mut(),
                            mapping_len,
                            libc::PROT_READ | libc::PROT_WRITE,
                            libc::MAP_PRIVATE | libc::MAP_ANON | NO_RESERVE,
                            -1,
                            0,
                        )
                    };
                    if mapping == libc::MAP_FAILED {
                        return None;
                    }
                    let stack = KeptStack {
                        mapping: mapping.cast(),
                        mapping_len,
                        page,
                    };
                    // The lowest page is the guard: running past the stack's end faults
                    // there instead of writing over other memory.
                    // SAFETY: the first page of the mapping just made, which nothing uses.
                    if unsafe { libc::mprotect(mapping, page, libc::PROT_NONE) } != 0 {
                        return None;
                    }
                    Some(stack)
                }

                fn low(&self) -> *mut u8 {
                    // SAFETY: the guard page is within the mapping.
                    unsafe { self.mapping.add(self.page) }
                }

                fn usable(&self) -> usize {
                    self.mapping_len - self.page
                }

                /// Gives the pages below the top [`KEEP_WARM`] bytes back to the system (they
                /// read as zeros if touched again).
                fn trim(&self) {
                    let deep = self.usable().saturating_sub(KEEP_WARM);
                    let deep = deep - deep % self.page;
                    if deep > 0 {
                        // SAFETY: the range is the bottom of the usable stack, which no frame
                        // uses now (the call on it has returned).
                        unsafe { libc::madvise(self.low().cast(), deep, libc::MADV_DONTNEED) };
                    }
                }
            }

            impl Drop for KeptStack {
                fn drop(&mut self) {
                    // SAFETY: the mapping is ours, and no frame is on it (it is dropped only
                    // while no call runs on it).
                    unsafe { libc::munmap(self.mapping.cast(), self.mapping_len) };
                }
            }

            /// Runs `f` on the thread's kept stack (mapped now if the thread has none of `size`
            /// bytes yet, or it is in use by a call below this one).
            pub(super) fn run<T>(
                size: usize,
                f: impl FnOnce() -> T,
            ) -> std::thread::Result<T> {
                // `remaining_stack` measures down from the stack pointer.
                if psm::StackDirection::new() != psm::StackDirection::Descending {
                    let grown = || stacker::grow(size, f);
                    return std::panic::catch_unwind(std::panic::AssertUnwindSafe(grown));
                }
                let kept = KEPT.with(Cell::take).filter(|s| s.usable() >= size);
                let Some(stack) = kept.or_else(|| KeptStack::map(size)) else {
                    let msg = format!("cannot map a stack of {size} bytes");
                    return Err(Box::new(msg) as Box<dyn Any + Send>);
                };
                let outer = ON_KEPT_STACK.with(|on| on.replace(Some(stack.low() as usize)));
                // SAFETY: the usable part of the mapping is a stack nothing else uses for as
                // long as `f` runs, with a guard page below it; `f` cannot unwind out of it
                // (`catch_unwind`), as `on_stack` requires.
                let result = unsafe {
                    psm::on_stack(stack.low(), stack.usable(), move || {
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
                    })
                };
                ON_KEPT_STACK.with(|on| on.set(outer));
                stack.trim();
                // Kept for the next call, unless a call below this one kept its own already.
                KEPT.with(|slot| {
                    let other = slot.take();
                    slot.set(Some(other.unwrap_or(stack)));
                });
                result
            }
        }
    }
    no {
        mod kept {
            /// Without stack switching: a stack mapped for the call (`stacker::grow`).
            pub(super) fn run<T>(
                size: usize,
                f: impl FnOnce() -> T,
            ) -> std::thread::Result<T> {
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| stacker::grow(size, f)))
            }
        }
    }
}

/// What CPython 3.14 says when a stage of compilation (validation, preprocessing, the symbol
/// table, code generation) nests deeper than its C stack allows (`Py_EnterRecursiveCall(" during
/// compilation")`, whose message reports the C stack in use): the figure is where the oracle's
/// build (pyodide 314.0.7) stops, the same for every stage and input. (The depth at which each
/// stage stops is its own business.)
pub const STACK_OVERFLOW_MESSAGE: &str = "Stack overflow (used 10216 kB) during compilation";

/// The stack to give a thread so that every stage runs on the thread's own stack, without a
/// kept one: the largest any stage asks for, plus room for the caller's own frames.
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

    /// Where the stack runs out: the thread, and the room left on its stack.
    fn where_it_runs() -> (std::thread::ThreadId, usize) {
        (std::thread::current().id(), remaining_stack())
    }

    #[test]
    fn runs_on_a_deep_stack_of_this_thread_when_its_own_does_not_suffice() {
        let here = std::thread::current().id();
        let size = 64 << 20;
        let (thread, room) = on_deep_stack(usize::MAX, size, where_it_runs).unwrap();
        assert_eq!(thread, here);
        assert!(room > size - (1 << 20) && room <= size, "{room} bytes left");
        // A call made there that needs less runs on, without a stack of its own.
        let nested = on_deep_stack(usize::MAX, size, || {
            on_deep_stack(1 << 20, size, where_it_runs)
        });
        let (thread, room) = nested.unwrap().unwrap();
        assert_eq!(thread, here);
        assert!(room > size - (2 << 20), "{room} bytes left");
    }

    #[test]
    fn the_deep_stack_is_kept_for_the_next_call() {
        let low = || ON_KEPT_STACK.with(Cell::get);
        let first = on_deep_stack(usize::MAX, 1 << 20, low).unwrap();
        let second = on_deep_stack(usize::MAX, 1 << 20, low).unwrap();
        assert!(first.is_some());
        assert_eq!(first, second);
        // Not once the call has returned.
        assert_eq!(low(), None);
    }

    #[test]
    fn a_panic_comes_back_as_the_error() {
        let inline = on_deep_stack(0, 1 << 20, || panic!("inline"));
        let deep: std::thread::Result<()> =
            on_deep_stack(usize::MAX, 1 << 20, || panic!("on the deep stack"));
        assert!(inline.is_err() && deep.is_err());
        // The deep stack is usable again after the panic.
        assert_eq!(on_deep_stack(usize::MAX, 1 << 20, || 7).ok(), Some(7));
    }
}
