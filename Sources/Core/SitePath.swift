/// Where a page lives in the output, as a path relative to the site root with pretty URLs:
/// `cases/shichang-01/` is written to `cases/shichang-01/index.html`; the home page is the
/// empty path; a file such as `feed.xml` keeps its name. Keeping this apart from file paths
/// and hrefs stops them from being mixed up.
public struct SitePath: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// Slash-separated segments, unencoded (Chinese stays Chinese).
    public let segments: [String]
    /// A folder page (`cases/x/`) or a file (`feed.xml`).
    public let isFolder: Bool

    public init(folder segments: [String]) {
        self.segments = segments
        self.isFolder = true
    }

    public init(file segments: [String]) {
        self.segments = segments
        self.isFolder = false
    }

    public static let root = SitePath(folder: [])

    public static func folder(_ segments: String...) -> SitePath { SitePath(folder: segments) }
    public static func file(_ segments: String...) -> SitePath { SitePath(file: segments) }

    public func appending(_ segment: String) -> SitePath {
        SitePath(folder: segments + [segment])
    }

    /// The file that holds this page, relative to the output folder.
    public var filePath: String {
        isFolder ? (segments + ["index.html"]).joined(separator: "/") : segments.joined(separator: "/")
    }

    /// How many folders down the page's file sits.
    public var depth: Int { isFolder ? segments.count : segments.count - 1 }

    /// The path as it appears in a URL, percent-encoded: `cases/x/`, `tags/%E5%85%AD%E6%9C%89/`.
    public var urlPath: String {
        let encoded = segments.map(URLEncoding.encodePathSegment).joined(separator: "/")
        if isFolder { return segments.isEmpty ? "" : encoded + "/" }
        return encoded
    }

    /// The href that leads from a page at `origin` to this one without naming the host, so the
    /// site works under any base path and from disk.
    public func href(from origin: SitePath) -> String {
        String(repeating: "../", count: origin.depth) + urlPath
    }

    /// Canonical form, unencoded: `/cases/x/`.
    public var description: String {
        "/" + segments.joined(separator: "/") + (isFolder && !segments.isEmpty ? "/" : "")
    }

    public static func < (lhs: SitePath, rhs: SitePath) -> Bool {
        lhs.filePath < rhs.filePath
    }
}

public enum URLEncoding {
    /// Undoes percent-encoding; a malformed escape or invalid UTF-8 leaves the text as it was.
    public static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? text
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters.
    public static func encodePathSegment(_ segment: String) -> String {
        guard !segment.utf8.allSatisfy(isUnreserved) else { return segment }
        let hex = Array("0123456789ABCDEF".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(segment.utf8.count * 3)
        for byte in segment.utf8 {
            if isUnreserved(byte) {
                result.append(byte)
            } else {
                result += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}

extension SitePath {
    /// The ending of the file name at `path` after its last dot, lowercased (`JPG` is `jpg`),
    /// or empty when the name has no dot.
    public static func fileExtension(of path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "" }
        return path[path.index(after: dot)...].lowercased()
    }
}
