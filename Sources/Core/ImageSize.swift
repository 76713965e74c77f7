/// The width and height of a picture, read from its header (PNG, JPEG, GIF, WebP), so that a
/// page can reserve its place before it loads. A JPEG whose EXIF orientation turns it on its
/// side gives its width and height as shown.
public struct ImageSize: Sendable, Hashable, Codable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public init?(of bytes: [UInt8]) {
        func big(_ offset: Int, _ count: Int) -> Int? {
            guard offset >= 0, offset + count <= bytes.count else { return nil }
            return bytes[offset..<offset + count].reduce(0) { $0 << 8 | Int($1) }
        }
        func little(_ offset: Int, _ count: Int) -> Int? {
            guard offset >= 0, offset + count <= bytes.count else { return nil }
            return bytes[offset..<offset + count].reversed().reduce(0) { $0 << 8 | Int($1) }
        }
        var size: (Int, Int)?
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), let width = big(16, 4), let height = big(20, 4) {
            size = (width, height)
        } else if bytes.starts(with: Array("GIF8".utf8)), let width = little(6, 2), let height = little(8, 2) {
            size = (width, height)
        } else if bytes.starts(with: Array("RIFF".utf8)), bytes.count > 30, bytes[8..<12].elementsEqual("WEBP".utf8) {
            switch String(decoding: bytes[12..<16], as: UTF8.self) {
            case "VP8X":
                if let width = little(24, 3), let height = little(27, 3) { size = (width + 1, height + 1) }
            case "VP8L":
                if let bits = little(21, 4) { size = ((bits & 0x3FFF) + 1, (bits >> 14 & 0x3FFF) + 1) }
            case "VP8 ":
                if let width = little(26, 2), let height = little(28, 2) { size = (width & 0x3FFF, height & 0x3FFF) }
            default: break
            }
        } else if bytes.starts(with: [0xFF, 0xD8]) {
            size = Self.jpegSize(bytes)
        }
        guard let size, size.0 > 0, size.1 > 0 else { return nil }
        self.init(width: size.0, height: size.1)
    }

    /// The size of a JPEG's frame, turned by its EXIF orientation (5 to 8 swap the sides).
    private static func jpegSize(_ bytes: [UInt8]) -> (Int, Int)? {
        var turned = false
        var size: (Int, Int)?
        _ = JPEGSegment.walk(bytes) { segment in
            let payload = bytes[segment.payload]
            if segment.marker == 0xE1, let orientation = JPEGOrientation.of(payload) { turned = orientation >= 5 }
            guard segment.isFrameHeader else { return true }
            if payload.count >= 5 {
                let start = payload.startIndex
                let height = Int(payload[start + 1]) << 8 | Int(payload[start + 2])
                let width = Int(payload[start + 3]) << 8 | Int(payload[start + 4])
                size = turned ? (height, width) : (width, height)
            }
            return false
        }
        return size
    }
}

/// One piece of a JPEG before its image data: a marker segment, a marker without a length, or
/// a fill byte. Both reading a photo's size and cutting its metadata out walk a JPEG this way.
public struct JPEGSegment: Sendable {
    /// The byte after 0xFF (0xFF itself for a fill byte).
    public var marker: UInt8
    /// The whole piece in the file; for the start of scan, everything from it to the end.
    public var range: Range<Int>
    /// What follows the marker and its length.
    public var payload: Range<Int>

    /// Whether this is a start of frame, which holds the picture's size (0xC0 to 0xCF, but not
    /// DHT, JPG or DAC, which share the range).
    public var isFrameHeader: Bool {
        (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
    }

    /// Whether the image data follows: the last piece a walk gives.
    public var isStartOfScan: Bool { marker == 0xDA }

    /// Gives each piece of `bytes` after the start of image to `body`, in order, until `body`
    /// returns false, the start of scan has been given, or the bytes end. Returns whether the
    /// walk ended cleanly there: false when the bytes are not a JPEG or a segment is cut off.
    public static func walk(_ bytes: [UInt8], _ body: (JPEGSegment) -> Bool) -> Bool {
        guard bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return false }
        var index = 2
        while index < bytes.count {
            guard bytes[index] == 0xFF, index + 1 < bytes.count else { return false }
            let marker = bytes[index + 1]
            let segment: JPEGSegment
            if marker == 0xFF {
                segment = JPEGSegment(marker: 0xFF, range: index..<index + 1, payload: index + 1..<index + 1)
            } else if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) {
                segment = JPEGSegment(marker: marker, range: index..<index + 2, payload: index + 2..<index + 2)
            } else {
                guard index + 4 <= bytes.count else { return false }
                let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
                guard length >= 2, index + 2 + length <= bytes.count else { return false }
                let end = marker == 0xDA ? bytes.count : index + 2 + length
                segment = JPEGSegment(marker: marker, range: index..<end, payload: index + 4..<index + 2 + length)
            }
            guard body(segment), !segment.isStartOfScan else { return true }
            index = segment.range.upperBound
        }
        return true
    }
}

/// The orientation tag of a JPEG's EXIF segment.
public enum JPEGOrientation {
    /// The Orientation (0x0112) of IFD0 in an APP1 body (`Exif\0\0` and a TIFF structure), 1 to 8.
    public static func of(_ segment: ArraySlice<UInt8>) -> Int? {
        let body = Array(segment)
        guard body.count >= 14, body[0..<6].elementsEqual([0x45, 0x78, 0x69, 0x66, 0, 0]) else { return nil }
        let tiff = Array(body[6...])
        let bigEndian: Bool
        switch (tiff[0], tiff[1]) {
        case (0x4D, 0x4D): bigEndian = true
        case (0x49, 0x49): bigEndian = false
        default: return nil
        }
        func number(_ offset: Int, _ size: Int) -> Int? {
            guard offset >= 0, offset + size <= tiff.count else { return nil }
            let bytes = tiff[offset..<offset + size]
            return (bigEndian ? Array(bytes) : bytes.reversed()).reduce(0) { $0 << 8 | Int($1) }
        }
        guard let ifd = number(4, 4), let count = number(ifd, 2) else { return nil }
        for entry in 0..<count {
            let start = ifd + 2 + entry * 12
            guard let tag = number(start, 2) else { return nil }
            if tag == 0x0112 { return number(start + 8, 2).flatMap { (1...8).contains($0) ? $0 : nil } }
        }
        return nil
    }
}
