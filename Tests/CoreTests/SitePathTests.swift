import Core
import Testing

@Suite struct SitePathTests {
    @Test func foldersAreWrittenAsIndexFiles() {
        #expect(SitePath.folder("cases", "a").filePath == "cases/a/index.html")
        #expect(SitePath.root.filePath == "index.html")
        #expect(SitePath.file("feed.xml").filePath == "feed.xml")
    }

    @Test func hrefsAreRelativeToTheOrigin() {
        let target = SitePath.folder("tags", "六有")
        #expect(target.href(from: .folder("cases", "a")) == "../../tags/%E5%85%AD%E6%9C%89/")
        #expect(target.href(from: .root) == "tags/%E5%85%AD%E6%9C%89/")
        #expect(SitePath.root.href(from: .folder("sites")) == "../")
        #expect(SitePath.file("feed.xml").href(from: .file("404.html")) == "feed.xml")
    }

    @Test func describesItselfAsAnAbsolutePath() {
        #expect(SitePath.folder("cases", "a").description == "/cases/a/")
        #expect(SitePath.root.description == "/")
    }
}
