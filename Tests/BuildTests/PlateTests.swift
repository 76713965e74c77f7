import Build
import Foundation
import Testing

/// The plates (公示牌) and service cards (党员服务卡): a print page for every member and site,
/// whose QR code a real reader decodes to the public page it names, and the member's own page
/// the code leads to, with public fields only.
@Suite struct PlateTests {
    @Test func everyMemberHasAPublicPageWithNothingPrivateOnIt() async throws {
        let files = try await FixtureSite.build()
        let page = try #require(files.text("members/m-001/index.html"))
        #expect(page.contains("<h1>秀英水产档</h1>"))
        #expect(page.contains("<dt>党员经营者</dt><dd>陈秀英</dd>"))
        #expect(page.contains("秤准货真，诚信经营。"))
        #expect(!page.contains("13800000001"), "the phone in members.yaml is private")
        #expect(page.contains(#"<a href="plate/">打印公示牌和党员服务卡</a>"#) || page.contains("plate/\">打印公示牌"))
        let list = try #require(files.text("members/index.html"))
        #expect(list.contains(#"<a href="../members/m-001/"><strong>陈秀英</strong> · 秀英水产档</a>"#))
        let sitemap = try #require(files.text("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.gov.cn/xgz/members/m-001/</loc>"))
        #expect(!sitemap.contains("/plate/"), "print pages are not for search engines")
    }

    @Test func aMembersPrintPageHasTheA4AndA5PlatesAndTheCard() async throws {
        let files = try await FixtureSite.build()
        let page = try #require(files.text("members/m-001/plate/index.html"))
        #expect(page.components(separatedBy: #"<section class="sheet sheet-"#).count == 4)
        for size in ["a4", "a5", "card"] { #expect(page.contains(#"<section class="sheet sheet-\#(size)""#)) }
        #expect(page.contains(#"<meta name="robots" content="noindex, nofollow">"#))
        #expect(page.contains(#"<link rel="stylesheet" href="../../../assets/plate.css">"#))
        #expect(page.contains("<p class=\"plate-heading\">共产党员经营户</p>"))
        #expect(page.contains("秤准货真，诚信经营。"))
        #expect(page.contains("测试市市场监督管理局"))
        #expect(!page.contains("13800000001"))
        #expect(files["assets/plate.css"] != nil)
        #expect(!page.contains("<script"), "nothing runs on a print page")

        let site = try #require(files.text("sites/site-01/plate/index.html"))
        #expect(site.components(separatedBy: #"<section class="sheet sheet-"#).count == 3, "a site has no service card")
        #expect(site.contains("“小个专”党建示范点"))
    }

    @Test(arguments: [
        ("members/m-001/plate/index.html", "https://example.gov.cn/xgz/members/m-001/"),
        ("sites/site-01/plate/index.html", "https://example.gov.cn/xgz/sites/site-01/"),
    ])
    func theQRCodeOfAPlateDecodesToItsPublicPage(_ page: String, _ address: String) async throws {
        let files = try await FixtureSite.build()
        let html = try #require(files.text(page))
        let svg = try #require(html.components(separatedBy: "<svg ").dropFirst().first)
        let modules = try #require(Self.modules(fromSVG: svg))
        #expect(svg.contains("<title>") && svg.contains(address))
        let picture = FileManager.default.temporaryDirectory.appendingPathComponent("plate-\(UUID().uuidString).pgm")
        defer { try? FileManager.default.removeItem(at: picture) }
        try Self.pgm(modules, scale: 5).write(to: picture)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/zbarimg")
        process.arguments = ["--raw", "-q", picture.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(output == address + "\n")
    }

    /// The dark modules an SVG's path draws (`M x y h n v1 h-n z` per run), with its quiet zone.
    static func modules(fromSVG svg: String) -> [[Bool]]? {
        guard let box = svg.components(separatedBy: "viewBox=\"0 0 ").dropFirst().first,
            let side = Int(box.prefix { $0.isNumber }),
            let path = svg.components(separatedBy: " d=\"").dropFirst().first?.prefix(while: { $0 != "\"" })
        else { return nil }
        var grid = [[Bool]](repeating: [Bool](repeating: false, count: side), count: side)
        for run in path.split(separator: "z") {
            let numbers = run.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            guard numbers.count >= 3 else { return nil }
            for x in numbers[0]..<numbers[0] + numbers[2] { grid[numbers[1]][x] = true }
        }
        return grid
    }

    static func pgm(_ grid: [[Bool]], scale: Int) -> Data {
        let side = grid.count * scale
        var pixels = [UInt8](repeating: 255, count: side * side)
        for (row, line) in grid.enumerated() {
            for (column, dark) in line.enumerated() where dark {
                for y in 0..<scale { for x in 0..<scale { pixels[(row * scale + y) * side + column * scale + x] = 0 } }
            }
        }
        return Data("P5\n\(side) \(side)\n255\n".utf8) + Data(pixels)
    }
}
