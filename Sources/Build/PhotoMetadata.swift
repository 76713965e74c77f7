import Core

/// Phone photos carry where and when they were taken (EXIF, with GPS positions) and more (XMP,
/// IPTC, text chunks): none of it may be published. Pictures are copied without those parts,
/// the image itself byte for byte: in a JPEG the APP1 (EXIF, XMP), APP12 and APP13 (IPTC)
/// segments and comments; in a PNG the `eXIf`, `tEXt`, `zTXt`, `iTXt` and `tIME` chunks. Only
/// a JPEG's orientation is kept, in an EXIF segment of its own, or a photo taken upright would
/// show on its side. Other files, and files that do not parse, are copied as they are.
enum PhotoMetadata {
    static func stripped(_ bytes: [UInt8], path: String) -> [UInt8] {
        switch PrivacyGuard.fileExtension(of: path) {
        case "jpg", "jpeg": return strippedJPEG(bytes) ?? bytes
        case "png": return strippedPNG(bytes) ?? bytes
        default: return bytes
        }
    }

    /// The JPEG without its metadata segments; nil when it is not a JPEG as expected.
    static func strippedJPEG(_ bytes: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = [0xFF, 0xD8]
        output.reserveCapacity(bytes.count)
        let whole = JPEGSegment.walk(bytes) { segment in
            let marker = segment.marker
            if marker == 0xE1 || marker == 0xEC || marker == 0xED || marker == 0xFE {
                if marker == 0xE1, let orientation = JPEGOrientation.of(bytes[segment.payload]), orientation != 1 {
                    output += orientationSegment(orientation)
                }
            } else {
                output += bytes[segment.range]
            }
            return true
        }
        return whole ? output : nil
    }

    /// An APP1 segment holding only an orientation: a big-endian TIFF with one IFD0 entry.
    static func orientationSegment(_ orientation: Int) -> [UInt8] {
        let body: [UInt8] =
            [0x45, 0x78, 0x69, 0x66, 0, 0]  // Exif\0\0
            + [0x4D, 0x4D, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08]  // big endian, IFD0 at 8
            + [0x00, 0x01]  // one entry
            + [0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, UInt8(orientation), 0x00, 0x00]
            + [0x00, 0x00, 0x00, 0x00]  // no next IFD
        let length = body.count + 2
        return [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + body
    }

    private static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    private static let pngMetadataChunks: Set<String> = ["eXIf", "tEXt", "zTXt", "iTXt", "tIME"]

    /// The PNG without its metadata chunks; nil when it is not a PNG as expected.
    static func strippedPNG(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 8, Array(bytes[0..<8]) == pngSignature else { return nil }
        var output = pngSignature
        output.reserveCapacity(bytes.count)
        var index = 8
        while index + 12 <= bytes.count {
            let length =
                Int(bytes[index]) << 24 | Int(bytes[index + 1]) << 16 | Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            let end = index + 12 + length
            guard length >= 0, end <= bytes.count else { return nil }
            let type = String(decoding: bytes[index + 4..<index + 8], as: UTF8.self)
            if !pngMetadataChunks.contains(type) { output += bytes[index..<end] }
            index = end
            if type == "IEND" { return output }
        }
        return nil
    }
}
