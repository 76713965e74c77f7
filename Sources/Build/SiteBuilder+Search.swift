import Core
import Foundation
import Search

extension SiteBuilder {
    /// What building the search index left: the files written, the term shards of each case
    /// for the next quick rebuild, and the time spent.
    struct SearchIndexOutput: Sendable {
        var written: [OutputStage.Written] = []
        var masks: SearchShardMasks
        var work = OutputStage.Work()
        /// Processor time of reading the documents and making the index files.
        var indexing = Duration.zero
    }

    /// Indexes every document of `corpus` and writes the index (`SearchIndexLayout`), on all
    /// cores. The documents are cut into runs of whole document shards, one task each, which
    /// reads each document's text from its HTML, writes the document shard as soon as it is
    /// complete and keeps only the run's posting lists; the term shards are then joined from
    /// the runs' lists, shard by shard, each written as soon as it is made. The files are the
    /// same whatever the number of runs.
    func emitSearchIndex(
        _ corpus: SearchCorpus, layout: SearchIndexLayout, stage: OutputStage, into sink: some OutputSink
    ) async throws -> SearchIndexOutput {
        let termShards = layout.termShardCount
        var output = SearchIndexOutput(masks: SearchShardMasks(termShardCount: termShards, documents: corpus.caseCount))
        let runs = Self.runs(of: layout.documentShardCount, pieces: options.parallelism)
        let parts = try await withThrowingTaskGroup(of: (Int, SearchPostings, SearchIndexOutput).self) { group in
            for (position, shards) in runs.enumerated() {
                group.addTask {
                    let cases = layout.documents(inShards: shards).clamped(to: 0..<corpus.caseCount)
                    var part = SearchIndexOutput(masks: SearchShardMasks(termShardCount: termShards, documents: cases.count))
                    var postings = SearchPostings(termShardCount: termShards)
                    var collector = SearchTermCollector()
                    for shard in shards {
                        let started = ThreadTime.now()
                        var records: [[String]] = []
                        for number in layout.documents(inShard: shard) {
                            let indexed = corpus.document(number).indexed(collecting: &collector)
                            postings.add(indexed.terms, document: Int32(number))
                            if number < corpus.caseCount {
                                part.masks.setMask(
                                    SearchShardMasks.mask(ofTerms: indexed.terms, termShardCount: termShards),
                                    of: number - cases.lowerBound)
                            }
                            records.append(indexed.record)
                        }
                        let bytes = SearchIndexFiles.documentShard(shard, records)
                        part.indexing += ThreadTime.now() - started
                        part.written.append(
                            try await stage.emit(
                                bytes, at: SearchIndexLayout.documentShardPath(shard), source: nil, into: sink, work: &part.work))
                    }
                    let started = ThreadTime.now()
                    let sealed = postings.sealed()
                    part.indexing += ThreadTime.now() - started
                    return (position, sealed, part)
                }
            }
            var parts = [(SearchPostings, SearchIndexOutput)?](repeating: nil, count: runs.count)
            for try await (position, postings, part) in group { parts[position] = (postings, part) }
            return parts.map { $0! }
        }
        for (position, (_, part)) in parts.enumerated() {
            output.written += part.written
            output.work = output.work + part.work
            output.indexing += part.indexing
            let first = layout.documents(inShards: runs[position]).lowerBound
            if first < corpus.caseCount { output.masks.setMasks(part.masks, from: first) }
        }
        let postings = parts.map(\.0)
        let joined = try await emitInParallel(
            Self.runs(of: termShards, pieces: options.parallelism), stage: stage, into: sink
        ) { shard in
            (
                SearchIndexLayout.termShardPath(shard),
                SearchIndexFiles.termShard(shard, SearchPostings.termShard(shard, of: postings))
            )
        }
        output.written += joined.written
        output.work = output.work + joined.work
        output.indexing += joined.indexing
        let started = ThreadTime.now()
        let meta = SearchIndexFiles.meta(corpus, layout: layout)
        output.indexing += ThreadTime.now() - started
        output.written.append(
            try await stage.emit(meta, at: SearchIndexLayout.metaPath, source: nil, into: sink, work: &output.work))
        return output
    }

