import Testing

@testable import Search

@Suite struct PostingCodeTests {
    private func code(_ value: Int) -> String {
        var bytes: [UInt8] = []
        PostingCode.append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(arguments: [(0, "A"), (1, "B"), (25, "Z"), (26, "bA"), (27, "bB"), (675, "zZ"), (676, "baA")])
    func writesNumbersInBaseTwentySixWithLetters(_ example: (value: Int, code: String)) {
        #expect(code(example.value) == example.code)
        let bytes = Array(example.code.utf8)
        var index = 0
        #expect(bytes.withUnsafeBufferPointer { PostingCode.read($0, at: &index) } == example.value)
        #expect(index == bytes.count)
    }

    @Test func writesAPostingListAsGapsWithScoresOnlyWhereNotOne() {
        let postings = [
            Posting(document: 0, score: 1), Posting(document: 1, score: 1), Posting(document: 3, score: 11),
            Posting(document: 40, score: 1),
        ]
        let bytes = PostingCode.encode(postings)
        // 0: gap 0 → A; 1: gap 0 → A; 3: gap 1, scored → 2·1+1 = D, then 11 = L; 40: gap 36 → 72 = cU.
        #expect(String(decoding: bytes, as: UTF8.self) == "AADLcU")
        #expect(bytes.withUnsafeBufferPointer { PostingCode.postings($0) } == postings)
    }

    @Test func findsWhetherAListHoldsADocumentWithoutReadingItAll() {
        let bytes = PostingCode.encode([0, 3, 7, 40].map { Posting(document: $0, score: $0 == 7 ? 9 : 1) })
        bytes.withUnsafeBufferPointer { list in
            #expect(PostingCode.holdsAny(of: [7], in: list) == true)
            #expect(PostingCode.holdsAny(of: [1, 2, 40], in: list) == true)
            #expect(PostingCode.holdsAny(of: [1, 5, 41], in: list) == false)
            #expect(PostingCode.holdsAny(of: [], in: list) == false)
        }
    }

    /// Every way to replace, remove or add a document's posting gives what encoding the changed
    /// list anew gives.
    @Test func replacesOnePostingAsEncodingTheListAnewWould() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var documents = Set<Int32>()
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                documents.insert(Int32.random(in: 0...60, using: &generator))
            }
            let list = documents.sorted().map { Posting(document: $0, score: UInt8.random(in: 1...3, using: &generator)) }
            let document = Int32.random(in: 0...61, using: &generator)
            let posting =
                Bool.random(using: &generator)
                ? Posting(document: document, score: UInt8.random(in: 1...29, using: &generator)) : nil
            var expected = list.filter { $0.document != document }
            if let posting { expected.append(posting) }
            expected.sort { $0.document < $1.document }
            let replaced = try #require(PostingCode.replacing(document, with: posting, in: PostingCode.encode(list)))
            #expect(
                replaced == PostingCode.encode(expected), "\(list) with \(document) replaced by \(String(describing: posting))")
        }
    }

    @Test func refusesWhatIsNotAPostingList() {
        for text in ["a", "A1", "BB", "B", "Bb"] {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBufferPointer { PostingCode.postings($0) } == nil, "\(text)")
        }
    }
}
