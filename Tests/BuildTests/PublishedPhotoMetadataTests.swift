import Core
import Foundation
import Testing

@testable import Build
@testable import Photos

/// What a build publishes of PNG and WebP photos, at their size and resized: no text, EXIF, XMP
/// or time chunk, and pictures that still decode.
@Suite struct PublishedPhotoMetadataTests {
    static let pngMetadata: [(type: String, data: [UInt8])] = [
        ("tEXt", Array("Comment\0GPS 30.59N 114.31E".utf8)),
        ("iTXt", Array("Description\0\0\0zh\0\0拍摄于东湖区".utf8)),
        ("eXIf", Array(PhotoMetadataTests.exif(orientation: 1).dropFirst(6))),
        ("zTXt", Array("Author\0\0".utf8) + [0x78, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x01]),
        ("tIME", [7, 234, 11, 25, 8, 0, 0]),
    ]

    /// The chunk types of a PNG, in order.
    static func chunkTypes(ofPNG bytes: [UInt8]) -> [String] {
        var types: [String] = []
        var index = 8
        while index + 12 <= bytes.count {
            let length =
                Int(bytes[index]) << 24 | Int(bytes[index + 1]) << 16 | Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            types.append(String(decoding: bytes[index + 4..<index + 8], as: UTF8.self))
            index += 12 + length
        }
        return types
    }

    /// The chunk types of a WebP, in order.
    static func chunkTypes(ofWebP bytes: [UInt8]) -> [String] {
        var types: [String] = []
        var index = 12
        while index + 8 <= bytes.count {
            let length =
                Int(bytes[index + 4]) | Int(bytes[index + 5]) << 8 | Int(bytes[index + 6]) << 16 | Int(bytes[index + 7]) << 24
            types.append(String(decoding: bytes[index..<index + 4], as: UTF8.self))
            index += 8 + length + (length & 1)
        }
        return types
    }

    @Test func photosAtTheirSizeAndResizedArePublishedWithoutMetadataChunksAndStillDecode() async throws {
        let webP = PhotoMetadataTests.webP(
            flags: 0x08 | 0x04,
            after: PhotoMetadataTests.webPChunk("EXIF", Array(PhotoMetadataTests.exif(orientation: 1).dropFirst(6)))
                + PhotoMetadataTests.webPChunk("XMP ", Array("<x:xmpmeta>东湖区</x:xmpmeta>".utf8)))
        let fixture = try PhotoTests.workspace([
            ("narrow.png", PhotoTests.png(width: 300, height: 20, chunks: Self.pngMetadata)),
            ("wide.png", PhotoTests.png(width: 1000, height: 20, chunks: Self.pngMetadata)),
            ("narrow.webp", webP),
        ])
        defer { fixture.remove() }
        let sink = MemorySink()
        _ = try await fixture.builder.build(into: sink)
        let media = PhotoTests.published(await sink.files)
        #expect(media.count == 3)
        for (name, bytes) in media {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("GPS") && !text.contains("东湖区"), "\(name) keeps metadata")
            if name.hasSuffix(".png") {
                let types = Self.chunkTypes(ofPNG: bytes)
                #expect(types.contains("IDAT") && types.last == "IEND", "\(name)")
                #expect(Set(types).isDisjoint(with: ["tEXt", "zTXt", "iTXt", "eXIf", "tIME"]), "\(name): \(types)")
            } else {
                #expect(Self.chunkTypes(ofWebP: bytes) == ["VP8X", "VP8L"])
                #expect(bytes[20] & (0x08 | 0x04) == 0, "the header announces no metadata")
            }
            let format = name.hasSuffix(".png") ? "png" : "webp"
            #expect((try? PhotoEncoder.resize(bytes, toWidth: 1, fileExtension: format).get()) != nil, "\(name) decodes")
        }
        #expect(media.keys.contains { $0.hasPrefix("wide-800.") }, "the wide photo is resized")
    }
}
