import Build
import Core
import Foundation
import Testing

/// Phone photos are published in web widths, upright and without any metadata, under names
/// that change with their bytes; a second build takes them from the cache. The fixture portal
/// has a photo of its own, in case 7, resized to two widths: the counts include it.
@Suite struct PhotoTests {
    static let photos = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/photos")
    /// A 2000 × 1500 JPEG, and a 600 × 400 one, as vips wrote them (no metadata).
    static let street = try! [UInt8](Data(contentsOf: photos.appendingPathComponent("street-2000x1500.jpg")))
    static let sign = try! [UInt8](Data(contentsOf: photos.appendingPathComponent("sign-600x400.jpg")))

    /// `jpeg` as a phone writes it: an EXIF segment after the start, with an orientation and a
    /// GPS position.
    static func taken(_ jpeg: [UInt8], orientation: UInt8) -> [UInt8] {
        let exif = PhotoMetadataTests.exif(orientation: orientation)
        return Array(jpeg[0..<2]) + PhotoMetadataTests.segment(0xE1, exif) + Array(jpeg[2...])
    }

    /// The fixture portal with `pictures` in `cases/case-05/` and each shown on its page.
    static func workspace(_ pictures: [(name: String, bytes: [UInt8])]) throws -> FixtureWorkspace {
        let fixture = try FixtureWorkspace()
        try addPictures(pictures, to: fixture.content)
        return fixture
    }

    static func addPictures(_ pictures: [(name: String, bytes: [UInt8])], to content: URL) throws {
        let folder = content.appendingPathComponent("cases/case-05")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let caseFile = content.appendingPathComponent("cases/case-05.md")
        var text = try String(contentsOf: caseFile, encoding: .utf8)
        for picture in pictures {
            try Data(picture.bytes).write(to: folder.appendingPathComponent(picture.name))
            text += "\n![市场外景](case-05/\(picture.name))\n"
        }
        try text.write(to: caseFile, atomically: true, encoding: .utf8)
    }

    /// The published files of the pictures in `cases/case-05/`, by name.
    static func published(_ files: [String: [UInt8]]) -> [String: [UInt8]] {
        var found: [String: [UInt8]] = [:]
        for (path, bytes) in files where path.hasPrefix("media/cases/case-05/") {
            found[String(path.dropFirst("media/cases/case-05/".count))] = bytes
        }
        return found
    }

    static func name(_ names: some Sequence<String>, _ prefix: String) throws -> String {
        try #require(names.first { $0.hasPrefix(prefix + ".") && $0.hasSuffix(".jpg") })
    }

    @Test func aPhonePhotoIsPublishedInTwoWebWidthsWithoutItsMetadata() async throws {
        let fixture = try Self.workspace([
            ("street.jpg", Self.taken(Self.street, orientation: 1)),
            // Taken with the phone on its side: shown 1500 wide, so in the first width only.
            ("turned.jpg", Self.taken(Self.street, orientation: 6)),
        ])
        defer { fixture.remove() }
        let sink = MemorySink()
        let report = try await fixture.builder.build(into: sink)
        let files = await sink.files
        let media = Self.published(files)
        #expect(media.count == 3, "800 and 1600 of the street, 800 of the turned photo: \(media.keys.sorted())")
        let small = try Self.name(media.keys, "street-800")
        let large = try Self.name(media.keys, "street-1600")
        let turned = try Self.name(media.keys, "turned-800")
        for name in [small, large, turned] {
            #expect(name.wholeMatch(of: /[a-z]+-[0-9]+\.[0-9a-f]{8}\.jpg/) != nil, "\(name) holds a hash")
        }
        #expect(ImageSize(of: media[small]!) == ImageSize(width: 800, height: 600))
        #expect(ImageSize(of: media[large]!) == ImageSize(width: 1600, height: 1200))
        // Turned upright in its pixels: taller than wide, with no orientation left to apply.
        #expect(ImageSize(of: media[turned]!) == ImageSize(width: 800, height: 1067))
        for (name, bytes) in media {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("Exif") && !text.contains("GPS"), "\(name) has no EXIF")
            #expect(!bytes.starts(with: [0xFF, 0xD8, 0xFF, 0xE1]), "\(name) has no APP1 segment")
        }
        #expect(report.media.resized == 2 + 3)
        #expect(report.media.fromCache == 0)

