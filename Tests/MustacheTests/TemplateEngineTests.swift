import Foundation
import Testing

@testable import Mustache

/// Each construct of the engine with (template, values, output) examples. Every example is
/// rendered by swift-mustache 2.1.1 as well, which must give the same output.
@Suite struct TemplateEngineTests {
    // MARK: Variables

    @Test func escapesTheFiveHTMLCharactersInVariables() throws {
        try expectRendering(
            "{{v}}", ["v": "<a href=\"x\">Tom & 'Jerry'</a>"],
            renders: "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
    }

    @Test func insertsTripleMustacheAndAmpersandVariablesAsTheyAre() throws {
        try expectRendering("{{{v}}}|{{&v}}|{{ v }}", ["v": "<b>&"], renders: "<b>&|<b>&|&lt;b&gt;&amp;")
    }

    @Test func printsNumbersBooleansAndSafeHTMLAsSwiftMustacheDoes() throws {
        try expectRendering(
            "{{n}} {{m}} {{t}} {{f}} {{d}} {{h}} {{{h}}}",
            ["n": 42, "m": -7, "t": true, "f": false, "d": 2.5, "h": SafeHTML("<p>")],
            renders: "42 -7 true false 2.5 &lt;p&gt; <p>")
    }

    @Test func printsNothingForMissingValuesAndNull() throws {
        try expectRendering(
            "[{{missing}}][{{null}}][{{a.missing}}][{{missing.a}}]", ["null": NSNull(), "a": [String: Any]()],
            renders: "[][][][]")
    }

    @Test func printsOptionalsUnwrappedOneLevel() throws {
        try expectRendering(
            "{{o}}|{{oo}}|{{none}}",
            ["o": Optional("x") as Any, "oo": Optional(Optional("y")) as Any, "none": String?.none as Any],
            renders: "x|Optional(&quot;y&quot;)|nil")
    }

    // MARK: Names

    @Test func looksUpNamesFromTheInnermostContextOutward() throws {
        try expectRendering(
            "{{#items}}{{name}} {{site.name}} {{title}};{{/items}}",
            [
                "title": "T", "site": ["name": "S"] as [String: Any],
                "items": [["name": "a"], ["name": "b", "title": "own"]] as [[String: Any]],
            ],
            renders: "a S T;b S own;")
    }

    @Test func doesNotGoBackUpTheStackAfterTheFirstPartOfADottedName() throws {
        try expectRendering(
            "{{#a}}[{{b.c}}]{{/a}}",
            ["b": ["c": "root"] as [String: Any], "a": ["b": ["d": 1] as [String: Any]] as [String: Any]],
            renders: "[]")
    }

    @Test func rendersTheCurrentValueWithADot() throws {
        try expectRendering("{{#tags}}<{{.}}>{{/tags}}", ["tags": ["x", "&"]], renders: "<x><&amp;>")
    }

    @Test func looksOnlyInTheCurrentValueForANameWithALeadingDot() throws {
        try expectRendering(
            "{{#a}}[{{.title}}|{{title}}]{{/a}}", ["title": "T", "a": ["x": 1] as [String: Any]], renders: "[|T]")
    }

    @Test func readsStoredPropertiesOfOtherValues() throws {
        try expectRendering("{{#body}}{{{html}}}{{/body}}|{{body.html}}", ["body": SafeHTML("<p>")], renders: "<p>|&lt;p&gt;")
    }

    @Test func readsValuesInsideOptionals() throws {
        try expectRendering(
            "{{#od}}{{name}}{{/od}}|{{od.name}}|{{#ol}}{{.}}{{/ol}}",
            ["od": Optional(["name": "N"] as [String: Any]) as Any, "ol": Optional(["a", "b"]) as Any], renders: "N|N|ab")
    }

    // MARK: Sections

    @Test func rendersSectionsForListsTrueAndAnyOtherValue() throws {
        try expectRendering(
            "{{#list}}i{{/list}}|{{#t}}T{{/t}}|{{#f}}F{{/f}}|{{#empty}}E{{/empty}}|{{#missing}}M{{/missing}}"
                + "|{{#blank}}B{{/blank}}|{{#zero}}Z{{.}}{{/zero}}|{{#obj}}{{name}}{{/obj}}|{{#null}}N{{/null}}",
            [
                "list": [[:], [:]] as [[String: Any]], "t": true, "f": false, "empty": [[String: Any]](), "blank": "",
                "zero": 0, "obj": ["name": "O"] as [String: Any], "null": NSNull(),
            ],
            renders: "ii|T||||B|Z0|O|")
    }

    @Test func rendersInvertedSectionsForFalseEmptyListsAndMissingValues() throws {
        try expectRendering(
            "{{^t}}T{{/t}}|{{^f}}F{{/f}}|{{^empty}}E{{/empty}}|{{^missing}}M{{/missing}}|{{^blank}}B{{/blank}}"
                + "|{{^list}}L{{/list}}|{{^null}}N{{/null}}|{{^strings}}S{{/strings}}",
            [
                "list": [[:]] as [[String: Any]], "t": true, "f": false, "empty": [[String: Any]](), "blank": "",
                "null": NSNull(), "strings": [String](),
            ],
            renders: "|F|E|M|||N|S")
    }

    @Test func repeatsOverListsOfAnyKind() throws {
        try expectRendering(
            "{{#strings}}{{.}},{{/strings}}|{{#mixed}}[{{.}}{{name}}]{{/mixed}}|{{#reversed}}{{.}}{{/reversed}}",
            [
                "strings": ["a", "b"], "mixed": [1, ["name": "n"] as [String: Any]] as [Any],
                "reversed": [1, 2, 3].reversed(),
            ],
            renders: "a,b,|[1][[&quot;name&quot;: &quot;n&quot;]n]|321")
    }

    // MARK: Whitespace

    @Test func dropsComments() throws {
        try expectRendering("a{{! note }}b\n  {{! standalone }}\nc", renders: "ab\nc")
    }

    @Test func removesLinesThatHoldOnlyATag() throws {
        try expectRendering(
            "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n</ul>\n", ["items": ["a", "b"]],
            renders: "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
    }

    @Test func keepsTheWhitespaceAroundTagsThatShareTheirLine() throws {
        try expectRendering("  {{#t}}x{{/t}}  \n|{{#t}}\ny{{/t}}", ["t": true], renders: "  x  \n|\ny")
    }

    // MARK: Partials and parents

    @Test func rendersPartialsInTheCurrentContext() throws {
        try expectRendering(
            "{{#items}}{{>item}}{{/items}}", ["items": [["name": "东湖区"], ["name": "<b>"]] as [[String: Any]]],
            partials: ["item": "<li>{{name}}</li>"], renders: "<li>东湖区</li><li>&lt;b&gt;</li>")
    }

    @Test func indentsEveryLineOfAStandalonePartial() throws {
        try expectRendering(
            "<ul>\n  {{>item}}\n</ul>\n", ["name": "X"], partials: ["item": "<li>\n{{name}}\n</li>\n"],
            renders: "<ul>\n  <li>\n  X\n  </li>\n</ul>\n")
    }

    /// swift-mustache, unlike the spec, does not indent the first line of the second and later
    /// items of a section in an indented partial.
    @Test func indentsRepeatedSectionsInPartialsAsSwiftMustacheDoes() throws {
        try expectRendering(
            "<ol>\n  {{>list}}\n</ol>\n", ["items": ["a", "b"]], partials: ["list": "{{#items}}\n<li>{{.}}</li>\n{{/items}}\n"],
            renders: "<ol>\n  <li>a</li>\n<li>b</li>\n</ol>\n")
    }

    @Test func fillsTheBlocksOfAParentTemplate() throws {
        try expectRendering(
            "{{<base}}\n{{$content}}\n<p>{{body}}</p>\n{{/content}}\n{{/base}}\n", ["body": "B"],
            partials: ["base": "<title>{{$title}}默认{{/title}}</title>\n<main>\n{{$content}}{{/content}}\n</main>\n"],
            renders: "<title>默认</title>\n<main>\n<p>B</p>\n\n</main>\n")
    }

    @Test func letsTheOutermostOverrideOfABlockWin() throws {
        try expectRendering(
            "{{<middle}}{{$a}}page{{/a}}{{/middle}}",
            partials: [
                "base": "[{{$a}}base{{/a}}|{{$b}}base{{/b}}]", "middle": "{{<base}}{{$a}}middle{{/a}}{{$b}}middle{{/b}}{{/base}}",
            ],
            renders: "[page|middle]")
    }

    @Test func indentsBlocksByTheSpacesBeforeThem() throws {
        try expectRendering(
            "{{<base}}{{$content}}a\nb\n{{/content}}{{/base}}", partials: ["base": "<div>\n  {{$content}}{{/content}}\n</div>\n"],
            renders: "<div>\n  a\n  b\n\n</div>\n")
    }

    @Test func findsADynamicPartialByTheValueOfAVariable() throws {
        try expectRendering(
            "{{>*which}}|{{>*missing}}", ["which": "card", "name": "n"], partials: ["card": "C{{name}}"], renders: "Cn|")
    }

    @Test func rendersNothingForAMissingPartial() throws {
        try expectRendering("a{{>nowhere}}b", renders: "ab")
    }

    /// swift-mustache recurses until the stack overflows.
    @Test func stopsAPartialThatIncludesItself() throws {
        let program = TemplateProgram(templates: ["main": try MustacheParser.parse("{{>main}}x")])
        var renderer = TemplateRenderer(program: program, context: [:], capacity: 8)
        renderer.render(templateNamed: "main")
        #expect(renderer.output == Array(repeating: UInt8(ascii: "x"), count: TemplateRenderer.maximumNestingDepth + 1))
    }

    // MARK: Options

    @Test func changesDelimiters() throws {
        try expectRendering("{{=<% %>=}}<% name %> {{name}} <%={{ }}=%>{{name}}", ["name": "x"], renders: "x {{name}} x")
    }

    @Test func turnsEscapingOffForTheRestOfATemplateWithContentTypeText() throws {
        try expectRendering(
            "{{%CONTENT_TYPE: TEXT}}{{v}}{{#t}}{{v}}{{/t}}{{>p}}{{v}}", ["v": "<", "t": true], partials: ["p": "{{v}}"],
            renders: "<<&lt;<")
    }
}
