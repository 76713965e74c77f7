import Core
import Foundation
import Photos

#if canImport(Glibc)
    import Glibc
#endif

/// Publishes a build atomically, whatever stops it. Beside the output folder (`site`) is a
/// second copy of the site (`.site.spare`); a build prepares that copy and then trades the two
/// folders' names in one step (`renameat2` with `RENAME_EXCHANGE`), so a reader, nginx
/// included, sees the whole old site or the whole new one, and a build killed at any moment (by
/// a signal, a power cut or a full disk) leaves the old site published. The next build clears
/// up after it.
///
/// The spare is kept one build behind rather than made again: an update brings it up to date
/// by the files that changed in the last two builds, hard-linking what did not change (see
/// `SpareCopy`), so a one-page change costs a few files, not a copy of the site.
public struct Publisher: Sendable {
    public let output: URL
    /// Where an update writes the files that changed until they are moved into the spare.
    public let staging: URL
    /// The copy readers do not see, which the build brings up to date.
    public let spare: URL

    /// An output that is a symbolic link (`site -> /var/www/xgz`, a web root) is followed: the
    /// folder it leads to is what is published and swapped, and the link stays as it is.
    /// Whether the spare is synced to disk before it is shown (see `SiteBuilder.Options`).
    public let survivesPowerLoss: Bool

    public init(output: URL, survivesPowerLoss: Bool = true) {
        self.survivesPowerLoss = survivesPowerLoss
        self.output = output.standardizedFileURL.resolvingSymlinksInPath()
        let name = self.output.lastPathComponent
        let folder = self.output.deletingLastPathComponent()
        staging = folder.appendingPathComponent(".\(name).staging-\(ProcessInfo.processInfo.processIdentifier)")
        spare = folder.appendingPathComponent(".\(name).spare")
    }

    private var folder: URL { output.deletingLastPathComponent() }

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

    /// Creates an empty staging folder, removing those that builds which were stopped left
    /// behind. Runs under the lock, so no other build's staging folder is in use.
    public func prepare() throws {
        let prefix = ".\(output.lastPathComponent).staging-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where entry.hasPrefix(prefix) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(entry))
        }
        try FileManager.default.createDirectory(
            at: staging, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
    }

    /// An empty spare, for a build that writes every file.
    public func emptySpare() throws {
        forgetSpare()
        if FileManager.default.fileExists(atPath: spare.path) { try FileManager.default.removeItem(at: spare) }
        try FileManager.default.createDirectory(
            at: spare, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
    }

    /// Shows the spare to readers and removes the copy they saw: the spare was written whole,
    /// so what the old copy lacks is not known.
    public func publish() throws {
        try show(keepingOld: false)
    }

    /// Shows the spare, brought up to date, to readers. The copy they saw becomes the spare,
    /// behind the new one by `lag`, the paths in which the two differ.
    func publish(keepingOldCopyBehindBy lag: Set<String>, written: [String]) throws {
        try show(keepingOld: true, written: written)
        guard FileManager.default.fileExists(atPath: spare.path) else { return }
        try? FileManager.default.createDirectory(at: cacheFolder, withIntermediateDirectories: true)
        try? Data(lag.sorted().map { $0 + "\n" }.joined().utf8).write(to: spareRecord, options: .atomic)
    }

    /// The paths in which the spare differs from the copy readers see, and the record of them
    /// removed before the spare is touched: nil when that is not known, after a build that was
    /// stopped or one that wrote every file.
    func takeSpareLag() -> Set<String>? {
        defer { forgetSpare() }
        guard let data = FileManager.default.contents(atPath: spareRecord.path),
            FileManager.default.fileExists(atPath: spare.path)
        else { return nil }
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }

    private func forgetSpare() {
        unlink(spareRecord.path)
    }

    private var spareRecord: URL {
        cacheFolder.appendingPathComponent("\(output.lastPathComponent).spare")
    }

    /// Trades the spare for the output in one step, after the spare is on disk for good: a
    /// power cut just after the swap must not leave readers files whose bytes were never written.
    ///
    /// Only the files this build wrote need it: the others are links to files an earlier build
    /// made durable, and links and names are journaled in order with the swap. A few files are
    /// synced one by one; many at once with the whole file system, which also waits for what
    /// other programs wrote there.
    private func show(keepingOld: Bool, written: [String]? = nil) throws {
        if survivesPowerLoss {
            if let written, written.count <= 256 {
                for path in written { try Self.syncFile(spare.path + "/" + path) }
            } else {
                try Self.syncFileSystem(of: spare)
            }
        }
        if FileManager.default.fileExists(atPath: output.path) {
            if !Self.exchange(spare.path, output.path) {
                // Where the system cannot trade two names, readers miss the site for a moment.
                let aside = staging.appendingPathExtension("old")
                guard rename(output.path, aside.path) == 0 else { throw POSIXError.current(output.path) }
                guard rename(spare.path, output.path) == 0 else { throw POSIXError.current(output.path) }
                guard rename(aside.path, spare.path) == 0 else { throw POSIXError.current(spare.path) }
            }
            if !keepingOld { try? FileManager.default.removeItem(at: spare) }
        } else {
            guard rename(spare.path, output.path) == 0 else { throw POSIXError.current(output.path) }
        }
        if survivesPowerLoss { Self.syncFolder(folder) }
    }

    /// Removes the staging folder of a build that failed. A spare copy it left half-written is
    /// no longer described by a record, so the next build makes it again.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    private static func syncFile(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw POSIXError.current(path) }
        defer { close(descriptor) }
        guard fdatasync(descriptor) == 0 else { throw POSIXError.current(path) }
    }

    private static func syncFileSystem(of folder: URL) throws {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw POSIXError.current(folder.path) }
        defer { close(descriptor) }
        // syncfs (Linux 2.6.39) writes back the one file system, where sync would wait for all
        // of them; glibc declares it only for GNU sources, so it is looked up by name.
        typealias SyncFS = @convention(c) (Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") else {
            sync()
            return
        }
        guard unsafeBitCast(symbol, to: SyncFS.self)(descriptor) == 0 else { throw POSIXError.current(folder.path) }
    }

    private static func syncFolder(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
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
