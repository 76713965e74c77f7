import CommonMarkSpec
import Markdown
import Testing

/// The renderer with the portal's additions off is plain cmark, and must pass every example of
/// the spec cmark 0.30.2 implements; with the CJK emphasis fix on it must still pass them all.
@Suite struct CommonMarkSpecTests {
    @Test(arguments: [false, true])
    func passesEveryCommonMarkExample(cjkEmphasis: Bool) throws {
        let spec = try CommonMarkSpec.load()
        #expect(spec.examples.count == 652, "expected the 652 examples of CommonMark 0.30 in \(spec.path)")
        let renderer = MarkdownRenderer(
            options: MarkdownOptions(unsafe: true, portalAdditions: false, cjkEmphasis: cjkEmphasis, gitHubExtensions: false))
        var passed = 0
        for example in spec.examples {
            let html = renderer.render(example.markdown).html
            if html == example.html {
                passed += 1
            } else {
                Issue.record(
                    "\(example): \(example.markdown.debugDescription)\nexpected \(example.html.debugDescription)\n     got \(html.debugDescription)"
                )
            }
        }
        #expect(passed == 652)
    }
}
