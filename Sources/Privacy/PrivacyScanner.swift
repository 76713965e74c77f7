import Core

/// Finds personal information in published text: mainland resident ID numbers, mobile numbers
/// and e-mail addresses. Pure logic, no I/O; the build runs it over every output file.
///
/// - An ID number is 17 digits and a check character (a digit, `X` or `x`) that matches the
///   MOD 11-2 checksum of GB 11643, with a plausible birth date in digits 7–14, written together
///   or split 6-8-4; or an old 15-digit number (GB 11643-1989: a province code, a birth date
///   `YYMMDD` and 3 more digits), together or split 6-6-3.
/// - A mobile number is `1[3-9]` and 9 more digits, written together or split 3-4-4, 3-8 or
///   7-4; `+86`, `86` or `0086` may stand before it, glued or apart.
/// - Groups of digits are split by up to three separators of any kind and mix: spaces (also
///   no-break and full-width `　`), dashes (`-`, `－`, `‐`–`―`, `−`) and dots (`.`, `．`).
///   Full-width digits (`１３８…`) count as digits.
/// - What a reader does not see does not split a number: inline HTML tags (`<strong>`, `<a …>`)
///   and Markdown's emphasis and link marks (`*`, `_`, `~`, `` ` ``, `[`, `](…)`), so that
///   `138**0013**8000` in a source and `138<strong>0013</strong>8000` in a page are the number
///   they show, found at its first digit. Block tags (`<td>`, `<p>`, `<br>`) do split.
/// - An e-mail address is `local@domain.tld` (or `＠`, and `．` between labels) with an
///   alphabetic top-level domain; addresses on the allow list pass, and so do image names such
///   as `logo@2x.png`.
///
/// Numbers that are part of a longer run of digits do not match, nor do masked forms
/// (`138****1234`, `110105********002X`, `z***@example.gov.cn`).
///
/// The scan looks at each byte once (plus a bounded look back from an `@`), so it runs at
/// memory speed over mostly Chinese HTML.
public struct PrivacyScanner: Sendable {
    /// Lower-cased addresses that may be published, such as an office's public mailbox.
    public let allowedEmails: Set<String>

    public init(allowedEmails: [String] = []) {
        self.allowedEmails = Set(allowedEmails.map { $0.lowercased() })
    }

    /// The findings in `text`, ordered by position.
    public func findings(in text: String) -> [PrivacyFinding] {
        var text = text
        return text.withUTF8 { findings(in: $0) }
    }

    /// The findings in UTF-8 `bytes`, ordered by position.
    public func findings(in bytes: [UInt8]) -> [PrivacyFinding] {
        bytes.withUnsafeBufferPointer { findings(in: $0) }
    }

    /// The findings in UTF-8 `bytes`, ordered by position. Invalid UTF-8 is scanned as it is.
    public func findings(in bytes: UnsafeBufferPointer<UInt8>) -> [PrivacyFinding] {
        var scan = ByteScan(bytes: bytes, allowedEmails: allowedEmails)
        scan.run()
        // Digits are found where they start, e-mails at their `@`: an e-mail that begins with
        // digits (`13800138000@qq.com`) is found after the number inside it.
        return scan.findings.sorted { ($0.byteRange.lowerBound, $0.kind) < ($1.byteRange.lowerBound, $1.kind) }
    }
}

/// One pass over the bytes. Every match starts at an ASCII digit, at the `0xEF` lead byte of a
/// full-width digit or at an `@`; all other bytes are stepped over with three comparisons.
private struct ByteScan {
    /// A run of digits with nothing between them: `byteRange` in the text, `count` digits.
    struct Group {
        var start: Int
        var end: Int
        var count: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let allowedEmails: Set<String>
    var findings: [PrivacyFinding] = []
    /// Where the last e-mail ended: the next one's local part cannot reach back into it.
    var emailEnd = 0

    init(bytes: UnsafeBufferPointer<UInt8>, allowedEmails: Set<String>) {
        self.bytes = bytes
        self.allowedEmails = allowedEmails
    }

    /// Top-level "domains" that are file extensions: `logo@2x.png` is an image, not an address.
    static let fileExtensions: Set<String> = [
        "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "ico", "bmp", "css", "js", "html", "htm",
    ]

    mutating func run() {
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte &- 0x30 < 10 {
                index = digits(at: index)
            } else if byte == 0xEF {
                if digitWidth(at: index) > 0 {
                    index = digits(at: index)
                } else {
                    if isFullWidthAtSign(at: index) { email(at: index) }
                    index += 1
                }
            } else if byte == UInt8(ascii: "@") {
                email(at: index)
                index += 1
            } else {
                index += 1
            }
        }
    }

    // MARK: Digits

