import Core
import Foundation
import Model
import Mustache
import ReferenceMustache
import Testing

@testable import Views

/// This engine against swift-mustache 2.1.1, the one it replaced: every page template of
/// `templates/` with the pages of three small portals and variations of their values, then
/// generated templates, must render to the same bytes.
@Suite struct DifferentialTests {
    static let templatesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates")

    /// The reference library over the same files `TemplateLibrary` loads.
    static func referenceLibrary() throws -> MustacheLibrary {
        var templates: [String: MustacheTemplate] = [:]
        let files = FileManager.default.enumerator(atPath: templatesFolder.path)?.compactMap { $0 as? String } ?? []
        for path in files where path.hasSuffix(".mustache") {
            let text = try String(contentsOf: templatesFolder.appendingPathComponent(path), encoding: .utf8)
            templates[String(path.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
        }
        return MustacheLibrary(templates: templates)
    }

    // MARK: Page values

    /// The sample portal with every optional value, a busy one (three pages of cases, markup
    /// and line breaks in text, an empty publisher, cases without tags, sites or a table of
    /// contents), and an empty one.
    static func portals() -> [Portal] {
        let sample = ViewVocabulary.samplePortal
        var busy = sample
        busy.config.publisher = ""
        busy.config.description = "“<门户>” & '介绍'"
        let template = sample.cases[0]
        let shortBody = RenderedBody(
            html: "<p>一段</p>\n<pre>  缩进\n</pre>", tableOfContents: [TableOfContentsEntry(level: 2, title: "唯一", anchor: "唯一")],
            firstParagraph: "一段", readableCharacters: 2)
        busy.cases = (1...45).map { number in
            CaseStudy(
                slug: "case-\(number)", title: "案例 <\(number)> & \"引号\" 'x'",
                date: Day(year: 2024, month: 1 + number % 12, day: 1 + number % 28)!, district: template.district,
                category: template.category, tags: number % 3 == 0 ? [] : ["六有", "标签<\(number % 4)>"],
                siteIDs: number % 2 == 0 ? [] : ["site-1"], author: "作者", summary: number % 5 == 0 ? "" : "摘要 \(number)\n第二行",
                body: number % 2 == 0 ? template.body : shortBody, source: template.source, publication: template.publication)
        }
        busy.members = []
        let empty = Portal(
            config: PortalConfig(title: "空门户", baseURL: "https://example.gov.cn/xgz/", districts: [], categories: []),
            cases: [], courses: [], pages: [], sites: [], members: [])
        return [sample, busy, empty]
    }

    /// Every kind of page of `portal`, with the template it is rendered with.
    static func pages(of portal: Portal) -> [(template: String, context: ViewContext)] {
        let index = PortalIndex(portal)
        let views = PageViews(index: index, today: Day(year: 2026, month: 1, day: 1)!)
        var pages: [(String, ViewContext)] = [
            ("home", views.home()), ("sites", views.siteDirectory()), ("members", views.members()),
            ("courses", views.courseIndex()), ("404", views.notFound()), ("register", views.register()),
            ("dashboard", views.dashboard()), ("districts", views.districtIndex()),
        ]
        pages += portal.config.districts.map { ("district", views.districtColumn($0)) }
        pages += portal.config.districts.map { ("sites", views.siteDirectory(.district($0))) }
        for page in 1...PageViews.pageCount(of: portal.cases.count) {
            pages.append(("case-list", views.caseList(.all, page: page)))
        }
        pages += portal.config.districts.map { ("case-list", views.caseList(.district($0), page: 1)) }
        pages += index.tags.prefix(2).map { ("case-list", views.caseList(.tag($0), page: 1)) }
        pages += PageViews.TaxonomyKind.allCases.map { ("taxonomy", views.taxonomy($0)) }
        pages += (portal.cases.prefix(4) + portal.cases.suffix(1)).map { ("case", views.caseStudy($0)) }
        pages += portal.sites.map { ("site", views.site($0)) }
        pages += portal.courses.map { ("course", views.course($0)) }
        pages += portal.pages.map { ("page", views.page($0)) }
        return pages
    }

    /// Ways to change the values of a page so that every branch of the templates is taken.
    enum Variation: CaseIterable {
        case asBuilt, emptyLists, flippedBooleans, markupInText, emptyText, evenKeysOnly, oddKeysOnly

        func apply(to value: Any) -> Any {
            if let dictionary = value as? [String: Any] {
                var result: [String: Any] = [:]
                for (position, key) in dictionary.keys.sorted().enumerated() {
                    if self == .evenKeysOnly && position % 2 == 1 || self == .oddKeysOnly && position % 2 == 0 { continue }
                    result[key] = apply(to: dictionary[key]!)
                }
                return result
            } else if let list = value as? [[String: Any]] {
                return self == .emptyLists ? [] : list.map { apply(to: $0) as! [String: Any] }
            } else if let list = value as? [Any] {
                return self == .emptyLists ? [] : list.map { apply(to: $0) }
            } else if let text = value as? String {
                switch self {
                case .markupInText: return "<b class=\"x\">'&'</b>\n  \(text)\n"
                case .emptyText: return ""
                default: return text
                }
            } else if let flag = value as? Bool {
                return self == .flippedBooleans ? !flag : flag
            } else if let html = value as? SafeHTML, self == .markupInText {
                return SafeHTML(html.html + "\n<p>尾</p>\n")
            }
            return value
        }
    }

    @Test(arguments: TemplateLibrary.pageTemplates)
    func rendersEveryPageAsSwiftMustacheDoes(template: String) throws {
        let library = try TemplateLibrary(directory: Self.templatesFolder, displayRoot: "templates")
        let reference = try Self.referenceLibrary()
        let pages = Self.portals().flatMap { Self.pages(of: $0) }
        var renders = 0
        var differences: [String] = []
        for (number, page) in pages.enumerated() {
            // The page's own template with every variation; the others with two.
            let variations: [Variation] = page.template == template ? Variation.allCases : [.asBuilt, .markupInText]
            for variation in variations {
                let context = variation.apply(to: page.context) as! ViewContext
                let ours = library.renderBytes(context, with: template)
                let expected = Array((reference.render(context, withTemplate: template) ?? "").utf8)
                renders += 1
                if ours != expected {
                    let at = zip(ours, expected).prefix { $0 == $1 }.count
                    differences.append(
                        "page \(number) (\(page.template)), \(variation): differs at byte \(at): "
                            + String(decoding: ours[at...].prefix(80), as: UTF8.self).debugDescription + " instead of "
                            + String(decoding: expected[at...].prefix(80), as: UTF8.self).debugDescription)
                }
            }
        }
        #expect(renders > 60)
        #expect(differences.isEmpty, "\(differences.count) of \(renders) differ; \(differences.prefix(3))")
    }

    @Test func rendersTheSameStringAsTheBytes() throws {
        let library = try TemplateLibrary(directory: Self.templatesFolder, displayRoot: "templates")
        let page = Self.pages(of: ViewVocabulary.samplePortal).first { $0.template == "case" }!
        #expect(Array(library.render(page.context, with: "case").utf8) == library.renderBytes(page.context, with: "case"))
        #expect(library.renderBytes(page.context, with: "no-such-template").isEmpty)
    }

    @Test func rendersFromManyTasksAtOnce() async throws {
        let library = try TemplateLibrary(directory: Self.templatesFolder, displayRoot: "templates")
        let expected = Self.pages(of: ViewVocabulary.samplePortal).map { library.renderBytes($0.context, with: $0.template) }
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    let pages = Self.pages(of: ViewVocabulary.samplePortal)
                    return pages.indices.allSatisfy {
                        library.renderBytes(pages[$0].context, with: pages[$0].template) == expected[$0]
                    }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 8))
    }
}
