import Core
import Foundation
import Model
import Mustache
import Testing

@testable import Templates

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

    // MARK: Generated templates

    /// The same seeds every run, so a difference found is found again.
    @Test(arguments: 0..<8)
    func rendersGeneratedTemplatesAsSwiftMustacheDoes(seed: UInt64) throws {
        var generator = TemplateGenerator(seed: seed)
        var differences: [String] = []
        for _ in 0..<400 {
            let partials = [
                "p": generator.template(depth: 1, allowPartials: false),
                "parent": generator.template(depth: 1, allowPartials: true),
            ]
            let original = generator.template(depth: 0, allowPartials: true)
            for main in [original, generator.mutate(original)] {
                if let difference = try Self.compare(main: main, partials: partials) { differences.append(difference) }
            }
        }
        #expect(differences.isEmpty, "\(differences.count) differ; \(differences.prefix(3))")
    }

    /// Nil if both engines give the same output or the same error for `main`.
    static func compare(main: String, partials: [String: String]) throws -> String? {
        let ours = ReferenceEngine.ourOutcome(main)
        let reference = ReferenceEngine.referenceOutcome(main)
        switch (ours, reference) {
        case (.parsed, .parsed):
            let engines = try ReferenceEngine(partials.merging(["main": main]) { _, main in main })
            let output = engines.render(TemplateGenerator.context, with: "main")
            guard output.ours != output.reference else { return nil }
            return "\(main.debugDescription) with \(partials): \(output.ours.debugDescription)"
                + " instead of \(output.reference.debugDescription)"
        case (
            .failed(let kind, let line, let column, let text),
            .failed("overflow", let referenceLine, let referenceColumn, let referenceText)
        )
        where ["unfinishedName", "invalidSetDelimiter"].contains(kind)
            && (line, column, text) == (referenceLine, referenceColumn, referenceText):
            // swift-mustache's "overflow" at the end of the template: the same place, a clearer kind.
            return nil
        case (.parsed, .failed("overflow", _, _, _)) where main.hasSuffix("{"):
            return nil
        default:
            guard ours != reference else { return nil }
            return "\(main.debugDescription): \(ours) instead of \(reference)"
        }
    }
}

/// Random Mustache templates built from the pieces that matter for whitespace and lookup:
/// line breaks and indentation around every kind of tag, nested sections, partials, parents
/// and blocks.
struct TemplateGenerator {
    /// SplitMix64: small, seedable, and the same on every platform.
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    static var context: [String: Any] {
        [
            "name": "N<&>", "multiline": "m1\nm2\n", "html": SafeHTML("<i>\n</i>"), "n": 42, "flag": true, "noflag": false,
            "empty": [[String: Any]](),
            "list": [["name": "L1", "a": ["b": "LB"] as [String: Any]], ["name": "L2\n"]] as [[String: Any]],
            "strings": ["s1", "s2\n"], "a": ["b": "AB", "name": "AN"] as [String: Any], "zero": 0, "dyn": "p", "blank": "",
        ]
    }

    static let texts = [
        "a", "b c", " ", "  ", "\t", "\n", "\n", "\n  ", "\n    ", "\r\n", "<&\"'>", "中文", "}", "{ ", "x\n  ", "  \n",
    ]
    static let variables = [
        "{{name}}", "{{ name }}", "{{{html}}}", "{{&name}}", "{{n}}", "{{.}}", "{{a.b}}", "{{missing}}", "{{flag}}",
        "{{multiline}}", "{{{multiline}}}", "{{.name}}", "{{list.name}}",
    ]
    static let sectionNames = ["list", "flag", "noflag", "empty", "a", "name", "missing", "strings", "zero", "blank", "html"]

    var random: Random

    init(seed: UInt64) {
        random = Random(state: seed)
    }

    mutating func pick<Element>(_ options: [Element]) -> Element {
        options[Int(random.next() % UInt64(options.count))]
    }

    /// Blocks inside a block override are left out: one named as the override makes
    /// swift-mustache recurse until it crashes.
    mutating func template(depth: Int, allowPartials: Bool, allowBlocks: Bool = true) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...6, using: &random) {
            text += piece(depth: depth, allowPartials: allowPartials, allowBlocks: allowBlocks)
        }
        return text
    }

    private mutating func piece(depth: Int, allowPartials: Bool, allowBlocks: Bool) -> String {
        let lineBreak = pick(["", "\n", "\n  ", "  \n"])
        switch Int.random(in: 0..<10, using: &random) {
        case 0, 1, 2: return pick(Self.texts)
        case 3, 4: return pick(Self.variables)
        case 5: return pick(["{{! c }}", "{{!\n}}", "\n  {{! c }}\n"])
        case 6 where depth < 3:
            let name = pick(Self.sectionNames)
            let sigil = pick(["#", "^"])
            return
                "\(lineBreak){{\(sigil)\(name)}}\(pick(["", "\n"]))\(template(depth: depth + 1, allowPartials: allowPartials, allowBlocks: allowBlocks))"
                + "\(pick(["", "\n", "\n  "])){{/\(name)}}\(lineBreak)"
        case 7 where allowPartials:
            return "\(lineBreak)\(pick(["{{>p}}", "{{> p }}", "{{>*dyn}}", "{{>missing}}"]))\(pick(["", "\n"]))"
        case 8 where allowBlocks:
            let name = pick(["b", "c"])
            return
                "\(lineBreak){{$\(name)}}\(template(depth: depth + 1, allowPartials: false, allowBlocks: false)){{/\(name)}}\(pick(["", "\n"]))"
        case 9 where allowPartials && depth == 0:
            var definitions = ""
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let name = pick(["b", "c"])
                definitions += pick([
                    "\n", "  ", "{{! x }}",
                    "{{$\(name)}}\(template(depth: 2, allowPartials: false, allowBlocks: false)){{/\(name)}}",
                    "\n  {{$\(name)}}\n  \(template(depth: 2, allowPartials: false, allowBlocks: false))\n  {{/\(name)}}\n",
                ])
            }
            return "\(lineBreak){{<parent}}\(definitions){{/parent}}\(pick(["", "\n"]))"
        default: return pick(Self.texts)
        }
    }

    /// `text` with one character removed or a brace or tag inserted, most often breaking it.
    mutating func mutate(_ text: String) -> String {
        var characters = Array(text)
        let position = Int.random(in: 0...characters.count, using: &random)
        if !characters.isEmpty && position < characters.count && Bool.random(using: &random) {
            characters.remove(at: position)
        } else {
            characters.insert(
                contentsOf: pick(["{{", "}}", "{", "}", "{{/a}}", "{{#a}}", "{{=<% %>=}}", "{{<parent}}"]), at: position)
        }
        return String(characters)
    }
}
