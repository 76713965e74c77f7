import Core
import Testing

@testable import Build
@testable import Photos

/// Photos are published without where and when they were taken.
@Suite struct PhotoMetadataTests {
    static func segment(_ marker: UInt8, _ body: [UInt8]) -> [UInt8] {
        [0xFF, marker, UInt8((body.count + 2) >> 8), UInt8((body.count + 2) & 0xFF)] + body
    }

    /// An EXIF body, little-endian like most phones write it: IFD0 with an orientation and a
    /// pointer to GPS data, and the GPS data itself.
    static func exif(orientation: UInt8) -> [UInt8] {
        let tiff: [UInt8] =
            [0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00]
            + [0x02, 0x00]
            + [0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, orientation, 0x00, 0x00, 0x00]
            + [0x25, 0x88, 0x04, 0x00, 0x01, 0x00, 0x00, 0x00, 0x26, 0x00, 0x00, 0x00]
            + [0x00, 0x00, 0x00, 0x00]
            + Array("GPS 30.5928N 114.3055E".utf8)
        return Array("Exif".utf8) + [0, 0] + tiff
    }

    static let jfif = segment(0xE0, Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0])
    static let quantization = segment(0xDB, [0] + Array(repeating: 1, count: 64))
    static let scan = segment(0xDA, [1, 1, 0, 0, 63, 0]) + [0x12, 0x34, 0xFF, 0x00, 0x56] + [0xFF, 0xD9]

    @Test func aJPEGLosesItsMetadataAndKeepsItsOrientation() {
        let photo =
            [0xFF, 0xD8] + Self.jfif + Self.segment(0xE1, Self.exif(orientation: 6))
            + Self.segment(0xE1, Array("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>武汉</x:xmpmeta>".utf8))
            + Self.segment(0xED, Array("Photoshop 3.0\0IPTC".utf8)) + Self.segment(0xFE, Array("拍摄于东湖区".utf8))
            + Self.quantization + Self.scan
        let published = PhotoMetadata.stripped(photo, path: "media/cases/photo.JPG")
        #expect(published == [0xFF, 0xD8] + PhotoMetadata.orientationSegment(6) + Self.quantization + Self.scan)
        #expect(JPEGOrientation.of(PhotoMetadata.orientationSegment(6)[4...]) == 6)
        let text = String(decoding: published, as: UTF8.self)
        #expect(!text.contains("GPS") && !text.contains("xmpmeta") && !text.contains("东湖区") && !text.contains("IPTC"))
    }

    @Test func anUprightJPEGKeepsNoEXIFAtAll() {
        let photo = [0xFF, 0xD8] + Self.segment(0xE1, Self.exif(orientation: 1)) + Self.quantization + Self.scan
        #expect(PhotoMetadata.stripped(photo, path: "a.jpeg") == [0xFF, 0xD8] + Self.quantization + Self.scan)
    }

    static func frame(components: UInt8) -> [UInt8] {
        segment(0xC0, [8, 0, 16, 0, 16, components] + (1...components).flatMap { [$0, 0x11, 0] })
    }

    /// A phone's JPEG: application segments of every kind, and after the image a second JPEG
    /// (a motion photo's, an MPF picture) with an EXIF of its own.
    @Test func aJPEGKeepsNoApplicationSegmentAndNothingAfterItsImage() {
        let second = [0xFF, 0xD8] + Self.segment(0xE1, Self.exif(orientation: 1)) + Self.quantization + Self.scan
        let profile = Self.segment(0xE2, Array("ICC_PROFILE\0".utf8) + [1, 1, 0, 0, 2, 0])
        let photo =
            [0xFF, 0xD8] + Self.jfif + Self.segment(0xE1, Self.exif(orientation: 6)) + profile
            + Self.segment(0xE2, Array("MPF\0东湖区".utf8)) + Self.segment(0xE3, Array("Meta 武汉".utf8))
            + Self.segment(0xEB, Array("JP 东湖区".utf8)) + Self.segment(0xEE, Array("Adobe".utf8) + [0, 100, 0, 0, 0, 0, 1])
            + Self.segment(0xEF, Array("东湖区".utf8)) + Self.quantization + Self.frame(components: 3) + Self.scan + second
        let published = PhotoMetadata.stripped(photo, path: "a.jpg")
        #expect(
            published
                == [0xFF, 0xD8] + PhotoMetadata.orientationSegment(6) + profile + Self.quantization
                + Self.frame(components: 3) + Self.scan)
        #expect(!String(decoding: published, as: UTF8.self).contains("东湖区"))
    }

    /// A CMYK photo needs Adobe's segment to show its colours.
    @Test func aCMYKJPEGKeepsAdobesColourTransform() {
        let adobe = Self.segment(0xEE, Array("Adobe".utf8) + [0, 100, 0, 0, 0, 0, 2])
        let photo = [0xFF, 0xD8] + adobe + Self.frame(components: 4) + Self.scan
        #expect(PhotoMetadata.stripped(photo, path: "a.jpg") == [0xFF, 0xD8] + adobe + Self.frame(components: 4) + Self.scan)
    }

    /// A progressive JPEG has several scans with tables between them, and restart markers in
    /// its data: all of it is the image.
    @Test func aProgressiveJPEGKeepsEveryScan() {
        let table = Self.segment(0xC4, [0x10] + Array(repeating: 0, count: 16))
        let scans =
            Self.segment(0xDA, [1, 1, 0, 0, 0, 0]) + [0x12, 0xFF, 0x00, 0xFF, 0xD0, 0x34] + table
            + Self.segment(0xDA, [1, 1, 0, 1, 63, 0]) + [0x56, 0xFF, 0x00] + [0xFF, 0xD9]
        let photo = [0xFF, 0xD8] + Self.frame(components: 3) + scans + Array("trailing 东湖区".utf8)
        #expect(PhotoMetadata.stripped(photo, path: "a.jpg") == [0xFF, 0xD8] + Self.frame(components: 3) + scans)
    }

    @Test func aPNGLosesItsTextAndEXIFChunks() {
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let length = UInt32(data.count)
            return [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
                + Array(type.utf8) + data + [0, 0, 0, 0]
        }
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let header = chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])
        let image = chunk("IDAT", [1, 2, 3]) + chunk("IEND", [])
        let png =
            signature + header + chunk("tEXt", Array("Comment\0东湖区".utf8)) + chunk("eXIf", Self.exif(orientation: 1))
            + chunk("tIME", [7, 234, 11, 25, 8, 0, 0]) + image
        #expect(PhotoMetadata.stripped(png, path: "logo.png") == signature + header + image)
    }

    @Test func otherFilesAndFilesThatDoNotParseAreCopiedAsTheyAre() {
        let truncated: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE1, 0x10, 0x00, 0x45]
        #expect(PhotoMetadata.stripped(truncated, path: "a.jpg") == truncated)
        let pdf = Array("%PDF-1.4 Exif GPS".utf8)
        #expect(PhotoMetadata.stripped(pdf, path: "notice.pdf") == pdf)
    }
}