    /// 1 for an ASCII digit, 3 for a full-width one (U+FF10–U+FF19), 0 for anything else.
    func digitWidth(at index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        let byte = bytes[index]
        if byte &- 0x30 < 10 { return 1 }
        if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBC, bytes[index + 2] &- 0x90 < 10 { return 3 }
        return 0
    }

    /// The value of the digit at `index`, which `digitWidth` has accepted.
    func digitValue(at index: Int) -> UInt8 {
        let byte = bytes[index]
        return byte < 0x80 ? byte &- 0x30 : bytes[index + 2] &- 0x90
    }

    /// One separator between groups of digits: its width in bytes, 0 for anything else.
    func separatorWidth(at index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        let byte = bytes[index]
        if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") { return 1 }
        guard byte >= 0xC2, index + 1 < bytes.count else { return 0 }
        let second = bytes[index + 1]
        if byte == 0xC2 { return second == 0xA0 ? 2 : 0 }  // no-break space
        guard index + 2 < bytes.count else { return 0 }
        let third = bytes[index + 2]
        switch (byte, second) {
        case (0xE3, 0x80): return third == 0x80 ? 3 : 0  // ideographic space
        case (0xE2, 0x80): return (0x90...0x95).contains(third) || third == 0x89 || third == 0xAF ? 3 : 0  // dashes, thin spaces
        case (0xE2, 0x88): return third == 0x92 ? 3 : 0  // minus sign
        case (0xEF, 0xBC): return third == 0x8D || third == 0x8E ? 3 : 0  // full-width hyphen-minus and full stop
        default: return 0
        }
    }

    /// Inline elements, whose tags do not break the text a reader sees.
    static let inlineTags: Set<[UInt8]> = Set(
        [
            "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s",
            "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
        ].map { Array($0.utf8) })

