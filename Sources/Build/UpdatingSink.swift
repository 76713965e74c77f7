import Core
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Updates a published site: a file whose bytes are already there is left alone, a new or
/// changed one is written into a staging folder, and only when the whole build has passed
/// (`commit`) is the spare copy brought up to date with them and shown to readers in one swap
/// (see `Publisher`). A build that fails or is stopped leaves the published site as it was.
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

    /// Brings the spare copy up to date with the changed files, the files of `previous` (the
    /// last build's files, or every file there when that is not known) that are not in
    /// `produced` left out, and shows it to readers. Paths are relative to the output root.
    /// `touched` are the files whose stamps changed.
    func commit(produced: Set<String>, previous: [String]?, publisher: Publisher) throws -> (
        moved: [String], removed: Int, touched: [String]
    ) {
        let staged = FileTree.files(below: stagingFolder.path)
        let gone = (previous ?? FileTree.files(below: published.path)).filter { !produced.contains($0) }
        let copy = SpareCopy(spare: publisher.spare.path, live: published.path)
        let touched = try copy.update(
            produced: produced, staged: staged, from: stagingFolder.path, gone: gone, lag: publisher.takeSpareLag())
        try publisher.publish(keepingOldCopyBehindBy: Set(staged).union(gone), written: staged)
        return (staged, gone.count, touched)
    }
}
