#if canImport(Glibc)
    import Glibc
#endif

/// Reaches the GNU and Linux extensions of glibc that Swift's Glibc module does not import.
///
/// They are looked up once with `dlsym`, at first use; each is nil where the C library lacks it
/// (pidfd_open needs glibc 2.36, posix_spawn_file_actions_addclosefrom_np 2.34,
/// posix_spawn_file_actions_addchdir_np 2.29), and the runner has a fallback or a clear error.
enum GlibcExtensions {
    /// `int pipe2(int fds[2], int flags)`.
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32
    /// `int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *, const char *)`.
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?) -> Int32
    /// `int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *, int)`.
    typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32
    /// `int pidfd_open(pid_t, unsigned int)`.
    typealias PidfdOpen = @convention(c) (pid_t, UInt32) -> Int32

    /// `POSIX_SPAWN_SETSID` from glibc's spawn.h (a `__USE_GNU` constant, glibc 2.26).
    static let spawnSetSession: Int32 = 0x80
    /// `F_SETPIPE_SZ` from linux/fcntl.h.
    static let setPipeSize: Int32 = 1031

    /// `pipe2`, or nil.
    static let pipe2: Pipe2? = symbol("pipe2", as: Pipe2.self)
    /// `posix_spawn_file_actions_addchdir_np`, or nil.
    static let addChdir: AddChdir? = symbol("posix_spawn_file_actions_addchdir_np", as: AddChdir.self)
    /// `posix_spawn_file_actions_addclosefrom_np`, or nil.
    static let addClosefrom: AddClosefrom? = symbol("posix_spawn_file_actions_addclosefrom_np", as: AddClosefrom.self)
    /// `pidfd_open`, or nil.
    static let pidfdOpen: PidfdOpen? = symbol("pidfd_open", as: PidfdOpen.self)

    /// Looks a function up in the global symbol scope (`RTLD_DEFAULT`, a null handle on glibc).
    private static func symbol<Function>(_ name: String, as type: Function.Type) -> Function? {
        guard let address = dlsym(nil, name) else { return nil }
        return unsafeBitCast(address, to: type)
    }
}
