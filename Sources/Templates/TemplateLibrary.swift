import Core
import Foundation
import Mustache

/// The HTML templates of `templates/`, loaded at run time so that a web editor can change the
/// look without a Swift build. Every `*.mustache` file is registered under its path without
/// the extension (`base`, `partials/case-card`), so templates can use each other as partials
/// and layouts.
public struct TemplateLibrary: Sendable {
    /// The templates the build renders pages with; each must exist.
    public static let pageTemplates = [
        "home", "case-list", "case", "taxonomy", "sites", "site", "members", "courses", "course", "page", "404", "register",
    ]

    private let library: MustacheLibrary
    public let directory: URL

    /// - Parameter knownVariables: the names view models provide; a template naming any
    ///   other is an error. `nil` skips the check.
    public init(directory: URL, displayRoot: String, knownVariables: Set<String>? = nil) throws(DiagnosticsError) {
        self.directory = directory
        var diagnostics = Diagnostics()
        var templates: [String: MustacheTemplate] = [:]
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
                templates[String(relative.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.error(
                    at: SourceLocation(path: path, line: error.context.lineNumber, column: max(1, error.context.columnNumber)),
                    "模板语法错误：\(Self.describe(error.error))",
                    hint: "出错的行：\(error.context.line.trimmingWhitespace)")
            } catch {
                diagnostics.error(at: SourceLocation(path: path), "模板语法错误：\(error)")
            }
        }
        for name in Self.pageTemplates + ["base"] where templates[name] == nil && !names.contains("\(name).mustache") {
            diagnostics.error(
                at: SourceLocation(path: "\(display)/\(name).mustache"), "缺少模板 \(name).mustache",
                hint: "门户需要这些模板：\((Self.pageTemplates + ["base"]).joined(separator: ", "))")
        }
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics.all) }
        library = MustacheLibrary(templates: templates)
    }

    /// Renders `context` with the template `name`.
    public func render(_ context: [String: Any], with name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    private static func templateFiles(in directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var names: [String] = []
        for case let path as String in enumerator where path.hasSuffix(".mustache") {
            names.append(path)
        }
        return names.sorted()
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "结束标签与开始标签的名字不一致"
        case MustacheTemplate.Error.unfinishedName: return "标签没有闭合（缺少 }}）"
        case MustacheTemplate.Error.expectedSectionEnd: return "区块缺少结束标签 {{/…}}"
        case MustacheTemplate.Error.invalidSetDelimiter: return "分隔符设置无效"
        default: return "\(error)"
        }
    }
}
