/// A quick rebuild's change to the index after some cases changed: their postings taken out of
/// the term shards their old postings were in (the `masks` of the last build) and their new
/// ones put in, their records replaced in their document shards, every other byte of those
/// shards kept as published. As the files are canonical, the result is what a full build
/// writes.
public struct SearchIndexUpdate: Sendable {
    public let layout: SearchIndexLayout
    /// The term shards of each case, with those of the changed cases updated.
    public private(set) var masks: SearchShardMasks
    /// The term shards and document shards that may change, in increasing order.
    public let termShards: [Int]
    public let documentShards: [Int]
    private let documents: Set<Int32>
    private let added: [Int: [SearchTerm: [Posting]]]
    private let records: [Int: [Int: [String]]]

    /// The update of the index of `corpus` after the cases `slugs` changed (drafts, which are
    /// in no index but that of a build with drafts, may be among them); nil when `masks` are
    /// not those of an index of this corpus.
    public init?(_ corpus: SearchCorpus, changedCases slugs: Set<String>, masks: SearchShardMasks) {
        let layout = SearchIndexLayout(documentCount: corpus.count)
        let termShardCount = layout.termShardCount
        guard masks.documentCount == corpus.caseCount,
            masks.wordsPerDocument == SearchShardMasks(termShardCount: termShardCount, documents: 0).wordsPerDocument
        else { return nil }
        var updated = masks
        var documents: Set<Int32> = []
        var added: [Int: [SearchTerm: [Posting]]] = [:]
        var records: [Int: [Int: [String]]] = [:]
        var shards: Set<Int> = []
        for number in slugs.compactMap(corpus.documentNumber(ofCase:)).sorted() {
            let indexed = corpus.document(number).indexed()
            let mask = SearchShardMasks.mask(ofTerms: indexed.terms, termShardCount: termShardCount)
            shards.formUnion(SearchShardMasks.shards(in: masks.mask(of: number)))
            shards.formUnion(SearchShardMasks.shards(in: mask))
            updated.setMask(mask, of: number)
            documents.insert(Int32(number))
            for entry in indexed.terms {
                let term = SearchTerm(rawValue: entry >> 8)
                added[term.shard(of: termShardCount), default: [:]][term, default: []].append(
                    Posting(document: Int32(number), score: UInt8(truncatingIfNeeded: entry)))
            }
            let perShard = SearchIndexLayout.documentsPerShard
            records[number / perShard, default: [:]][number % perShard] = indexed.record
        }
        self.layout = layout
        self.masks = updated
        self.documents = documents
        self.added = added
        self.records = records
        termShards = shards.sorted()
        documentShards = records.keys.sorted()
    }

    /// Term shard `number` as updated from its published bytes; nil when they are not a term
    /// shard.
    public func termShard(_ number: Int, published bytes: [UInt8]) -> [UInt8]? {
        Self.termShard(bytes, number: number, replacing: documents, with: added[number] ?? [:])
    }

    /// Document shard `number` as updated from its published bytes; nil when they are not a
    /// document shard.
    public func documentShard(_ number: Int, published bytes: [UInt8]) -> [UInt8]? {
        guard var shard = SearchIndexFiles.readDocumentShard(bytes, number: number) else { return nil }
        for (position, record) in records[number] ?? [:] {
            guard shard.indices.contains(position) else { return nil }
            shard[position] = record
        }
        return SearchIndexFiles.documentShard(number, shard)
    }

    /// Term shard `number` (`bytes`) with every posting of `documents` taken out and the
    /// postings `added` (of those documents, for terms of this shard) put in.
    static func termShard(
        _ bytes: [UInt8], number: Int, replacing documents: Set<Int32>, with added: [SearchTerm: [Posting]]
    ) -> [UInt8]? {
        guard let entries = SearchIndexFiles.readTermShard(bytes, number: number) else { return nil }
        let replaced = documents.sorted()
        var result: [(term: SearchTerm, postings: [UInt8])] = []
        result.reserveCapacity(entries.count + added.count)
        var new = added
        for entry in entries {
            let addition = new.removeValue(forKey: entry.term) ?? []
            guard let holds = entry.postings.withUnsafeBufferPointer({ PostingCode.holdsAny(of: replaced, in: $0) })
            else { return nil }
            // Most lists of a shard hold none of the changed documents, and stay as they are;
            // in the others only the changed documents' postings are written anew.
            if addition.isEmpty && !holds {
                result.append(entry)
                continue
            }
            var postings = entry.postings
            for document in replaced {
                guard
                    let spliced = PostingCode.replacing(
                        document, with: addition.first { $0.document == document }, in: postings)
                else { return nil }
                postings = spliced
            }
            if !postings.isEmpty { result.append((entry.term, postings)) }
        }
        for (term, postings) in new {
            result.append((term, PostingCode.encode(postings.sorted { $0.document < $1.document })))
        }
        result.sort { $0.term < $1.term }
        return SearchIndexFiles.termShard(number, result)
    }
}
