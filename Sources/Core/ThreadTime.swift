#if canImport(Glibc)
    import Glibc
#endif

/// The processor time the calling thread has used: the parts of a parallel stage are timed
/// with it, so that a task waiting for a core does not count as working.
public enum ThreadTime {
    public static func now() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }

    /// Runs `work` and adds the processor time it took to `total`.
    public static func measure<T>(_ total: inout Duration, _ work: () throws -> T) rethrows -> T {
        let start = now()
        defer { total += now() - start }
        return try work()
    }
}
