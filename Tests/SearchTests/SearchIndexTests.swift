import Core
import Foundation
import Model
import Testing

@testable import Search

@Suite struct SearchIndexTests {
    private func score(of text: String, in indexed: SearchDocument.Indexed) -> Int? {
        guard let term = SearchTerm(text: text) else { return nil }
        return indexed.terms.first { $0 >> 8 == term.rawValue }.map { Int($0 & 0xFF) }
    }

    @Test func numbersCasesBySlugThenSitesCoursesAndPages() {
        let corpus = SearchCorpus(SamplePortal.portal())
        #expect(corpus.count == 6)
        #expect(
            (0..<6).map { corpus.document($0).path.description } == [
                "/cases/case-01/", "/cases/case-02/", "/cases/case-03/", "/sites/site-01/", "/courses/course-01/", "/about/",
            ])
        #expect(corpus.documentNumber(ofCase: "case-02") == 1)
        #expect(corpus.documentNumber(ofCase: "case-99") == nil)
    }

    @Test func keepsANumberWhenTheDateChanges() {
        var portal = SamplePortal.portal()
        let before = SearchCorpus(portal).documentNumber(ofCase: "case-01")
        let position = portal.cases.firstIndex { $0.slug == "case-01" }!
        portal.cases[position].date = Day(year: 2026, month: 1, day: 1)!
        portal.cases.sort(by: CaseStudy.newestFirst)
        #expect(SearchCorpus(portal).documentNumber(ofCase: "case-01") == before)
    }

    @Test func scoresATermByEveryFieldItIsIn() {
        let corpus = SearchCorpus(SamplePortal.portal())
        let caseDocument = corpus.document(0).indexed()
        #expect(score(of: "案例", in: caseDocument) == 10 + 3 + 1, "title, summary and body")
        #expect(score(of: "六有", in: caseDocument) == 6, "a tag")
        #expect(score(of: "东湖", in: caseDocument) == 3 + 6, "the district, and the name of the case's site")
        #expect(score(of: "阵地", in: caseDocument) == 1, "the body, read from its HTML")
        #expect(score(of: "案", in: caseDocument) == 10, "single characters of the title")
        #expect(score(of: "阵", in: caseDocument) == nil, "no single characters of the body")

        let site = corpus.document(3).indexed()
        #expect(score(of: "秀英", in: site) == 6, "a member's name and shop")
        #expect(score(of: "茶", in: site) == nil)
        #expect(score(of: "陈", in: site) == 6, "single characters of names")
        #expect(site.record[4] == "党员经营户：陈秀英（秀英水产档）")
    }

    @Test func keepsTheFirstCharactersOfTheBodyAsTheExcerpt() {
        var document = SearchDocument(kind: .page, path: Routes.page("about"), title: "关于")
        document.bodyHTML = "<p>" + String(repeating: "字", count: 700) + "</p>\n"
        let record = document.indexed().record
        #expect(record.count == SearchIndexFiles.recordFields.count)
        #expect(record[6].count == SearchIndexLayout.excerptLength)
    }

    @Test(arguments: [(0, 4), (63, 4), (128, 8), (10_601, 512), (1_000_000, 1024)])
    func choosesAPowerOfTwoOfTermShardsFromTheDocuments(_ example: (documents: Int, shards: Int)) {
        #expect(SearchIndexLayout(documentCount: example.documents).termShardCount == example.shards)
    }

    /// The index of a portal whose documents are cut into `runs` runs.
    private func termShards(of corpus: SearchCorpus, layout: SearchIndexLayout, runs: Int) -> [[UInt8]] {
        let size = (corpus.count + runs - 1) / runs
        let parts = stride(from: 0, to: corpus.count, by: size).map { first in
            var postings = SearchPostings(termShardCount: layout.termShardCount)
            for number in first..<min(first + size, corpus.count) {
                postings.add(corpus.document(number).indexed().terms, document: Int32(number))
            }
            return postings.sealed()
        }
        return (0..<layout.termShardCount).map { SearchIndexFiles.termShard($0, SearchPostings.termShard($0, of: parts)) }
    }

    @Test func writesTheSameShardsHoweverTheDocumentsAreCut() {
        let corpus = SearchCorpus(SamplePortal.portal(cases: 20))
        let layout = SearchIndexLayout(documentCount: corpus.count)
        let whole = termShards(of: corpus, layout: layout, runs: 1)
        for runs in [2, 3, 7, corpus.count] {
            #expect(termShards(of: corpus, layout: layout, runs: runs) == whole, "\(runs) runs")
        }
        let text = String(decoding: whole.joined(), as: UTF8.self)
        #expect(text.contains(#""秀英":"#))
        for (number, shard) in whole.enumerated() {
            for entry in SearchIndexFiles.readTermShard(shard, number: number) ?? [] {
                #expect(
                    entry.postings.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "z")).contains($0) }, "postings are letters")
            }
        }
    }

    @Test func readsBackTheShardsItWrites() throws {
        let corpus = SearchCorpus(SamplePortal.portal())
        let layout = SearchIndexLayout(documentCount: corpus.count)
        for (number, bytes) in termShards(of: corpus, layout: layout, runs: 1).enumerated() {
            let entries = try #require(SearchIndexFiles.readTermShard(bytes, number: number))
            #expect(SearchIndexFiles.termShard(number, entries) == bytes)
            #expect(SearchIndexFiles.readTermShard(bytes, number: number + 1) == nil, "the number is checked")
        }
        let records = [["cases/x/", "标题 \"引号\" \\ \u{2028}", "", "摘要\n第二行", "", "六有", "正文"]]
        let documents = SearchIndexFiles.documentShard(2, records)
        #expect(String(decoding: documents, as: UTF8.self).contains(#"标题 \"引号\" \\ \u2028"#))
        #expect(SearchIndexFiles.readDocumentShard(documents, number: 2) == records)
        #expect(SearchIndexFiles.readDocumentShard(Array(documents.dropLast()), number: 2) == nil)
    }

    @Test func updatesAShardToWhatAFullBuildWrites() throws {
        let portal = SamplePortal.portal(cases: 12)
        let corpus = SearchCorpus(portal)
        let layout = SearchIndexLayout(documentCount: corpus.count)
        let before = termShards(of: corpus, layout: layout, runs: 1)

        var edited = portal
        let position = edited.cases.firstIndex { $0.slug == "case-05" }!
        edited.cases[position].title = "改过标题的案例"
        edited.cases[position].body = SamplePortal.body("<p>新的正文，陈秀英的店。</p>\n")
        let editedCorpus = SearchCorpus(edited)
        let after = termShards(of: editedCorpus, layout: layout, runs: 1)

        let number = try #require(editedCorpus.documentNumber(ofCase: "case-05"))
        var added: [Int: [SearchTerm: [Posting]]] = [:]
        for entry in editedCorpus.document(number).indexed().terms {
            let term = SearchTerm(rawValue: entry >> 8)
            added[term.shard(of: layout.termShardCount), default: [:]][term] = [
                Posting(document: Int32(number), score: UInt8(truncatingIfNeeded: entry))
            ]
        }
        for shard in 0..<layout.termShardCount {
            let updated = SearchIndexUpdate.termShard(
                before[shard], number: shard, replacing: [Int32(number)], with: added[shard] ?? [:])
            #expect(updated == after[shard], "term shard \(shard)")
        }
        var masks = SearchShardMasks(termShardCount: layout.termShardCount, documents: corpus.caseCount)
        for document in 0..<corpus.caseCount {
            masks.setMask(
                SearchShardMasks.mask(ofTerms: corpus.document(document).indexed().terms, termShardCount: layout.termShardCount),
                of: document)
        }
        let update = try #require(SearchIndexUpdate(editedCorpus, changedCases: ["case-05", "draft"], masks: masks))
        #expect(update.documentShards == [number / SearchIndexLayout.documentsPerShard])
        for shard in 0..<layout.termShardCount where before[shard] != after[shard] {
            #expect(update.termShards.contains(shard), "shard \(shard) changes and is updated")
        }
        for shard in update.termShards {
            #expect(update.termShard(shard, published: before[shard]) == after[shard])
        }
    }

    @Test func remembersTheShardsOfEachCase() {
        var masks = SearchShardMasks(termShardCount: 128, documents: 3)
        masks.setMask(SearchShardMasks.mask(of: [0, 5, 64, 127], termShardCount: 128), of: 1)
        #expect(SearchShardMasks.shards(in: masks.mask(of: 1)) == [0, 5, 64, 127])
        #expect(SearchShardMasks.shards(in: masks.mask(of: 0)).isEmpty)
        #expect(SearchShardMasks(wordsPerDocument: 2, words: masks.words) == masks)
        #expect(SearchShardMasks(wordsPerDocument: 4, words: masks.words) == nil)
    }

    @Test func describesEveryDocumentInTheMetaFile() throws {
        let corpus = SearchCorpus(SamplePortal.portal())
        let meta = String(
            decoding: SearchIndexFiles.meta(corpus, layout: SearchIndexLayout(documentCount: corpus.count)), as: UTF8.self)
        #expect(meta.hasPrefix(#"portalSearchShard("meta",0,{"documents":6,"termShards":4,"documentsPerShard":8,"#))
        // Kinds: three cases, a demonstration site, a course, a page.
        #expect(meta.contains(#""kind":"AAABDE""#))
        // Districts: case-01 and case-03 in the first, case-02 in the second, the site in the first.
        #expect(meta.contains(#""district":"BCBBAA""#))
        #expect(meta.contains(#""firstDay":19723"#), "2024-01-01")
        #expect(SearchIndexFiles.daysSince1970(Day(year: 1970, month: 1, day: 1)!) == 0)
        #expect(SearchIndexFiles.daysSince1970(Day(year: 1969, month: 12, day: 31)!) == -1)
        #expect(SearchIndexFiles.daysSince1970(Day(year: 2000, month: 3, day: 1)!) == 11_017)
    }
}
