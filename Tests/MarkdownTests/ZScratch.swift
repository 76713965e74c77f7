@testable import Markdown
import Testing
import Foundation

@Test func zscratch() throws {
    let docs = try CorpusMeasurementTests.loadCorpus()
    var mismatched = 0
    var shown = 0
    for d in docs {
        let html = MarkdownRenderer().render(d).html
        let strongSrc = d.components(separatedBy: "**").count - 1
        let starsTotal = d.filter { $0 == "*" }.count
        let emSrc = (starsTotal - 2 * strongSrc) / 2
        let strong = html.components(separatedBy: "<strong>").count - 1
        let em = html.components(separatedBy: "<em>").count - 1
        if strong * 2 != strongSrc || em != emSrc {
            mismatched += 1
            if shown < 3 { shown += 1; print("MISMATCH", strongSrc, strong, emSrc, em) }
        }
    }
    print("mismatched docs", mismatched, "of", docs.count)
    // show some samples
    var n = 0
    for d in docs {
        for line in d.split(separator: "\n") where line.contains("*“") || line.contains("”*") {
            if n < 6 { n += 1; let h = MarkdownRenderer().render(String(line)).html; print(line.prefix(200)); print(h.prefix(400)) }
        }
    }
}
