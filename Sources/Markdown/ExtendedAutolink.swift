/// GitHub's extended autolinks: `www.…`, `http://…`, `https://…`, `ftp://…` and e-mail
/// addresses written bare in text become links, by the rules of cmark-gfm's autolink extension
/// (domain checks, trailing punctuation, balanced parentheses, a trailing entity-like `&hl;`).
///
/// One change for Chinese text: a Chinese character or punctuation mark ends an address, and
/// one may stand right before `www.`. GitHub reads `访问www.gov.cn了解` as no link and
/// `https://www.gov.cn，了解` as a link that runs on into `，了解`; here both give
/// `www.gov.cn` and `https://www.gov.cn`.
enum ExtendedAutolink {
    struct Match: Sendable, Hashable {
        /// Byte offsets of the linked text.
        var range: Range<Int>
        var url: String
    }

    /// The autolinks in a text node's literal, in order. `boundaryBefore` tells whether what
    /// stands before the text lets `www.` start at its first byte (the start of a paragraph, a
    /// space or line break, or `*`, `_`, `~`, `(` before it).
    static func matches(in text: [UInt8], boundaryBefore: Bool = true) -> [Match] {
        var found: [Match] = []
        var index = 0
        var segmentStart = 0
        while index < text.count {
            let byte = text[index]
            var match: Match?
            if byte == UInt8(ascii: "w") {
                match = www(in: text, at: index, boundaryBefore: boundaryBefore)
            } else if byte == UInt8(ascii: ":") {
                match = url(in: text, at: index, earliest: segmentStart)
            }
            if let match {
                found += emails(in: text, from: segmentStart, to: match.range.lowerBound)
                found.append(match)
                index = match.range.upperBound
                segmentStart = index
            } else {
                index += 1
            }
        }
        found += emails(in: text, from: segmentStart, to: text.count)
        return found
    }

    // MARK: www. and scheme://

