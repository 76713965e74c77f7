import Core
import Foundation
import Testing

@testable import Content

/// Proofreading against `data/terms.yaml`: each fixture adds a small list of terms to the valid
/// base site, changes one file and expects exactly these diagnostics, as `portal check` prints them.
@Suite struct ProofreadingTests {
    static let terms = """
        - wrong: 扫黑险恶
          right: 扫黑除恶
          severity: 严重
          note: 专项斗争的名称
        - wrong: “4个意识”
          right: “四个意识”
          severity: 提示

        """
    static let base = InlineSite.base
    static let a = base["cases/a.md"]!
    static let hit = "content/cases/a.md:15:9: error: 表述错误：“扫黑险恶”应为“扫黑除恶”\n  hint: 专项斗争的名称"

    static func site(_ changes: [String: String?]) throws -> InlineSite {
        try InlineSite(changes.merging(["data/terms.yaml": .some(terms)]) { change, _ in change })
    }

    static func terms(adding entry: String) -> String { terms + entry }

    @Test func reportsASevereHitInACaseBody() async throws {
        let site = try Self.site(["cases/a.md": Self.a.replacingOccurrences(of: "党员亮身份。", with: "党员亮身份，参与扫黑险恶宣传。")])
        defer { site.remove() }
        #expect(await site.diagnostics() == [Self.hit])
    }

    @Test(arguments: ["扫黑\n险恶", "扫黑 \n险恶", "扫\n  黑险恶", "扫黑险\r\n恶"])
    func reportsAHitSplitOverTwoLinesOfAParagraphAtItsStart(_ split: String) async throws {
        let site = try Self.site(["cases/a.md": Self.a.replacingOccurrences(of: "党员亮身份。", with: "党员亮身份，参与\(split)宣传。")])
        defer { site.remove() }
        #expect(await site.diagnostics() == [Self.hit])
    }

