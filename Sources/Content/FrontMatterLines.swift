import Core

/// A Markdown file as lines that keep their own line ends (LF, CRLF or a lone CR), so that an
/// edit of a few front matter lines writes every other byte back exactly as it was read.
/// Lines are numbered as `SourceFile` numbers them: every kind of line end ends a line.
struct FrontMatterLines {
    /// Whether the file started with a UTF-8 byte-order mark; it is written back.
    var byteOrderMark: Bool
    /// Each line with its line end (the last one may have none).
    var lines: [String]

    init(bytes: [UInt8]) {
        var bytes = bytes[...]
        byteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if byteOrderMark { bytes = bytes.dropFirst(3) }
        var lines: [String] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                var end = index + 1
                if byte == UInt8(ascii: "\r"), end < bytes.endIndex, bytes[end] == UInt8(ascii: "\n") { end += 1 }
                lines.append(String(decoding: bytes[start..<end], as: UTF8.self))
                start = end
                index = end
            } else {
                index += 1
            }
        }
        if start < bytes.endIndex { lines.append(String(decoding: bytes[start...], as: UTF8.self)) }
        self.lines = lines
    }

    var bytes: [UInt8] {
        (byteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + lines.flatMap { Array($0.utf8) }
    }

    /// The line end new lines get: the one the opening `---` line has.
    var lineEnd: String {
        guard let first = lines.first else { return "\n" }
        if first.hasSuffix("\r\n") { return "\r\n" }
        if first.hasSuffix("\r") { return "\r" }
        return "\n"
    }

    /// Line `number` (1-based) without its line end.
    func text(_ number: Int) -> Substring {
        var line = Substring(lines[number - 1])
        while line.hasSuffix("\n") || line.hasSuffix("\r") { line = line.dropLast() }
        return line
    }

    /// Spaces before the first other character of line `number`.
    func indentation(_ number: Int) -> Int {
        text(number).prefix { $0 == " " }.count
    }

    /// Whether line `number` holds nothing YAML reads: blank, or only a comment.
    func isBlankOrComment(_ number: Int) -> Bool {
        let trimmed = text(number).drop { $0 == " " || $0 == "\t" }
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }

    /// Whether line `number` starts a block sequence item (`- …` or a lone `-`).
    func isSequenceItem(_ number: Int) -> Bool {
        let trimmed = text(number).drop { $0 == " " }
        return trimmed == "-" || trimmed.hasPrefix("- ")
    }

    /// Replaces lines `range` (1-based, inclusive; empty to insert before `range.lowerBound`)
    /// with `texts`, each ended with `lineEnd`.
    mutating func replace(_ range: Range<Int>, with texts: [String]) {
        lines.replaceSubrange((range.lowerBound - 1)..<(range.upperBound - 1), with: texts.map { $0 + lineEnd })
    }
}
