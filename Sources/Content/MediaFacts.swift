import Core
import Foundation
import Model

/// What the load stage knows of a picture or attachment: the hash that names it in the output
/// and, for a picture, its size. Kept with the file's stamp, so that the next build reads only
/// the files that changed: a phone photo is megabytes, and a portal has hundreds.
public struct MediaFacts: Sendable, Equatable {
    var stamp: FileStamp
    /// The SHA-256 of the file's bytes, as 64 hex digits.
    var hash: String
    var size: ImageSize?

    /// The facts of `files` (content-relative paths to their files), read on all cores; a file
    /// whose stamp is the one `known` has for it is not read again. Files that cannot be read
    /// are left out and reported.
    static func read(
        _ files: [String: URL], known: [String: MediaFacts], parallelism: Int, displayPath: @escaping @Sendable (URL) -> String
    ) async -> (facts: [String: MediaFacts], problems: [Diagnostic], time: Duration) {
        let paths = files.keys.sorted()
        let results = await ParallelMap.map(paths, pieces: parallelism) { relative -> (MediaFacts?, Duration) in
            var time = Duration.zero
            let facts = ThreadTime.measure(&time) { () -> MediaFacts? in
                let url = files[relative]!
                // The stamp before the bytes: a file changed in between is read again next time.
                guard let stamp = FileStamp(at: url.path) else { return nil }
                if let previous = known[relative], previous.stamp == stamp { return previous }
                guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
                let bytes = [UInt8](data)
                return MediaFacts(stamp: stamp, hash: SHA256Hash.hex(of: bytes), size: ImageSize(of: bytes))
            }
            return (facts, time)
        }
        var facts: [String: MediaFacts] = [:]
        var problems: [Diagnostic] = []
        for (relative, (result, _)) in zip(paths, results) {
            if let result {
                facts[relative] = result
            } else {
                problems.append(
                    .error(
                        at: SourceLocation(path: displayPath(files[relative]!)), "无法读取文件",
                        hint: "检查文件的权限，或者把它移出内容目录"))
            }
        }
        return (facts, problems, results.reduce(.zero) { $0 + $1.1 })
    }

    /// The media file these facts describe, at `relativePath` in `content/`.
    func file(_ relativePath: String, in directory: URL) -> MediaFile {
        MediaFile(
            sourceFile: directory.appendingPathComponent(relativePath).path, relativePath: relativePath, sourceHash: hash,
            size: size)
    }
}