        let page = try #require(files.text("cases/case-05/index.html"))
        let folder = "../../media/cases/case-05/"
        #expect(
            page.contains(
                "<img src=\"\(folder)\(small)\" srcset=\"\(folder)\(small) 800w, \(folder)\(large) 1600w\""
                    + " sizes=\"(max-width: 42em) 100vw, 42em\" alt=\"市场外景\" width=\"800\" height=\"600\" />"))
        #expect(page.contains("<img src=\"\(folder)\(turned)\" alt=\"市场外景\" width=\"800\" height=\"1067\" />"))
    }

    @Test func aPhotoNarrowerThanTheFirstWidthIsNotEnlarged() async throws {
        let fixture = try Self.workspace([("sign.jpg", Self.taken(Self.sign, orientation: 1))])
        defer { fixture.remove() }
        let sink = MemorySink()
        let report = try await fixture.builder.build(into: sink)
        let files = await sink.files
        let media = Self.published(files)
        let name = try #require(media.keys.first)
        #expect(media.count == 1)
        #expect(name == "sign.\(String(SHA256Hash.hex(of: Self.taken(Self.sign, orientation: 1)).prefix(8))).jpg")
        #expect(media[name] == Self.sign, "published at its size, its metadata cut out and its pixels untouched")
        #expect(report.media.resized == 2, "case 7's photo only")
        let page = try #require(files.text("cases/case-05/index.html"))
        #expect(page.contains("<img src=\"../../media/cases/case-05/\(name)\" alt=\"市场外景\" width=\"600\" height=\"400\" />"))
    }

    @Test func namesChangeWithTheBytesAndNotOtherwise() async throws {
        let fixture = try Self.workspace([("street.jpg", Self.street), ("sign.jpg", Self.sign)])
        defer { fixture.remove() }
        func names() async throws -> Set<String> {
            let sink = MemorySink()
            _ = try await fixture.builder.build(into: sink)
            return Set(Self.published(await sink.files).keys)
        }
        let first = try await names()
        #expect(try await names() == first, "the same bytes, the same names")
        // Another photo in place of the street: new names for it, the same for the sign.
        try Data(Self.taken(Self.street, orientation: 1)).write(
            to: fixture.content.appendingPathComponent("cases/case-05/street.jpg"))
        let second = try await names()
        #expect(second.count == first.count)
        #expect(second.intersection(first) == first.filter { $0.hasPrefix("sign.") })
    }

    @Test func theOutputIsTheSameForAnyNumberOfThreads() async throws {
        let fixture = try Self.workspace([("street.jpg", Self.street), ("turned.jpg", Self.taken(Self.street, orientation: 6))])
        defer { fixture.remove() }
        var outputs: [[String: [UInt8]]] = []
        for parallelism in [1, 8] {
            var options = fixture.options
            options.parallelism = parallelism
            let sink = MemorySink()
            _ = try await SiteBuilder(options: options).build(into: sink)
            outputs.append(Self.published(await sink.files))
        }
        #expect(outputs[0] == outputs[1])
    }

    @Test func aSecondBuildTakesResizedPhotosFromTheCache() async throws {
        // Not the bytes of case 7's photo, which would share its entries in the cache.
        let fixture = try Self.workspace([("street.jpg", Self.taken(Self.street, orientation: 1))])
        defer { fixture.remove() }
        let first = try await fixture.builder.publish(to: fixture.output)
        #expect(first.media.resized == 2 + 2)
        let before = try FixtureSite.snapshot(fixture.output)

        // A full build of the same content, into a new output: no photo is decoded again.
        try FileManager.default.removeItem(at: fixture.output)
        let second = try await fixture.builder.publish(to: fixture.output)
        #expect(!second.wasQuick)
        #expect(second.media.resized == 0)
        #expect(second.media.fromCache == 2 + 2)
        #expect(try FixtureSite.snapshot(fixture.output) == before)

        // A changed photo is resized again, and its old entries leave the cache.
        try Data(Self.taken(Self.street, orientation: 6)).write(
            to: fixture.content.appendingPathComponent("cases/case-05/street.jpg"))
        let third = try await fixture.builder.publish(to: fixture.output)
        #expect(third.media.resized == 1)
        let cache = fixture.root.appendingPathComponent(".portal-cache/site.photos")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).count == 2 + 1)
    }

    @Test func aCheckReadsThePhotosTheOutputsBuildResizedAndLeavesTheCacheAlone() async throws {
        let fixture = try Self.workspace([("street.jpg", Self.taken(Self.street, orientation: 1))])
        defer { fixture.remove() }
        _ = try await fixture.builder.publish(to: fixture.output)
        let cache = fixture.root.appendingPathComponent(".portal-cache/site.photos")
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache.path).sorted()

        let check = try await fixture.builder.build(into: DiscardingSink(), photosOf: fixture.output)
        #expect(check.media.resized == 0)
        #expect(check.media.fromCache == 2 + 2)

        // A changed photo is decoded by the check, and the cache keeps what the build put there.
        try Data(Self.taken(Self.street, orientation: 6)).write(
            to: fixture.content.appendingPathComponent("cases/case-05/street.jpg"))
        let changed = try await fixture.builder.build(into: DiscardingSink(), photosOf: fixture.output)
        #expect(changed.media.resized == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).sorted() == entries)
    }

    @Test func aPhotoThatCannotBeDecodedIsAnErrorAtTheFile() async throws {
        // The header says 2000 × 1500, but the file stops a third of the way into the picture.
        let fixture = try Self.workspace([("broken.jpg", Array(Self.street.prefix(Self.street.count / 3)))])
        defer { fixture.remove() }
        let before = FileManager.default.fileExists(atPath: fixture.output.path)
        let error = await #expect(throws: DiagnosticsError.self) {
            try await fixture.builder.publish(to: fixture.output)
        }
        let problems = try #require(error).diagnostics
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.isError)
        #expect(problem.location.path == "content/cases/case-05/broken.jpg")
        #expect(problem.message.hasPrefix("无法解码图片（用在 content/cases/case-05.md）："))
        #expect(problem.hint == "文件可能已损坏或只传了一部分；用看图软件打开它，另存为 JPEG 后替换")
        #expect(FileManager.default.fileExists(atPath: fixture.output.path) == before, "nothing published")
    }

    @Test func anUpdatedOutputEqualsACleanBuildAfterPhotoEdits() async throws {
        let workspace = try IncrementalBuildTests.Workspace()
        defer { workspace.fixture.remove() }
        try Self.addPictures([("street.jpg", Self.taken(Self.street, orientation: 1))], to: workspace.content)
        _ = try await workspace.updateAndCompare(after: "a first build with a photo")

        try workspace.edit("content/cases/case-05.md") { $0 + "\n照片下方新增的一段。\n" }
        let body = try await workspace.updateAndCompare(after: "a body edit of the page with the photo")
        #expect(body.wasQuick)
        #expect(body.media == .init(), "a quick build makes no picture")

        try Data(Self.taken(Self.street, orientation: 6)).write(
            to: workspace.content.appendingPathComponent("cases/case-05/street.jpg"))
        let photo = try await workspace.updateAndCompare(after: "the photo replaced")
        #expect(!photo.wasQuick, "new names on the page: a full build")
        #expect(photo.media.resized == 1)
        #expect(photo.removedFiles == 2, "the two widths of the old photo")
    }
}