/// WebP photos, as phones and editors write them: a `VP8X` header announcing EXIF and XMP.
extension PhotoMetadataTests {
    /// A 1 × 1 lossless WebP image (the `VP8L` chunk and its padding).
    static let losslessImage: [UInt8] = [
        0x56, 0x50, 0x38, 0x4C, 0x0D, 0x00, 0x00, 0x00, 0x2F, 0x00, 0x00, 0x00, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88,
        0xFE, 0x07, 0x00,
    ]

    static func webPChunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let length = UInt32(data.count)
        return Array(type.utf8) + [UInt8(length & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length >> 16), UInt8(length >> 24)]
            + data + (data.count % 2 == 1 ? [0] : [])
    }

    static func riff(_ chunks: [UInt8]) -> [UInt8] {
        let size = UInt32(chunks.count + 4)
        return Array("RIFF".utf8) + [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16), UInt8(size >> 24)]
            + Array("WEBP".utf8) + chunks
    }

    /// A 1 × 1 extended WebP with `flags` in its header, then the image and `after` it.
    static func webP(flags: UInt8, after: [UInt8]) -> [UInt8] {
        riff(webPChunk("VP8X", [flags, 0, 0, 0, 0, 0, 0, 0, 0, 0]) + losslessImage + after)
    }

    @Test func aWebPLosesItsEXIFAndXMPChunksAndItsHeaderSaysSo() throws {
        let metadata =
            Self.webPChunk("EXIF", Array(Self.exif(orientation: 1).dropFirst(6)))
            + Self.webPChunk("XMP ", Array("<x:xmpmeta>东湖区 GPS</x:xmpmeta>".utf8))
        let photo = Self.webP(flags: 0x08 | 0x04, after: metadata)
        let published = PhotoMetadata.stripped(photo, path: "media/banner.webp")
        #expect(published == Self.webP(flags: 0, after: []))
        let text = String(decoding: published, as: UTF8.self)
        #expect(!text.contains("GPS") && !text.contains("EXIF") && !text.contains("XMP"))
        #expect(ImageSize(of: published) == ImageSize(width: 1, height: 1))
        // vips decodes what is published.
        #expect((try? PhotoEncoder.resize(published, toWidth: 1, fileExtension: "webp").get()) != nil)
    }

    @Test func aWebPKeepsItsColourProfile() {
        let profile = Self.webPChunk("ICCP", [1, 2, 3])
        let photo = Self.riff(
            Self.webPChunk("VP8X", [0x20 | 0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0]) + profile + Self.losslessImage
                + Self.webPChunk("EXIF", [1, 2, 3, 4]))
        #expect(
            PhotoMetadata.stripped(photo, path: "a.webp")
                == Self.riff(Self.webPChunk("VP8X", [0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0]) + profile + Self.losslessImage))
    }

    @Test func aSimpleWebPIsCopiedAsItIs() {
        let photo = Self.riff(Self.losslessImage)
        #expect(PhotoMetadata.stripped(photo, path: "a.webp") == photo)
        #expect((try? PhotoEncoder.resize(photo, toWidth: 1, fileExtension: "webp").get()) != nil)
    }
}