    private static func www(in text: [UInt8], at start: Int, boundaryBefore: Bool) -> Match? {
        if start > 0 {
            let before = text[start - 1]
            let allowed =
                CommonMarkCharacter.isASCIIWhitespace(before)
                || [UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "(")].contains(before)
                || isChinese(scalarEnding(before: start, in: text))
            guard allowed else { return nil }
        } else if !boundaryBefore {
            return nil
        }
        guard text.count - start >= 4, text[start..<start + 4].elementsEqual("www.".utf8) else { return nil }
        let domain = domainLength(text, from: start, allowShort: false)
        guard domain > 0 else { return nil }
        let end = delimit(text, start: start, end: pathEnd(text, from: start + domain))
        guard end > start else { return nil }
        return Match(range: start..<end, url: "http://" + String(decoding: text[start..<end], as: UTF8.self))
    }

    private static func url(in text: [UInt8], at colon: Int, earliest: Int) -> Match? {
        guard text.count - colon >= 4, text[colon + 1] == UInt8(ascii: "/"), text[colon + 2] == UInt8(ascii: "/") else {
            return nil
        }
        var start = colon
        while start > earliest, isASCIILetter(text[start - 1]) { start -= 1 }
        let scheme = String(decoding: text[start..<colon], as: UTF8.self).lowercased()
        guard ["http", "https", "ftp"].contains(scheme) else { return nil }
        let hostStart = colon + 3
        guard hostStart < text.count, isHostCharacter(text, at: hostStart) else { return nil }
        let domain = domainLength(text, from: hostStart, allowShort: true)
        guard domain > 0 else { return nil }
        let end = delimit(text, start: start, end: pathEnd(text, from: hostStart + domain))
        guard end > start else { return nil }
        return Match(range: start..<end, url: String(decoding: text[start..<end], as: UTF8.self))
    }

    /// cmark-gfm's `check_domain`: the first character is taken as read, and underscores in
    /// the last two labels make the domain invalid.
    private static func domainLength(_ text: [UInt8], from start: Int, allowShort: Bool) -> Int {
        let size = text.count - start
        guard size > 1 else { return 0 }
        var periods = 0
        var underscoresBefore = 0
        var underscores = 0
        var offset = 1
        while offset < size - 1 {
            let byte = text[start + offset]
            if byte == UInt8(ascii: "_") {
                underscores += 1
            } else if byte == UInt8(ascii: ".") {
                underscoresBefore = underscores
                underscores = 0
                periods += 1
            } else if byte != UInt8(ascii: "-"), !isHostCharacter(text, at: start + offset) {
                break
            }
            offset += byte < 0x80 ? 1 : scalarLength(byte)
        }
        if underscoresBefore > 0 || underscores > 0 { return 0 }
        return allowShort || periods > 0 ? offset : 0
    }

    /// The end of an address: the next space, `<` or Chinese character.
    private static func pathEnd(_ text: [UInt8], from start: Int) -> Int {
        var end = min(start, text.count)
        while end < text.count {
            let byte = text[end]
            if CommonMarkCharacter.isASCIIWhitespace(byte) || byte == UInt8(ascii: "<") { break }
            if byte >= 0x80 {
                if isChinese(scalar(startingAt: end, in: text)) { break }
                end += scalarLength(byte)
            } else {
                end += 1
            }
        }
        return min(end, text.count)
    }

    /// cmark-gfm's `autolink_delim`: trailing punctuation and unbalanced closing parentheses
    /// are not part of the address.
    private static func delimit(_ text: [UInt8], start: Int, end initialEnd: Int) -> Int {
        var end = initialEnd
        while end > start {
            let last = text[end - 1]
            if "?!.,:*_~'\"".utf8.contains(last) {
                end -= 1
            } else if last == UInt8(ascii: ";") {
                var probe = end - 2
                while probe > start, isASCIILetter(text[probe]) { probe -= 1 }
                if probe < end - 2, text[probe] == UInt8(ascii: "&") {
                    end = probe
                } else {
                    end -= 1
                }
            } else if last == UInt8(ascii: ")") {
                let opening = text[start..<end].filter { $0 == UInt8(ascii: "(") }.count
                let closing = text[start..<end].filter { $0 == UInt8(ascii: ")") }.count
                if closing <= opening { break }
                end -= 1
            } else {
                break
            }
        }
        return end
    }

    // MARK: E-mail addresses

    /// cmark-gfm's e-mail autolinks between `from` and `to`: a local part of letters, digits and
    /// `.+-_`, one `@`, and a domain with a period followed by a letter or digit.
    private static func emails(in text: [UInt8], from: Int, to: Int) -> [Match] {
        var found: [Match] = []
        var searchFrom = from
        var segmentStart = from
        while let at = text[searchFrom..<to].firstIndex(of: UInt8(ascii: "@")) {
            var start = at
            var slash = false
            while start > segmentStart {
                let byte = text[start - 1]
                if isASCIIAlphanumeric(byte) || ".+-_".utf8.contains(byte) {
                    start -= 1
                    continue
                }
                if byte == UInt8(ascii: "/") { slash = true }
                break
            }
            searchFrom = at + 1
            guard start < at, !slash else { continue }
            var end = at
            var ats = 0
            var periods = 0
            while end < to {
                let byte = text[end]
                if isASCIIAlphanumeric(byte) {
                } else if byte == UInt8(ascii: "@") {
                    ats += 1
                } else if byte == UInt8(ascii: "."), end + 1 < to, isASCIIAlphanumeric(text[end + 1]) {
                    periods += 1
                } else if byte != UInt8(ascii: "-"), byte != UInt8(ascii: "_") {
                    break
                }
                end += 1
            }
            guard end - at >= 2, ats == 1, periods > 0, isASCIILetter(text[end - 1]) || text[end - 1] == UInt8(ascii: ".")
            else { continue }
            let delimited = delimit(text, start: at, end: end)
            guard delimited > at else { continue }
            found.append(
                Match(range: start..<delimited, url: "mailto:" + String(decoding: text[start..<delimited], as: UTF8.self)))
            searchFrom = delimited
            segmentStart = delimited
        }
        return found
    }

    // MARK: Characters

    private static func isHostCharacter(_ text: [UInt8], at offset: Int) -> Bool {
        let byte = text[offset]
        if byte < 0x80 { return isASCIIAlphanumeric(byte) }
        guard let scalar = scalar(startingAt: offset, in: text) else { return false }
        return CommonMarkCharacter.kind(of: scalar) == .other && !isChinese(scalar)
    }

    private static func isChinese(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return CJKCharacter.isCJKPunctuation(scalar)
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || (0x30...0x39).contains(byte)
    }

    private static func scalarLength(_ lead: UInt8) -> Int {
        lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }

    private static func scalar(startingAt offset: Int, in text: [UInt8]) -> Unicode.Scalar? {
        let length = scalarLength(text[offset])
        guard offset + length <= text.count else { return nil }
        return String(decoding: text[offset..<offset + length], as: UTF8.self).unicodeScalars.first
    }

    private static func scalarEnding(before offset: Int, in text: [UInt8]) -> Unicode.Scalar? {
        var start = offset - 1
        while start > 0, text[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(startingAt: start, in: text)
    }
}