    /// Markup a reader does not see, starting at `index`: its width in bytes, 0 for none. Markdown's
    /// emphasis and link marks, and an inline HTML tag.
    func markupWidth(at index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        switch bytes[index] {
        case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "`"), UInt8(ascii: "["):
            return 1
        case UInt8(ascii: "]"):
            // `](address)` or `][label]`: the address of a link in the middle of a number.
            guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "(") || bytes[index + 1] == UInt8(ascii: "[")
            else { return 1 }
            let close = bytes[index + 1] == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]")
            var end = index + 2
            while end < bytes.count, end - index < 512, bytes[end] != close, bytes[end] > 0x20 { end += 1 }
            return end < bytes.count && bytes[end] == close ? end + 1 - index : 1
        case UInt8(ascii: "<"):
            var end = index + 1
            if end < bytes.count, bytes[end] == UInt8(ascii: "/") { end += 1 }
            let nameStart = end
            while end < bytes.count, end - nameStart < 8, isAlphanumeric(bytes[end]) { end += 1 }
            guard end > nameStart, end < bytes.count else { return 0 }
            let name = bytes[nameStart..<end].map { $0 | 0x20 }
            guard Self.inlineTags.contains(name) else { return 0 }
            // The attributes, to the end of the tag.
            while end < bytes.count, end - index < 1024, bytes[end] != UInt8(ascii: ">"), bytes[end] != UInt8(ascii: "<") {
                end += 1
            }
            return end < bytes.count && bytes[end] == UInt8(ascii: ">") ? end + 1 - index : 0
        default:
            return 0
        }
    }

    /// Where the digit after the markup at `index` starts, if one does; nil when no markup or
    /// no digit follows.
    func digitAfterMarkup(at index: Int) -> Int? {
        var end = index
        while true {
            let width = markupWidth(at: end)
            guard width > 0 else { break }
            end += width
        }
        return end > index && digitWidth(at: end) > 0 ? end : nil
    }

    /// A run of digits with only markup between them.
    func group(at start: Int) -> Group {
        var end = start
        var index = start
        var count = 0
        while true {
            let width = digitWidth(at: index)
            if width > 0 {
                index += width
                end = index
                count += 1
            } else if let next = digitAfterMarkup(at: index) {
                index = next
            } else {
                break
            }
        }
        return Group(start: start, end: end, count: count)
    }

    /// The group after `group` when up to three separators (and any markup) join them.
    func group(after group: Group) -> Group? {
        var index = group.end
        var separators = 0
        while separators <= 3 {
            let width = separatorWidth(at: index)
            if width > 0 {
                index += width
                separators += 1
                continue
            }
            let markup = markupWidth(at: index)
            guard markup > 0 else { break }
            index += markup
        }
        guard (1...3).contains(separators), digitWidth(at: index) > 0 else { return nil }
        return self.group(at: index)
    }

    /// The ASCII digits of `range`, separators and markup left out.
    func canonicalDigits(_ range: Range<Int>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(18)
        var index = range.lowerBound
        while index < range.upperBound {
            let width = digitWidth(at: index)
            if width > 0 {
                result.append(digitValue(at: index) &+ 0x30)
                index += width
            } else {
                index += max(1, markupWidth(at: index), separatorWidth(at: index))
            }
        }
        return result
    }

    /// Where the digit after the first `count` digits from `start` begins.
    func offset(afterDigits count: Int, from start: Int) -> Int {
        var index = start
        var seen = 0
        while index < bytes.count {
            let width = digitWidth(at: index)
            if width > 0 {
                if seen == count { return index }
                seen += 1
                index += width
            } else {
                index += max(1, markupWidth(at: index))
            }
        }
        return index
    }

    /// Looks at the digit group starting at `start`, which no digit precedes, and returns where
    /// scanning goes on: after the match, or after this group (the next group may start one).
    mutating func digits(at start: Int) -> Int {
        let first = group(at: start)
        switch first.count {
        case 18:
            idNumber(first.start..<first.end)
        case 17:
            if let end = checkCharacterEnd(after: first), idNumber(first.start..<end) { return end }
        case 11:
            mobile(first.start..<first.end)
        case 13, 15:
            // 8613800138000 and 008613800138000: the country code glued to the number.
            if first.count == 15, oldIDNumber(first.start..<first.end) { break }
            let digits = canonicalDigits(first.start..<first.end)
            let prefix = first.count == 13 ? Array("86".utf8) : Array("0086".utf8)
            if digits.starts(with: prefix) {
                mobile(offset(afterDigits: prefix.count, from: first.start)..<first.end)
            }
        case 3, 7:
            guard let second = group(after: first) else { break }
            if first.count + second.count == 11 {
                if mobile(first.start..<second.end) { return second.end }
            } else if first.count == 3, second.count == 4, let third = group(after: second), third.count == 4 {
                if mobile(first.start..<third.end) { return third.end }
            }
        case 6:
            guard let second = group(after: first), let third = group(after: second) else { break }
            if second.count == 8, third.count == 4 {
                if idNumber(first.start..<third.end) { return third.end }
            } else if second.count == 8, third.count == 3, let end = checkCharacterEnd(after: third) {
                if idNumber(first.start..<end) { return end }
            } else if second.count == 6, third.count == 3 {
                if oldIDNumber(first.start..<third.end) { return third.end }
            }
        default:
            break
        }
        return first.end
    }

    /// Just after the `X` that ends an ID number after `group`, if one does.
    func checkCharacterEnd(after group: Group) -> Int? {
        let check = group.end
        guard check < bytes.count, bytes[check] | 0x20 == UInt8(ascii: "x"), !isWordByte(at: check + 1) else { return nil }
        return check + 1
    }

    mutating func record(_ kind: PrivacyFinding.Kind, _ range: Range<Int>, digits: [UInt8], masked: [UInt8]) {
        findings.append(
            PrivacyFinding(
                kind: kind, byteRange: range, masked: String(decoding: masked, as: UTF8.self),
                canonical: String(decoding: digits, as: UTF8.self)))
    }

    /// Whether `range` (11 digits, maybe with separators) is a mobile number; records it if so.
    @discardableResult
    mutating func mobile(_ range: Range<Int>) -> Bool {
        let digits = canonicalDigits(range)
        guard digits.count == 11, digits[0] == UInt8(ascii: "1"), digits[1] >= UInt8(ascii: "3") else { return false }
        record(.mobile, range, digits: digits, masked: digits[0..<3] + Array("****".utf8) + digits[7..<11])
        return true
    }

    /// Whether `range` (17 digits and a check character) is an ID number; records it if so.
    @discardableResult
    mutating func idNumber(_ range: Range<Int>) -> Bool {
        var digits = canonicalDigits(range)
        if digits.count == 17 { digits.append(UInt8(ascii: "X")) }
        guard digits.count == 18 else { return false }
        var sum = 0
        for position in 0..<17 { sum += Int(digits[position] &- 0x30) * ResidentIDNumber.weights[position] }
        guard digits[17] == ResidentIDNumber.checkCharacters[sum % 11] else { return false }
        // The birth date: an 18-digit order or account number with a chance check digit
        // rarely also holds a date.
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + Int($1 &- 0x30) } }
        guard (1900...2099).contains(number(6..<10)), (1...12).contains(number(10..<12)), (1...31).contains(number(12..<14))
        else { return false }
        record(.idNumber, range, digits: digits, masked: digits[0..<6] + Array("********".utf8) + digits[14..<18])
        return true
    }

    /// The province codes of GB/T 2260 that ID numbers begin with.
    static let provinces: Set<Int> = [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
        64, 65, 71, 81, 82,
    ]

    /// Whether `range` (15 digits) is an ID number of the first generation, which has no check
    /// digit: a province code, an area, a birth date `YYMMDD` that exists, and 3 more digits;
    /// records it if so.
    @discardableResult
    mutating func oldIDNumber(_ range: Range<Int>) -> Bool {
        let digits = canonicalDigits(range)
        guard digits.count == 15 else { return false }
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + Int($1 &- 0x30) } }
        guard Self.provinces.contains(number(0..<2)),
            Day(year: 1900 + number(6..<8), month: number(8..<10), day: number(10..<12)) != nil
        else { return false }
        record(.idNumber, range, digits: digits, masked: digits[0..<6] + Array("******".utf8) + digits[12..<15])
        return true
    }

    /// An ASCII letter or digit, or a full-width digit.
    func isWordByte(at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        return isAlphanumeric(bytes[index]) || digitWidth(at: index) > 0
    }

    // MARK: E-mail addresses

    func isAlphanumeric(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
    }

    func isLocalPartByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "%")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    /// Whether `index` starts a full-width at sign `＠` (U+FF20).
    func isFullWidthAtSign(at index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index] == 0xEF && bytes[index + 1] == 0xBC && bytes[index + 2] == 0xA0
    }

    /// The width of the dot between two labels of a domain at `index`: `.` or a full-width `．`.
    func domainDotWidth(at index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        if bytes[index] == UInt8(ascii: ".") { return 1 }
        return index + 2 < bytes.count && bytes[index] == 0xEF && bytes[index + 1] == 0xBC && bytes[index + 2] == 0x8E ? 3 : 0
    }

    /// The address around the `@` (or `＠`) at `sign`, if it is one: the local part before it
    /// (at most 64 characters) and a domain of at least two labels after it, ending in an
    /// alphabetic top-level domain.
    mutating func email(at sign: Int) {
        var start = sign
        while start > emailEnd, sign - start < 64, isLocalPartByte(bytes[start - 1]) { start -= 1 }
        while start < sign, bytes[start] == UInt8(ascii: ".") { start += 1 }
        guard start < sign else { return }

        let domainStart = sign + (bytes[sign] == UInt8(ascii: "@") ? 1 : 3)
        var index = domainStart
        var labels: [Range<Int>] = []
        var end = -1
        var topLevelStart = 0
        while index < bytes.count {
            let labelStart = index
            var isAlphabetic = true
            while index < bytes.count, index - sign <= 254,
                isAlphanumeric(bytes[index]) || bytes[index] == UInt8(ascii: "-")
            {
                if bytes[index] &- 0x30 < 10 || bytes[index] == UInt8(ascii: "-") { isAlphabetic = false }
                index += 1
            }
            guard index > labelStart else { break }
            labels.append(labelStart..<index)
            if labels.count >= 2, isAlphabetic, index - labelStart >= 2 {
                end = index
                topLevelStart = labelStart
            }
            let dot = domainDotWidth(at: index)
            guard dot > 0, index - sign <= 254 else { break }
            index += dot
        }
        guard end > 0 else { return }
        let topLevel = String(decoding: UnsafeBufferPointer(rebasing: bytes[topLevelStart..<end]), as: UTF8.self)
        guard !Self.fileExtensions.contains(topLevel.lowercased()) else { return }
        // The address in one spelling: ASCII `@` and dots, lower case.
        let domainBytes = labels.filter { $0.upperBound <= end }.map { Array(bytes[$0]) }.joined(separator: [UInt8(ascii: ".")])
        let domain = Array(domainBytes)
        let local = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<sign]), as: UTF8.self)
        let canonical = (local + "@" + String(decoding: domain, as: UTF8.self)).lowercased()
        emailEnd = end
        guard !allowedEmails.contains(canonical) else { return }
        let masked = domain.withUnsafeBufferPointer { Self.maskingNumbers(in: $0) }
        let initial = String(decoding: [bytes[start]], as: UTF8.self)
        findings.append(
            PrivacyFinding(kind: .email, byteRange: start..<end, masked: "\(initial)***@\(masked)", canonical: canonical))
    }

    /// The domain of a masked address, with any number in it masked too: a domain may hold a
    /// mobile number (`a@shop-138-0013-8000.cn`, found by fuzzing), which the masked form must
    /// not print. A domain has no `@`, so this finds numbers only.
    static func maskingNumbers(in domain: UnsafeBufferPointer<UInt8>) -> String {
        var scan = ByteScan(bytes: domain, allowedEmails: [])
        scan.run()
        guard !scan.findings.isEmpty else { return String(decoding: domain, as: UTF8.self) }
        var result: [UInt8] = []
        var index = 0
        for finding in scan.findings {
            result += domain[index..<finding.byteRange.lowerBound]
            result += Array(finding.masked.utf8)
            index = finding.byteRange.upperBound
        }
        result += domain[index...]
        return String(decoding: result, as: UTF8.self)
    }
}
