/// The plain text of a rendered body, read back from its HTML. The build keeps the HTML of
/// every body for its page anyway, so the index reads the text from it one body at a time
/// rather than keeping a second copy of every text from loading to indexing.
///
/// The HTML is what the portal's Markdown renderer writes (safe mode): tags, the escapes
/// `&amp;` `&lt;` `&gt;` `&quot;`, numeric references and `<!-- raw HTML omitted -->`.
public enum BodyText {
    /// The text of `html`: inline tags (`<strong>`, `<a>`, …) dropped, every other tag ends a
    /// line, escapes read back. A line break inside a paragraph joins two Chinese characters
    /// and is a space otherwise, as a browser shows it. Lines are separated by one `\n`, with
    /// none at either end.
    public static func plainText(of html: String) -> String {
        String(decoding: utf8PlainText(of: html), as: UTF8.self)
    }

    /// `plainText(of:)` as UTF-8 bytes.
    public static func utf8PlainText(of html: String) -> [UInt8] {
        var html = html
        return html.withUTF8 { bytes in
            var reader = Reader(bytes: bytes)
            reader.run()
            while reader.output.last == UInt8(ascii: "\n") { reader.output.removeLast() }
            return reader.output
        }
    }

    /// At most `limit` characters (Unicode scalars) of `text` with its lines joined by spaces:
    /// what a search result shows of a body.
    public static func excerpt(of text: String, limit: Int) -> String {
        excerpt(ofUTF8: Array(text.utf8), limit: limit)
    }

    /// `excerpt(of:limit:)` of text as UTF-8 bytes.
    public static func excerpt(ofUTF8 text: [UInt8], limit: Int) -> String {
        var end = 0
        var characters = 0
        while end < text.count {
            if text[end] & 0xC0 != 0x80 {
                if characters == limit { break }
                characters += 1
            }
            end += 1
        }
        return String(decoding: text[..<end].map { $0 == UInt8(ascii: "\n") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }

    private static let inlineTags: Set<String> = [
        "a", "abbr", "b", "cite", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span",
        "strong", "sub", "sup", "u", "var",
    ]

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var output: [UInt8] = []
        var index = 0
        /// A line break in text, decided when the next character comes.
        var pendingBreak = false
        var lastScalar: UInt32 = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            output.reserveCapacity(bytes.count)
        }

        mutating func run() {
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "<"): tag()
                case UInt8(ascii: "&"): reference()
                case UInt8(ascii: "\n"):
                    if !output.isEmpty && output.last != UInt8(ascii: "\n") { pendingBreak = true }
                    index += 1
                default:
                    text()
                }
            }
        }

        /// A run of text up to the next tag, escape or line break, copied at once.
        mutating func text() {
            var end = index
            while end < bytes.count {
                let byte = bytes[end]
                if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\n") { break }
                end += 1
            }
            if pendingBreak {
                let first = bytes[index]
                let length = first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2
                emit(scalar(at: index, length: min(length, end - index)), bytes: bytes[index..<index])
            }
            output.append(contentsOf: bytes[index..<end])
            var last = end - 1
            while last > index, bytes[last] & 0xC0 == 0x80 { last -= 1 }
            lastScalar = scalar(at: last, length: end - last)
            index = end
        }

        mutating func emit(_ value: UInt32, bytes text: Slice<UnsafeBufferPointer<UInt8>>) {
            if pendingBreak {
                pendingBreak = false
                if !(Self.isWide(lastScalar) && Self.isWide(value)) { output.append(UInt8(ascii: " ")) }
            }
            output.append(contentsOf: text)
            lastScalar = value
        }

        mutating func emit(_ value: UInt32) {
            guard let scalar = Unicode.Scalar(value) else { return }
            let utf8 = Array(String(Character(scalar)).utf8)
            utf8.withUnsafeBufferPointer { emit(value, bytes: $0[...]) }
        }

        mutating func endLine() {
            pendingBreak = false
            if !output.isEmpty && output.last != UInt8(ascii: "\n") { output.append(UInt8(ascii: "\n")) }
            lastScalar = 0
        }

        mutating func tag() {
            if starts(with: "<!--") {
                guard let end = find("-->", from: index + 4) else {
                    index = bytes.count
                    return
                }
                index = end + 3
                return
            }
            var nameStart = index + 1
            if nameStart < bytes.count, bytes[nameStart] == UInt8(ascii: "/") { nameStart += 1 }
            var nameEnd = nameStart
            while nameEnd < bytes.count, Self.isNameByte(bytes[nameEnd]) { nameEnd += 1 }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd]), as: UTF8.self)
                .lowercased()
            // Attribute values are quoted and escaped, so the first `>` ends the tag.
            var end = nameEnd
            while end < bytes.count, bytes[end] != UInt8(ascii: ">") { end += 1 }
            index = min(end + 1, bytes.count)
            if !inlineTags.contains(name) { endLine() }
        }

        mutating func reference() {
            var semicolon = index + 1
            while semicolon < min(index + 11, bytes.count), bytes[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
            guard semicolon < min(index + 11, bytes.count) else {
                emit(UInt32(UInt8(ascii: "&")), bytes: bytes[index..<index + 1])
                index += 1
                return
            }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[index + 1..<semicolon]), as: UTF8.self)
            let value: UInt32?
            switch name {
            case "amp": value = 0x26
            case "lt": value = 0x3C
            case "gt": value = 0x3E
            case "quot": value = 0x22
            case "apos": value = 0x27
            case "nbsp": value = 0x20
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    value = UInt32(name.dropFirst(2), radix: 16)
                } else if name.hasPrefix("#") {
                    value = UInt32(name.dropFirst(1))
                } else {
                    value = nil
                }
            }
            guard let value, Unicode.Scalar(value) != nil else {
                emit(UInt32(UInt8(ascii: "&")), bytes: bytes[index..<index + 1])
                index += 1
                return
            }
            index = semicolon + 1
            emit(value)
        }

        func scalar(at start: Int, length: Int) -> UInt32 {
            let lead = UInt32(bytes[start])
            guard length > 1 else { return lead }
            var value = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length { value = value << 6 | UInt32(bytes[start + offset] & 0x3F) }
            return value
        }

        func starts(with text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] { return false }
            return true
        }

        func find(_ text: StaticString, from start: Int) -> Int? {
            let count = text.utf8CodeUnitCount
            var position = start
            while position + count <= bytes.count {
                var matches = true
                for offset in 0..<count where bytes[position + offset] != text.utf8Start[offset] {
                    matches = false
                    break
                }
                if matches { return position }
                position += 1
            }
            return nil
        }

        static func isNameByte(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }

        /// Characters between which a browser drops a line break (CSS Text 3): Chinese and
        /// Japanese characters and punctuation, but not Hangul, as Korean separates words.
        static func isWide(_ value: UInt32) -> Bool {
            switch value {
            case 0x00B7, 0x2014, 0x2015, 0x2018...0x201F, 0x2025...0x2027: return true
            case 0x3130...0x318F, 0xA960...0xA97F, 0xAC00...0xD7FF: return false
            case 0x2E80...0x9FFF, 0xF900...0xFAFF, 0xFE10...0xFE1F, 0xFE30...0xFE6F, 0xFF00...0xFFEF, 0x20000...0x3FFFF:
                return true
            default: return false
            }
        }
    }
}
