import Core

/// How long each stage of a build took, in the order they ran.
public struct StageTimings: Sendable {
    public private(set) var stages: [(name: String, duration: Duration)] = []
    /// Time spent in parts of the stages that run on many cores at once, summed over all of
    /// them (so they may add up to more than the stage's own time).
    public private(set) var details: [(name: String, duration: Duration)] = []

    /// Why the build did what it did, where it had a choice (a full build rather than a quick
    /// one, say), printed under the timings.
    public private(set) var notes: [String] = []

    /// Told of each stage as it starts.
    var announce: BuildProgress?

    public init() {}

    /// Runs `work` as the stage `name` and records its time.
    mutating func measure<T>(_ name: String, _ work: () async throws -> T) async rethrows -> T {
        announce?(.stage(name))
        let clock = ContinuousClock()
        let start = clock.now
        defer { stages.append((name, clock.now - start)) }
        return try await work()
    }

    /// Runs synchronous `work` as the stage `name` and records its time.
    mutating func measureSync<T>(_ name: String, _ work: () -> T) -> T {
        announce?(.stage(name))
        let clock = ContinuousClock()
        let start = clock.now
        defer { stages.append((name, clock.now - start)) }
        return work()
    }

    /// `measure` for work that stops the build with its diagnostics.
    mutating func measureTyped<T>(_ name: String, _ work: () async throws(DiagnosticsError) -> T) async throws(DiagnosticsError)
        -> T
    {
        announce?(.stage(name))
        let clock = ContinuousClock()
        let start = clock.now
        defer { appendStage(name, clock.now - start) }
        return try await work()
    }

    /// Runs `work`, which changes the published output, as the stage `publish`; an error it
    /// throws becomes a diagnostic that starts with `failure`.
    mutating func measurePublishing<T>(_ publisher: Publisher, _ failure: String, _ work: () throws -> T)
        throws(DiagnosticsError) -> T
    {
        announce?(.stage("publish"))
        let clock = ContinuousClock()
        let start = clock.now
        defer { appendStage("publish", clock.now - start) }
        do {
            return try work()
        } catch {
            throw DiagnosticsError([WriteFailure.diagnostic(failure, error, at: publisher.output.path)])
        }
    }

    mutating func appendStage(_ name: String, _ duration: Duration) {
        stages.append((name, duration))
    }

    mutating func note(_ note: String) {
        notes.append(note)
    }

    mutating func appendDetail(_ name: String, _ duration: Duration) {
        details.append((name, duration))
    }

    /// These stages and details, then those of `other`.
    func followed(by other: StageTimings) -> StageTimings {
        var timings = self
        timings.append(other)
        return timings
    }

    /// Adds the stages and details of `other` after these.
    mutating func append(_ other: StageTimings) {
        stages += other.stages
        details += other.details
        notes += other.notes
    }

    public var total: Duration { stages.reduce(.zero) { $0 + $1.duration } }
}
