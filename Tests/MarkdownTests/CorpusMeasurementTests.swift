import Foundation
import Markdown
import Testing

/// Measurements on a generated corpus, run only when `MARKDOWN_CORPUS` names a folder of
/// Markdown files (front matter allowed), e.g. after
/// `python3 ../shared/bench/make_corpus.py --cases 500 --out /tmp/mdcorpus --format portal`:
///
///     MARKDOWN_CORPUS=/tmp/mdcorpus/content/cases \
///       swift test -c release -Xswiftc -enable-testing --filter CorpusMeasurementTests
///
/// Prints the literal asterisks left in the HTML with the CJK emphasis fix off and on, and the
/// time to render one document on one thread. The tests run one after the other, so that the
/// timings do not share the CPU.
private let corpusFolder = ProcessInfo.processInfo.environment["MARKDOWN_CORPUS"]

@Suite(.enabled(if: corpusFolder != nil, "set MARKDOWN_CORPUS to a folder of Markdown files"), .serialized)
struct CorpusMeasurementTests {
    @Test func leavesNoLiteralAsterisksWithTheCJKFix() throws {
        let documents = try Self.loadCorpus()
        let off = MarkdownRenderer(options: MarkdownOptions(cjkEmphasis: false))
        let on = MarkdownRenderer(options: .portal)
        var literalOff = 0
        var literalOn = 0
        var documentsWithLiteral = (off: 0, on: 0)
        for document in documents {
            let countOff = Self.literalAsterisks(inHTML: off.render(document).html)
            let countOn = Self.literalAsterisks(inHTML: on.render(document).html)
            literalOff += countOff
            literalOn += countOn
            if countOff > 0 { documentsWithLiteral.off += 1 }
            if countOn > 0 { documentsWithLiteral.on += 1 }
        }
        print(
            "corpus: \(documents.count) documents; literal * in HTML text outside code: fix off \(literalOff) (in \(documentsWithLiteral.off) documents), fix on \(literalOn) (in \(documentsWithLiteral.on) documents)"
        )
        #expect(literalOn == 0)
    }

    @Test(arguments: [("portal", MarkdownOptions.portal), ("plain cmark", MarkdownOptions.commonMark)])
    func measuresRenderTime(name: String, options: MarkdownOptions) throws {
        let documents = try Self.loadCorpus()
        let renderer = MarkdownRenderer(options: options)
        let rewrite: (String) -> String? = { destination in
            destination.hasSuffix(".md") ? "/cases/" + destination.split(separator: "/").last!.dropLast(3) + "/" : nil
        }
        var bytes = 0
        for document in documents { bytes += document.utf8.count }
        // One warm-up pass, then the best of five, each rendering the whole corpus on this thread.
        var sink = 0
        for document in documents { sink &+= renderer.render(document, rewriteLink: rewrite).html.utf8.count }
        var best = Duration.seconds(1_000)
        for _ in 0..<5 {
            let clock = ContinuousClock()
            let elapsed = clock.measure {
                for document in documents { sink &+= renderer.render(document, rewriteLink: rewrite).html.utf8.count }
            }
            best = min(best, elapsed)
        }
        let microseconds = Double(best.components.seconds) * 1e6 + Double(best.components.attoseconds) / 1e12
        let perDocument = String(format: "%.1f", microseconds / Double(documents.count))
        print(
            "corpus: \(documents.count) documents, \(bytes / documents.count) bytes each on average; render (\(name)): \(perDocument) µs per document (best of 5, one thread) [\(sink)]"
        )
    }

    static func loadCorpus() throws -> [String] {
        let folder = try #require(corpusFolder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }.sorted()
        return try names.map { name in
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            return withoutFrontMatter(text)
        }
    }

    static func withoutFrontMatter(_ text: String) -> String {
        guard text.hasPrefix("---\n") else { return text }
        let rest = text.dropFirst(4)
        guard let end = rest.range(of: "\n---\n") else { return text }
        return String(rest[end.upperBound...])
    }

    /// Asterisks in the text of the HTML: outside tags and outside `<code>` (which holds code
    /// spans and code blocks, where asterisks are meant).
    static func literalAsterisks(inHTML html: String) -> Int {
        var count = 0
        var inTag = false
        var codeDepth = 0
        var tag = ""
        for character in html.unicodeScalars {
            if inTag {
                if character == ">" {
                    inTag = false
                    if tag.hasPrefix("code") { codeDepth += 1 }
                    if tag.hasPrefix("/code") { codeDepth -= 1 }
                } else {
                    tag.unicodeScalars.append(character)
                }
            } else if character == "<" {
                inTag = true
                tag = ""
            } else if character == "*", codeDepth == 0 {
                count += 1
            }
        }
        return count
    }
}
