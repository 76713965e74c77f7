import Foundation
import Model

#if canImport(Glibc)
    import Glibc
#endif

/// Resized photos from earlier builds, in a folder of the cache beside the output: a photo
/// whose bytes, width, encoder settings and libvips version are unchanged is not decoded again.
/// Each entry is named by all four, so an entry never goes stale (a newer libvips may encode the
/// same photo into other bytes, which a clean build would publish); a build keeps only the
/// entries it used.
public struct PhotoCache: Sendable {
    /// Nil for a build that keeps nothing (one into memory).
    let folder: URL?
    /// Whether the build only reads the cache (`portal check`): it neither adds nor removes
    /// entries, which belong to the builds of the output.
    var readOnly = false

    public init(folder: URL?, readOnly: Bool = false) {
        self.folder = folder
        self.readOnly = readOnly
    }

    /// The name of the entry for a photo whose bytes hash to `sourceHash`, resized to `width`.
    public static func key(sourceHash: String, width: Int, fileExtension: String) -> String {
        "\(sourceHash)-\(width)-v\(MediaFile.encoderVersion)-vips\(PhotoEncoder.libraryVersion).\(fileExtension)"
    }

    public func bytes(for key: String) -> [UInt8]? {
        guard let folder, let data = FileManager.default.contents(atPath: folder.appendingPathComponent(key).path) else {
            return nil
        }
        return [UInt8](data)
    }

    /// Stores an entry in one rename, so a build stopped half-way leaves no partial entry.
    public func store(_ bytes: [UInt8], for key: String) {
        guard let folder, !readOnly else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data(bytes).write(to: folder.appendingPathComponent(key), options: .atomic)
    }

    /// Removes the entries not named in `keys`: photos that were changed or removed since.
    public func prune(keeping keys: Set<String>) {
        guard let folder, !readOnly, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where !keys.contains(name) {
            unlink(folder.appendingPathComponent(name).path)
        }
    }
}
