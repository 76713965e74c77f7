import Core

/// Where a Markdown body shows code: fenced code blocks (from the opening fence line to the
/// closing one, or to the end of the file when none closes it) and code spans. Indented code
/// blocks are not recognised (in lists they cannot be told from continued text without parsing
/// the whole document), and a fence is recognised after any indentation and `>` markers. Only
/// files with hits are looked at, so this runs on few files.
extension Proofreader {
    /// Byte ranges of code from the start of `firstLine` on, in increasing order.
    static func codeRanges(in bytes: UnsafeBufferPointer<UInt8>, fromLine firstLine: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var fence: (byte: UInt8, length: Int, start: Int)?
        var blockStart: Int?
        var lineStart = 0
        var line = 1
        while lineStart < bytes.count {
            let lineEnd = ByteScanning.firstIndex(of: UInt8(ascii: "\n"), in: bytes, from: lineStart)
            defer {
                lineStart = lineEnd + 1
                line += 1
            }
            guard line >= firstLine else { continue }
            let content = Self.contentStart(bytes, lineStart, lineEnd)
            if let open = fence {
                if Self.closesFence(bytes, content, lineEnd, byte: open.byte, length: open.length) {
                    ranges.append(open.start..<lineEnd)
                    fence = nil
                }
                continue
            }
            if let opening = Self.openingFence(bytes, content, lineEnd) {
                if let start = blockStart { ranges += codeSpans(in: bytes, start..<lineStart) }
                blockStart = nil
                fence = (opening.byte, opening.length, lineStart)
            } else if content == lineEnd {
                // A blank line ends a paragraph, and no code span reaches over it.
                if let start = blockStart { ranges += codeSpans(in: bytes, start..<lineStart) }
                blockStart = nil
            } else if Self.isHeading(bytes, content, lineEnd) {
                // A heading is a block of its own line.
                if let start = blockStart { ranges += codeSpans(in: bytes, start..<lineStart) }
                ranges += codeSpans(in: bytes, lineStart..<lineEnd)
                blockStart = nil
            } else if blockStart == nil {
                blockStart = lineStart
            }
        }
        if let open = fence { ranges.append(open.start..<bytes.count) }
        if let start = blockStart { ranges += codeSpans(in: bytes, start..<bytes.count) }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// The first byte after indentation and block quote markers.
    private static func contentStart(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var index = start
        while index < end
            && (bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") || bytes[index] == UInt8(ascii: ">"))
        {
            index += 1
        }
        return index
    }

    /// One to six `#` and then a space or the end of the line.
    private static func isHeading(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let count = run(of: UInt8(ascii: "#"), in: bytes, from: start, to: end)
        guard (1...6).contains(count) else { return false }
        return start + count == end || bytes[start + count] == UInt8(ascii: " ") || bytes[start + count] == UInt8(ascii: "\t")
    }

    private static func run(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var index = start
        while index < end && bytes[index] == byte { index += 1 }
        return index - start
    }

    /// Three or more backticks or tildes; after backticks the info string may hold none.
    private static func openingFence(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (
        byte: UInt8, length: Int
    )? {
        guard start < end, bytes[start] == UInt8(ascii: "`") || bytes[start] == UInt8(ascii: "~") else { return nil }
        let byte = bytes[start]
        let length = run(of: byte, in: bytes, from: start, to: end)
        guard length >= 3 else { return nil }
        if byte == UInt8(ascii: "`"), (start + length..<end).contains(where: { bytes[$0] == byte }) { return nil }
        return (byte, length)
    }

    /// At least as many of the fence's characters as opened it, and nothing after but spaces.
    private static func closesFence(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, byte: UInt8, length: Int
    ) -> Bool {
        let count = run(of: byte, in: bytes, from: start, to: end)
        guard count >= length else { return false }
        return (start + count..<end).allSatisfy { bytes[$0] == UInt8(ascii: " ") || bytes[$0] == UInt8(ascii: "\t") }
    }

    /// Code spans of one paragraph, as CommonMark pairs them: a run of backticks opens a span
    /// that the next run of the same length closes; a run that nothing closes is literal text,
    /// and a backslash makes the first backtick of a run literal.
    private static func codeSpans(in bytes: UnsafeBufferPointer<UInt8>, _ block: Range<Int>) -> [Range<Int>] {
        var runs: [(start: Int, end: Int, escaped: Bool)] = []
        var index = block.lowerBound
        while index < block.upperBound {
            guard bytes[index] == UInt8(ascii: "`") else {
                // Within the block only: a scan to the end of the file for each block would
                // cost the square of its length.
                let rest = UnsafeBufferPointer(rebasing: bytes[index..<block.upperBound])
                index += ByteScanning.firstIndex(of: UInt8(ascii: "`"), in: rest, from: 0)
                continue
            }
            var backslashes = 0
            while index - backslashes - 1 >= block.lowerBound && bytes[index - backslashes - 1] == UInt8(ascii: "\\") {
                backslashes += 1
            }
            let length = run(of: UInt8(ascii: "`"), in: bytes, from: index, to: block.upperBound)
            runs.append((index, index + length, backslashes % 2 == 1))
            index += length
        }
        guard runs.count > 1 else { return [] }
        // Runs of each length in order, to find the next run of a length without a rescan.
        var runsOfLength: [Int: [Int]] = [:]
        for (number, run) in runs.enumerated() { runsOfLength[run.end - run.start, default: []].append(number) }
        var spans: [Range<Int>] = []
        var number = 0
        while number < runs.count {
            let opener = runs[number]
            // Backslashes do not escape inside a span, so any run can close one; but outside,
            // `\`` is a literal backtick and the span opens one later.
            let start = opener.escaped ? opener.start + 1 : opener.start
            let length = opener.end - start
            guard length > 0, let candidates = runsOfLength[length] else {
                number += 1
                continue
            }
            // The first run of that length after the opener, by binary search.
            var low = 0
            var high = candidates.count
            while low < high {
                let middle = (low + high) / 2
                if candidates[middle] <= number { low = middle + 1 } else { high = middle }
            }
            guard low < candidates.count else {
                number += 1
                continue
            }
            spans.append(start..<runs[candidates[low]].end)
            number = candidates[low] + 1
        }
        return spans
    }
}
