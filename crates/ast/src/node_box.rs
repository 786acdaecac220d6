//! The box every AST node lives in: pyc's counterpart of the arena CPython allocates nodes
//! from (Python/pyarena.c, `_PyArena_Malloc`), as a per-thread pool of freed node blocks; and
//! the same pool for the buffers of the tree's lists ([`list_with_capacity`],
//! [`recycle_list`]).
//!
//! Why: a tree is built one small node at a time and dropped all at once, and the system
//! allocator is slow at exactly that pattern (a parse spent a quarter of its time in malloc
//! and free, most of it sorting the previous tree's freed chunks into bins). A dropped node's
//! block goes onto its thread's free list for its size class instead, and the next node of
//! that class takes it back: a pop and a push (each pop prefetching the block the next one
//! gives out: a tree's blocks have mostly left the cache by the time the next tree is made).
//!
//! A thread keeps no more blocks of a size than it has itself made of that size (as nodes and
//! lists), and at most [`RETAINED_LIMIT`] bytes in all; past that, and for types too large or
//! too aligned for a class, blocks go back to the global allocator. So a thread that only drops trees other threads
//! built keeps nothing (kept blocks it would never use again fragment the heap every thread
//! allocates from: the benchmark ran 20% slower while its main thread held 32 MB of them).
//! A thread's pool is freed when the thread ends. A node made on one thread may be dropped on
//! another: blocks of one class all have the same layout, whoever frees them.
//!
//! The lists are ordinary `Vec`s: a list's buffer is pooled only where its layout is exactly a
//! class's (a multiple of a word, of a word's alignment), so that any list, wherever it came
//! from, may be grown or freed by `Vec` itself. A node's drop gives its lists' buffers to the
//! pool ([`Node::recycle_lists`]); the parser makes its lists from it. Before, the lists' own
//! malloc and free were a tenth of a parse (with glibc sweeping the previous tree's freed
//! buffers at each large request).

use std::alloc::{alloc, dealloc, handle_alloc_error, Layout};
use std::cell::Cell;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::mem::{align_of, size_of, ManuallyDrop};
use std::ops::{Deref, DerefMut};
use std::ptr::{null_mut, NonNull};

/// A node's block size steps by this many bytes, as the system allocator's chunks do.
const GRANULE: usize = 16;
/// The smallest node block: the usable size of the system allocator's smallest chunk. Each
/// node block is such a usable size (24, 40, 56, ...), so it costs what the node alone would
/// have.
const SMALLEST: usize = 24;
/// The largest pooled block: every node struct fits one.
const LARGEST: usize = 264;
/// Every pooled block's alignment (a node's, at most: the pool takes no type aligned more),
/// and the step of the pool's size classes: a class per multiple of it up to [`LARGEST`]
/// (the nodes' sizes, and the lists' buffers: a list of `n` elements of a word's alignment
/// has a multiple of it).
const ALIGN: usize = 8;
/// The size classes: 8, 16, ..., 264 bytes.
const CLASSES: usize = LARGEST / ALIGN;
/// The most bytes a thread's pool keeps (the nodes of a tree parsed from about 1 MB of
/// source); freed blocks beyond it go to the global allocator.
pub const RETAINED_LIMIT: usize = 8 << 20;

/// A type a [`NodeBox`] holds: a node, which tells what its drop reads after it.
///
/// Why: a tree is dropped right after it is used, and by then most of its blocks have left
/// the cache; each child's drop began with a read that waited for memory (a third of the
/// samples of `drop_in_place::<Expr>`). A node's drop first asks for its children's blocks,
/// which then arrive while the first child is taken apart.
pub trait Node {
    /// Prefetches the blocks of the node's boxed children and the buffers of its lists (the
    /// generated nodes list theirs; by default, none).
    #[inline(always)]
    fn prefetch_children(&self) {}

    /// Gives its lists' buffers to the pool ([`recycle_list`]) as the node is dropped (the
    /// generated nodes give theirs; by default, none).
    #[inline(always)]
    fn recycle_lists(&mut self) {}
}

/// An owned node on the heap, like `Box<T>`: it derefs to the node, and `into_inner` moves
/// the node out (where `*boxed` would for a `Box`).
pub struct NodeBox<T: Node> {
    ptr: NonNull<T>,
    /// Owns a `T` (for the drop check and auto traits).
    owns: PhantomData<T>,
}

