import Foundation

/// Where rendered files go. Every write of a build passes through one sink: the disk sink
/// writes into a staging folder that is swapped in at the end, the memory sink keeps files for
/// tests and the preview server, and `check` discards them.
public protocol OutputSink: Sendable {
    /// Writes `bytes` at `path`, relative to the output root, with `/` separators.
    func write(_ bytes: [UInt8], to path: String) async throws
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

/// Writes below a folder on disk, creating folders as needed. Files are world-readable so any
/// web server can serve them.
public struct DiskSink: OutputSink {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    public func write(_ bytes: [UInt8], to path: String) async throws {
        let url = root.appendingPathComponent(path)
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        try Data(bytes).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path)
    }
}
