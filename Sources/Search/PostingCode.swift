/// How numbers are written in the index files: in base 26, most significant digit first, each
/// digit a letter, lower case for every digit but the last, which is upper case (0 is `A`, 25
/// is `Z`, 26 is `bA`). Numbers need no separators, the files stay short, and a list of
/// postings, having no digits, can never look like a phone or ID number to the privacy check.
///
/// A posting list is the documents a term is in, in increasing order, each as the gap from the
/// one before (from -1 for the first) less one, times two, plus one when the term's score in
/// it is not 1; then that score. Most postings are a body match in a document close to the one
/// before, one letter.
public enum PostingCode {
    public static func append(_ value: Int, to bytes: inout [UInt8]) {
        precondition(value >= 0, "posting codes are not negative")
        var divisor = 1
        while value / divisor >= 26 { divisor *= 26 }
        var rest = value
        while divisor > 1 {
            bytes.append(UInt8(ascii: "a") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 26
        }
        bytes.append(UInt8(ascii: "A") + UInt8(rest))
    }

    /// The number at `index`, which moves past it; nil when the bytes there are not one.
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> Int? {
        var value = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                value = value * 26 + Int(byte - UInt8(ascii: "a"))
                guard value < Int(Int32.max) else { return nil }
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                return value * 26 + Int(byte - UInt8(ascii: "A"))
            default:
                return nil
            }
        }
        return nil
    }

    /// Appends `posting` to a list whose last document is `previous` (-1 for none).
    public static func append(_ posting: Posting, after previous: Int32, to bytes: inout [UInt8]) {
        let gap = Int(posting.document) - Int(previous) - 1
        append(gap * 2 + (posting.score == 1 ? 0 : 1), to: &bytes)
        if posting.score != 1 { append(Int(posting.score), to: &bytes) }
    }

    /// The list `bytes` encodes; nil when it is not one.
    public static func postings(_ bytes: UnsafeBufferPointer<UInt8>) -> [Posting]? {
        var postings: [Posting] = []
        var index = 0
        var previous = -1
        while index < bytes.count {
            guard let value = read(bytes, at: &index) else { return nil }
            let document = previous + 1 + value / 2
            var score = 1
            if value % 2 == 1 {
                guard let written = read(bytes, at: &index), (2...255).contains(written) else { return nil }
                score = written
            }
            guard document <= Int(Int32.max) else { return nil }
            postings.append(Posting(document: Int32(document), score: UInt8(score)))
            previous = document
        }
        return postings
    }

    /// Whether the list `bytes` encodes holds any of `documents` (in increasing order), read
    /// only as far as the last of them; nil when it is not a list.
    public static func holdsAny(of documents: [Int32], in bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let last = documents.last else { return false }
        var index = 0
        var previous = -1
        var wanted = 0
        while index < bytes.count {
            guard let value = read(bytes, at: &index) else { return nil }
            if value % 2 == 1 {
                guard read(bytes, at: &index) != nil else { return nil }
            }
            let document = previous + 1 + value / 2
            if document > Int(last) { return false }
            while Int(documents[wanted]) < document { wanted += 1 }
            if Int(documents[wanted]) == document { return true }
            previous = document
        }
        return false
    }

    /// The list `bytes` encodes with the posting of `document` taken out, and `posting` (of
    /// that document) put in its place when given: the bytes before it are kept, and of those
    /// after it only the next posting is written anew, its gap now counted from another
    /// document. Nil when `bytes` is not a list.
    public static func replacing(_ document: Int32, with posting: Posting?, in bytes: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBufferPointer { list -> [UInt8]? in
            // The posting at or after `document` starts at `start` and ends at `index`.
            var index = 0
            var start = 0
            var previous = -1
            var found: Int?
            while index < list.count {
                start = index
                guard let value = read(list, at: &index) else { return nil }
                if value % 2 == 1 {
                    guard read(list, at: &index) != nil else { return nil }
                }
                let current = previous + 1 + value / 2
                if current >= Int(document) {
                    found = current
                    break
                }
                previous = current
            }
            if found == nil { start = list.count }
            var result = Array(list[..<start])
            var last = Int32(previous)
            if let posting {
                append(posting, after: last, to: &result)
                last = document
            }
            // The posting that now follows, with the document its gap was counted from.
            var next = start
            var before = previous
            if found == Int(document) {
                next = index
                before = Int(document)
            }
            if next < list.count {
                var end = next
                guard let value = read(list, at: &end) else { return nil }
                var score = 1
                if value % 2 == 1 {
                    guard let written = read(list, at: &end) else { return nil }
                    score = written
                }
                let following = before + 1 + value / 2
                guard following > Int(last), (1...255).contains(score) else { return nil }
                append(Posting(document: Int32(following), score: UInt8(score)), after: last, to: &result)
                result += list[end...]
            }
            return result
        }
    }

    /// The encoding of `postings`, which are in increasing order of document.
    public static func encode(_ postings: [Posting]) -> [UInt8] {
        var bytes: [UInt8] = []
        var previous: Int32 = -1
        for posting in postings {
            append(posting, after: previous, to: &bytes)
            previous = posting.document
        }
        return bytes
    }
}

/// A document a term is in, and the term's score there (see `SearchField`).
public struct Posting: Hashable, Sendable {
    public var document: Int32
    public var score: UInt8

    public init(document: Int32, score: UInt8) {
        self.document = document
        self.score = score
    }
}