// SAFETY: a `NodeBox<T>` owns its `T` exclusively, as a `Box<T>` does; the block's memory is
// global-allocator memory that any thread may free or pool.
unsafe impl<T: Node + Send> Send for NodeBox<T> {}
// SAFETY: shared access gives only `&T`, as for `Box<T>`.
unsafe impl<T: Node + Sync> Sync for NodeBox<T> {}

impl<T: Node> NodeBox<T> {
    /// Moves `value` into a block from the pool (or a new one).
    #[inline]
    pub fn new(value: T) -> Self {
        const { assert!(size_of::<T>() != 0, "nodes are never zero-sized") };
        let ptr = allocate::<T>();
        // SAFETY: `ptr` is a fresh block, valid and aligned for a `T` (see `block_layout`).
        unsafe { ptr.as_ptr().write(value) };
        NodeBox {
            ptr,
            owns: PhantomData,
        }
    }

    /// Asks the processor to bring in the node's block, ahead of a read of it.
    #[inline(always)]
    pub fn prefetch(&self) {
        prefetch(self.ptr.as_ptr().cast());
    }

    /// Moves the node out, giving its block back.
    #[inline]
    pub fn into_inner(boxed: Self) -> T {
        let boxed = ManuallyDrop::new(boxed);
        // SAFETY: the block holds an initialised `T` that nothing else owns; `boxed` is never
        // dropped, so the value is read out exactly once and the block released once.
        unsafe {
            let value = boxed.ptr.as_ptr().read();
            release(boxed.ptr);
            value
        }
    }
}

impl<T: Node> Drop for NodeBox<T> {
    #[inline]
    fn drop(&mut self) {
        T::prefetch_children(self);
        T::recycle_lists(self);
        // SAFETY: the block holds an initialised `T` owned by `self`, dropped here once.
        unsafe {
            self.ptr.as_ptr().drop_in_place();
            release(self.ptr);
        }
    }
}

impl<T: Node> Deref for NodeBox<T> {
    type Target = T;

    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: the block holds an initialised `T` for as long as `self` lives.
        unsafe { self.ptr.as_ref() }
    }
}

impl<T: Node> DerefMut for NodeBox<T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: as for `deref`, and `&mut self` makes the access exclusive.
        unsafe { self.ptr.as_mut() }
    }
}

impl<T: Node> AsRef<T> for NodeBox<T> {
    fn as_ref(&self) -> &T {
        self
    }
}

impl<T: Node> AsMut<T> for NodeBox<T> {
    fn as_mut(&mut self) -> &mut T {
        self
    }
}

impl<T: Node> std::borrow::Borrow<T> for NodeBox<T> {
    fn borrow(&self) -> &T {
        self
    }
}

impl<T: Node> From<T> for NodeBox<T> {
    fn from(value: T) -> Self {
        NodeBox::new(value)
    }
}

impl<T: Node + Clone> Clone for NodeBox<T> {
    fn clone(&self) -> Self {
        NodeBox::new(T::clone(self))
    }
}

impl<T: Node + Default> Default for NodeBox<T> {
    fn default() -> Self {
        NodeBox::new(T::default())
    }
}

impl<T: Node + fmt::Debug> fmt::Debug for NodeBox<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        T::fmt(self, f)
    }
}

impl<T: Node + PartialEq> PartialEq for NodeBox<T> {
    fn eq(&self, other: &Self) -> bool {
        T::eq(self, other)
    }
}

impl<T: Node + Eq> Eq for NodeBox<T> {}

impl<T: Node + Hash> Hash for NodeBox<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        T::hash(self, state)
    }
}

/// A pooled block, linked through its first bytes while it is free.
struct FreeBlock {
    next: *mut FreeBlock,
}

/// One thread's pool: a list of free blocks per size class.
struct FreeLists {
    heads: [Cell<*mut FreeBlock>; CLASSES],
    /// How many more blocks each class's list may take: the blocks of that class this thread
    /// has made new (nodes and lists), less those on the list. Per class, so that blocks that
    /// would never be taken again (the buffers of lists grown or collected elsewhere, dropped
    /// with a tree) are freed instead of filling the pool: kept, they crowded out the blocks
    /// that were reused, and the heap they held apart made every other allocation slower.
    room: [Cell<u32>; CLASSES],
    /// The bytes of new blocks that may still give their class room: at most
    /// [`RETAINED_LIMIT`] in all.
    budget: Cell<usize>,
}

