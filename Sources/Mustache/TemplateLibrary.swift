import Core
import Foundation

/// The HTML templates of `templates/`, loaded at run time so that a web editor can change the
/// look without a Swift build. Every `*.mustache` file is registered under its path without
/// the extension (`base`, `partials/case-card`), so templates can use each other as partials
/// and layouts.
public struct TemplateLibrary: Sendable {
    /// The templates the build renders pages with; each must exist.
    public static let pageTemplates = [
        "home", "case-list", "case", "taxonomy", "sites", "site", "members", "courses", "course", "page", "404", "register",
        "dashboard", "liaison", "coverage", "assessment", "districts", "district", "search", "article-list", "news-item",
        "notice", "policy", "member", "plate", "wechat", "booklet",
    ]

    private let program: TemplateProgram
    /// The templates each template names as a partial or a layout; nil for one that also
    /// names one through a variable (`{{>*name}}`), which could be any.
    private let partials: [String: Set<String>?]
    /// The ids each template writes as they are (`id="main"`), not those made of a variable.
    let literalIDs: [String: Set<String>]
    /// What each page's output buffer reserves: twice the text of all templates, within
    /// bounds that keep the allocation cheap.
    private let outputCapacity: Int
    public let directory: URL

    /// - Parameter knownVariables: the names view models provide; a template naming any
    ///   other is an error. `nil` skips the check.
    public init(directory: URL, displayRoot: String, knownVariables: Set<String>? = nil) throws(DiagnosticsError) {
        self.directory = directory
        var diagnostics = Diagnostics()
        var templates: [String: [TemplateNode]] = [:]
        let display = displayRoot.isEmpty ? "." : displayRoot
        let names = Self.templateFiles(in: directory)
        for relative in names {
            let path = "\(display)/\(relative)"
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(relative).path),
                let text = String(validating: data, as: UTF8.self)
            else {
                diagnostics.error(at: SourceLocation(path: path), "模板无法读取或不是 UTF-8 编码", hint: "把模板另存为 UTF-8 文本")
                continue
            }
            if let knownVariables {
                for reference in TemplateVariables.references(in: text) {
                    for part in reference.name.split(separator: ".") where !knownVariables.contains(String(part)) {
                        diagnostics.error(
                            at: SourceLocation(path: path, line: reference.line, column: reference.column),
                            "未知的模板变量 '\(part)'（在 {{\(reference.name)}} 中）",
                            hint: Suggestion.didYouMean(String(part), in: knownVariables.sorted())
                                ?? "模板只能使用视图模型提供的变量；拼错的变量在页面上是一片空白")
                    }
                }
            }
            do {
                templates[String(relative.dropLast(".mustache".count))] = try MustacheParser.parse(text)
            } catch {
                diagnostics.error(
                    at: SourceLocation(path: path, line: error.line, column: max(1, error.column)),
                    "模板语法错误：\(Self.describe(error.kind))",
                    hint: "出错的行：\(error.lineText.trimmingWhitespace)")
            }
        }
        for name in Self.pageTemplates + ["base"] where templates[name] == nil && !names.contains("\(name).mustache") {
            diagnostics.error(
                at: SourceLocation(path: "\(display)/\(name).mustache"), "缺少模板 \(name).mustache",
                hint: "门户需要这些模板：\((Self.pageTemplates + ["base"]).joined(separator: ", "))")
        }
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics.all) }
        program = TemplateProgram(templates: templates)
        partials = templates.mapValues { Self.partials(in: $0) }
        literalIDs = templates.mapValues { Self.literalIDs(in: $0) }
        outputCapacity = min(65_536, max(4_096, 2 * program.text.count))
    }

    /// Renders `context` with the template `name`; an unknown name renders nothing.
    public func render(_ context: [String: Any], with name: String) -> String {
        String(decoding: renderBytes(context, with: name), as: UTF8.self)
    }

    /// Renders `context` with the template `name` as UTF-8 bytes, ready to write.
    public func renderBytes(_ context: [String: Any], with name: String) -> [UInt8] {
        var renderer = TemplateRenderer(program: program, context: context, capacity: outputCapacity)
        renderer.render(templateNamed: name)
        return renderer.output
    }

    /// The page templates that use any of the templates `names`, themselves or through their
    /// partials and layouts; nil when one of them may use any template.
    public func pageTemplates(using names: Set<String>) -> Set<String>? {
        var using: Set<String> = []
        // Every template no other one names, outside `partials/`, not only the page templates
        // listed above: a page a later version adds is never left out of a quick build.
        let named = Set(partials.values.compactMap { $0 }.joined())
        for page in partials.keys where !named.contains(page) && !page.hasPrefix("partials/") {
            var seen: Set<String> = []
            var pending = [page]
            while let name = pending.popLast() {
                guard seen.insert(name).inserted else { continue }
                guard let named = partials[name] else { continue }
                guard let named else { return nil }
                pending += named
            }
            if !seen.isDisjoint(with: names) { using.insert(page) }
        }
        return using
    }

    /// The templates `page` uses, itself included, through its partials and layouts as far as
    /// they are named (not those named by a variable).
    func templates(usedBy page: String) -> Set<String> {
        var seen: Set<String> = []
        var pending = [page]
        while let name = pending.popLast() {
            guard seen.insert(name).inserted else { continue }
            if let named = partials[name] ?? nil { pending += named }
        }
        return seen
    }

    private static func partials(in nodes: [TemplateNode]) -> Set<String>? {
        var names: Set<String> = []
        for node in nodes {
            let inner: [[TemplateNode]]
            switch node {
            case .text, .variable, .contentType: continue
            case .section(_, let body), .invertedSection(_, let body), .blockDefinition(_, let body): inner = [body]
            case .block(_, let defaultNodes, _): inner = [defaultNodes]
            case .partial(let name, let dynamicName, _, let overrides):
                guard dynamicName == nil else { return nil }
                names.insert(name)
                inner = overrides.map { Array($0.values) } ?? []
            }
            for nodes in inner {
                guard let found = partials(in: nodes) else { return nil }
                names.formUnion(found)
            }
        }
        return names
    }

    private static func templateFiles(in directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var names: [String] = []
        for case let path as String in enumerator where path.hasSuffix(".mustache") {
            names.append(path)
        }
        return names.sorted()
    }

    private static func describe(_ kind: TemplateSyntaxError.Kind) -> String {
        switch kind {
        case .sectionCloseNameIncorrect: return "结束标签与开始标签的名字不一致"
        case .unfinishedName: return "标签没有闭合（缺少 }}）"
        case .expectedSectionEnd: return "区块缺少结束标签 {{/…}}"
        case .invalidSetDelimiter: return "分隔符设置无效"
        case .illegalTokenInsideInheritSection: return "{{<…}} 与 {{/…}} 之间只能写 {{$…}} 块"
        case .transformNotSupported: return "不支持变换函数（如 {{uppercased(name)}}）"
        case .invalidConfigVariableSyntax: return "设置标签 {{% … }} 的写法无效"
        case .unrecognisedConfigVariable: return "只支持 {{% CONTENT_TYPE: HTML }} 和 {{% CONTENT_TYPE: TEXT }} 两种设置"
        }
    }
}
