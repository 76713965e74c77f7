import Core
import Testing

@Suite struct ImageSizeTests {
    static func png(_ width: UInt32, _ height: UInt32) -> [UInt8] {
        func be(_ value: UInt32) -> [UInt8] {
            [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
        }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be(13) + Array("IHDR".utf8) + be(width) + be(height)
            + [8, 2, 0, 0, 0]
    }

    static func jpeg(width: Int, height: Int, orientation: UInt8?) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xD8]
        if let orientation {
            let tiff: [UInt8] =
                [0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]
            let body = Array("Exif".utf8) + [0, 0] + tiff
            bytes += [0xFF, 0xE1, 0, UInt8(body.count + 2)] + body
        }
        bytes += [0xFF, 0xC4, 0, 4, 0, 0]  // a Huffman table, which shares the SOF range
        bytes += [0xFF, 0xC0, 0, 11, 8, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF)]
        bytes += [1, 1, 0x11, 0]
        return bytes + [0xFF, 0xDA, 0, 2, 0xFF, 0xD9]
    }

    @Test func readsTheSizeOfEachKindOfPicture() {
        #expect(ImageSize(of: Self.png(640, 480)) == ImageSize(width: 640, height: 480))
        #expect(ImageSize(of: Array("GIF89a".utf8) + [0x80, 0x02, 0xE0, 0x01, 0, 0, 0]) == ImageSize(width: 640, height: 480))
        let webp =
            Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8X".utf8) + [10, 0, 0, 0, 0, 0, 0, 0]
            + [0x7F, 0x02, 0x00, 0xDF, 0x01, 0x00] + [0, 0]
        #expect(ImageSize(of: webp) == ImageSize(width: 640, height: 480))
        #expect(ImageSize(of: Self.jpeg(width: 1600, height: 1200, orientation: nil)) == ImageSize(width: 1600, height: 1200))
    }

    @Test func aJPEGTurnedOnItsSideByItsOrientationGivesTheSizeAsShown() {
        #expect(ImageSize(of: Self.jpeg(width: 1600, height: 1200, orientation: 6)) == ImageSize(width: 1200, height: 1600))
        #expect(ImageSize(of: Self.jpeg(width: 1600, height: 1200, orientation: 3)) == ImageSize(width: 1600, height: 1200))
    }

    @Test func somethingElseHasNoSize() {
        #expect(ImageSize(of: Array("%PDF-1.4".utf8)) == nil)
        #expect(ImageSize(of: [0xFF, 0xD8, 0xFF]) == nil)
        #expect(ImageSize(of: Self.png(0, 0)) == nil)
    }
}