thread_local! {
    static FREE_LISTS: FreeLists = const {
        FreeLists {
            heads: [const { Cell::new(null_mut()) }; CLASSES],
            room: [const { Cell::new(0) }; CLASSES],
            budget: Cell::new(RETAINED_LIMIT),
        }
    };
}

impl FreeLists {
    /// A block of `class` for a node or list this thread is making: from the list if it has
    /// one; else the caller makes a new one, and the class may then keep one more.
    #[inline]
    fn pop(&self, class: usize) -> Option<NonNull<u8>> {
        let head = &self.heads[class];
        let room = &self.room[class];
        let Some(block) = NonNull::new(head.get()) else {
            // The caller makes a new block (and registers the pool's owner).
            let size = class_size(class);
            if self.budget.get() >= size {
                self.budget.set(self.budget.get() - size);
                room.set(room.get() + 1);
            }
            return None;
        };
        // SAFETY: every block on a list is a free block of this class, linked by `push`.
        let next = unsafe { block.as_ref().next };
        head.set(next);
        prefetch(next.cast_const().cast());
        room.set(room.get() + 1);
        Some(block.cast())
    }

    /// Keeps `block` (of `class`) if its class has room; whether it was kept.
    #[inline]
    fn push(&self, class: usize, block: NonNull<u8>) -> bool {
        let room = &self.room[class];
        if room.get() == 0 {
            return false;
        }
        room.set(room.get() - 1);
        let head = &self.heads[class];
        let block = block.cast::<FreeBlock>();
        // SAFETY: the caller gives up a block of `class_size(class)` bytes, aligned to
        // ALIGN: room for the link.
        unsafe { block.as_ptr().write(FreeBlock { next: head.get() }) };
        head.set(block.as_ptr());
        true
    }

    /// The bytes of the blocks on the lists (for the tests: a walk of every list).
    #[cfg(test)]
    fn retained(&self) -> usize {
        let mut bytes = 0;
        for (class, head) in self.heads.iter().enumerate() {
            let mut block = head.get();
            while let Some(free) = NonNull::new(block) {
                bytes += class_size(class);
                // SAFETY: a listed block is free, linked by `push`.
                block = unsafe { free.as_ref().next };
            }
        }
        bytes
    }
}

/// Asks the processor to bring in the cache line at `address`, ahead of a read of it: the
/// block a free list gives out next, whose link `pop` reads (the blocks of a tree dropped
/// earlier have mostly left the cache: without it, that read stalled every node's making, two
/// thirds of `NodeBox::new`'s samples), and the children of a node being dropped ([`Node`]).
#[inline(always)]
fn prefetch(address: *const u8) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        // SAFETY: SSE is part of x86_64, and a prefetch never faults, whatever the address
        // (null at the end of a free list, dangling for an empty list).
        unsafe { _mm_prefetch::<_MM_HINT_T0>(address.cast::<i8>()) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = address;
}

/// Prefetches the buffer of a node's list (see [`Node`]).
#[inline(always)]
pub fn prefetch_list<T>(list: &[T]) {
    prefetch(list.as_ptr().cast());
}

/// Frees its thread's pool when the thread ends. Apart from [`FREE_LISTS`], which has no
/// destructor, so that a pop or a push reaches the lists without first asking whether they
/// are still alive (a test at every node made and dropped): this one is registered when the
/// thread makes a new block for a pooled class ([`register_pool_owner`]), which comes before
/// any block is kept (what a thread may keep is raised only then).
struct PoolOwner;

thread_local! {
    static POOL_OWNER: PoolOwner = const { PoolOwner };
}

/// Registers the thread's [`PoolOwner`] (once; refused once the thread is ending).
fn register_pool_owner() {
    let _ = POOL_OWNER.try_with(|_| ());
}

impl Drop for PoolOwner {
    fn drop(&mut self) {
        // A destructor of the thread's that runs later may still make and drop nodes: the
        // lists, then full, keep none of them.
        let _ = FREE_LISTS.try_with(FreeLists::close);
    }
}

impl FreeLists {
    /// Frees the kept blocks and keeps no more.
    fn close(&self) {
        for (class, head) in self.heads.iter().enumerate() {
            let mut block = head.replace(null_mut());
            while let Some(free) = NonNull::new(block) {
                // SAFETY: a listed block is free, of this class's layout, from `alloc`.
                unsafe {
                    block = free.as_ref().next;
                    dealloc(free.as_ptr().cast(), class_layout(class));
                }
            }
        }
        // No class has room, nor may get any: none is kept again.
        for room in &self.room {
            room.set(0);
        }
        self.budget.set(0);
    }
}

