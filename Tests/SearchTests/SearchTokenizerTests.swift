import Testing

@testable import Search

@Suite struct SearchTokenizerTests {
    private func terms(_ text: String, singleCharacters: Bool = false) -> [String] {
        var terms: [String] = []
        SearchTokenizer.forEachTerm(in: text, singleCharacters: singleCharacters) { terms.append($0.description) }
        return terms
    }

    @Test func cutsChineseIntoOverlappingBigrams() {
        #expect(terms("秀英水产档") == ["秀英", "英水", "水产", "产档"])
    }

    @Test func keepsSingleCharactersOnlyWhenAsked() {
        #expect(terms("陈秀英", singleCharacters: true) == ["陈", "秀", "陈秀", "英", "秀英"])
        #expect(terms("陈") == [])
        #expect(terms("陈", singleCharacters: true) == ["陈"])
    }

    @Test func neverJoinsAcrossPunctuationOrSpace() {
        #expect(terms("六有、三亮") == ["六有", "三亮"])
        #expect(terms("“红色驿站” 建设") == ["红色", "色驿", "驿站", "建设"])
        #expect(terms("亮身份，亮职责") == ["亮身", "身份", "亮职", "职责"])
    }

    @Test func readsFullWidthAndUpperCaseAsLowerCaseASCII() {
        #expect(terms("ＡＢ１2") == ["ab", "b1", "12"])
        #expect(terms("A级店") == ["a级", "级店"])
    }

    @Test func findsTheTermsOfAQueryOnce() {
        #expect(SearchTokenizer.queryTerms("陈秀英").map(\.description) == ["陈秀", "秀英"])
        #expect(SearchTokenizer.queryTerms("茶").map(\.description) == ["茶"])
        #expect(SearchTokenizer.queryTerms(" 六有 茶 六有").map(\.description) == ["六有", "茶"])
        #expect(SearchTokenizer.queryTerms("，。！").isEmpty)
    }

    @Test func packsTwoScalarsIntoOneTerm() throws {
        let term = try #require(SearchTerm(text: "党建"))
        #expect(term.first == 0x515A && term.second == 0x5EFA)
        #expect(term.description == "党建")
        #expect(SearchTerm(text: "党")?.isSingleCharacter == true)
        #expect(SearchTerm(text: "党") ?? term < term, "a character sorts before the bigrams it starts")
        #expect(SearchTerm(text: "𠀀a")?.description == "𠀀a", "characters beyond the BMP fit")
        #expect(SearchTerm(text: "三个字") == nil)
    }

    /// The shards the search page's script computes for the same terms, with `Math.imul`: the
    /// two must agree, or the page looks for a term in the wrong file.
    @Test(arguments: [("党建", 681, 1), ("党", 742, 2), ("六有", 200, 0), ("𠀀a", 678, 2), ("ab", 83, 3)])
    func picksTheShardTheSearchPagePicks(_ example: (term: String, of1024: Int, of4: Int)) throws {
        let term = try #require(SearchTerm(text: example.term))
        #expect(term.shard(of: 1024) == example.of1024)
        #expect(term.shard(of: 4) == example.of4)
    }
}
