import Foundation

/// What a build reports as it goes, for a progress display: each stage as it starts, and how
/// many pages of the render stage are written.
public enum BuildEvent: Sendable, Equatable {
    /// A stage starts: `changes`, `load`, `templates`, `search`, `render`, `links`, `privacy`,
    /// `publish` or `state`.
    case stage(String)
    case pages(done: Int, of: Int)
}

public typealias BuildProgress = @Sendable (BuildEvent) -> Void

/// Counts the pages written on all cores and reports every hundredth part of them.
final class PageCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let step: Int
    private let report: BuildProgress

    init(total: Int, report: @escaping BuildProgress) {
        self.total = total
        self.step = max(1, total / 100)
        self.report = report
    }

    /// Reports under the lock, so that counts from two cores reach the display in order.
    func add(_ count: Int) {
        lock.lock()
        defer { lock.unlock() }
        let before = done
        done += count
        if before / step != done / step || done == total { report(.pages(done: done, of: total)) }
    }
}
