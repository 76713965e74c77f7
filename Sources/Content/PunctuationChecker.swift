import Core

/// Checks a Markdown body's punctuation against 标点符号用法 (GB/T 15834-2011), as warnings:
///
/// - a half-width `,` `.` `!` `?` `;` `:` `(` `)` between two Chinese characters (spaces and
///   emphasis marks between them looked through), where the full-width mark belongs;
/// - the paired marks “” 《》 （） 【】 of a paragraph (or heading, list item, table row): an
///   opening mark the paragraph never closes, a closing mark with no opening one, and a
///   full-width parenthesis closed by a half-width one or the other way round;
/// - doubled marks: two of 。，、；： in a row (`。。`, `，。`).
///
/// `！！`, `？？`, `？！` are not flagged: GB/T 15834 lets 叹号 and 问号 be doubled for strong
/// feeling. `……` and `——` are the right forms of the ellipsis and the dash.
///
/// Passed over: code (fenced blocks, code spans, indented blocks after a blank line), link and
/// image destinations `](…)`, autolinks and HTML tags `<…>`, bare web addresses, reference
/// definitions, and anything between ASCII characters, so numbers (`3.5`, `1,000`, `10:30`) and
/// English text are never touched. It scans the file's own bytes, so positions are the file's.
struct PunctuationChecker {
    struct Finding {
        let offset: Int
        let message: String
        let hint: String
    }

    /// A mark that may matter, with whether the character before it and the one after it
    /// (spaces and emphasis marks looked through) are Chinese. Only these are kept of a line:
    /// nearly every character is a letter, and a letter needs no more than its kind.
    private struct Mark {
        let scalar: Unicode.Scalar
        let offset: Int
        var hanBefore = false
        var hanAfter = false
    }

    private static let halfWidth: [Unicode.Scalar: (name: String, full: String)] = [
        ",": ("逗号", "，"), ".": ("句号", "。"), "!": ("叹号", "！"), "?": ("问号", "？"), ";": ("分号", "；"),
        ":": ("冒号", "："), "(": ("括号", "（"), ")": ("括号", "）"),
    ]
    private static let openers: [Unicode.Scalar: (close: Unicode.Scalar, name: String)] = [
        "“": ("”", "引号"), "《": ("》", "书名号"), "（": ("）", "括号"), "【": ("】", "方头括号"),
    ]