extension PhotoTests {
    /// The CRC-32 that PNG chunks and zip entries carry.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// A PNG of `width` × `height` pixels (a gradient), written here with stored deflate
    /// blocks, and `chunks` before its image data.
    static func png(width: Int, height: Int, chunks: [(type: String, data: [UInt8])] = []) -> [UInt8] {
        func bigEndian(_ value: UInt32) -> [UInt8] {
            [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
        }
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            bigEndian(UInt32(data.count)) + Array(type.utf8) + data + bigEndian(Self.crc32(Array(type.utf8) + data))
        }
        var raw: [UInt8] = []
        for y in 0..<height {
            raw.append(0)  // no filter
            for x in 0..<width { raw += [UInt8(x * 255 / width), UInt8(y * 255 / height), 90] }
        }
        var zlib: [UInt8] = [0x78, 0x01]
        var (a, b): (UInt32, UInt32) = (1, 0)
        for byte in raw {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        for start in stride(from: 0, to: raw.count, by: 65535) {
            let block = raw[start..<min(start + 65535, raw.count)]
            let length = UInt16(block.count)
            zlib += [start + 65535 >= raw.count ? 1 : 0, UInt8(length & 0xFF), UInt8(length >> 8)]
            zlib += [UInt8(~length & 0xFF), UInt8(~length >> 8)] + block
        }
        zlib += bigEndian(b << 16 | a)
        let header = bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 2, 0, 0, 0]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header)
            + chunks.flatMap { chunk($0.type, $0.data) } + chunk("IDAT", zlib) + chunk("IEND", [])
    }

    @Test func aWidePNGIsResizedAndLosesItsTextChunks() async throws {
        let picture = Self.png(width: 1000, height: 100, chunks: [("tEXt", Array("Comment\0GPS 30.59N 114.31E".utf8))])
        let fixture = try Self.workspace([("banner.png", picture)])
        defer { fixture.remove() }
        let sink = MemorySink()
        _ = try await fixture.builder.build(into: sink)
        let files = await sink.files
        let media = Self.published(files)
        let name = try #require(media.keys.first { $0.hasPrefix("banner-800.") && $0.hasSuffix(".png") })
        #expect(media.count == 1, "800 wide only: the picture is not wider than 1600")
        let bytes = try #require(media[name])
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(ImageSize(of: bytes) == ImageSize(width: 800, height: 80))
        #expect(!String(decoding: bytes, as: UTF8.self).contains("GPS"))
        let page = try #require(files.text("cases/case-05/index.html"))
        #expect(page.contains("<img src=\"../../media/cases/case-05/\(name)\" alt=\"市场外景\" width=\"800\" height=\"80\" />"))
    }
}
