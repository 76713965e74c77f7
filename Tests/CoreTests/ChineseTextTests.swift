import Core
import Testing

@Suite struct ChineseTextTests {
    @Test func countsCharactersNotSpaces() {
        #expect(ChineseText.readableCount("党建 引领\n发展") == 6)
        #expect(ChineseText.readableCount("　全角空格　") == 4)
    }

    @Test func readingTimeIsAtLeastOneMinute() {
        #expect(ChineseText.readingMinutes(characters: 0) == 1)
        #expect(ChineseText.readingMinutes(characters: 400) == 1)
        #expect(ChineseText.readingMinutes(characters: 401) == 2)
    }

    @Test func cutsSummariesAtAChineseSentenceEnd() {
        let text = String(repeating: "市场党委组织党员亮身份。", count: 20)
        let summary = ChineseText.summary(of: text, limit: 30)
        #expect(summary == "市场党委组织党员亮身份。市场党委组织党员亮身份。")
    }

    @Test func keepsAClosingQuoteAfterTheSentenceEnd() {
        let text = "经营户说：“党员牌子就是金字招牌。”" + String(repeating: "后文", count: 40)
        #expect(ChineseText.summary(of: text, limit: 25) == "经营户说：“党员牌子就是金字招牌。”")
    }

    @Test func cutsAtTheLimitWithAnEllipsisWhenNoSentenceEnds() {
        let text = String(repeating: "党", count: 50) + "😀" + String(repeating: "建", count: 50)
        let summary = ChineseText.summary(of: text, limit: 51)
        #expect(summary == String(repeating: "党", count: 50) + "😀…")
    }

    @Test func leavesShortTextAlone() {
        #expect(ChineseText.summary(of: "  短文本。 ", limit: 10) == "短文本。")
    }

    @Test func readableCountSkipsEveryUnicodeWhiteSpace() {
        let text = "a\u{85}b\u{A0}c\u{1680}d\u{2003}e\u{2028}f\u{205F}g\u{3000}h\u{1F}😀é中\u{200B}\u{FEFF}\t\r\n"
        let expected = text.unicodeScalars.filter { !$0.properties.isWhitespace }.count
        #expect(ChineseText.readableCount(text) == expected)
        #expect(expected == 14)
    }
}
