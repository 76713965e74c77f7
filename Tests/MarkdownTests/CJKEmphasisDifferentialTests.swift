import Markdown
import SeededRandom
import Testing

/// The CJK emphasis fix may only change emphasis. On random texts made of the pieces that
/// matter to it (delimiters, Chinese and ASCII punctuation, code, links, raw HTML, escapes, line
/// and block structure), the HTML with the fix on and off must be the same once emphasis tags
/// and delimiter characters are taken out (`_` too: when more `*` pair up, CommonMark drops the
/// `_` openers between them), and links, images and dropped HTML must be reported at the same
/// places. Without `*` and with `_` only in runs of three or more (blanks), nothing may change at
/// all. Heading ids are left out (`portalAdditions` off): an id is made from the text.
@Suite struct CJKEmphasisDifferentialTests {
    static let pieces = [
        "*", "**", "***", "_", "__", "“", "”", "《", "》", "（", "）", "，", "。", "：", "中", "文", "a", "Z", "1", " ",
        "\n", "\n\n", "\\", "\\*", "`", "``", "[", "]", "(", ")", "](", "<", ">", "> ", "- ", "1. ", "# ", "    ",
        "!", "![", "<b>", "</b>", "<div>\n", "\n</div>", "&amp;", "&#42;", "https://x.cn/", "<https://x.cn/中", "\t",
        "```\n", "~~~", "\"", "'", "—", "…", "·", "⸗", "〇", "ｘ", "\u{3000}",
        // `_` runs, blanks and names, and Han characters with variation selectors.
        "___", "____", "file_name", "：", "葛\u{E0100}", "\u{FE00}", "\u{E01EF}",
    ]

    /// The same texts on every run and platform.
    typealias Generator = SplitMix64

    /// Works on bytes: a tag followed by a variation selector is one Character with it.
    static func withoutEmphasis(_ html: String) -> String {
        var result = Array(html.utf8)
        for tag in ["<em>", "</em>", "<strong>", "</strong>"] { result = result.replacing(Array(tag.utf8), with: []) }
        return String(decoding: result.filter { $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "_") }, as: UTF8.self)
    }

    @Test(arguments: [false, true])
    func changesNothingButEmphasisOnRandomTexts(unsafe: Bool) {
        let on = MarkdownRenderer(
            options: MarkdownOptions(unsafe: unsafe, portalAdditions: false, cjkEmphasis: true, gitHubExtensions: false))
        let off = MarkdownRenderer(
            options: MarkdownOptions(unsafe: unsafe, portalAdditions: false, cjkEmphasis: false, gitHubExtensions: false))
        var generator = Generator(state: 20_240_601)
        var changed = 0
        for _ in 0..<20_000 {
            var markdown = ""
            for _ in 0..<(5 + Int(generator.next() % 40)) {
                markdown += Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))]
            }
            let fixed = on.render(markdown)
            let plain = off.render(markdown)
            if fixed.html != plain.html { changed += 1 }

            #expect(!fixed.html.unicodeScalars.contains("\u{2E18}"), "\(markdown.debugDescription)")
            #expect(!fixed.plainText.unicodeScalars.contains("\u{2E18}"), "\(markdown.debugDescription)")
            #expect(Self.withoutEmphasis(fixed.html) == Self.withoutEmphasis(plain.html), "\(markdown.debugDescription)")
            #expect(fixed.links == plain.links, "\(markdown.debugDescription)")
            #expect(fixed.images.map(\.position) == plain.images.map(\.position), "\(markdown.debugDescription)")
            #expect(fixed.images.map(\.source) == plain.images.map(\.source), "\(markdown.debugDescription)")
            #expect(fixed.omittedHTML == plain.omittedHTML, "\(markdown.debugDescription)")
        }
        // The texts must exercise the fix, or the test proves nothing.
        #expect(changed > 300)
    }

    @Test func changesNothingWhenUnderscoresOnlyMakeBlanks() {
        let on = MarkdownRenderer(options: MarkdownOptions(portalAdditions: false, cjkEmphasis: true))
        let off = MarkdownRenderer(options: MarkdownOptions(portalAdditions: false, cjkEmphasis: false))
        let pieces = Self.pieces.filter { !$0.contains("*") && $0 != "_" && $0 != "__" && $0 != "file_name" }
        var generator = Generator(state: 15_834)
        for _ in 0..<5_000 {
            var markdown = ""
            var previousWasBlank = false
            for _ in 0..<(5 + Int(generator.next() % 40)) {
                var piece = pieces[Int(generator.next() % UInt64(pieces.count))]
                // Two blanks in a row would make one run of six: still three or more.
                if piece.hasPrefix("_"), previousWasBlank { piece = "中" }
                previousWasBlank = piece.hasPrefix("_")
                markdown += piece
            }
            #expect(on.render(markdown).html == off.render(markdown).html, "\(markdown.debugDescription)")
        }
    }
}
