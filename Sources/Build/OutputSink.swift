import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where rendered files go. Every write of a build passes through one sink: the disk sink
/// writes into a staging folder that is swapped in at the end, the memory sink keeps files for
/// tests and the preview server, and `check` discards them.
public protocol OutputSink: Sendable {
    /// Writes `bytes` at `path`, relative to the output root, with `/` separators.
    func write(_ bytes: [UInt8], to path: String) async throws
    /// Creates the folders `paths` (relative to the output root, parents first), before any
    /// file is written into them.
    func createFolders(_ paths: [String]) throws
    /// Whether the output already holds exactly `bytes` at `path`, and a file at `companion`
    /// (the `.gz` twin): then neither needs writing.
    func holds(_ bytes: [UInt8], at path: String, alongWith companion: String?) -> Bool
}

extension OutputSink {
    public func createFolders(_ paths: [String]) throws {}
    public func holds(_ bytes: [UInt8], at path: String, alongWith companion: String?) -> Bool { false }
}

/// Keeps every file in memory.
public actor MemorySink: OutputSink {
    public private(set) var files: [String: [UInt8]] = [:]

    public init() {}

    public func write(_ bytes: [UInt8], to path: String) async throws {
        files[path] = bytes
    }

    public func text(at path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Throws everything away: `portal check` renders every page but writes nothing.
public struct DiscardingSink: OutputSink {
    public init() {}
    public func write(_ bytes: [UInt8], to path: String) async throws {}
}

/// Writes below a folder on disk. Files are world-readable so any web server can serve them.
/// The build names every folder before the first write, so each file costs one open, one
/// write and one close; nothing is synced file by file (the staging folder is swapped in
/// whole, and the kernel writes it back as it does for any other program).
public struct DiskSink: OutputSink {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    public func createFolders(_ paths: [String]) throws {
        for path in paths.sorted() {
            let full = root.path + "/" + path
            if mkdir(full, 0o755) != 0 && errno != EEXIST { throw POSIXError.current(full) }
            chmod(full, 0o755)
        }
    }

    public func write(_ bytes: [UInt8], to path: String) async throws {
        let full = root.path + "/" + path
        var descriptor = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == ENOENT {
            // A sink used without `createFolders`, as tests do.
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o755])
            descriptor = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw POSIXError.current(full) }
        defer { close(descriptor) }
        fchmod(descriptor, 0o644)
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError.current(full)
                }
                offset += written
            }
        }
    }
}

extension POSIXError {
    /// The error `errno` names, for the file at `path`.
    static func current(_ path: String) -> Error {
        NSError(
            domain: NSPOSIXErrorDomain, code: Int(errno),
            userInfo: [NSLocalizedDescriptionKey: "\(path): \(String(cString: strerror(errno)))"])
    }
}