    /// The index brought up to date after the cases `slugs` changed (`SearchIndexUpdate`),
    /// from the shards published in `output`, and the meta file made anew; only shards whose
    /// bytes change are written, or even checked again. Nil when a file is not as the last
    /// build left it: the full build then makes the index anew.
    func updateSearchIndex(
        _ corpus: SearchCorpus, changed slugs: Set<String>, masks: SearchShardMasks, output: URL, stage: OutputStage,
        into sink: some OutputSink
    ) async -> SearchIndexOutput? {
        let started = ThreadTime.now()
        guard let update = SearchIndexUpdate(corpus, changedCases: slugs, masks: masks) else { return nil }
        var result = SearchIndexOutput(masks: update.masks)
        result.indexing += ThreadTime.now() - started
        let published: @Sendable (String) -> [UInt8]? = { path in
            FileManager.default.contents(atPath: output.appendingPathComponent(path).path).map { [UInt8]($0) }
        }
        let pieces = options.parallelism
        /// Each of `shards` read back from the output and edited: only a changed one is written.
        func edit(
            _ shards: [Int], at path: @escaping @Sendable (Int) -> String,
            _ edited: @escaping @Sendable (Int, [UInt8]) -> [UInt8]?
        ) async throws -> SearchIndexOutput {
            try await emitInParallel(Self.runs(of: shards.count, pieces: pieces), stage: stage, into: sink) { position in
                let shard = shards[position]
                guard let bytes = published(path(shard)), let updated = edited(shard, bytes) else { return nil }
                return (path(shard), updated == bytes ? nil : updated)
            }
        }
        do {
            let terms = try await edit(update.termShards, at: SearchIndexLayout.termShardPath) {
                update.termShard($0, published: $1)
            }
            let documents = try await edit(update.documentShards, at: SearchIndexLayout.documentShardPath) {
                update.documentShard($0, published: $1)
            }
            for part in [terms, documents] {
                result.written += part.written
                result.work = result.work + part.work
                result.indexing += part.indexing
            }
            let meta = SearchIndexFiles.meta(corpus, layout: update.layout)
            result.written.append(
                try await stage.emit(meta, at: SearchIndexLayout.metaPath, source: nil, into: sink, work: &result.work))
        } catch {
            return nil
        }
        return result
    }

    /// Makes and writes a file for each number in `runs`, one task per run; `make` gives the
    /// path and bytes of each, or nil bytes for a file that stays as it is. Throws
    /// `SearchIndexUnreadable` when `make` gives nil for any.
    private func emitInParallel(
        _ runs: [Range<Int>], stage: OutputStage, into sink: some OutputSink,
        _ make: @escaping @Sendable (Int) -> (String, [UInt8]?)?
    ) async throws -> SearchIndexOutput {
        try await withThrowingTaskGroup(of: (Int, SearchIndexOutput).self) { group in
            for (position, run) in runs.enumerated() {
                group.addTask {
                    var part = SearchIndexOutput(masks: SearchShardMasks(termShardCount: 1, documents: 0))
                    for number in run {
                        let started = ThreadTime.now()
                        let file = make(number)
                        part.indexing += ThreadTime.now() - started
                        guard let (path, made) = file else { throw SearchIndexUnreadable() }
                        guard let bytes = made else { continue }
                        part.written.append(try await stage.emit(bytes, at: path, source: nil, into: sink, work: &part.work))
                    }
                    return (position, part)
                }
            }
            var parts = [SearchIndexOutput?](repeating: nil, count: runs.count)
            for try await (position, part) in group { parts[position] = part }
            var total = SearchIndexOutput(masks: SearchShardMasks(termShardCount: 1, documents: 0))
            for part in parts {
                total.written += part!.written
                total.work = total.work + part!.work
                total.indexing += part!.indexing
            }
            return total
        }
    }

    /// `count` items cut into at most `pieces` runs of consecutive numbers.
    static func runs(of count: Int, pieces: Int) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let size = (count + max(1, min(count, pieces)) - 1) / max(1, min(count, pieces))
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }
}

/// A published index file that is not as the last build left it.
private struct SearchIndexUnreadable: Error {}