/// The size class of a `T`'s node block, if it is pooled.
#[inline(always)]
const fn class_of<T>() -> Option<usize> {
    let size = size_of::<T>();
    if size == 0 || size > LARGEST || align_of::<T>() > ALIGN {
        None
    } else {
        let block = SMALLEST + size.saturating_sub(SMALLEST).div_ceil(GRANULE) * GRANULE;
        Some(block / ALIGN - 1)
    }
}

/// The size class of the buffer of a list of `capacity` `T`s, if it is pooled: a buffer's
/// layout is its class's only for elements of the blocks' alignment.
#[inline(always)]
const fn list_class_of<T>(capacity: usize) -> Option<usize> {
    let size = size_of::<T>();
    // `LARGEST / size` is a constant: no product that could overflow is made.
    if align_of::<T>() != ALIGN || size == 0 || capacity == 0 || capacity > LARGEST / size {
        None
    } else {
        Some(size * capacity / ALIGN - 1)
    }
}

const fn class_size(class: usize) -> usize {
    (class + 1) * ALIGN
}

fn class_layout(class: usize) -> Layout {
    match Layout::from_size_align(class_size(class), ALIGN) {
        Ok(layout) => layout,
        Err(_) => unreachable!("size classes are small layouts with a power-of-two alignment"),
    }
}

/// The layout of a `T`'s block: its class's, or its own when it is not pooled.
#[inline(always)]
fn block_layout<T>() -> Layout {
    match class_of::<T>() {
        Some(class) => class_layout(class),
        None => Layout::new::<T>(),
    }
}

/// A block for a `T`: a pooled one if its class has one, else a new one.
#[inline]
fn allocate<T>() -> NonNull<T> {
    if let Some(class) = class_of::<T>() {
        // The pool is gone only while the thread ends; then blocks come and go directly.
        if let Ok(Some(block)) = FREE_LISTS.try_with(|lists| lists.pop(class)) {
            return block.cast();
        }
    }
    allocate_new()
}

#[inline(never)]
fn allocate_new<T>() -> NonNull<T> {
    register_pool_owner();
    let layout = block_layout::<T>();
    // SAFETY: `layout` has a non-zero size (`NodeBox::new` rejects zero-sized types).
    let ptr = unsafe { alloc(layout) };
    match NonNull::new(ptr) {
        Some(ptr) => ptr.cast(),
        None => handle_alloc_error(layout),
    }
}

/// Gives back the block of a `T` that has been dropped or moved out.
///
/// # Safety
/// `ptr` must come from `allocate::<T>()` and no longer hold a live value or be used again.
#[inline]
unsafe fn release<T>(ptr: NonNull<T>) {
    if let Some(class) = class_of::<T>() {
        if let Ok(true) = FREE_LISTS.try_with(|lists| lists.push(class, ptr.cast())) {
            return;
        }
    }
    // SAFETY: per the contract, the block is ours and was allocated with this layout.
    unsafe { dealloc(ptr.as_ptr().cast(), block_layout::<T>()) };
}

/// An empty list with room for `capacity` elements, in a pooled buffer when its class has one
/// (a list's buffer and a node's block of the same size are the same to the pool). Such a list
/// is an ordinary `Vec` (it grows and is freed as any other): its buffer has the layout
/// `Vec::with_capacity` would have given it.
#[inline]
pub fn list_with_capacity<T>(capacity: usize) -> Vec<T> {
    if let Some(class) = list_class_of::<T>(capacity) {
        if let Ok(Some(block)) = FREE_LISTS.try_with(|lists| lists.pop(class)) {
            // SAFETY: a pooled block of this class came from the global allocator with the
            // layout of `[T; capacity]` (the class's size, a multiple of `T`'s, and `T`'s
            // alignment, the blocks'), and holds nothing: an empty list may own it.
            return unsafe { Vec::from_raw_parts(block.cast::<T>().as_ptr(), 0, capacity) };
        }
        register_pool_owner();
    }
    Vec::with_capacity(capacity)
}