    @Test func reportsAHitSplitOverTwoLinesOfAQuote() async throws {
        let site = try Self.site(["cases/a.md": Self.a.replacingOccurrences(of: "党员亮身份。", with: "> 党员亮身份，参与扫黑\n> 险恶宣传。")])
        defer { site.remove() }
        #expect(
            await site.diagnostics() == [
                "content/cases/a.md:15:11: error: 表述错误：“扫黑险恶”应为“扫黑除恶”\n  hint: 专项斗争的名称"
            ])
    }

    @Test(arguments: [
        "扫黑\n\n险恶", "扫黑\n# 险恶", "- 扫黑\n- 险恶", "扫黑\n1. 险恶", "扫黑  \n险恶", "扫黑\\\n险恶", "扫黑\n```\n险恶\n```",
        "> 扫黑\n\n> 险恶", "`扫黑\n险恶`",
    ])
    func neverJoinsLinesOfTwoBlocksOrAcrossAHardBreak(_ text: String) async throws {
        let site = try Self.site(["cases/a.md": Self.a.replacingOccurrences(of: "党员亮身份。", with: "党员亮身份。\n\n\(text)")])
        defer { site.remove() }
        #expect(await site.diagnostics().filter { $0.contains("表述") } == [])
    }

    @Test func reportsASevereHitInATitle() async throws {
        let site = try Self.site([
            "cases/a.md": Self.a.replacingOccurrences(of: "title: 东湖市场“红色引擎”", with: "title: 东湖市场“扫黑险恶”宣传")
        ])
        defer { site.remove() }
        #expect(
            await site.diagnostics() == [
                "content/cases/a.md:2:13: error: 表述错误：“扫黑险恶”应为“扫黑除恶”\n  hint: 专项斗争的名称"
            ])
    }

    @Test func reportsASevereHitInSitesYAML() async throws {
        let sites = Self.base["data/sites.yaml"]!.replacingOccurrences(of: "name: 东湖市场党群服务中心", with: "name: 东湖市场扫黑险恶宣传站")
        let site = try Self.site(["data/sites.yaml": sites])
        defer { site.remove() }
        #expect(
            await site.diagnostics() == [
                "content/data/sites.yaml:2:13: error: 表述错误：“扫黑险恶”应为“扫黑除恶”\n  hint: 专项斗争的名称"
            ])
    }

    @Test func reportsANoticeAsAWarningThatDoesNotStopTheBuild() async throws {
        let members = Self.base["data/members.yaml"]!.replacingOccurrences(
            of: "commitment: 诚信经营", with: "commitment: 增强“4个意识”，诚信经营")
        let portal = Self.base["portal.yaml"]!.replacingOccurrences(of: "title: 测试门户", with: "title: “4个意识”测试门户")
        let site = try Self.site(["data/members.yaml": members, "portal.yaml": portal])
        defer { site.remove() }
        let loaded = try await site.load()
        #expect(
            loaded.warnings.map(\.description) == [
                "content/data/members.yaml:7:17: warning: 表述不规范：“4个意识”应为“四个意识”",
                "content/portal.yaml:1:8: warning: 表述不规范：“4个意识”应为“四个意识”",
            ])
    }

    @Test func countsLinesAndColumnsOfACRLFFileAsTheAuthorSeesThem() async throws {
        let site = try Self.site([:])
        defer { site.remove() }
        let text = Self.base["cases/b.md"]!.replacingOccurrences(of: "个体户党员亮身份", with: "个体户党员扫黑险恶")
            .replacingOccurrences(of: "\n", with: "\r\n")
        try site.write([0xEF, 0xBB, 0xBF] + Array(text.utf8), to: "cases/b.md")
        #expect(
            await site.diagnostics() == [
                "content/cases/b.md:14:6: error: 表述错误：“扫黑险恶”应为“扫黑除恶”\n  hint: 专项斗争的名称"
            ])
    }

    @Test func countsColumnsInCharactersAfterMultiByteText() async throws {
        // é takes two bytes, 🙂 four, each Chinese character three: all count one column.
        let site = try Self.site(["cases/a.md": Self.a.replacingOccurrences(of: "党员亮身份。", with: "Café 🙂 党员：扫黑险恶；扫黑险恶")])
        defer { site.remove() }
        #expect(
            await site.diagnostics() == [
                "content/cases/a.md:15:11: error: 表述错误：“扫黑险恶”应为“扫黑除恶”\n  hint: 专项斗争的名称",
                "content/cases/a.md:15:16: error: 表述错误：“扫黑险恶”应为“扫黑除恶”\n  hint: 专项斗争的名称",
            ])
    }

    @Test func passesOverCodeInMarkdownBodies() async throws {
        let body = "党员亮身份。`扫黑险恶` 与 扫黑险恶\n\n```\n扫黑险恶\n```\n\n~~~~\n```\n扫黑险恶\n~~~~\n\n\\`扫黑险恶\\`"
        let site = try Self.site(["cases/a.md": Self.a.replacingOccurrences(of: "党员亮身份。", with: body)])
        defer { site.remove() }
        #expect(
            await site.diagnostics() == [
                "content/cases/a.md:15:16: error: 表述错误：“扫黑险恶”应为“扫黑除恶”\n  hint: 专项斗争的名称",
                "content/cases/a.md:26:3: error: 表述错误：“扫黑险恶”应为“扫黑除恶”\n  hint: 专项斗争的名称",
            ])
    }

    @Test func proofreadsNothingWithoutTermsYAML() async throws {
        let site = try InlineSite(["cases/a.md": Self.a.replacingOccurrences(of: "党员亮身份。", with: "扫黑险恶")])
        defer { site.remove() }
        #expect(await site.diagnostics() == [])
    }

    @Test func acceptsAnEmptyTermsYAML() async throws {
        let site = try InlineSite([
            "data/terms.yaml": "# 暂无\n", "cases/a.md": Self.a.replacingOccurrences(of: "党员亮身份。", with: "扫黑险恶"),
        ])
        defer { site.remove() }
        #expect(await site.diagnostics() == [])
    }

    static let termsErrors: [(name: String, entry: String, expected: [String])] = [
        (
            "missingKey", "- wrong: 看起意识\n  right: 看齐意识\n",
            ["content/data/terms.yaml:8:3: error: 表述条目缺少必填项 'severity'\n  hint: 加一行 'severity: …'"]
        ),
        (
            "unknownKey", "- wrng: 看起意识\n  right: 看齐意识\n  severity: 严重\n",
            [
                "content/data/terms.yaml:8:3: error: 表述条目中有未知的键 'wrng'\n  hint: 是不是 'wrong'？",
                "content/data/terms.yaml:8:3: error: 表述条目缺少必填项 'wrong'\n  hint: 加一行 'wrong: …'",
            ]
        ),
        (
            "unknownSeverity", "- wrong: 看起意识\n  right: 看齐意识\n  severity: severe\n",
            ["content/data/terms.yaml:10:13: error: 未知的严重程度 'severe'\n  hint: severity 写 严重（构建失败）或 提示（只提醒）"]
        ),
        (
            "duplicateWrongForm", "- wrong: 扫黑险恶\n  right: 扫黑除恶\n  severity: 提示\n",
            ["content/data/terms.yaml:8:10: error: 错误表述“扫黑险恶”重复出现\n  hint: 第 1 行已有这一条，删去其中一条"]
        ),
        (
            "wrongFormEqualToRightForm", "- wrong: 扫黑除恶\n  right: 扫黑除恶\n  severity: 严重\n",
            ["content/data/terms.yaml:8:10: error: 错误表述与正确表述相同：“扫黑除恶”\n  hint: 检查 wrong 和 right 是否写错"]
        ),
        (
            "wrongFormInsideARightForm", "- wrong: 两个维\n  right: 两个维护\n  severity: 严重\n",
            [
                "content/data/terms.yaml:8:10: error: 错误表述“两个维”是正确表述“两个维护”的一部分\n  hint: 这样正确的写法也会被报告为错误；把错误表述写完整，只留下不会出现在正确文字里的写法"
            ]
        ),
    ]

    @Test(arguments: termsErrors.indices)
    func reportsMistakesInTermsYAML(_ index: Int) async throws {
        let fixture = Self.termsErrors[index]
        let site = try Self.site(["data/terms.yaml": Self.terms(adding: fixture.entry)])
        defer { site.remove() }
        #expect(await site.diagnostics() == fixture.expected, "\(fixture.name)")
    }

    @Test func reportsATermsYAMLThatIsNotAList() async throws {
        let site = try Self.site(["data/terms.yaml": "wrong: 扫黑险恶\nright: 扫黑除恶\n"])
        defer { site.remove() }
        #expect(
            await site.diagnostics() == ["content/data/terms.yaml:1:1: error: terms.yaml 应为列表\n  hint: 每一条以 - wrong: … 开头"])
    }

    @Test func neverProofreadsTermsYAMLItself() async throws {
        let site = try Self.site([:])
        defer { site.remove() }
        #expect(try await site.load().warnings.isEmpty)
    }

    @Test func reportsHitsInTheSameOrderWhateverTheNumberOfThreads() async {
        let proofreader = Proofreader(terms: [
            Term(wrong: "扫黑险恶", right: "扫黑除恶", severity: .severe, location: SourceLocation(path: "terms.yaml")),
            Term(wrong: "看起意识", right: "看齐意识", severity: .notice, location: SourceLocation(path: "terms.yaml")),
        ])
        let files = (0..<23).map { number in
            SourceFile(path: "f\(number).yaml", text: String(repeating: "党员：扫黑险恶、看起意识。\n", count: number % 4))
        }
        let one = await proofreader.diagnostics(for: files, parallelism: 1)
        let many = await proofreader.diagnostics(for: files, parallelism: 7)
        #expect(one.count == 66)
        #expect(one == many)
    }

    @Test func nestsQuotationsInMessagesAsChineseDoes() {
        #expect(Term.quoted("扫黑险恶") == "“扫黑险恶”")
        #expect(Term.quoted("“4个意识”") == "“4个意识”")
        #expect(Term.quoted("“五位一体”战略布局") == "“‘五位一体’战略布局”")
        let proofreader = Proofreader(terms: [
            Term(
                wrong: "协调推进“五位一体”", right: "统筹推进“五位一体”", severity: .severe,
                location: SourceLocation(path: "terms.yaml"))
        ])
        let hits = proofreader.diagnostics(for: SourceFile(path: "portal.yaml", text: "description: 协调推进“五位一体”\n"))
        #expect(hits.map(\.description) == ["portal.yaml:1:14: error: 表述错误：“协调推进‘五位一体’”应为“统筹推进‘五位一体’”"])
    }

    // MARK: The matcher

    @Test func matchesTheLongestFormAndGoesOnAfterIt() {
        let matcher = TermsMatcher(["党的18大", "18大以来", "党的", "党"])
        let text = "自党的18大以来，党"
        let found = matcher.matches(in: text).map { match in
            String(decoding: Array(text.utf8)[match.start..<match.end], as: UTF8.self)
        }
        #expect(found == ["党的18大", "党"])
        #expect(matcher.allMatches(in: "党的18大以来").map(\.pattern).sorted() == [0, 1, 2, 3])
    }

    @Test func findsNothingWithoutPatterns() {
        #expect(TermsMatcher([]).matches(in: "扫黑险恶").isEmpty)
        #expect(TermsMatcher([""]).matches(in: "扫黑险恶").isEmpty)
    }

    // MARK: The starter list

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let content = packageRoot.appendingPathComponent("content")

    static func starterList() throws -> (terms: [Term], diagnostics: [Diagnostic]) {
        let file = try SourceFile.read(content.appendingPathComponent("data/terms.yaml"), displayPath: "content/data/terms.yaml")
            .get()
        let root = try YAMLReader.parse(file.text, path: file.path).get()
        var diagnostics = Diagnostics()
        let terms = TermsDecoder.decode(root, file: file, diagnostics: &diagnostics)
        return (terms, diagnostics.all)
    }

    @Test func shipsAStarterListWithoutMistakes() throws {
        let (terms, diagnostics) = try Self.starterList()
        #expect(diagnostics.map(\.description) == [])
        #expect(terms.count >= 60)
        #expect(Set(terms.map(\.severity)) == [.severe, .notice])
    }

    @Test func findsEveryWrongFormOfTheStarterList() throws {
        let terms = try Self.starterList().terms
        let text = terms.map { "文中\($0.wrong)。" }.joined(separator: "\n")
        let hits = Proofreader(terms: terms).diagnostics(for: SourceFile(path: "x.yaml", text: text))
        #expect(hits.map(\.location.line) == Array(1...terms.count))
        #expect(hits.map(\.location.column) == Array(repeating: 3, count: terms.count))
        #expect(hits.filter(\.isError).count == terms.filter { $0.severity == .severe }.count)
    }

    @Test func findsNoWrongFormInTheRightFormsOrInTheExamplePortal() async throws {
        let terms = try Self.starterList().terms
        let matcher = TermsMatcher(terms.map(\.wrong))
        for term in terms {
            #expect(matcher.allMatches(in: term.right).isEmpty, "\(term.right)")
        }
        var files: [SourceFile] = []
        let enumerator = try #require(FileManager.default.enumerator(atPath: Self.content.path))
        for case let path as String in enumerator
        where (path.hasSuffix(".md") || path.hasSuffix(".yaml")) && path != "data/terms.yaml" {
            files.append(try SourceFile.read(Self.content.appendingPathComponent(path), displayPath: path).get())
        }
        #expect(files.count > 20)
        let hits = await Proofreader(terms: terms).diagnostics(for: files, parallelism: 2)
        #expect(hits.map(\.description) == [])
    }
}

