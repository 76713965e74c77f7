import Build
import Foundation
import Testing

/// Files a write-up links to (a PDF of a notice, a spreadsheet) are published beside its
/// pictures, and the link leads to them.
@Suite struct AttachmentTests {
    @Test func aLinkedFileIsPublishedAndTheLinkLeadsToIt() async throws {
        let fixture = try FixtureWorkspace()
        defer { fixture.remove() }
        let pdf = Data("%PDF-1.4 通知原文".utf8)
        try pdf.write(to: fixture.content.appendingPathComponent("cases/通知.pdf"))
        let caseFile = fixture.content.appendingPathComponent("cases/case-05.md")
        try (try String(contentsOf: caseFile, encoding: .utf8) + "\n详见[通知原文](通知.pdf)。\n")
            .write(to: caseFile, atomically: true, encoding: .utf8)
        let sink = MemorySink()
        let report = try await SiteBuilder(options: fixture.options).build(into: sink)
        let files = await sink.files
        #expect(files["media/cases/通知.pdf"] == [UInt8](pdf))
        let page = try #require(files.text("cases/case-05/index.html"))
        #expect(page.contains(#"<a href="../../media/cases/%E9%80%9A%E7%9F%A5.pdf">通知原文</a>"#))
        #expect(!report.warnings.contains { $0.message.contains("未被使用") }, "a linked file is used")
    }
}
