import Build
import Core
import Foundation
import Testing

/// Markdown written to break a parser: each is put into a page of the fixture portal, and the
/// build must finish with the page, or with diagnostics at that page, never crash or overflow its
/// stack (cmark's trees are walked with its iterator, never by recursion). How long each takes,
/// at one and four times these sizes, is in BENCHMARKS.md ("Hostile input", `make hostile-bench`,
/// which makes the same inputs).
@Suite struct HostileInputTests {
    enum Input: String, CaseIterable, Sendable {
        case nestedBrackets, boldQuotes, longLine, listItems, nestedQuotes, emphasisRuns

        var markdown: String {
            switch self {
            case .nestedBrackets: String(repeating: "[", count: 50_000) + "链接" + String(repeating: "](x)", count: 50_000)
            case .boldQuotes: String(repeating: "**“", count: 100_000)
            case .longLine: String(repeating: "党员经营户亮身份、亮承诺，", count: 10_000_000 / 39)
            case .listItems: (1...100_000).map { "- 第\($0)项\n" }.joined()
            case .nestedQuotes: String(repeating: ">", count: 50_000) + " 引文"
            case .emphasisRuns: String(repeating: "*a **b ", count: 50_000) + String(repeating: "_c __d ", count: 50_000)
            }
        }
    }

    @Test(arguments: Input.allCases)
    func aPathologicalPageBuildsOrIsReportedAtItsFile(_ input: Input) async throws {
        let content = try FixtureSite.copy()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let page = content.appendingPathComponent("pages/about.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        try (text + "\n" + input.markdown + "\n").write(to: page, atomically: true, encoding: .utf8)
        let sink = MemorySink()
        do {
            _ = try await SiteBuilder(options: FixtureSite.options(content: content)).build(into: sink)
        } catch {
            let errors = error.diagnostics.filter(\.isError)
            #expect(!errors.isEmpty, "\(error)")
            #expect(errors.allSatisfy { $0.description.hasPrefix("content/pages/about.md:") }, "\(errors)")
            return
        }
        let html = try #require(await sink.files.text("about/index.html"))
        #expect(html.contains("本站展示典型案例。"))
    }
}