    /// 。，、；：, which are never written twice in a row.
    @inline(__always)
    private static func isDoubled(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3001, 0x3002, 0xFF0C, 0xFF1A, 0xFF1B: return true
        default: return false
        }
    }

    /// The findings in the body, which starts at byte `bodyStart`; `code` are the byte ranges of
    /// fenced code and code spans, ascending.
    static func findings(in bytes: UnsafeBufferPointer<UInt8>, bodyStart: Int, code: [Range<Int>]) -> [Finding] {
        var checker = PunctuationChecker()
        var lineStart = bodyStart
        var codeIndex = 0
        var previousBlank = true
        var previousIndentedCode = false
        var line: [Mark] = []
        while lineStart < bytes.count {
            let lineEnd = ByteScanning.firstIndex(of: UInt8(ascii: "\n"), in: bytes, from: lineStart)
            defer { lineStart = lineEnd + 1 }
            while codeIndex < code.count, code[codeIndex].upperBound <= lineStart { codeIndex += 1 }
            // A line inside a fenced block, or wholly a code span's, is code.
            if codeIndex < code.count, code[codeIndex].lowerBound <= lineStart, code[codeIndex].upperBound >= lineEnd {
                checker.endBlock()
                previousBlank = false
                continue
            }
            var content = lineStart
            var indent = 0
            while content < lineEnd, bytes[content] == UInt8(ascii: " ") || bytes[content] == UInt8(ascii: "\t") {
                indent += bytes[content] == UInt8(ascii: "\t") ? 4 : 1
                content += 1
            }
            if content == lineEnd || (content == lineEnd - 1 && bytes[content] == UInt8(ascii: "\r")) {
                checker.endBlock()
                previousBlank = true
                previousIndentedCode = false
                continue
            }
            if indent >= 4, previousBlank || previousIndentedCode {
                previousIndentedCode = true
                previousBlank = false
                continue
            }
            previousIndentedCode = false
            previousBlank = false
            while content < lineEnd, bytes[content] == UInt8(ascii: ">") || bytes[content] == UInt8(ascii: " ") {
                content += 1
            }
            if isReferenceDefinition(bytes, content, lineEnd) { continue }
            let startsBlock = startsBlock(bytes, content, lineEnd)
            if startsBlock { checker.endBlock() }
            decode(bytes, from: content, to: lineEnd, code: code, codeIndex: codeIndex, into: &line)
            checker.check(line)
            if startsBlock, bytes[content] == UInt8(ascii: "#") || bytes[content] == UInt8(ascii: "|") {
                checker.endBlock()
            }
        }
        checker.endBlock()
        return Self.limited(checker.findings.sorted { $0.offset < $1.offset })
    }

    /// The most findings listed for one body. A body of nothing but marks (`**“` a hundred
    /// thousand times) would otherwise print as many warnings, and sorting and printing them
    /// would cost far more than the build.
    static let findingLimit = 100

    /// `findings` up to the limit, and one finding that tells how many more there are.
    private static func limited(_ findings: [Finding]) -> [Finding] {
        guard findings.count > findingLimit else { return findings }
        return findings.prefix(findingLimit)
            + [
                Finding(
                    offset: findings[findingLimit].offset, message: "另有 \(findings.count - findingLimit) 处标点问题未逐一列出",
                    hint: "先改正前面列出的 \(findingLimit) 处，再构建时会列出其余的")
            ]
    }

    private var findings: [Finding] = []
    private var open: [Mark] = []

    // MARK: One line

    private mutating func check(_ line: [Mark]) {
        var index = 0
        while index < line.count {
            let mark = line[index]
            let scalar = mark.scalar
            let foundBefore = findings.count
            // Switches rather than the tables below, which are only for the messages: this runs
            // for every mark of every body.
            switch scalar {
            case "“", "《", "（", "【", "(": open.append(mark)
            case "”": close(mark, opening: "“")
            case "》": close(mark, opening: "《")
            case "）": close(mark, opening: "（")
            case "】": close(mark, opening: "【")
            case ")": closeHalfWidth(mark)
            default: break
            }
            // A half-width parenthesis closing a full-width one is reported once, as mixed.
            if scalar.isASCII, findings.count == foundBefore || scalar != ")", isBetweenChinese(line, index),
                let half = Self.halfWidth[scalar]
            {
                findings.append(
                    Finding(
                        offset: mark.offset, message: "中文之间用了半角\(half.name)“\(scalar)”",
                        hint: "改为全角\(half.name)“\(half.full)”（GB/T 15834-2011《标点符号用法》）"))
            }
            if Self.isDoubled(scalar), index + 1 < line.count, Self.isDoubled(line[index + 1].scalar),
                line[index + 1].offset == mark.offset + 3
            {
                var end = index + 1
                var text = "\(scalar)"
                while end < line.count, Self.isDoubled(line[end].scalar), line[end].offset == line[end - 1].offset + 3 {
                    text.unicodeScalars.append(line[end].scalar)
                    end += 1
                }
                findings.append(
                    Finding(
                        offset: mark.offset, message: "标点重复：“\(text)”",
                        hint: "只留一个标点；省略号写作“……”，破折号写作“——”"))
                index = end
                continue
            }
            index += 1
        }
    }

    /// A full-width closing mark: it closes the latest opening mark of its kind; opening marks
    /// of other kinds after that one are never closed.
    private mutating func close(_ mark: Mark, opening: Unicode.Scalar) {
        if opening == "（", let last = open.last, last.scalar == "(" {
            open.removeLast()
            findings.append(mixedParentheses(at: mark, opening: "(", closing: "）"))
            return
        }
        guard let match = open.lastIndex(where: { $0.scalar == opening }) else {
            let name = Self.openers[opening]?.name ?? ""
            findings.append(
                Finding(
                    offset: mark.offset, message: "右\(name) \(mark.scalar) 前面没有配对的 \(opening)",
                    hint: "补上 \(opening)，或删去多余的 \(mark.scalar)"))
            return
        }
        for unclosed in open[(match + 1)...] { reportUnclosed(unclosed) }
        open.removeSubrange(match...)
    }

    private mutating func closeHalfWidth(_ mark: Mark) {
        guard let last = open.last, last.scalar == "(" || last.scalar == "（" else { return }
        open.removeLast()
        if last.scalar == "（" { findings.append(mixedParentheses(at: mark, opening: "（", closing: ")")) }
    }

    private func mixedParentheses(at mark: Mark, opening: String, closing: String) -> Finding {
        Finding(
            offset: mark.offset, message: "括号 \(opening) 和 \(closing) 全角半角混用",
            hint: "中文里两边都用全角括号（）")
    }

    private mutating func reportUnclosed(_ mark: Mark) {
        guard let opener = Self.openers[mark.scalar] else { return }
        findings.append(
            Finding(
                offset: mark.offset, message: "左\(opener.name) \(mark.scalar) 在本段没有配对的 \(opener.close)",
                hint: "补上 \(opener.close)，或删去多余的 \(mark.scalar)"))
    }

    /// A paragraph, heading, list item or table row ended: what it left open stays unclosed.
    private mutating func endBlock() {
        for mark in open { reportUnclosed(mark) }
        open.removeAll(keepingCapacity: true)
    }

    private func isBetweenChinese(_ line: [Mark], _ index: Int) -> Bool {
        let mark = line[index]
        // `...` is an ellipsis written in ASCII, not a full stop.
        if mark.scalar == "." {
            if index > 0, line[index - 1].scalar == ".", line[index - 1].offset == mark.offset - 1 { return false }
            if index + 1 < line.count, line[index + 1].scalar == ".", line[index + 1].offset == mark.offset + 1 {
                return false
            }
        }
        return mark.hanBefore && mark.hanAfter
    }

    /// Whether `scalar` is one of the marks checked: the ASCII ones, “”, the CJK symbols block
    /// (。、《》【】) and the full-width forms (，；：（）).
    @inline(__always)
    private static func mayMatter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21, 0x28, 0x29, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F, 0x201C, 0x201D, 0x3001...0x3011, 0xFF08, 0xFF09, 0xFF0C,
            0xFF1A, 0xFF1B:
            return true
        default:
            return false
        }
    }

    private static func isLookedThrough(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "*" || scalar == "_" || scalar == "~"
    }

    /// Han ideographs (with 〇); kana and hangul are not Chinese text.
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: return true
        default: return false
        }
    }

    // MARK: Reading a line

    /// The marks of the line from `start` that may matter. The pieces that are not prose (code
    /// spans, link destinations, `<…>`, web addresses) count as one character that is not
    /// Chinese, so that nothing inside is checked and nothing beside them counts as next to
    /// Chinese.
    private static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, code: [Range<Int>], codeIndex: Int,
        into line: inout [Mark]
    ) {
        line.removeAll(keepingCapacity: true)
        var codeIndex = codeIndex
        while codeIndex < code.count, code[codeIndex].upperBound <= start { codeIndex += 1 }
        var nextCode = codeIndex < code.count ? code[codeIndex].lowerBound : Int.max
        var lastHan = false
        // Marks from this index on wait for the character after them.
        var waiting = 0
        func character(isHan: Bool) {
            while waiting < line.count {
                line[waiting].hanAfter = isHan
                waiting += 1
            }
            lastHan = isHan
        }
        var offset = start
        while offset < end {
            let byte = bytes[offset]
            // Most of a Chinese text: a Han character of U+4000…U+9FFF (but for the hexagrams
            // U+4DC0…U+4DFF), never a mark.
            if byte >= 0xE4, byte <= 0xE9, offset < nextCode, byte != 0xE4 || bytes[offset + 1] != 0xB7 {
                if waiting < line.count { character(isHan: true) } else { lastHan = true }
                offset += 3
                continue
            }
            if offset >= nextCode {
                while codeIndex < code.count, code[codeIndex].upperBound <= offset { codeIndex += 1 }
                if codeIndex < code.count, code[codeIndex].contains(offset) {
                    character(isHan: false)
                    offset = min(code[codeIndex].upperBound, end)
                    continue
                }
                nextCode = codeIndex < code.count ? code[codeIndex].lowerBound : Int.max
                continue
            }
            if byte == UInt8(ascii: "\\"), offset + 1 < end, bytes[offset + 1] < 0x80 {
                // An escaped ASCII mark is the author's on purpose.
                character(isHan: false)
                offset += 2
                continue
            }
            if byte == UInt8(ascii: "]"), offset + 1 < end, bytes[offset + 1] == UInt8(ascii: "(") {
                character(isHan: false)
                offset = destinationEnd(bytes, from: offset + 1, to: end)
                continue
            }
            if byte == UInt8(ascii: "<"), offset + 1 < end, isTagStart(bytes[offset + 1]) {
                var close = offset + 1
                while close < end, bytes[close] != UInt8(ascii: ">") { close += 1 }
                if close < end {
                    character(isHan: false)
                    offset = close + 1
                    continue
                }
            }
            if byte == UInt8(ascii: "h") || byte == UInt8(ascii: "w"), startsAddress(bytes, offset, end) {
                character(isHan: false)
                // As far as an extended autolink reaches: to a space or `<`.
                while offset < end, bytes[offset] > 0x20, bytes[offset] != UInt8(ascii: "<") { offset += 1 }
                continue
            }
            let (scalar, length) = scalar(at: offset, in: bytes)
            offset += length
            if isLookedThrough(scalar) { continue }
            if mayMatter(scalar) {
                let hanBefore = lastHan
                character(isHan: false)
                line.append(Mark(scalar: scalar, offset: offset - length, hanBefore: hanBefore))
            } else {
                character(isHan: isHan(scalar))
            }
        }
    }

    /// Just after the `)` that closes a link destination opened at `open`, parentheses nested.
    private static func destinationEnd(_ bytes: UnsafeBufferPointer<UInt8>, from open: Int, to end: Int) -> Int {
        var depth = 0
        var offset = open
        while offset < end {
            switch bytes[offset] {
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return offset + 1 }
            default: break
            }
            offset += 1
        }
        return end
    }

    private static func isTagStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
    }

    private static func startsAddress(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, _ end: Int) -> Bool {
        for prefix in ["https://", "http://", "www."] where offset + prefix.utf8.count <= end {
            if bytes[offset..<(offset + prefix.utf8.count)].elementsEqual(prefix.utf8) { return true }
        }
        return false
    }

    /// `[label]: destination` at the start of a line.
    private static func isReferenceDefinition(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard start < end, bytes[start] == UInt8(ascii: "[") else { return false }
        var offset = start + 1
        while offset + 1 < end {
            if bytes[offset] == UInt8(ascii: "]") { return bytes[offset + 1] == UInt8(ascii: ":") }
            offset += 1
        }
        return false
    }

    /// A heading, a list item, or a table row begins a block of its own.
    private static func startsBlock(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let byte = bytes[start]
        if byte == UInt8(ascii: "#") || byte == UInt8(ascii: "|") { return true }
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") {
            return start + 1 < end && bytes[start + 1] == UInt8(ascii: " ")
        }
        var offset = start
        while offset < end, bytes[offset] >= UInt8(ascii: "0"), bytes[offset] <= UInt8(ascii: "9") { offset += 1 }
        guard offset > start, offset + 1 < end else { return false }
        return (bytes[offset] == UInt8(ascii: ".") || bytes[offset] == UInt8(ascii: ")"))
            && bytes[offset + 1] == UInt8(ascii: " ")
    }

    /// Swift strings hold valid UTF-8, so no checks.
    private static func scalar(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[offset])
        switch lead {
        case 0..<0x80:
            return (Unicode.Scalar(UInt8(lead)), 1)
        case 0xC0..<0xE0:
            let value = (lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F)
            return (Unicode.Scalar(value) ?? "\u{FFFD}", 2)
        case 0xE0..<0xF0:
            let value = (lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
            return (Unicode.Scalar(value) ?? "\u{FFFD}", 3)
        default:
            let value =
                (lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12 | UInt32(bytes[offset + 2] & 0x3F) << 6
                | UInt32(bytes[offset + 3] & 0x3F)
            return (Unicode.Scalar(value) ?? "\u{FFFD}", 4)
        }
    }
}