/// Pushes `x` onto `list`; a full list grows as a `Vec` would (to twice its room, four at
/// least), its new buffer from the pool and its old one back to it where their classes are
/// pooled.
#[inline]
pub fn push_to_list<T>(list: &mut Vec<T>, x: T) {
    if list.len() == list.capacity() {
        grow_list(list);
    }
    list.push(x);
}

/// [`push_to_list`]'s growth.
#[inline(never)]
fn grow_list<T>(list: &mut Vec<T>) {
    let mut grown = list_with_capacity((list.capacity() * 2).max(4));
    grown.append(list);
    recycle_list(list);
    *list = grown;
}

/// Drops `list`'s elements and keeps its buffer for a later [`list_with_capacity`] or node,
/// if the pool takes it (else the buffer is freed); `list` is left empty, without one. What a
/// node's drop does with its lists ([`Node::recycle_lists`]): a tree's lists are freed and
/// made anew as often as its nodes.
#[inline(always)]
pub fn recycle_list<T>(list: &mut Vec<T>) {
    // Most of a node's lists are empty (a call's keywords, a function's decorators): one test.
    if let Some(class) = list_class_of::<T>(list.capacity()) {
        recycle_list_buffer(list, class);
    }
}

/// [`recycle_list`] of a list with a buffer of `class`.
#[inline(never)]
fn recycle_list_buffer<T>(list: &mut Vec<T>, class: usize) {
    let mut taken = ManuallyDrop::new(std::mem::take(list));
    taken.clear();
    if let Some(block) = NonNull::new(taken.as_mut_ptr().cast::<u8>()) {
        if let Ok(true) = FREE_LISTS.try_with(|lists| lists.push(class, block)) {
            return;
        }
    }
    // SAFETY: the list is dropped here once (emptied), freeing its buffer as a `Vec` does.
    unsafe { ManuallyDrop::drop(&mut taken) };
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    // The pool's tests box plain values: nodes without children.
    impl<T, const N: usize> Node for [T; N] {}
    impl<A, B> Node for (A, B) {}

    #[test]
    fn values_are_dropped_once_and_moved_out_whole() {
        let counter = Rc::new(());
        let boxed = NodeBox::new((Rc::clone(&counter), [7u64; 3]));
        assert_eq!(Rc::strong_count(&counter), 2);
        let copy = boxed.clone();
        assert_eq!(Rc::strong_count(&counter), 3);
        drop(boxed);
        assert_eq!(Rc::strong_count(&counter), 2);
        let (rc, words) = NodeBox::into_inner(copy);
        assert_eq!(words, [7; 3]);
        drop(rc);
        assert_eq!(Rc::strong_count(&counter), 1);
    }

    #[test]
    fn a_freed_block_is_reused_by_the_next_node_of_its_class() {
        let first = NodeBox::new([1u64; 5]);
        let address = &*first as *const [u64; 5] as usize;
        drop(first);
        // 33 to 40 bytes share a class.
        let second = NodeBox::new([2u32; 9]);
        assert_eq!(&*second as *const [u32; 9] as usize, address);
        assert_eq!(*second, [2; 9]);
        assert_eq!(class_of::<[u8; 33]>(), class_of::<[u8; 40]>());
        assert_ne!(class_of::<[u8; 40]>(), class_of::<[u8; 41]>());
    }

    #[test]
    fn large_and_overaligned_types_bypass_the_pool() {
        #[derive(Clone, Debug, PartialEq)]
        #[repr(align(16))]
        struct Aligned(u8);
        impl Node for Aligned {}
        let aligned = NodeBox::new(Aligned(3));
        assert_eq!(&*aligned as *const Aligned as usize % 16, 0);
        let large = NodeBox::new([9u8; 1000]);
        assert_eq!(large[999], 9);
        assert_eq!(class_of::<Aligned>(), None);
        assert_eq!(class_of::<[u8; 1000]>(), None);
        assert_eq!(class_of::<[u8; 264]>().map(class_size), Some(264));
        assert_eq!(class_of::<[u8; 265]>(), None);
        assert_eq!(class_of::<u8>().map(class_size), Some(24));
    }

    #[test]
    fn the_pool_stops_keeping_blocks_at_its_limit() {
        let nodes: Vec<_> = (0..RETAINED_LIMIT / 264 + 10)
            .map(|i| NodeBox::new([i as u8; 264]))
            .collect();
        drop(nodes);
        let retained = FREE_LISTS.with(FreeLists::retained);
        assert!(retained <= RETAINED_LIMIT);
        assert!(retained > RETAINED_LIMIT - 264 * 20);
    }

    #[test]
    fn a_thread_keeps_no_more_than_it_allocated() {
        let nodes: Vec<_> = (0..1000).map(|i| NodeBox::new((i, i))).collect();
        let kept = std::thread::spawn(move || {
            drop(nodes);
            FREE_LISTS.with(FreeLists::retained)
        })
        .join()
        .expect("the dropping thread");
        assert_eq!(kept, 0);
        // A thread that built 10 nodes keeps 10 blocks, whichever nodes they held.
        let kept = std::thread::spawn(|| {
            let mine: Vec<_> = (0..10).map(|i| NodeBox::new((i, i))).collect();
            let theirs: Vec<_> =
                std::thread::spawn(|| (0..10).map(|i| NodeBox::new((i, i))).collect())
                    .join()
                    .expect("the building thread");
            drop(theirs);
            drop(mine);
            FREE_LISTS.with(FreeLists::retained)
        })
        .join()
        .expect("the keeping thread");
        assert_eq!(
            kept,
            10 * class_size(class_of::<(i32, i32)>().expect("pooled"))
        );
    }

    #[test]
    fn a_closed_pool_keeps_nothing() {
        // What the thread's end does (`PoolOwner`), then nodes made and dropped after it.
        let retained = std::thread::spawn(|| {
            drop((0..10).map(|i| NodeBox::new((i, i))).collect::<Vec<_>>());
            let before = FREE_LISTS.with(FreeLists::retained);
            FREE_LISTS.with(FreeLists::close);
            let node = NodeBox::new((1u64, 2u64));
            drop(node);
            let heads_empty =
                FREE_LISTS.with(|lists| lists.heads.iter().all(|h| h.get().is_null()));
            (before, heads_empty)
        })
        .join()
        .expect("the closing thread");
        assert_eq!(retained, (10 * 24, true));
    }

    #[test]
    fn a_recycled_list_buffer_serves_the_next_list_of_its_size() {
        let mut words: Vec<u64> = list_with_capacity(4);
        words.extend([1, 2, 3]);
        let address = words.as_ptr() as usize;
        recycle_list(&mut words);
        assert_eq!((words.len(), words.capacity()), (0, 0));
        // 32 bytes of another type of a word's alignment.
        let pairs: Vec<(u64, u64)> = list_with_capacity(2);
        assert_eq!(pairs.as_ptr() as usize, address);
        assert_eq!(pairs.capacity(), 2);
        // Bytes are aligned less than a word: their lists are not pooled, and work as ever.
        let mut bytes: Vec<u8> = list_with_capacity(8);
        push_to_list(&mut bytes, 7);
        recycle_list(&mut bytes);
        assert_eq!(bytes.capacity(), 8);
        assert_eq!(bytes, [7]);
    }

    #[test]
    fn recycled_lists_drop_their_elements_and_grown_lists_keep_theirs() {
        let counter = Rc::new(());
        let mut list = list_with_capacity(1);
        for _ in 0..20 {
            push_to_list(&mut list, Rc::clone(&counter));
        }
        assert_eq!((list.len(), Rc::strong_count(&counter)), (20, 21));
        assert!(list.capacity() >= 20);
        recycle_list(&mut list);
        assert_eq!(Rc::strong_count(&counter), 1);
    }

    #[test]
    fn a_nodes_lists_go_to_the_pool_with_it() {
        #[derive(Debug)]
        struct WithList(Vec<u64>);
        impl Node for WithList {
            fn recycle_lists(&mut self) {
                recycle_list(&mut self.0);
            }
        }
        let mut list = list_with_capacity(5);
        list.push(9u64);
        let address = list.as_ptr() as usize;
        drop(NodeBox::new(WithList(list)));
        let again: Vec<[u64; 5]> = list_with_capacity(1);
        assert_eq!(again.as_ptr() as usize, address);
    }

    #[test]
    fn nodes_can_be_dropped_on_another_thread() {
        let nodes: Vec<_> = (0..1000).map(|i| NodeBox::new((i, i))).collect();
        std::thread::spawn(move || drop(nodes))
            .join()
            .expect("the dropping thread");
        let again: Vec<_> = (0..1000).map(|i| NodeBox::new((i, i))).collect();
        assert_eq!(again[999].1, 999);
    }
}
