import Content
import Core
import Foundation
import Model
import Mustache
import Privacy
import Views

/// `portal plates`: every plate of a district in one size, typeset into one PDF from the same
/// template and views as the print pages of the site, from the published content only.
public struct PrintedPlates: Sendable {
    public struct Request: Sendable {
        public var content: URL
        public var templates: URL
        public var contentDisplay: String
        public var templatesDisplay: String
        /// A district's name (东湖区) or its slug (donghu).
        public var district: String
        public var size: PageViews.PlateSize = .a4
        public var kinds: Set<PageViews.PlateKind> = Set(PageViews.PlateKind.allCases)
        public var output: URL
        public var outputDisplay: String
        public var today: Day

        public init(
            content: URL, templates: URL, contentDisplay: String, templatesDisplay: String, district: String, output: URL,
            outputDisplay: String, today: Day
        ) {
            self.content = content
            self.templates = templates
            self.contentDisplay = contentDisplay
            self.templatesDisplay = templatesDisplay
            self.district = district
            self.output = output
            self.outputDisplay = outputDisplay
            self.today = today
        }
    }

    /// What was printed: the plates (one a page) and the warnings of the content.
    public struct Outcome: Sendable {
        public var district: String
        public var plates: Int
        public var warnings: [Diagnostic]
    }

    /// Where the document is placed for its links: as if published at `/plates/`.
    static let path = SitePath.folder("plates")

    public static func print(_ request: Request) async throws(DiagnosticsError) -> Outcome {
        let library = try TemplateLibrary(
            directory: request.templates, displayRoot: request.templatesDisplay, knownVariables: ViewVocabulary.names)
        var loader = ContentLoader(directory: request.content, displayRoot: request.contentDisplay)
        loader.today = request.today
        let loaded = try await loader.load()
        let config = loaded.portal.config
        guard
            let district = config.districts.first(where: { $0.name == request.district || $0.slug == request.district })
        else {
            let names = config.districts.map(\.name)
            throw DiagnosticsError([
                .error(
                    at: SourceLocation(path: request.outputDisplay), "未知的区 '\(request.district)'",
                    hint: Suggestion.didYouMean(request.district, in: names)
                        ?? "写 portal.yaml 中的一个区：\(names.joined(separator: "、"))")
            ])
        }
        let views = PageViews(index: PortalIndex(loaded.portal), today: request.today)
        let context = views.districtPlates(district, size: request.size, kinds: request.kinds, at: path)
        let count = context["sheetCount"] as? Int ?? 0
        guard count > 0 else {
            throw DiagnosticsError([
                .error(
                    at: SourceLocation(path: request.outputDisplay), "\(district.name)没有可以印公示牌的\(describe(request))",
                    hint: "在 data/members.yaml 或 data/sites.yaml 中登记后再打印")
            ])
        }
        let html = library.render(context, with: "plate")
        let typesetter = PDFTypesetter(
            assets: request.templates.appendingPathComponent("assets"),
            scanner: PrivacyScanner(allowedEmails: config.allowedEmails))
        let pages = try typesetter.typeset(html, at: path, to: request.output, displayPath: request.outputDisplay)
        guard pages.count == count else {
            throw DiagnosticsError([
                .error(
                    at: SourceLocation(path: request.outputDisplay),
                    "排出的 PDF 有 \(pages.count) 页，应为 \(count) 页（每块公示牌一页）",
                    hint: "公示牌的内容太多，一页放不下：缩短承诺，或检查 templates/assets/plate.css")
            ])
        }
        return Outcome(district: district.name, plates: count, warnings: loaded.warnings)
    }

    private static func describe(_ request: Request) -> String {
        switch request.kinds {
        case [.members]: return "党员经营户"
        case [.sites]: return "示范点和联系点"
        default: return request.size == .card ? "党员经营户" : "党员经营户和站点"
        }
    }
}
