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
    /// Whether the output already holds exactly `bytes` at `path`, and a file at `companion`
    /// (the `.gz` twin): then neither needs writing.
    func holds(_ bytes: [UInt8], at path: String, alongWith companion: String?) -> Bool
}

extension OutputSink {
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
/// A file costs one open, one write and one close; its folder is made by the first write into
/// it, so the folders are made on all cores as the pages are (made one by one before the
/// pages, 35,000 of them took a third of a 10,000-case build). Nothing is synced file by file
/// (the staging folder is swapped in whole, and the kernel writes it back as it does for any
/// other program).
public struct DiskSink: OutputSink {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    public func write(_ bytes: [UInt8], to path: String) async throws {
        let full = root.path + "/" + path
        var descriptor = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == ENOENT {
            try Self.makeFolder(String(full[..<(full.lastIndex(of: "/") ?? full.endIndex)]))
            descriptor = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw POSIXError.current(full) }
        defer { close(descriptor) }
        if !Self.umaskKeepsModes { fchmod(descriptor, 0o644) }
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

extension DiskSink {
    /// Makes the folder at `path` and any parents it lacks, each world-readable. Another task
    /// making the same folder at the same time is no error.
    static func makeFolder(_ path: String) throws {
        if mkdir(path, 0o755) == 0 {
            if !umaskKeepsModes { chmod(path, 0o755) }
            return
        }
        switch errno {
        case EEXIST: return
        case ENOENT:
            guard let slash = path.lastIndex(of: "/"), slash > path.startIndex else { throw POSIXError.current(path) }
            try makeFolder(String(path[..<slash]))
            try makeFolder(path)
        default: throw POSIXError.current(path)
        }
    }

    /// Whether the process's umask leaves files made 0644 and folders made 0755 as they are,
    /// so that neither needs a chmod. Read from /proc: umask(2) cannot be read without being
    /// set, which would race with files being made on other threads.
    static let umaskKeepsModes: Bool = {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
            let mask = Int(line.dropFirst("Umask:".count).filter { !$0.isWhitespace }, radix: 8)
        else { return false }
        return mask & 0o755 == 0
    }()
}

extension POSIXError {
    /// The error `errno` names, for the file at `path`.
    static func current(_ path: String) -> Error {
        NSError(
            domain: NSPOSIXErrorDomain, code: Int(errno),
            userInfo: [NSLocalizedDescriptionKey: "\(path): \(String(cString: strerror(errno)))"])
    }
}
