import Core
import Foundation
import Testing

@testable import Content

/// The hash and size of every picture and attachment are read in the load stage, where pages
/// are rendered with the names they give; a file whose stamp is unchanged is not read again.
@Suite struct ImageSizesTests {
    @Test func aPicturesSizeAndHashAreReadAndKeptWhileItsStampIsUnchanged() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-sizes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Three 60 KB APP2 segments (colour profiles can be that large) before the frame header.
        var jpeg: [UInt8] = [0xFF, 0xD8]
        for _ in 0..<3 { jpeg += [0xFF, 0xE2, 0xEA, 0x62] + [UInt8](repeating: 0x20, count: 0xEA60) }
        jpeg += [0xFF, 0xC0, 0, 11, 8, 0x04, 0xB0, 0x06, 0x40, 1, 1, 0x11, 0] + [0xFF, 0xDA, 0, 2, 0xFF, 0xD9]
        let large = folder.appendingPathComponent("large.jpg")
        try Data(jpeg).write(to: large)
        let small = folder.appendingPathComponent("small.gif")
        try Data(Array("GIF89a".utf8) + [0x10, 0, 0x08, 0, 0, 0, 0]).write(to: small)
        let notes = folder.appendingPathComponent("notes.pdf")
        try Data("%PDF".utf8).write(to: notes)
        let files = ["cases/large.jpg": large, "cases/small.gif": small, "cases/notes.pdf": notes]
        let first = await MediaFacts.read(files, known: [:], parallelism: 2, displayPath: { $0.lastPathComponent })
        #expect(first.problems.isEmpty)
        #expect(
            first.facts.mapValues(\.size) == [
                "cases/large.jpg": ImageSize(width: 1600, height: 1200), "cases/small.gif": ImageSize(width: 16, height: 8),
                "cases/notes.pdf": nil,
            ])
        #expect(first.facts["cases/notes.pdf"]?.hash == SHA256Hash.hex(of: Array("%PDF".utf8)))

        // Facts known for an unchanged stamp are taken as they are, without reading the file.
        var known = first.facts
        known["cases/notes.pdf"]?.hash = "remembered"
        let again = await MediaFacts.read(files, known: known, parallelism: 2, displayPath: { $0.lastPathComponent })
        #expect(again.facts["cases/notes.pdf"]?.hash == "remembered")
        // A changed file has a new stamp, and is read again.
        try Data("%PDF-1.7".utf8).write(to: notes)
        let changed = await MediaFacts.read(files, known: known, parallelism: 2, displayPath: { $0.lastPathComponent })
        #expect(changed.facts["cases/notes.pdf"]?.hash == SHA256Hash.hex(of: Array("%PDF-1.7".utf8)))

        try FileManager.default.removeItem(at: notes)
        let missing = await MediaFacts.read(files, known: known, parallelism: 2, displayPath: { $0.lastPathComponent })
        #expect(missing.problems.map(\.message) == ["无法读取文件"])
    }
}