/// The time to proofread a whole content folder with the starter list, run only when
/// `PROOFREADING_CORPUS` names one, e.g. `PROOFREADING_CORPUS=/tmp/c10k/content`.
private let corpusFolder = ProcessInfo.processInfo.environment["PROOFREADING_CORPUS"]

@Suite(.enabled(if: corpusFolder != nil, "set PROOFREADING_CORPUS to a content folder"))
struct ProofreadingMeasurementTests {
    @Test func measuresTheScanOfACorpus() async throws {
        let folder = URL(fileURLWithPath: try #require(corpusFolder))
        let terms = try ProofreadingTests.starterList().terms
        var files: [SourceFile] = []
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        for case let path as String in enumerator
        where (path.hasSuffix(".md") || path.hasSuffix(".yaml")) && path != "data/terms.yaml" {
            files.append(try SourceFile.read(folder.appendingPathComponent(path), displayPath: path).get())
        }
        let bytes = files.reduce(0) { $0 + $1.text.utf8.count }
        let proofreader = Proofreader(terms: terms)
        let clock = ContinuousClock()
        // The best of five runs on one thread and on all, so that other work on the machine
        // counts as little as possible.
        for parallelism in [1, ProcessInfo.processInfo.activeProcessorCount * 4] {
            var hits: [Diagnostic] = []
            var best = Duration.seconds(1_000)
            for _ in 0..<5 {
                best = min(
                    best, await clock.measure { hits = await proofreader.diagnostics(for: files, parallelism: parallelism) })
            }
            print(
                "proofreading: \(files.count) files, \(bytes / 1_000_000) MB, \(terms.count) terms, parallelism \(parallelism): \(best), \(hits.count) hits"
            )
            for hit in hits.prefix(20) { print(hit) }
        }
    }
}
