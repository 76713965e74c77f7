import CommonMarkSpec
import Markdown
import Testing

/// The extension examples of the GitHub Flavored Markdown spec, the same 24 as in cmark-gfm's
/// `test/spec.txt`: 8 tables, 2 strikethrough, 11 autolinks, 2 task lists (marked `disabled` in
/// the spec, as cmark-gfm's test run skips them; they are run here) and the tag filter. They are
/// compared with their expected HTML exactly, like the CommonMark suite.
@Suite struct GitHubSpecTests {
    @Test(arguments: [false, true])
    func passesEveryExtensionExample(cjkEmphasis: Bool) throws {
        let spec = try CommonMarkSpec.loadGitHub()
        let examples = spec.examples.filter { $0.extensionName != nil }
        #expect(spec.examples.count == 672, "expected the 672 examples of GFM 0.29 in \(spec.path)")
        #expect(examples.count == 24)
        let renderer = MarkdownRenderer(
            options: MarkdownOptions(unsafe: true, portalAdditions: false, cjkEmphasis: cjkEmphasis, gitHubExtensions: true))
        var passed = 0
        for example in examples {
            let html = renderer.render(example.markdown).html
            if html == example.html {
                passed += 1
            } else {
                Issue.record(
                    "\(example) [\(example.extensionName ?? "")]: \(example.markdown.debugDescription)\nexpected \(example.html.debugDescription)\n     got \(html.debugDescription)"
                )
            }
        }
        #expect(passed == 24)
    }

    /// With the extensions on, every CommonMark 0.30 example still comes out as CommonMark
    /// says, except the 11 where GitHub reads the text otherwise: the tag filter writes
    /// `<script>`, `<style>` and `<textarea>` as text, and a bare address (`< http://foo.bar >`)
    /// becomes a link. (cmark-gfm runs these examples without its extensions.)
    @Test func commonMarkExamplesDifferOnlyWhereGitHubReadsThemOtherwise() throws {
        let spec = try CommonMarkSpec.load()
        let renderer = MarkdownRenderer(options: MarkdownOptions(unsafe: true, portalAdditions: false, cjkEmphasis: false))
        var differing: [Int] = []
        for example in spec.examples {
            let html = renderer.render(example.markdown).html
            guard html != example.html else { continue }
            differing.append(example.number)
            let filtered = ["&lt;script", "&lt;style", "&lt;textarea"].contains { html.contains($0) }
            let linked = html.components(separatedBy: "<a href").count > example.html.components(separatedBy: "<a href").count
            #expect(filtered || linked, "\(example): \(example.markdown.debugDescription) gave \(html.debugDescription)")
        }
        #expect(differing == [170, 171, 172, 173, 176, 178, 601, 605, 607, 610, 611])
    }
}
