import Core

/// Builds the plain text of a document while its tree is walked, and lets the walker take out
/// the text of one part (a heading, an image, the first paragraph) by marking where it starts.
///
/// One buffer for everything keeps the walk linear: a part's text is a slice of the buffer,
/// not a second copy built alongside. The buffer is a `String`, so appending the strings copied
/// out of cmark and slicing them again never re-validates UTF-8.
struct PlainTextCollector {
    private var buffer = ""
    private var pendingSoftBreak = false

    init() {
        buffer.reserveCapacity(4096)
    }

    /// Where the next text will start, for `text(since:)`: a UTF-8 offset.
    var mark: Int { buffer.utf8.count }

    mutating func append(_ text: String) {
        guard !text.isEmpty else { return }
        if pendingSoftBreak {
            pendingSoftBreak = false
            // A line break inside a paragraph reads as a space, except between two Chinese
            // characters, which a browser joins too (CSS Text 3, segment break transformation).
            let joins =
                buffer.unicodeScalars.last.map(CJKCharacter.joinsWithoutSpace) == true
                && text.unicodeScalars.first.map(CJKCharacter.joinsWithoutSpace) == true
            if !joins { buffer += " " }
        }
        buffer += text
    }

    /// A line break in the Markdown that is not a hard break. Decided when the next text comes,
    /// because whether it becomes a space depends on the characters on both sides.
    mutating func softBreak() {
        if !buffer.isEmpty { pendingSoftBreak = true }
    }

    mutating func hardBreak() {
        pendingSoftBreak = false
        buffer += "\n"
    }

    /// Ends a block: what follows starts on a new line.
    mutating func endBlock() {
        pendingSoftBreak = false
        if let last = buffer.utf8.last, last != UInt8(ascii: "\n") { buffer += "\n" }
    }

    /// The text appended since `mark`, without white space at either end.
    func text(since mark: Int) -> String {
        guard mark < buffer.utf8.count else { return "" }
        // Marks are taken between appended strings, so they fall on character boundaries.
        let start = buffer.utf8.index(buffer.utf8.startIndex, offsetBy: mark)
        return String(buffer[start...]).trimmingWhitespace
    }

    /// The whole text, blocks separated by one newline.
    var text: String {
        var text = buffer
        while text.utf8.last == UInt8(ascii: "\n") { text.removeLast() }
        return text
    }
}
