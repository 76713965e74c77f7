import Foundation
import Testing

@testable import Preview

@Suite struct SourceWatcherTests {
    /// Counts the batches a watcher reports.
    actor Counter {
        private(set) var count = 0
        func add() { count += 1 }

        /// Waits until more than `seen` batches came, giving up after `limit`: this bounds a
        /// broken watcher, it does not measure speed. The limit is long because tests that run
        /// programs and wait for them (the CommonMark suite runs 1,300) can hold every thread
        /// of the test process for half a minute, and the watcher's task waits for one.
        func waitBeyond(_ seen: Int, limit: Duration = .seconds(180)) async -> Bool {
            let end = ContinuousClock.now + limit
            while count <= seen && ContinuousClock.now < end { try? await Task.sleep(for: .milliseconds(20)) }
            return count > seen
        }
    }

    @Test func reportsSavesNewFoldersAndFilesInThem() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("cases"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let counter = Counter()
        let changes = SourceWatcher(roots: [root]).changes()
        let reader = Task { for await _ in changes { await counter.add() } }
        defer { reader.cancel() }
        // Every folder is watched once `changes()` returns.

        try Data("a".utf8).write(to: root.appendingPathComponent("cases/a.md"))
        #expect(await counter.waitBeyond(0))

        try FileManager.default.createDirectory(at: root.appendingPathComponent("cases/new"), withIntermediateDirectories: true)
        #expect(await counter.waitBeyond(1))
        try await Task.sleep(for: .milliseconds(200))
        let seen = await counter.count
        try Data("b".utf8).write(to: root.appendingPathComponent("cases/new/photo.txt"))
        #expect(await counter.waitBeyond(seen))
    }

    /// Where inotify is missing: stamps compared every half second.
    @Test func pollingReportsASaveAndANewFile() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-poll-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("cases"), withIntermediateDirectories: true)
        try Data("a".utf8).write(to: root.appendingPathComponent("cases/a.md"))
        defer { try? FileManager.default.removeItem(at: root) }
        let counter = Counter()
        let (changes, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let polling = SourceWatcher.Polling(roots: [root])
        let watcher = Task { await polling.watch(continuation) }
        let reader = Task { for await _ in changes { await counter.add() } }
        defer {
            watcher.cancel()
            reader.cancel()
        }

        try Data("ab".utf8).write(to: root.appendingPathComponent("cases/a.md"))
        #expect(await counter.waitBeyond(0))
        try await Task.sleep(for: .milliseconds(600))
        let seen = await counter.count
        try Data("b".utf8).write(to: root.appendingPathComponent("cases/b.md"))
        #expect(await counter.waitBeyond(seen))
    }
}
