import Core
import Foundation
import Testing

@testable import Content

/// Picture sizes come from the start of each file, or from the whole file when its header
/// lies further in.
@Suite struct ImageSizesTests {
    @Test func aFrameHeaderPastTheFirstPartOfTheFileIsFoundToo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-sizes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Three 60 KB APP2 segments (colour profiles can be that large) before the frame header.
        var jpeg: [UInt8] = [0xFF, 0xD8]
        for _ in 0..<3 { jpeg += [0xFF, 0xE2, 0xEA, 0x62] + [UInt8](repeating: 0x20, count: 0xEA60) }
        jpeg += [0xFF, 0xC0, 0, 11, 8, 0x04, 0xB0, 0x06, 0x40, 1, 1, 0x11, 0] + [0xFF, 0xDA, 0, 2, 0xFF, 0xD9]
        #expect(jpeg.count > 128 * 1024)
        let large = folder.appendingPathComponent("large.jpg")
        try Data(jpeg).write(to: large)
        let small = folder.appendingPathComponent("small.gif")
        try Data(Array("GIF89a".utf8) + [0x10, 0, 0x08, 0, 0, 0, 0]).write(to: small)
        let notes = folder.appendingPathComponent("notes.pdf")
        try Data("%PDF".utf8).write(to: notes)
        let sizes = LinkResolver.imageSizes(of: [
            "cases/large.jpg": large, "cases/small.gif": small, "cases/notes.pdf": notes,
        ])
        #expect(
            sizes == [
                "cases/large.jpg": ImageSize(width: 1600, height: 1200), "cases/small.gif": ImageSize(width: 16, height: 8),
            ])
    }
}
