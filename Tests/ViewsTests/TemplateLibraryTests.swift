import Core
import Foundation
import Mustache
import Testing
import Views

@Suite struct TemplateLibraryTests {
    /// A templates folder with the required templates, each rendering its title, plus `extra`.
    func folder(_ extra: [String: String] = [:]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("partials"), withIntermediateDirectories: true)
        var files: [String: String] = ["base.mustache": "<title>{{title}}</title>{{$content}}{{/content}}"]
        for name in TemplateLibrary.pageTemplates {
            files["\(name).mustache"] = "{{<base}}{{$content}}<p>{{title}}</p>{{{body.html}}}{{/content}}{{/base}}"
        }
        for (name, text) in extra { files[name] = text }
        for (name, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        return folder
    }

    @Test func escapesValuesAndInsertsRenderedMarkdownAsIs() throws {
        let library = try TemplateLibrary(directory: try folder(), displayRoot: "templates")
        let html = library.render(
            ["title": "</title><script>alert(1)</script>\"'&", "body": ["html": SafeHTML("<p><strong>正文</strong></p>")]],
            with: "case")
        #expect(
            html
                == "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;</title><p>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;</p><p><strong>正文</strong></p>"
        )
    }

    @Test func knowsWhichPageTemplatesUseATemplate() throws {
        let library = try TemplateLibrary(
            directory: try folder([
                "partials/card.mustache": "<li>{{title}}{{>partials/tag}}</li>",
                "partials/tag.mustache": "<span>{{name}}</span>",
                "site.mustache": "{{<base}}{{$content}}{{#cases}}{{>partials/card}}{{/cases}}{{/content}}{{/base}}",
                "home.mustache": "{{<base}}{{$content}}{{^cases}}{{>partials/tag}}{{/cases}}{{/content}}{{/base}}",
            ]), displayRoot: "templates")
        #expect(library.pageTemplates(using: ["partials/card"]) == ["site"])
        #expect(library.pageTemplates(using: ["partials/tag"]) == ["site", "home"], "through a partial, and in a section")
        #expect(library.pageTemplates(using: ["case"]) == ["case"])
        #expect(library.pageTemplates(using: ["base"]) == Set(TemplateLibrary.pageTemplates), "the layout")
        #expect(library.pageTemplates(using: ["partials/unused"]) == [])

        let dynamic = try TemplateLibrary(
            directory: try folder(["page.mustache": "{{<base}}{{$content}}{{>*which}}{{/content}}{{/base}}"]),
            displayRoot: "templates")
        #expect(dynamic.pageTemplates(using: ["partials/unused"]) == nil, "a partial named by a variable may be any")
    }

    @Test func reportsTemplateSyntaxErrorsWithTheirPlace() throws {
        let templates = try folder(["case.mustache": "<h1>{{title}}</h1>\n<ul>\n{{#tags}}<li>{{name}}</li>{{/tag}}\n</ul>\n"])
        #expect {
            try TemplateLibrary(directory: templates, displayRoot: "templates")
        } throws: { error in
            let diagnostics = (error as? DiagnosticsError)?.diagnostics.map(\.description)
            return diagnostics == [
                "templates/case.mustache:3:30: error: 模板语法错误：结束标签与开始标签的名字不一致\n  hint: 出错的行：{{#tags}}<li>{{name}}</li>{{/tag}}"
            ]
        }
    }

    @Test func reportsAMissingPageTemplate() throws {
        let templates = try folder()
        try FileManager.default.removeItem(at: templates.appendingPathComponent("site.mustache"))
        #expect {
            try TemplateLibrary(directory: templates, displayRoot: "templates")
        } throws: { error in
            (error as? DiagnosticsError)?.diagnostics.map(\.description) == [
                "templates/site.mustache:1:1: error: 缺少模板 site.mustache\n  hint: 门户需要这些模板："
                    + (TemplateLibrary.pageTemplates + ["base"]).joined(separator: ", ")
            ]
        }
    }

    @Test func reportsAnUnknownVariableWithItsPlace() throws {
        let templates = try folder([
            "case.mustache":
                "{{<base}}{{$content}}\n<h1>{{titel}}</h1>\n{{#case.tags}}{{nmae}}{{/case.tags}}{{/content}}{{/base}}"
        ])
        #expect {
            try TemplateLibrary(directory: templates, displayRoot: "templates", knownVariables: ViewVocabulary.names)
        } throws: { error in
            (error as? DiagnosticsError)?.diagnostics.map(\.description) == [
                "templates/case.mustache:2:5: error: 未知的模板变量 'titel'（在 {{titel}} 中）\n  hint: 是不是 'title'？",
                "templates/case.mustache:3:15: error: 未知的模板变量 'nmae'（在 {{nmae}} 中）\n  hint: 是不是 'name'？",
            ]
        }
    }

    @Test func knowsTheIdsAPageTemplateWritesAsTheyAreThroughItsLayoutAndPartials() throws {
        let library = try TemplateLibrary(
            directory: try folder([
                "base.mustache": "<a href=\"#main\">跳</a><main id=\"main\">{{$content}}{{/content}}</main>",
                "partials/toc.mustache": "<nav\nid=\"toc\">{{#toc}}<a id=\"{{anchor}}\"></a>{{/toc}}</nav>",
                "case.mustache":
                    "{{<base}}{{$content}}{{>partials/toc}}<h2 id=\"related-title\">相关</h2><p data-id=\"x\">{{/content}}{{/base}}",
            ]), displayRoot: "templates")
        #expect(library.literalIDs(ofPage: "case") == ["main", "toc", "related-title"], "not an id made of a variable")
        #expect(library.literalIDs(ofPage: "page") == ["main"])
    }

    @Test func theProjectCasePageHasTheSkipLinksTarget() throws {
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates")
        let library = try TemplateLibrary(directory: templates, displayRoot: "templates")
        #expect(library.literalIDs(ofPage: "case").isSuperset(of: ["main", "related-title", "used-title"]))
        #expect(!library.literalIDs(ofPage: "page").contains("related-title"))
    }

    @Test func acceptsEveryVariableTheProjectTemplatesUse() throws {
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates")
        _ = try TemplateLibrary(directory: templates, displayRoot: "templates", knownVariables: ViewVocabulary.names)
    }

    @Test func knowsTheNamesOfEveryKindOfPage() {
        for name in [
            "title", "documentTitle", "navigation", "case", "body", "html", "toc", "related", "newer", "older", "previous",
            "next",
            "liuyou", "members", "commitment", "targets", "note", "pagination", "trainer",
        ] {
            #expect(ViewVocabulary.names.contains(name), "\(name)")
        }
        #expect(!ViewVocabulary.names.contains("phone"))
    }

    @Test func usesPartialsFromSubfolders() throws {
        let templates = try folder([
            "partials/card.mustache": "<li>{{name}}</li>", "home.mustache": "{{#items}}{{>partials/card}}{{/items}}",
        ])
        let library = try TemplateLibrary(directory: templates, displayRoot: "templates")
        #expect(library.render(["items": [["name": "东湖区"], ["name": "<b>"]]], with: "home") == "<li>东湖区</li><li>&lt;b&gt;</li>")
    }
}
