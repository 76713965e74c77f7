import Content
import Core
import Foundation
import Model
import Mustache
import Privacy
import Views

/// `portal booklet`: the 典型案例汇编 printed for a 现场会 or 经验交流会. The chosen published
/// cases are built as the site builds them (every check of a build, photos resized for the
/// print), then typeset by headless Chromium into one PDF: a cover, the contents with page
/// numbers, each case from a new page with its district, date and pictures, the page number in
/// the footer. Chromium cannot number the contents itself (no `target-counter`), so the booklet
/// is typeset twice: once to find the page each case starts on, and once with those numbers in.
public struct CaseBooklet: Sendable {
    public struct Request: Sendable {
        public var options: SiteBuilder.Options
        public var tag: String?
        /// A district's name (东湖区) or its slug (donghu).
        public var district: String?
        public var year: Int?
        public var title: String
        public var a5 = false
        public var output: URL
        public var outputDisplay: String

        public init(options: SiteBuilder.Options, title: String, output: URL, outputDisplay: String) {
            self.options = options
            self.title = title
            self.output = output
            self.outputDisplay = outputDisplay
        }
    }

    public struct Outcome: Sendable {
        public var cases: [String]
        /// The page each case starts on, and how many pages the booklet has.
        public var startPages: [Int]
        public var pageCount: Int
        public var warnings: [Diagnostic]
    }

    public static func make(_ request: Request) async throws(DiagnosticsError) -> Outcome {
        let place = SourceLocation(path: request.outputDisplay)
        let options = request.options
        let library = try TemplateLibrary(
            directory: options.templates, displayRoot: options.templatesDisplay, knownVariables: ViewVocabulary.names)
        var loader = ContentLoader(directory: options.content, displayRoot: options.contentDisplay)
        loader.today = options.today
        let loaded = try await loader.load()
        let portal = loaded.portal
        let (cases, subtitle) = try choose(from: portal, request, at: place)

        // The site, built into a folder of its own: its checks, and the pictures the bodies
        // show, resized (or taken from the cache of the last build of site/).
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-booklet-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticsError([.error(at: place, "无法准备排版用的临时文件：\(error.localizedDescription)")])
        }
        let report = try await SiteBuilder(options: options).build(
            into: DiskSink(root: folder), photosOf: URL(fileURLWithPath: "site"))

        let views = PageViews(index: PortalIndex(portal), today: options.today)
        let scanner = PrivacyScanner(allowedEmails: portal.config.allowedEmails)
        var pages: [Int]?
        var text: [String] = []
        // Numbers of the same width as the blanks leave the pages as they were; a third pass
        // is for the rare contents that grew a line.
        for _ in 0..<3 {
            let context = views.booklet(
                cases, title: request.title, subtitle: subtitle, a5: request.a5, pages: pages, printedOn: options.today)
            let html = library.render(context, with: "booklet")
            text = try PDFTypesetter.typeset(
                html, at: PageViews.bookletPath, in: folder, to: request.output, displayPath: request.outputDisplay,
                scanner: scanner)
            let found = startPages(of: cases, in: text)
            guard found.count == cases.count else {
                throw DiagnosticsError([
                    .error(at: place, "排版后找不到每篇案例的起始页", hint: "检查 templates/booklet.mustache：每篇案例应以标题开始新的一页")
                ])
            }
            if found == pages { break }
            pages = found
        }
        return Outcome(
            cases: cases.map(\.slug), startPages: pages ?? [], pageCount: text.count, warnings: loaded.warnings + report.warnings)
    }

    /// The published cases the options choose, by district in the order of `portal.yaml` and
    /// then by date, oldest first; and the line under the title that says what was chosen.
    static func choose(from portal: Portal, _ request: Request, at place: SourceLocation) throws(DiagnosticsError)
        -> ([CaseStudy], String)
    {
        var problems: [Diagnostic] = []
        var cases = portal.cases
        var said: [String] = []
        if let tag = request.tag {
            let tags = Array(Set(portal.cases.flatMap(\.tags))).sorted()
            if tags.contains(tag) {
                cases = cases.filter { $0.tags.contains(tag) }
                said.append("“\(tag)”")
            } else {
                problems.append(
                    .error(
                        at: place, "没有已发布的案例带标签 '\(tag)'",
                        hint: Suggestion.didYouMean(tag, in: tags) ?? "已有的标签：\(tags.prefix(20).joined(separator: "、"))"))
            }
        }
        if let name = request.district {
            let districts = portal.config.districts
            if let district = districts.first(where: { $0.name == name || $0.slug == name }) {
                cases = cases.filter { $0.district == district }
                said.append(district.name)
            } else {
                let names = districts.map(\.name)
                problems.append(
                    .error(
                        at: place, "未知的区 '\(name)'",
                        hint: Suggestion.didYouMean(name, in: names) ?? "写 portal.yaml 中的一个区：\(names.joined(separator: "、"))"))
            }
        }
        if let year = request.year {
            cases = cases.filter { $0.date.year == year }
            said.append("\(year)年")
        }
        guard problems.isEmpty else { throw DiagnosticsError(problems) }
        guard !cases.isEmpty else {
            throw DiagnosticsError([
                .error(at: place, "没有符合条件（\(said.joined(separator: " · "))）的已发布案例", hint: "放宽条件，或先发布案例")
            ])
        }
        let order = Dictionary(uniqueKeysWithValues: portal.config.districts.enumerated().map { ($1.slug, $0) })
        cases.sort {
            let (left, right) = (order[$0.district.slug] ?? .max, order[$1.district.slug] ?? .max)
            if left != right { return left < right }
            if $0.date != $1.date { return $0.date < $1.date }
            return $0.slug < $1.slug
        }
        return (cases, said.joined(separator: " · "))
    }

    /// The page (from 1) each case starts on: the first page after the previous case's whose
    /// text begins with its title.
    static func startPages(of cases: [CaseStudy], in pages: [String]) -> [Int] {
        let squeezed = pages.map { $0.filter { !$0.isWhitespace } }
        var found: [Int] = []
        var next = 2
        for caseStudy in cases {
            let title = caseStudy.title.filter { !$0.isWhitespace }
            guard let index = squeezed.indices.first(where: { $0 >= next && squeezed[$0].hasPrefix(title) }) else { break }
            found.append(index + 1)
            next = index + 1
        }
        return found
    }
}
