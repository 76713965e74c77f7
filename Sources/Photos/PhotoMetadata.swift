import Core

/// Phone photos carry where and when they were taken (EXIF, with GPS positions) and more (XMP,
/// IPTC, a second picture, text chunks): none of it may be published. Pictures are copied
/// without those parts, the image itself byte for byte: a JPEG keeps only what decoding needs
/// (`strippedJPEG`); a PNG loses its `eXIf`, `tEXt`, `zTXt`, `iTXt` and `tIME` chunks. Only a
/// JPEG's orientation is kept, in an EXIF segment of its own, or a photo taken upright would
/// show on its side. Other files, and files that do not parse, are copied as they are.
public enum PhotoMetadata {
    public static func stripped(_ bytes: [UInt8], path: String) -> [UInt8] {
        switch SitePath.fileExtension(of: path) {
        case "jpg", "jpeg": return strippedJPEG(bytes) ?? bytes
        case "png": return strippedPNG(bytes) ?? bytes
        case "webp": return strippedWebP(bytes) ?? bytes
        default: return bytes
        }
    }

    /// The JPEG without its metadata segments; nil when it is not a JPEG as expected. Only
    /// what decoding needs is kept: the tables, the frame, the scans up to the end of the
    /// image, an ICC colour profile, and Adobe's colour-transform segment for a CMYK photo.
    /// Every other application segment (EXIF, XMP, JFIF and its thumbnail, MPF, FlashPix,
    /// IPTC, maker notes), comments, and whatever follows the end of the image (a phone's
    /// second picture, with an EXIF of its own) are left out.
    static func strippedJPEG(_ bytes: [UInt8]) -> [UInt8]? {
        var kept: [Range<Int>] = []
        var adobe: Range<Int>?
        var orientation = 1
        var components = 3
        var scanStart: Int?
        let whole = JPEGSegment.walk(bytes) { segment in
            let marker = segment.marker
            switch marker {
            case 0xE1:
                if let found = JPEGOrientation.of(bytes[segment.payload]) { orientation = found }
            case 0xE2:
                if bytes[segment.payload].starts(with: Array("ICC_PROFILE\0".utf8)) { kept.append(segment.range) }
            case 0xEE:
                if bytes[segment.payload].starts(with: Array("Adobe".utf8)) { adobe = segment.range }
            case 0xE0...0xEF, 0xFE:
                break
            case 0xDA:
                scanStart = segment.range.lowerBound
            default:
                if segment.isFrameHeader, segment.payload.count >= 6 { components = Int(bytes[segment.payload.lowerBound + 5]) }
                kept.append(segment.range)
            }
            return true
        }
        guard whole, let scanStart, let end = imageEnd(bytes, scanStart: scanStart) else { return nil }
        var output: [UInt8] = [0xFF, 0xD8]
        output.reserveCapacity(end)
        if orientation != 1 { output += orientationSegment(orientation) }
        if components == 4, let adobe { output += bytes[adobe] }
        for range in kept { output += bytes[range] }
        output += bytes[scanStart..<end]
        return output
    }

    /// Just after the end-of-image marker that closes the scans starting at `scanStart`: in
    /// entropy-coded data a 0xFF is followed by 0x00 or a restart marker; between the scans of
    /// a progressive JPEG come segments with a length (tables, the next scan's header).
    static func imageEnd(_ bytes: [UInt8], scanStart: Int) -> Int? {
        var index = scanStart
        while index + 4 <= bytes.count {
            // A segment: the scan header, or a table between scans.
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xD9 { return index + 2 }
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            guard length >= 2 else { return nil }
            index += 2 + length
            guard marker == 0xDA else { continue }
            // The scan's data, to the next marker that is neither stuffing nor a restart.
            while index + 1 < bytes.count {
                if bytes[index] == 0xFF, bytes[index + 1] != 0x00, !(0xD0...0xD7).contains(bytes[index + 1]),
                    bytes[index + 1] != 0xFF
                {
                    break
                }
                index += 1
            }
        }
        if index + 2 <= bytes.count, bytes[index] == 0xFF, bytes[index + 1] == 0xD9 { return index + 2 }
        // Cut off before its end: what there is of the image, which browsers show as far as it goes.
        return bytes.count
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

    /// The bits of a `VP8X` header's flags that say an `EXIF` or an `XMP ` chunk follows.
    private static let webPMetadataFlags: UInt8 = 0x08 | 0x04

    /// The WebP without its `EXIF` and `XMP ` chunks; nil when it is not a WebP as expected. The
    /// RIFF size is written again, and the `VP8X` flags no longer announce the chunks: a decoder
    /// that trusts them would look for what is gone.
    static func strippedWebP(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 20, bytes.starts(with: Array("RIFF".utf8)), bytes[8..<12].elementsEqual("WEBP".utf8) else {
            return nil
        }
        func littleEndian(_ index: Int) -> Int {
            Int(bytes[index]) | Int(bytes[index + 1]) << 8 | Int(bytes[index + 2]) << 16 | Int(bytes[index + 3]) << 24
        }
        let end = min(bytes.count, 8 + littleEndian(4))
        var output = Array(bytes[0..<12])
        output.reserveCapacity(bytes.count)
        var index = 12
        while index + 8 <= end {
            let type = String(decoding: bytes[index..<index + 4], as: UTF8.self)
            let length = littleEndian(index + 4)
            // Chunks are padded to an even length.
            let next = index + 8 + length + (length & 1)
            guard length >= 0, index + 8 + length <= end else { return nil }
            if type != "EXIF" && type != "XMP " {
                let start = output.count
                output += bytes[index..<min(next, end)]
                if length & 1 == 1, next > end { output.append(0) }
                if type == "VP8X", length >= 1 { output[start + 8] &= ~webPMetadataFlags }
            }
            index = next
        }
        let size = UInt32(output.count - 8)
        output.replaceSubrange(
            4..<8, with: [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16 & 0xFF), UInt8(size >> 24)])
        return output
    }
}
