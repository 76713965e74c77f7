import Core
import Foundation
import Testing

@testable import Build
@testable import Writers

/// `portal build --relative` (a copy opened from disk) and `portal export` (a zip for a path of
/// another website).
@Suite struct OfflineCopyTests {
    @Test(arguments: [
        ("../../cases/x/", "../../cases/x/index.html"),
        ("./", "index.html"),
        ("../", "../index.html"),
        ("..", "../index.html"),
        ("cases/", "cases/index.html"),
        ("tags/%E5%85%AD%E6%9C%89/#top", "tags/%E5%85%AD%E6%9C%89/index.html#top"),
        ("../search/?q=%E5%85%AD", "../search/index.html?q=%E5%85%AD"),
        ("../feed.xml", "../feed.xml"),
        ("#main", "#main"),
        ("?page=2", "?page=2"),
        ("/xgz/cases/", "/xgz/cases/"),
        ("https://example.gov.cn/", "https://example.gov.cn/"),
        ("mailto:xgz@example.gov.cn", "mailto:xgz@example.gov.cn"),
    ])
    func folderLinksNameTheirIndexFile(_ link: (String, String)) {
        let page = "<a href=\"\(link.0)\">a</a><form action=\"\(link.0)\"></form>"
        let rewritten = String(decoding: FileLinks.pointingAtFiles(Array(page.utf8)), as: UTF8.self)
        #expect(rewritten == "<a href=\"\(link.1)\">a</a><form action=\"\(link.1)\"></form>")
    }

    /// Text never holds a raw `"`: templates and Markdown escape it, so only attributes match.
    @Test func leavesTextThatOnlyLooksLikeALinkAlone() {
        let text = "<p data-href=\"x/\">href=&quot;y/&quot;</p><a title=\"cases/\" href=\"z/\">"
        let rewritten = String(decoding: FileLinks.pointingAtFiles(Array(text.utf8)), as: UTF8.self)
        #expect(rewritten == "<p data-href=\"x/\">href=&quot;y/&quot;</p><a title=\"cases/\" href=\"z/index.html\">")
    }

    /// Every relative link of every page of a `--relative` build leads to a file of the build,
    /// never to a folder, which a browser opening files would show as a listing.
    @Test func everyLinkOfARelativeBuildNamesAFile() async throws {
        var options = FixtureSite.options()
        options.linksToFiles = true
        let sink = MemorySink()
        _ = try await SiteBuilder(options: options).build(into: sink)
        let files = await sink.files
        var checked = 0
        for (path, bytes) in files where path.hasSuffix(".html") && path != "404.html" {
            let folder = path.split(separator: "/").dropLast().map(String.init)
            for href in LinkGraph.hrefs(in: bytes) where !href.hasPrefix("#") && !href.contains(":") {
                let target = try #require(LinkGraph.resolve(href, in: folder), "\(href) in \(path)")
                #expect(files[target] != nil && !href.hasSuffix("/"), "\(href) in \(path) names a file of the build")
                checked += 1
            }
        }
        #expect(checked > 1000)
    }

    @Test func servedUnderAPathTheAddressesOfThePortalChange() throws {
        #expect(
            try SiteBuilder.baseURL("https://example.gov.cn/xgz/", servedUnder: "/zhuanlan/xgz/")
                == "https://example.gov.cn/zhuanlan/xgz/")
        #expect(try SiteBuilder.baseURL("https://example.gov.cn", servedUnder: "/a/") == "https://example.gov.cn/a/")
        #expect(try SiteBuilder.baseURL("https://example.gov.cn/", servedUnder: "/") == "https://example.gov.cn/")
        for wrong in ["zhuanlan/xgz/", "/zhuanlan/xgz", "/专栏/", "/a//b/", "/a b/"] {
            #expect(throws: DiagnosticsError.self, "\(wrong)") {
                try SiteBuilder.baseURL("https://example.gov.cn/", servedUnder: wrong)
            }
        }
    }

    /// The zip opens in Python's `zipfile`, which checks every entry's CRC, and holds every file
    /// of the build but the `.gz` twins, byte for byte.
    @Test func exportsTheBuiltPortalAsAZip() async throws {
        let fixture = try FixtureWorkspace()
        defer { fixture.remove() }
        var options = fixture.options
        options.basePath = "/zhuanlan/xgz/"
        _ = try await SiteBuilder(options: options).publish(to: fixture.output)
        let zip = fixture.root.appendingPathComponent("xgz.zip")
        try SitePackage.zip(fixture.output, to: zip)
        let listing = try Self.python(
            "import json, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n"
                + "print(json.dumps({n: z.read(n).hex() for n in z.namelist()}))", zip.path)
        let entries = try JSONDecoder().decode([String: String].self, from: Data(listing.utf8))
        let files = try FixtureSite.snapshot(fixture.output).filter { !$0.key.hasSuffix(".gz") }
        #expect(Set(entries.keys) == Set(files.keys))
        for (path, data) in files { #expect(entries[path] == data.map { String(format: "%02x", $0) }.joined(), "\(path)") }
        let home = try #require(files["index.html"])
        #expect(
            String(decoding: home, as: UTF8.self).contains(#"<link rel="canonical" href="https://example.gov.cn/zhuanlan/xgz/">"#)
        )
    }

    @Test func writesZip64RecordsForMoreThan65535Files() throws {
        var archive = ZipArchive(modified: Date(timeIntervalSince1970: 1_750_000_000))
        var data = Data()
        for number in 0..<70_000 { data.append(try archive.entry("files/\(number).txt", Array("第\(number)个".utf8))) }
        data.append(try archive.directory())
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("portal-zip64-\(UUID().uuidString).zip")
        defer { try? FileManager.default.removeItem(at: file) }
        try data.write(to: file)
        let output = try Self.python(
            "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n"
                + "print(len(z.namelist()), z.read('files/69999.txt').decode())", file.path)
        #expect(output == "70000 第69999个\n")
    }

    static func python(_ script: String, _ argument: String) throws -> String {
        String(decoding: try FixtureSite.run("python3", "-c", script, argument), as: UTF8.self)
    }
}
