import CDeflate
import Core

/// The `.gz` twins of the files most visits load, for web servers that send precompressed files
/// (nginx's `gzip_static`); the server compresses the rest as it sends them. libdeflate writes
/// no time and no file name into the header, so the same bytes give the same `.gz` in every
/// build. It compresses at level 6 about twice as fast as
/// zlib and a little smaller; all of libdeflate's C calls are in this file, including the raw
/// deflate and CRC-32 of the zip package (`SitePackage`).
public enum Gzip {
    /// The compression level: libdeflate's default, a good balance for text served many times.
    static let level: Int32 = 6

    /// Output files with these endings can be written compressed.
    static let compressedExtensions: Set<String> = ["html", "css", "js", "xml", "json", "svg", "txt", "csv"]

    /// Whether the file at `path` gets a `.gz` twin: the stylesheet and script every page loads,
    /// the search index every search loads, and the home page, the section fronts and the feed
    /// (at most one folder deep). The long tail (each case, its 公众号 copy, each member's and
    /// site's page and plate, the later pages of lists) is compressed by the server when asked:
    /// its twins were half the files of a 10,000-case build and 5.5 s of its processor time,
    /// for pages read a few times between builds (BENCHMARKS.md).
    public static func isCompressed(_ path: String) -> Bool {
        guard compressedExtensions.contains(SitePath.fileExtension(of: path)) else { return false }
        if path.hasPrefix("assets/") || path.hasPrefix("search/") { return true }
        return path.utf8.count(where: { $0 == UInt8(ascii: "/") }) <= 1
    }

    /// The files the build writes for `paths`: each, and the `.gz` twin of each text file.
    public static func withTwins(_ paths: [String]) -> [String] {
        paths.flatMap { isCompressed($0) ? [$0, $0 + ".gz"] : [$0] }
    }

    /// `bytes` in the gzip format (RFC 1952).
    public static func compress(_ bytes: [UInt8]) -> [UInt8] {
        guard let compressor = libdeflate_alloc_compressor(level) else { fatalError("libdeflate: out of memory") }
        defer { libdeflate_free_compressor(compressor) }
        let bound = libdeflate_gzip_compress_bound(compressor, bytes.count)
        return [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
            count = bytes.withUnsafeBytes { input in
                libdeflate_gzip_compress(compressor, input.baseAddress, input.count, buffer.baseAddress, bound)
            }
            precondition(count > 0, "libdeflate: the bound was too small")
        }
    }

    /// `bytes` as a raw deflate stream (RFC 1951), as zip entries hold them; nil when that
    /// would not be smaller.
    static func deflate(_ bytes: [UInt8]) -> [UInt8]? {
        guard let compressor = libdeflate_alloc_compressor(level) else { fatalError("libdeflate: out of memory") }
        defer { libdeflate_free_compressor(compressor) }
        guard bytes.count > 0 else { return nil }
        var count = 0
        let compressed = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, written in
            written = bytes.withUnsafeBytes { input in
                libdeflate_deflate_compress(compressor, input.baseAddress, input.count, buffer.baseAddress, bytes.count)
            }
            count = written
        }
        return count > 0 ? compressed : nil
    }

    /// The CRC-32 of `bytes`, as gzip and zip use it.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { UInt32(libdeflate_crc32(0, $0.baseAddress, $0.count)) }
    }
}
