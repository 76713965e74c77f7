import Foundation
import SeededRandom
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `portal build` killed with SIGKILL at random moments of an update, as a power cut or an
/// out-of-memory kill would stop it: the published site is the whole old one or the whole new
/// one every time, readers opening its files meanwhile never miss one, and the next build
/// publishes the new site by itself. `PORTAL_KILLS` sets how many kills (`make fuzz` runs more).
@Suite(.serialized) struct KilledBuildTests {
    @Test func aBuildKilledAtAnyMomentLeavesTheOldSiteOrTheNewOneWhole() throws {
        let kills = Int(ProcessInfo.processInfo.environment["PORTAL_KILLS"] ?? "") ?? 24
        let workspace = try Workspace()
        defer { workspace.remove() }
        let editions = ["第一版", "第二版"]
        var manifests: [[String: Data]] = []
        for edition in editions {
            try workspace.setEdition(edition)
            let clean = workspace.root.appendingPathComponent("clean-\(edition)")
            #expect(try workspace.build(output: clean.appendingPathComponent("site"), "--clean") == 0)
            manifests.append(try Snapshot.files(below: clean.appendingPathComponent("site")))
        }
        #expect(manifests[0] != manifests[1])

        // How long an update takes here, its median of three: the kills fall over it.
        try workspace.setEdition(editions[0])
        #expect(try workspace.build(output: workspace.site) == 0)
        var times: [Duration] = []
        for edition in [1, 0, 1] {
            try workspace.setEdition(editions[edition])
            let started = ContinuousClock.now
            #expect(try workspace.build(output: workspace.site) == 0)
            times.append(ContinuousClock.now - started)
        }
        let updateTime = times.sorted()[1]

        let reader = Reader(folder: workspace.site, paths: ["index.html", "cases/index.html", "search/index.html"])
        reader.start()
        // Seeded, so the moments of the kills are the same from run to run.
        var generator = SplitMix64(state: 14)
        var current = 1
        var outcomes = [0, 0]
        for kill in 0..<kills {
            let next = 1 - current
            try workspace.setEdition(editions[next])
            // Delays spread over the update, most in its second half, where it publishes.
            let delay = updateTime * (0.2 + Double(generator.next() % 1000) / 1000)
            let process = try workspace.startBuild(output: workspace.site)
            Thread.sleep(forTimeInterval: Double(delay.components.attoseconds) / 1e18 + Double(delay.components.seconds))
            Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let tree = try Snapshot.files(below: workspace.site)
            let whole = tree == manifests[current] || tree == manifests[next]
            #expect(whole, "kill \(kill) after \(delay): the site is the old or the new one")
            if tree == manifests[next] { outcomes[1] += 1 } else if tree == manifests[current] { outcomes[0] += 1 }
            #expect(try workspace.build(output: workspace.site) == 0)
            #expect(try Snapshot.files(below: workspace.site) == manifests[next], "the build after kill \(kill) recovers")
            current = next
        }
        let misses = reader.stop()
        #expect(misses.isEmpty, "readers found every file at every moment: \(misses.prefix(3))")
        #expect(outcomes[0] + outcomes[1] == kills)
        print("killed builds: \(outcomes[0]) left the old site, \(outcomes[1]) the new one; an update takes \(updateTime)")
    }

    @Test(.enabled(if: getuid() == 0, "mounting a small file system needs root, as CI has"))
    func aFullDiskLeavesTheOldSiteAndSaysSo() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let disk = workspace.root.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        // Room for the site once, not for a second copy of every page.
        #expect(Shell.run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.path) == 0)
        defer { _ = Shell.run("umount", disk.path) }
        let site = disk.appendingPathComponent("site")
        try workspace.setEdition("第一版")
        #expect(try workspace.build(output: site) == 0)
        let before = try Snapshot.files(below: site)

        try workspace.setEdition("第二版")
        let result = try PortalProcess.run(workspace.arguments(output: site))
        #expect(result.status != 0)
        #expect(result.standardError.contains("磁盘空间不足"), "\(result.standardError)")
        #expect(result.standardError.contains("hint: 腾出磁盘空间"), "\(result.standardError)")
        #expect(try Snapshot.files(below: site) == before)
        let left = try FileManager.default.contentsOfDirectory(atPath: disk.path)
        #expect(!left.contains { $0.contains("staging") }, "the failed build cleared up: \(left)")
    }

    /// A copy of the example portal with a template to edit.
    struct Workspace {
        let root: URL
        var site: URL { root.appendingPathComponent("site") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("killed-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            for folder in ["content", "templates"] {
                try FileManager.default.copyItem(
                    at: PortalProcess.packageRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
            }
        }

        /// Marks every page with `edition`, through the template all pages share.
        func setEdition(_ edition: String) throws {
            let base = root.appendingPathComponent("templates/base.mustache")
            var text = try String(contentsOf: base, encoding: .utf8)
            if let start = text.range(of: "<!--edition-->") { text.removeSubrange(start.lowerBound..<text.endIndex) }
            text += "<!--edition-->\(edition)\n"
            try text.write(to: base, atomically: true, encoding: .utf8)
        }

        func arguments(output: URL, _ extra: String...) -> [String] {
            [
                "build", "--content", root.appendingPathComponent("content").path, "--templates",
                root.appendingPathComponent("templates").path, "--output", output.path,
            ] + extra
        }

        func build(output: URL, _ extra: String...) throws -> Int32 {
            var arguments = self.arguments(output: output)
            arguments += extra
            return try PortalProcess.run(arguments).status
        }

        func startBuild(output: URL) throws -> Process {
            let process = Process()
            process.executableURL = PortalProcess.executable
            process.arguments = arguments(output: output)
            process.environment = PortalProcess.environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }

        func remove() {
            try? FileManager.default.removeItem(at: root)
        }
    }

    /// Opens and reads a few published files over and over on a thread of its own, as a web
    /// server would, and notes each time one is missing.
    final class Reader: @unchecked Sendable {
        let folder: URL
        let paths: [String]
        private let lock = NSLock()
        private var running = true
        private var misses: [String] = []
        private let done = DispatchSemaphore(value: 0)

        init(folder: URL, paths: [String]) {
            self.folder = folder
            self.paths = paths
        }

        func start() {
            Thread.detachNewThread { [self] in
                while lock.withLock({ running }) {
                    for path in paths where FileManager.default.contents(atPath: folder.path + "/" + path) == nil {
                        lock.withLock { misses.append(path) }
                    }
                }
                done.signal()
            }
        }

        func stop() -> [String] {
            lock.withLock { running = false }
            done.wait()
            return lock.withLock { misses }
        }
    }

    enum Snapshot {
        /// Every file below `folder`, the folder itself followed if it is a link.
        static func files(below folder: URL) throws -> [String: Data] {
            let root = folder.resolvingSymlinksInPath()
            var files: [String: Data] = [:]
            guard let walker = FileManager.default.enumerator(atPath: root.path) else { return files }
            for case let path as String in walker {
                var isFolder: ObjCBool = false
                let full = root.path + "/" + path
                if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                    files[path] = FileManager.default.contents(atPath: full)
                }
            }
            return files
        }
    }

    enum Shell {
        static func run(_ arguments: String...) -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = arguments
            guard (try? process.run()) != nil else { return -1 }
            process.waitUntilExit()
            return process.terminationStatus
        }
    }
}
