import Core
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Updates a published folder in place: a file whose bytes are already there is left alone, a
/// new or changed one is written into a staging folder and moved over the published one only
/// when the whole build has passed (`commit`), and files the build no longer makes are
/// removed. Each file is replaced in one rename, so a reader sees the old or the new file,
/// never half of one; a build that fails leaves the published folder as it was.
///
/// It compares with the files themselves rather than with a record of the last build, so a
/// published folder changed by hand is put right.
struct UpdatingSink: OutputSink {
    let published: URL
    /// Where changed files wait for `commit`.
    let staging: any OutputSink
    let stagingFolder: URL

    func holds(_ bytes: [UInt8], at path: String, alongWith companion: String?) -> Bool {
        let full = published.path + "/" + path
        if let companion, access(published.path + "/" + companion, F_OK) != 0 { return false }
        let descriptor = open(full, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) == bytes.count else {
            return false
        }
        let existing = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
            count = 0
            while count < bytes.count {
                let read = Glibc.read(descriptor, buffer.baseAddress! + count, bytes.count - count)
                if read < 0 && errno == EINTR { continue }
                guard read > 0 else { break }
                count += read
            }
        }
        return existing == bytes
    }

    func write(_ bytes: [UInt8], to path: String) async throws {
        try await staging.write(bytes, to: path)
    }

    /// Moves every changed file into the published folder and removes the files of `previous`
    /// (the last build's files, or every file there when that is not known) that are not in
    /// `produced`, and the folders left empty. Paths are relative to the output root.
    func commit(produced: Set<String>, previous: [String]?) throws -> (moved: [String], removed: Int) {
        let fileManager = FileManager.default
        var moved: [String] = []
        var folders: Set<String> = []
        for path in FileTree.files(below: stagingFolder.path) {
            let target = published.appendingPathComponent(path)
            let folder = target.deletingLastPathComponent().path
            if folders.insert(folder).inserted {
                try fileManager.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            }
            guard rename(stagingFolder.path + "/" + path, target.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
            }
            moved.append(path)
        }
        var removed = 0
        for path in previous ?? FileTree.files(below: published.path) where !produced.contains(path) {
            guard unlink(published.path + "/" + path) == 0 || errno == ENOENT else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
            removed += 1
        }
        if removed > 0 { Self.removeEmptyFolders(below: published) }
        return (moved, removed)
    }

    /// Removes the empty folders below `folder`, deepest first.
    private static func removeEmptyFolders(below folder: URL) {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return }
        var folders: [String] = []
        while let path = enumerator.nextObject() as? String {
            if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeDirectory { folders.append(path) }
        }
        for path in folders.sorted(by: >) {
            rmdir(folder.path + "/" + path)
        }
    }
}
