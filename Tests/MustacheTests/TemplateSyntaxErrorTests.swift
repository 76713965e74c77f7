import Core
import Foundation
import Testing

@testable import Mustache

/// Each syntax error with its line and column, which are swift-mustache 2.1.1's (checked
/// against it) except where the original has no useful answer.
@Suite struct TemplateSyntaxErrorTests {
    struct Example: Sendable, CustomTestStringConvertible {
        var template: String
        var kind: TemplateSyntaxError.Kind
        var line: Int
        var column: Int
        var lineText: String
        /// What swift-mustache reports instead, where it differs.
        var reference: String? = nil

        var testDescription: String { "\(kind) in \(template.debugDescription)" }
    }

    static let examples: [Example] = [
        Example(
            template: "<h1>{{title}}</h1>\n<ul>\n{{#tags}}<li>{{name}}</li>{{/tag}}\n</ul>\n", kind: .sectionCloseNameIncorrect,
            line: 3, column: 30, lineText: "{{#tags}}<li>{{name}}</li>{{/tag}}"),
        Example(template: "a{{/a}}", kind: .sectionCloseNameIncorrect, line: 1, column: 5, lineText: "a{{/a}}"),
        Example(template: "a\n{{name\nb}}", kind: .unfinishedName, line: 3, column: 1, lineText: "b}}"),
        Example(template: "{{na me}}", kind: .unfinishedName, line: 1, column: 6, lineText: "{{na me}}"),
        Example(template: "{{a(}}", kind: .unfinishedName, line: 1, column: 7, lineText: "{{a(}}"),
        Example(template: "{{#a}}\nx\n", kind: .expectedSectionEnd, line: 3, column: 1, lineText: ""),
        Example(template: "{{#a}}{{#b}}{{/b}}", kind: .expectedSectionEnd, line: 1, column: 19, lineText: "{{#a}}{{#b}}{{/b}}"),
        Example(template: "{{=<%=}}", kind: .invalidSetDelimiter, line: 1, column: 4, lineText: "{{=<%=}}"),
        Example(template: "{{= <% %> }}", kind: .invalidSetDelimiter, line: 1, column: 11, lineText: "{{= <% %> }}"),
        Example(
            template: "{{<base}}{{name}}{{/base}}", kind: .illegalTokenInsideInheritSection, line: 1, column: 27,
            lineText: "{{<base}}{{name}}{{/base}}"),
        Example(
            template: "{{% CONTENT_TYPE }}", kind: .invalidConfigVariableSyntax, line: 1, column: 18,
            lineText: "{{% CONTENT_TYPE }}"),
        Example(template: "{{%FOO: bar}}", kind: .unrecognisedConfigVariable, line: 1, column: 14, lineText: "{{%FOO: bar}}"),
        // swift-mustache fails with "overflow" when the template ends inside a tag.
        Example(template: "x {{name", kind: .unfinishedName, line: 1, column: 9, lineText: "x {{name", reference: "overflow"),
        Example(template: "{{{name}}", kind: .unfinishedName, line: 1, column: 10, lineText: "{{{name}}", reference: "overflow"),
        Example(template: "a\n{{! open", kind: .unfinishedName, line: 2, column: 4, lineText: "{{! open", reference: "overflow"),
        // swift-mustache's transforms are not supported; the original parses this.
        Example(
            template: "{{uppercased(name)}}", kind: .transformNotSupported, line: 1, column: 21, lineText: "{{uppercased(name)}}",
            reference: "parsed"),
    ]

    @Test(arguments: examples)
    func reportsTheErrorWhereSwiftMustacheDoes(_ example: Example) {
        let outcome = ReferenceEngine.ourOutcome(example.template)
        #expect(
            outcome
                == .failed(kind: "\(example.kind)", line: example.line, column: example.column, lineText: example.lineText))
        let reference = ReferenceEngine.referenceOutcome(example.template)
        if let differing = example.reference {
            if differing == "parsed" {
                #expect(reference == .parsed)
            } else {
                #expect(
                    reference
                        == .failed(kind: differing, line: example.line, column: example.column, lineText: example.lineText))
            }
        } else {
            #expect(reference == outcome)
        }
    }

    @Test func readsAnOpeningBraceAtTheEndAsText() throws {
        // swift-mustache fails with "overflow" here.
        #expect(ReferenceEngine.referenceOutcome("a {") != .parsed)
        var renderer = TemplateRenderer(
            program: TemplateProgram(templates: ["main": try MustacheParser.parse("a {")]), context: [:], capacity: 8)
        renderer.render(templateNamed: "main")
        #expect(renderer.output == Array("a {".utf8))
    }

    // MARK: Diagnostics

    func folder(withCase text: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var files = ["base.mustache": "{{$content}}{{/content}}", "case.mustache": text]
        for name in TemplateLibrary.pageTemplates where files["\(name).mustache"] == nil {
            files["\(name).mustache"] = "{{<base}}{{/base}}"
        }
        for (name, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        return folder
    }

    func diagnostics(forCase text: String) throws -> [String] {
        let folder = try folder(withCase: text)
        do {
            _ = try TemplateLibrary(directory: folder, displayRoot: "templates")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func reportsAnUnclosedTagWithItsLine() throws {
        #expect(
            try diagnostics(forCase: "<p>\n<h1>{{title</h1>\n") == [
                "templates/case.mustache:2:12: error: 模板语法错误：标签没有闭合（缺少 }}）\n  hint: 出错的行：<h1>{{title</h1>"
            ])
        #expect(
            try diagnostics(forCase: "<h1>{{title") == [
                "templates/case.mustache:1:12: error: 模板语法错误：标签没有闭合（缺少 }}）\n  hint: 出错的行：<h1>{{title"
            ])
    }

    @Test func reportsASectionWithoutItsEnd() throws {
        #expect(
            try diagnostics(forCase: "{{#tags}}\n  <li>{{name}}</li>") == [
                "templates/case.mustache:2:20: error: 模板语法错误：区块缺少结束标签 {{/…}}\n  hint: 出错的行：<li>{{name}}</li>"
            ])
    }

    @Test func reportsAnInvalidDelimiterChange() throws {
        #expect(
            try diagnostics(forCase: "{{=<%=}}") == [
                "templates/case.mustache:1:4: error: 模板语法错误：分隔符设置无效\n  hint: 出错的行：{{=<%=}}"
            ])
    }

    @Test func reportsTransformsAsUnsupported() throws {
        #expect(
            try diagnostics(forCase: "{{#first(items)}}{{/first(items)}}") == [
                "templates/case.mustache:1:18: error: 模板语法错误：不支持变换函数（如 {{uppercased(name)}}）\n  hint: 出错的行：{{#first(items)}}{{/first(items)}}"
            ])
    }

    @Test func reportsOtherTagsInsideAParentTemplate() throws {
        #expect(
            try diagnostics(forCase: "{{<base}}\n{{title}}\n{{/base}}\n") == [
                "templates/case.mustache:4:1: error: 模板语法错误：{{<…}} 与 {{/…}} 之间只能写 {{$…}} 块\n  hint: 出错的行："
            ])
    }

    @Test func reportsUnknownSettings() throws {
        #expect(
            try diagnostics(forCase: "{{% CONTENT_TYPE: JSON }}") == [
                "templates/case.mustache:1:26: error: 模板语法错误：只支持 {{% CONTENT_TYPE: HTML }} 和 {{% CONTENT_TYPE: TEXT }} 两种设置\n  hint: 出错的行：{{% CONTENT_TYPE: JSON }}"
            ])
    }
}
