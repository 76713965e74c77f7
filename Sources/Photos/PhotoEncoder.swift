import CVips
import Core
import Model

/// Resizes photos through libvips (`CVips`): decoded, turned upright by their EXIF orientation,
/// shrunk to a web width and encoded again with no metadata at all. vips is started once per
/// process; each call works on its own image, so calls may run on many threads at once.
public enum PhotoEncoder {
    /// Why a photo could not be resized, as vips tells it.
    public struct Failure: Error, Sendable {
        public var reason: String
    }

    /// Whether vips started; `vips_init` is called once, by the first photo of the process.
    private static let started: Bool = portal_vips_start() == 0

    /// The photo `bytes` (a JPEG, PNG or WebP, as `fileExtension` says) at `width` pixels wide,
    /// in the same format.
    public static func resize(_ bytes: [UInt8], toWidth width: Int, fileExtension: String) -> Result<[UInt8], Failure> {
        guard started else { return .failure(Failure(reason: "无法启动图片处理库 libvips")) }
        let format: portal_vips_format
        switch fileExtension {
        case "png": format = PORTAL_VIPS_PNG
        case "webp": format = PORTAL_VIPS_WEBP
        default: format = PORTAL_VIPS_JPEG
        }
        var output: UnsafeMutableRawPointer?
        var length = 0
        let status = bytes.withUnsafeBytes { input in
            portal_vips_resize(
                input.baseAddress, input.count, Int32(width), format, Int32(MediaFile.quality), &output, &length)
        }
        guard status == 0, let output else {
            return .failure(Failure(reason: lastError()))
        }
        defer { portal_vips_free(output) }
        return .success([UInt8](UnsafeRawBufferPointer(start: output, count: length)))
    }

    /// The first line of what vips last reported, and its record cleared. Photos are resized on
    /// many threads and vips keeps one record per process, so the text may belong to another
    /// photo that failed at the same moment; the file named with it is always the right one.
    private static func lastError() -> String {
        let text = portal_vips_error().map { String(cString: $0) } ?? ""
        portal_vips_clear_error()
        let line = text.split(separator: "\n").first.map(String.init)?.trimmingWhitespace ?? ""
        return line.isEmpty ? "无法解码" : line
    }

    /// The version of libvips in use, such as `8.14.1`.
    static let libraryVersion: String = {
        _ = started
        return portal_vips_version().map { String(cString: $0) } ?? ""
    }()
}
