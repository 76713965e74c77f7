import Build
import Core
import Foundation
import Testing

@Suite struct PublishTests {
    @Test func aFailingBuildLeavesThePublishedSiteUnchanged() async throws {
        let fixture = try FixtureWorkspace()
        defer { fixture.remove() }
        let output = fixture.output
        let builder = fixture.builder
        _ = try await builder.publish(to: output)
        let before = try FixtureSite.snapshot(output)
        #expect(before["cases/case-01/index.html"] != nil)

        let broken = fixture.content.appendingPathComponent("cases/case-02.md")
        try "---\ntitle: 没有结束\n".write(to: broken, atomically: true, encoding: .utf8)
        await #expect(throws: DiagnosticsError.self) { try await builder.publish(to: output) }

        #expect(try FixtureSite.snapshot(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.root.path).sorted()
        #expect(leftovers == [".portal-cache", ".site.lock", "content", "site"], "no staging folder is left behind")
    }

    /// `site -> webroot`: the folder the link leads to gets the new site, whole, and the link
    /// stays a link, with updates in place and with a clean build alike.
    @Test(arguments: [true, false])
    func aSymlinkedOutputIsFollowedNotReplaced(updatesInPlace: Bool) async throws {
        let fixture = try FixtureWorkspace()
        defer { fixture.remove() }
        let webRoot = fixture.root.appendingPathComponent("webroot")
        try FileManager.default.createDirectory(at: webRoot, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: webRoot.appendingPathComponent("stale.html"))
        try FileManager.default.createSymbolicLink(at: fixture.output, withDestinationURL: webRoot)
        var options = fixture.options
        options.updatesInPlace = updatesInPlace
        let builder = SiteBuilder(options: options)
        _ = try await builder.publish(to: fixture.output)
        _ = try await builder.publish(to: fixture.output)
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: fixture.output.path)
        #expect(URL(fileURLWithPath: link).standardizedFileURL.path == webRoot.standardizedFileURL.path)
        let files = try FixtureSite.snapshot(webRoot)
        #expect(files["index.html"] != nil)
        #expect(files["stale.html"] == nil)
    }

    @Test func aSuccessfulBuildReplacesTheWholeOutput() async throws {
        let fixture = try FixtureWorkspace()
        defer { fixture.remove() }
        let output = fixture.output
        try FileManager.default.createDirectory(
            at: output.appendingPathComponent("cases/removed"), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: output.appendingPathComponent("cases/removed/index.html"))
        _ = try await fixture.builder.publish(to: output)
        let files = try FixtureSite.snapshot(output)
        #expect(files["cases/removed/index.html"] == nil)
        #expect(files["index.html"] != nil)
        let attributes = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("index.html").path)
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o444 == 0o444 } == true, "world-readable")
        let beside = try FileManager.default.contentsOfDirectory(atPath: fixture.root.path).sorted()
        #expect(!beside.contains { $0.contains("staging") }, "no staging folder is left beside it: \(beside)")
    }

    /// Lets `limit` files through, then fails as a full disk would.
    struct FailingSink: OutputSink {
        let inner: DiskSink
        let limit: Int
        let count = Counter()

        struct DiskFull: Error {}

        final class Counter: @unchecked Sendable {
            private let lock = NSLock()
            private var value = 0
            func next() -> Int {
                lock.withLock {
                    value += 1; return value
                }
            }
        }

        func write(_ bytes: [UInt8], to path: String) async throws {
            guard count.next() <= limit else { throw DiskFull() }
            try await inner.write(bytes, to: path)
        }
    }

    @Test func aWriteFailingHalfWayLeavesThePublishedSiteUnchanged() async throws {
        let fixture = try FixtureWorkspace()
        defer { fixture.remove() }
        let output = fixture.output
        let builder = fixture.builder
        _ = try await builder.publish(to: output)
        let before = try FixtureSite.snapshot(output)
        let caseFile = fixture.content.appendingPathComponent("cases/case-03.md")
        try (try String(contentsOf: caseFile, encoding: .utf8)).replacingOccurrences(of: "党建案例3", with: "党建案例三")
            .write(to: caseFile, atomically: true, encoding: .utf8)

        await #expect(throws: DiagnosticsError.self) {
            try await builder.publish(to: output, through: { FailingSink(inner: $0, limit: 3) })
        }
        #expect(try FixtureSite.snapshot(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.root.path).sorted()
        #expect(leftovers == [".portal-cache", ".site.lock", "content", "site"])
    }

    @Test func buildsOfOneOutputAtOnceAreSerialised() async throws {
        let fixture = try FixtureWorkspace()
        defer { fixture.remove() }
        let output = fixture.output
        let builder = fixture.builder
        _ = try await builder.publish(to: output)
        let single = try FixtureSite.snapshot(output)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 { group.addTask { _ = try await builder.publish(to: output) } }
            try await group.waitForAll()
        }
        #expect(try FixtureSite.snapshot(output) == single)
    }

    @Test func theSameInputBuildsToTheSameBytes() async throws {
        let fixture = try FixtureWorkspace()
        defer { fixture.remove() }
        let builder = fixture.builder
        _ = try await builder.publish(to: fixture.root.appendingPathComponent("first"))
        _ = try await builder.publish(to: fixture.root.appendingPathComponent("second"))
        let first = try FixtureSite.snapshot(fixture.root.appendingPathComponent("first"))
        #expect(first.count > 50)
        #expect(first == (try FixtureSite.snapshot(fixture.root.appendingPathComponent("second"))))
    }

    @Test(arguments: ["content", "content/site", "."])
    func refusesAnOutputThatOverlapsTheSources(_ relative: String) async throws {
        let fixture = try FixtureWorkspace()
        defer { fixture.remove() }
        let content = fixture.content
        let output = fixture.root.appendingPathComponent(relative)
        let before = try FixtureSite.snapshot(content)
        await #expect(throws: DiagnosticsError.self) { try await fixture.builder.publish(to: output) }
        #expect(try FixtureSite.snapshot(content) == before)
    }
}
