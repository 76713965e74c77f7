import Core
import Foundation
import Preview
import Testing

@Suite struct PreviewScriptTests {
    @Test func theScriptGoesBeforeTheLastClosingBodyTag() {
        let page = Array("<html><body><p>&lt;/body&gt; </body></p></body></html>".utf8)
        let injected = String(decoding: PreviewScript.injected(into: page, generation: 7), as: UTF8.self)
        #expect(
            injected
                == #"<html><body><p>&lt;/body&gt; </body></p><script src="/__portal/preview.js" data-generation="7" defer></script></body></html>"#
        )
    }

    @Test func aPageWithoutABodyTagGetsTheScriptAtItsEnd() {
        let injected = String(decoding: PreviewScript.injected(into: Array("<p>x".utf8), generation: 0), as: UTF8.self)
        #expect(injected == #"<p>x<script src="/__portal/preview.js" data-generation="0" defer></script>"#)
    }

    @Test func failuresAreSentWithTheirLocationsAsTheTerminalPrintsThem() throws {
        let problem = Diagnostic.error(
            at: SourceLocation(path: "content/cases/a.md", line: 3, column: 1), "缺少 title", hint: "加上 title: 标题")
        let text = PreviewScript.message(for: .failed([problem]))
        let message = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(message["type"] as? String == "failed")
        let problems = try #require(message["problems"] as? [[String: Any]])
        #expect(problems.first?["location"] as? String == "content/cases/a.md:3:1")
        #expect(problems.first?["message"] as? String == "缺少 title")
        #expect(problems.first?["hint"] as? String == "加上 title: 标题")
    }

    @Test func aReloadNamesTheGeneration() {
        #expect(PreviewScript.message(for: .reload(generation: 4)) == #"{"generation":4,"problems":[],"type":"reload"}"#)
    }

    @Test func theProblemsPageEscapesMessagesAndCarriesTheScript() {
        let problem = Diagnostic.error(at: SourceLocation(path: "content/portal.yaml", line: 2, column: 5), "<script>")
        let page = String(decoding: PreviewScript.problemsPage([problem]), as: UTF8.self)
        #expect(page.contains("content/portal.yaml:2:5: error: &lt;script&gt;"))
        #expect(!page.contains("error: <script>"))
        #expect(page.contains(#"<script src="/__portal/preview.js""#))
    }
}
