import Core
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Publishes a build atomically: files are written into a staging folder beside the output,
/// and only a build that fully succeeded is swapped in. A failing build leaves the previously
/// published folder exactly as it was.
public struct Publisher: Sendable {
    public let output: URL
    public let staging: URL

    /// An output that is a symbolic link (`site -> /var/www/xgz`, a web root) is followed: the
    /// folder it leads to is what is published and swapped, and the link stays as it is.
    public init(output: URL) {
        self.output = output.standardizedFileURL.resolvingSymlinksInPath()
        let name = output.lastPathComponent
        staging = self.output.deletingLastPathComponent()
            .appendingPathComponent(".\(name).staging-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// Refuses outputs whose replacement would destroy sources: the content or templates
    /// folder, a folder holding them, the file system root or the home folder.
    public static func checkOutput(_ output: URL, protecting sources: [URL]) -> Diagnostic? {
        let target = output.standardizedFileURL.resolvingSymlinksInPath().path
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.resolvingSymlinksInPath().path
        if target == "/" || target == home {
            return .error(
                at: SourceLocation(path: output.path), "拒绝写入输出目录 \(output.path)",
                hint: "每次构建都会整体替换输出目录；请指定一个专用目录，如 --output site")
        }
        for source in sources {
            let protected = source.standardizedFileURL.resolvingSymlinksInPath().path
            if target == protected || protected.hasPrefix(target + "/") || target.hasPrefix(protected + "/") {
                return .error(
                    at: SourceLocation(path: output.path), "输出目录 \(output.path) 与源目录 \(source.path) 重叠",
                    hint:
                        "每次构建都会整体替换输出目录；它必须在 content/ 和 templates/ 之外，也不能包含它们"
                )
            }
        }
        return nil
    }

    /// The folder beside the output where builds keep what the next build can reuse.
    public var cacheFolder: URL {
        output.deletingLastPathComponent().appendingPathComponent(".portal-cache")
    }

    /// The files the last build published, and the record of them removed: a build that stops
    /// half-way through publishing leaves none, and the next one looks at every file instead.
    public func takePublishedFiles() -> [String]? {
        guard let data = FileManager.default.contents(atPath: manifest.path) else { return nil }
        unlink(manifest.path)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Records the files just published. Without the record the next build looks at every
    /// file of the output instead.
    public func recordPublishedFiles(_ files: [String]) {
        try? FileManager.default.createDirectory(at: cacheFolder, withIntermediateDirectories: true)
        try? Data((files.sorted().joined(separator: "\n") + "\n").utf8).write(to: manifest, options: .atomic)
    }

    /// Where the state of the last build is kept; see `BuildState`.
    var stateFile: URL {
        cacheFolder.appendingPathComponent("\(output.lastPathComponent).state")
    }

    var searchStateFile: URL {
        cacheFolder.appendingPathComponent("\(output.lastPathComponent).search")
    }

    var stampsFile: URL {
        cacheFolder.appendingPathComponent("\(output.lastPathComponent).stamps")
    }

    /// Where resized photos are kept for the next build; see `PhotoCache`.
    var photoCacheFolder: URL {
        cacheFolder.appendingPathComponent("\(output.lastPathComponent).photos")
    }

    private var manifest: URL {
        cacheFolder.appendingPathComponent("\(output.lastPathComponent).files")
    }

    /// The lock file beside the output that serialises builds of one output.
    public var lockFile: URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).lock")
    }

    /// Runs `body` while holding an exclusive lock on the output: a second build of the same
    /// output waits until the first has published or failed, so the two never mix their files.
    public func withLock<T>(_ body: () async throws(DiagnosticsError) -> T) async throws(DiagnosticsError) -> T {
        let folder = output.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let descriptor = open(lockFile.path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw DiagnosticsError([
                .error(at: SourceLocation(path: lockFile.path), "无法创建锁文件", hint: "检查输出目录所在的文件夹是否可写")
            ])
        }
        defer { close(descriptor) }
        // Polled rather than blocking: a blocked thread would be one of the few the concurrent
        // stages of the build running in this process need, and could wait on itself.
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { break }
            try? await Task.sleep(for: .milliseconds(20))
        }
        defer { flock(descriptor, LOCK_UN) }
        return try await body()
    }

    /// Creates an empty staging folder, removing those that builds which crashed left behind.
    /// Runs under the lock, so no other build's staging folder is in use.
    public func prepare() throws {
        let folder = output.deletingLastPathComponent()
        let prefix = ".\(output.lastPathComponent).staging-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        try FileManager.default.createDirectory(
            at: staging, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
    }

    /// Swaps the staging folder in for the output. Where the system can exchange two names in
    /// one step it does, so a reader never sees the output missing.
    public func publish() throws {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: output.path) {
            if Self.exchange(staging.path, output.path) {
                try fileManager.removeItem(at: staging)
                return
            }
            let old = staging.appendingPathExtension("old")
            try fileManager.moveItem(at: output, to: old)
            try fileManager.moveItem(at: staging, to: output)
            try fileManager.removeItem(at: old)
        } else {
            try fileManager.moveItem(at: staging, to: output)
        }
    }

    /// Removes the staging folder of a build that failed.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    private static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
            // renameat2 with RENAME_EXCHANGE (Linux 3.15, glibc 2.28): both names must exist and
            // trade places atomically. Glibc's Swift overlay does not declare it, so it is looked
            // up by name; where it is missing the caller falls back to two renames.
            typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            let renameExchange: UInt32 = 1 << 1
            return renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
        #else
            return false
        #endif
    }
}
