import Core

/// Builds the plain text of a document while its tree is walked, and lets the walker take out
/// the text of one part (a heading, an image, the first paragraph) by marking where it starts.
///
/// One buffer for everything keeps the walk linear: a part's text is a slice of the buffer,
/// not a second copy built alongside.
struct PlainTextCollector {
    private var bytes: [UInt8] = []
    private var pendingSoftBreak = false

    init() {
        bytes.reserveCapacity(4096)
    }

    /// Where the next text will start, for `text(since:)`.
    var mark: Int { bytes.count }

    mutating func append(_ text: String) {
        guard !text.isEmpty else { return }
        if pendingSoftBreak {
            pendingSoftBreak = false
            // A line break inside a paragraph reads as a space, except between two Chinese
            // characters, which a browser joins too (CSS Text 3, segment break transformation).
            let joins = lastScalar.map(CJKCharacter.joinsWithoutSpace) == true
                && text.unicodeScalars.first.map(CJKCharacter.joinsWithoutSpace) == true
            if !joins { bytes.append(UInt8(ascii: " ")) }
        }
        bytes.append(contentsOf: text.utf8)
    }

    /// A line break in the Markdown that is not a hard break. Decided when the next text comes,
    /// because whether it becomes a space depends on the characters on both sides.
    mutating func softBreak() {
        if !bytes.isEmpty { pendingSoftBreak = true }
    }

    mutating func hardBreak() {
        pendingSoftBreak = false
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Ends a block: what follows starts on a new line.
    mutating func endBlock() {
        pendingSoftBreak = false
        if let last = bytes.last, last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
    }

    /// The text appended since `mark`, without white space at either end.
    func text(since mark: Int) -> String {
        guard mark < bytes.count else { return "" }
        return String(decoding: bytes[mark...], as: UTF8.self).trimmingWhitespace
    }

    /// The whole text, blocks separated by one newline.
    var text: String {
        var end = bytes.count
        while end > 0, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        return String(decoding: bytes[..<end], as: UTF8.self)
    }

    private var lastScalar: Unicode.Scalar? {
        guard !bytes.isEmpty else { return nil }
        var start = bytes.count - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return String(decoding: bytes[start...], as: UTF8.self).unicodeScalars.first
    }
}
