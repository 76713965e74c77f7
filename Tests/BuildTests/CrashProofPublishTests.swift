import Build
import Core
import Foundation
import Testing

/// A build stopped at any write leaves the published site whole: while it writes, readers see
/// the old site, and the next build publishes the new one.
@Suite struct CrashProofPublishTests {
    /// Looks at the published site at every write, as a reader would.
    struct WatchingSink: OutputSink {
        let inner: DiskSink
        let output: URL
        let expected: [String: Data]
        var seen = Seen()

        final class Seen: @unchecked Sendable {
            private let lock = NSLock()
            private var writes = 0
            private var mixed = 0
            func record(_ whole: Bool) {
                lock.withLock {
                    writes += 1
                    if !whole { mixed += 1 }
                }
            }
            var counts: (writes: Int, mixed: Int) { lock.withLock { (writes, mixed) } }
        }

        func write(_ bytes: [UInt8], to path: String) async throws {
            try await inner.write(bytes, to: path)
            seen.record(try FixtureSite.snapshot(output) == expected)
        }
    }

    @Test func readersSeeTheOldSiteWholeAtEveryWriteOfAnUpdate() async throws {
        let fixture = try FixtureWorkspace(copyingTemplates: true)
        defer { fixture.remove() }
        _ = try await fixture.builder.publish(to: fixture.output)
        let beside = try FileManager.default.contentsOfDirectory(atPath: fixture.root.path).sorted()
        #expect(
            beside == [".portal-cache", ".site.lock", "content", "site", "templates"],
            "a first build leaves only the site beside it")
        let old = try FixtureSite.snapshot(fixture.output)
        try Self.editLayout(of: fixture, "第二版")

        let seen = WatchingSink.Seen()
        let (output, expected) = (fixture.output, old)
        let report = try await fixture.builder.publish(
            to: fixture.output,
            through: { disk in
                WatchingSink(inner: disk, output: output, expected: expected, seen: seen)
            })
        let (writes, mixed) = seen.counts
        #expect(writes > 20, "every page changed, so the update wrote many files")
        #expect(mixed == 0, "readers saw the old site at every write")
        #expect(report.files.count == old.count)
        let clean = try await Self.cleanBuild(of: fixture)
        #expect(try FixtureSite.snapshot(fixture.output) == clean)
    }

    /// A write failing at the n-th file, from the first to the last the update makes (an edit
    /// of the layout rewrites every page, about a hundred files here): the old site stays whole
    /// each time, and the build after it publishes exactly what a clean build makes.
    @Test func aBuildStoppedAtAnyWriteLeavesTheOldSiteAndTheNextOneRecovers() async throws {
        let fixture = try FixtureWorkspace(copyingTemplates: true)
        defer { fixture.remove() }
        _ = try await fixture.builder.publish(to: fixture.output)
        var published = try FixtureSite.snapshot(fixture.output)
        for (round, limit) in [0, 1, 7, 30, 60, 100].enumerated() {
            try Self.editLayout(of: fixture, "第\(round)版")
            await #expect(throws: DiagnosticsError.self) {
                try await fixture.builder.publish(
                    to: fixture.output, through: { PublishTests.FailingSink(inner: $0, limit: limit) })
            }
            #expect(try FixtureSite.snapshot(fixture.output) == published, "stopped after \(limit) files")
            _ = try await fixture.builder.publish(to: fixture.output)
            published = try FixtureSite.snapshot(fixture.output)
            let clean = try await Self.cleanBuild(of: fixture)
            #expect(published == clean, "the build after the one stopped at \(limit)")
        }
    }

    /// One template edit changes every page.
    static func editLayout(of fixture: FixtureWorkspace, _ marker: String) throws {
        let base = fixture.templates.appendingPathComponent("base.mustache")
        var text = try String(contentsOf: base, encoding: .utf8)
        if let start = text.range(of: "<!--edition-->") {
            text.removeSubrange(start.lowerBound..<text.endIndex)
        }
        text += "<!--edition-->\(marker)\n"
        try text.write(to: base, atomically: true, encoding: .utf8)
    }

    /// What a clean build of the fixture's sources makes, built beside it.
    static func cleanBuild(of fixture: FixtureWorkspace) async throws -> [String: Data] {
        let folder = fixture.root.appendingPathComponent("clean-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = fixture.options
        options.updatesInPlace = false
        _ = try await SiteBuilder(options: options).publish(to: folder.appendingPathComponent("site"))
        return try FixtureSite.snapshot(folder.appendingPathComponent("site"))
    }
}
