import Build
import Core
import Foundation
import Testing

/// Files a write-up links to (a PDF of a notice, a spreadsheet) are published beside its
/// pictures under names that hold a hash of their bytes, and the link leads to them.
@Suite struct AttachmentTests {
    @Test func aLinkedFileIsPublishedAndTheLinkLeadsToIt() async throws {
        let fixture = try FixtureWorkspace()
        defer { fixture.remove() }
        let pdf = Data(AttachmentPrivacyTests.pdf("Notice"))
        try pdf.write(to: fixture.content.appendingPathComponent("cases/通知.pdf"))
        let caseFile = fixture.content.appendingPathComponent("cases/case-05.md")
        try (try String(contentsOf: caseFile, encoding: .utf8) + "\n详见[通知原文](通知.pdf)。\n")
            .write(to: caseFile, atomically: true, encoding: .utf8)
        let sink = MemorySink()
        let report = try await SiteBuilder(options: fixture.options).build(into: sink)
        let files = await sink.files
        let hash = String(SHA256Hash.hex(of: [UInt8](pdf)).prefix(8))
        #expect(files["media/cases/通知.\(hash).pdf"] == [UInt8](pdf))
        #expect(files.keys.filter { $0.hasPrefix("media/cases/通知") } == ["media/cases/通知.\(hash).pdf"])
        let page = try #require(files.text("cases/case-05/index.html"))
        #expect(page.contains(#"<a href="../../media/cases/%E9%80%9A%E7%9F%A5.\#(hash).pdf">通知原文</a>"#))
        #expect(!report.warnings.contains { $0.message.contains("未被使用") }, "a linked file is used")
    }

    @Test func aPictureGetsItsWidthAndHeight() async throws {
        let fixture = try FixtureWorkspace()
        defer { fixture.remove() }
        // A PNG's header: signature and IHDR, 640 × 480.
        let png: [UInt8] =
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
            + [0, 0, 0x02, 0x80, 0, 0, 0x01, 0xE0, 8, 2, 0, 0, 0, 0, 0, 0, 0]
        try Data(png).write(to: fixture.content.appendingPathComponent("cases/站点.png"))
        let caseFile = fixture.content.appendingPathComponent("cases/case-05.md")
        try (try String(contentsOf: caseFile, encoding: .utf8) + "\n![党群服务站 \"外景\"](站点.png \"东湖\")\n")
            .write(to: caseFile, atomically: true, encoding: .utf8)
        _ = try await fixture.builder.publish(to: fixture.output)
        // A quick rebuild after a body edit writes the picture the same way.
        try (try String(contentsOf: caseFile, encoding: .utf8) + "\n补充一句。\n")
            .write(to: caseFile, atomically: true, encoding: .utf8)
        let quick = try await fixture.builder.publish(to: fixture.output)
        #expect(quick.wasQuick)
        let page = try String(
            contentsOf: fixture.output.appendingPathComponent("cases/case-05/index.html"), encoding: .utf8)
        let hash = String(SHA256Hash.hex(of: png).prefix(8))
        #expect(
            page.contains(
                #"<img src="../../media/cases/%E7%AB%99%E7%82%B9.\#(hash).png" alt="党群服务站 &quot;外景&quot;" title="东湖" width="640" height="480" />"#
            ))
    }
}
