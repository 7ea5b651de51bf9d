#if canImport(Glibc)
    import Glibc
#endif

/// The allocator keeps what a batch used for the next allocation, spread over the arenas of the
/// threads that verified and wrote it; while a node takes in a whole directory that held about 60 MiB
/// more than was live. `giveBack` returns free pages to the system (glibc's `malloc_trim`, looked up
/// at run time: it is not in Swift's Glibc module). It walks the free lists of every arena, holding
/// each arena's lock meanwhile (longer the more is free), so it is called once per batch taken in
/// and once per 1,024 documents built, not per envelope.
enum FreedMemory {
    #if canImport(Glibc)
        private typealias Trim = @convention(c) (Int) -> Int32
        private static let trim: Trim? = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim").map { unsafeBitCast($0, to: Trim.self) }
    #endif

    static func giveBack() {
        #if canImport(Glibc)
            _ = trim?(0)
        #endif
    }
}
