@testable import Markdown
import Testing
import Foundation

@Test func zscratch() throws {
    let n = 100_000
    let cases: [(String, String)] = [
        ("quote", String(repeating: "> ", count: n) + "x"),
        ("brackets", String(repeating: "[", count: n) + "x"),
        ("brackets closed", String(repeating: "[", count: n) + "x" + String(repeating: "](u)", count: n)),
        ("images closed", String(repeating: "![", count: n) + "x" + String(repeating: "](u)", count: n)),
        ("stars", String(repeating: "*", count: n) + "x"),
        ("star runs", String(repeating: "*", count: n) + "x" + String(repeating: "*", count: n)),
        ("star cjk", String(repeating: "中*“", count: n) + "x" + String(repeating: "”*中", count: n)),
        ("star alternating", String(repeating: "*a ", count: n) + "x" + String(repeating: " a*", count: n)),
        ("list", String(repeating: "- ", count: n) + "x"),
        ("heading stars", "# " + String(repeating: "*", count: n) + "x" + String(repeating: "*", count: n)),
    ]
    for (name, text) in cases {
        let clock = ContinuousClock()
        var d: MarkdownDocument?
        let t = clock.measure { d = MarkdownRenderer().render(text) }
        print(name, t, d!.html.utf8.count, d!.plainText.prefix(20))
    }
}
