/// The posting lists of a run of consecutive documents, as one task builds them: the build cuts
/// the documents into runs, indexes the runs on all cores, and joins their lists shard by shard
/// (`termShard(_:of:)`). Each list is already in its final encoding (`PostingCode`), so the
/// postings take about the room of the index files, and joining copies bytes.
public struct SearchPostings: Sendable {
    struct List: Sendable {
        var term: SearchTerm
        var first: Posting
        var last: Int32
        /// The postings after the first, encoded from it, in a chain of blocks.
        var head: Int32 = -1
        var tail: Int32 = -1
        /// How many bytes of the tail block are used.
        var used = SearchPostings.blockSize
    }

    /// The postings after the first of every list, in blocks of `blockSize` bytes: one array
    /// for all lists rather than one allocation for each.
    static let blockSize = 16
    private var blocks: [UInt8] = []
    /// The block after each block, -1 for none.
    private var nextBlocks: [Int32] = []
    /// The position in `lists` of each term's list; none once sealed.
    private var slots: TermTable?
    private var lists: [List] = []
    /// The lists of each shard, by position in `lists`; made by `sealed()`.
    private var byShard: [[Int32]] = []
    public let termShardCount: Int

    public init(termShardCount: Int) {
        self.termShardCount = termShardCount
        slots = TermTable()
    }

    private init(sealing postings: SearchPostings) {
        termShardCount = postings.termShardCount
        lists = postings.lists
        blocks = postings.blocks
        nextBlocks = postings.nextBlocks
        byShard = Array(repeating: [], count: termShardCount)
        for (position, list) in lists.enumerated() {
            byShard[list.term.shard(of: termShardCount)].append(Int32(position))
        }
    }

    /// Adds the terms of `document`, which comes after every document added before; `terms`
    /// as `SearchDocument.Indexed.terms` holds them.
    public mutating func add(_ terms: [UInt64], document: Int32) {
        guard let slots else { preconditionFailure("no document can be added to sealed postings") }
        var code: [UInt8] = []
        for entry in terms {
            let term = entry >> 8
            let posting = Posting(document: document, score: UInt8(truncatingIfNeeded: entry))
            let (slot, inserted) = slots.slot(of: term)
            if inserted {
                slots.values[slot] = Int32(lists.count)
                lists.append(List(term: SearchTerm(rawValue: term), first: posting, last: document))
                continue
            }
            let position = Int(slots.values[slot])
            let gap = Int(document) - Int(lists[position].last) - 1
            lists[position].last = document
            // Most postings are a body match close to the one before: one letter.
            if posting.score == 1 && gap < 13 {
                append(UInt8(ascii: "A") + UInt8(gap * 2), toList: position)
            } else {
                code.removeAll(keepingCapacity: true)
                PostingCode.append(posting, after: document - Int32(gap) - 1, to: &code)
                for byte in code { append(byte, toList: position) }
            }
        }
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8, toList position: Int) {
        if lists[position].used == Self.blockSize {
            let block = Int32(nextBlocks.count)
            blocks.append(contentsOf: repeatElement(0, count: Self.blockSize))
            nextBlocks.append(-1)
            let tail = lists[position].tail
            if tail >= 0 { nextBlocks[Int(tail)] = block } else { lists[position].head = block }
            lists[position].tail = block
            lists[position].used = 0
        }
        blocks[Int(lists[position].tail) * Self.blockSize + lists[position].used] = byte
        lists[position].used += 1
    }

    /// The postings after the first of `list`.
    private func rest(of list: List, into bytes: inout [UInt8]) {
        var block = list.head
        while block >= 0 {
            let start = Int(block) * Self.blockSize
            bytes += blocks[start..<start + (block == list.tail ? list.used : Self.blockSize)]
            block = nextBlocks[Int(block)]
        }
    }

    /// These postings with their lists sorted into shards, ready to be joined; no document can
    /// be added after.
    public func sealed() -> SearchPostings {
        SearchPostings(sealing: self)
    }

    /// The entries of term shard `number` from the sealed postings of consecutive runs
    /// `parts`, in order: every term of the shard in increasing order, with the lists of the
    /// runs joined.
    public static func termShard(_ number: Int, of parts: [SearchPostings]) -> [(term: SearchTerm, postings: [UInt8])] {
        var found: [(term: SearchTerm, part: Int, list: Int32)] = []
        for (part, postings) in parts.enumerated() {
            for list in postings.byShard[number] { found.append((postings.lists[Int(list)].term, part, list)) }
        }
        found.sort { ($0.term, $0.part) < ($1.term, $1.part) }
        var entries: [(term: SearchTerm, postings: [UInt8])] = []
        var index = 0
        while index < found.count {
            let term = found[index].term
            var bytes: [UInt8] = []
            var previous: Int32 = -1
            while index < found.count, found[index].term == term {
                let part = parts[found[index].part]
                let list = part.lists[Int(found[index].list)]
                PostingCode.append(list.first, after: previous, to: &bytes)
                part.rest(of: list, into: &bytes)
                previous = list.last
                index += 1
            }
            entries.append((term, bytes))
        }
        return entries
    }
}
