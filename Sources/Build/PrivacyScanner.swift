import Core

/// Finds personal information in published text: mainland resident ID numbers, mobile numbers
/// and e-mail addresses. Pure logic, no I/O; the build runs it over every output file.
///
/// - An ID number is 17 digits and a check character (a digit, `X` or `x`) that matches the
///   MOD 11-2 checksum of GB 11643, with a plausible birth date in digits 7–14.
/// - A mobile number is `1[3-9]` and 9 more digits, written together or split 3-4-4, 3-8 or
///   7-4 by single spaces or dashes (`138 0013 8000`, `138-0013-8000`); full-width digits
///   (`１３８…`) count as digits, and `+86` may stand before it.
/// - An e-mail address is `local@domain.tld` with an alphabetic top-level domain; addresses on
///   the allow list pass, and so do image names such as `logo@2x.png`.
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
                index = digitWidth(at: index) > 0 ? digits(at: index) : index + 1
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

    /// A single space or dash (ASCII or full-width `－`) between groups of digits: its width.
    func separatorWidth(at index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        let byte = bytes[index]
        if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") { return 1 }
        if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBC, bytes[index + 2] == 0x8D { return 3 }
        return 0
    }

    func group(at start: Int) -> Group {
        var end = start
        var count = 0
        while true {
            let width = digitWidth(at: end)
            guard width > 0 else { break }
            end += width
            count += 1
        }
        return Group(start: start, end: end, count: count)
    }

    /// The group after `group` when a single separator joins them.
    func group(after group: Group) -> Group? {
        let width = separatorWidth(at: group.end)
        guard width > 0, digitWidth(at: group.end + width) > 0 else { return nil }
        return self.group(at: group.end + width)
    }

    /// The ASCII digits of `range`, separators left out.
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
                index += 1
            }
        }
        return result
    }

    /// Looks at the digit group starting at `start`, which no digit precedes, and returns where
    /// scanning goes on: after the match, or after this group (the next group may start one).
    mutating func digits(at start: Int) -> Int {
        let first = group(at: start)
        switch first.count {
        case 18:
            idNumber(first.start..<first.end)
        case 17:
            let check = first.end
            if check < bytes.count, bytes[check] | 0x20 == UInt8(ascii: "x"), !isWordByte(at: check + 1),
                idNumber(first.start..<check + 1)
            {
                return check + 1
            }
        case 11:
            mobile(first.start..<first.end)
        case 13:
            // +8613800138000: the country code glued to the number.
            if first.start > 0, bytes[first.start - 1] == UInt8(ascii: "+"), digitValue(at: first.start) == 8 {
                let secondStart = first.start + digitWidth(at: first.start)
                if digitValue(at: secondStart) == 6 {
                    let numberStart = secondStart + digitWidth(at: secondStart)
                    mobile(numberStart..<first.end)
                }
            }
        case 3, 7:
            guard let second = group(after: first) else { break }
            if first.count + second.count == 11 {
                if mobile(first.start..<second.end) { return second.end }
            } else if first.count == 3, second.count == 4, let third = group(after: second), third.count == 4 {
                if mobile(first.start..<third.end) { return third.end }
            }
        default:
            break
        }
        return first.end
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

    /// The address around the `@` at `sign`, if it is one: the local part before it (at most 64
    /// characters) and a domain of at least two labels after it, ending in an alphabetic
    /// top-level domain.
    mutating func email(at sign: Int) {
        var start = sign
        while start > emailEnd, sign - start < 64, isLocalPartByte(bytes[start - 1]) { start -= 1 }
        while start < sign, bytes[start] == UInt8(ascii: ".") { start += 1 }
        guard start < sign else { return }

        var index = sign + 1
        var labels = 0
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
            labels += 1
            if labels >= 2, isAlphabetic, index - labelStart >= 2 {
                end = index
                topLevelStart = labelStart
            }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "."), index - sign <= 254 else { break }
            index += 1
        }
        guard end > 0 else { return }
        let topLevel = String(decoding: UnsafeBufferPointer(rebasing: bytes[topLevelStart..<end]), as: UTF8.self)
        guard !Self.fileExtensions.contains(topLevel.lowercased()) else { return }
        let address = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        let canonical = address.lowercased()
        emailEnd = end
        guard !allowedEmails.contains(canonical) else { return }
        let domain = Self.maskingNumbers(in: UnsafeBufferPointer(rebasing: bytes[sign + 1..<end]))
        let initial = String(decoding: [bytes[start]], as: UTF8.self)
        findings.append(
            PrivacyFinding(kind: .email, byteRange: start..<end, masked: "\(initial)***@\(domain)", canonical: canonical))
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
