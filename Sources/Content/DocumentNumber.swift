/// The shape of a document number (发文字号, GB/T 9704): the issuing body's abbreviation, the
/// year in hexagonal brackets and the serial number without leading zeros, followed by 号:
/// `X市监党〔2025〕3号`. Authors often type the year in other brackets (`[2025]`, `（2025）`)
/// or with a padded number (`03号`); those are reported with the number as it should be.
enum DocumentNumber {
    enum Check: Equatable {
        case valid
        /// Readable, but written with the wrong brackets or a padded serial number.
        case miswritten(corrected: String)
        case malformed
    }

    private static let openings: Set<Character> = ["〔", "[", "［", "（", "(", "【", "〖", "{", "｛", "<", "《"]
    private static let closings: Set<Character> = ["〕", "]", "］", "）", ")", "】", "〗", "}", "｝", ">", "》"]

    static func check(_ text: String) -> Check {
        guard let open = text.firstIndex(where: openings.contains) else { return .malformed }
        let body = text[..<open]
        let afterOpen = text[text.index(after: open)...]
        guard let close = afterOpen.firstIndex(where: closings.contains) else { return .malformed }
        let year = afterOpen[..<close]
        let tail = afterOpen[afterOpen.index(after: close)...]
        guard !body.isEmpty, !body.contains(where: \.isWhitespace), !body.contains(where: \.isASCIIDigitOnly),
            year.count == 4, year.allSatisfy(\.isASCIIDigitOnly), tail.hasSuffix("号")
        else { return .malformed }
        let serial = tail.dropLast()
        guard !serial.isEmpty, serial.allSatisfy(\.isASCIIDigitOnly), serial.contains(where: { $0 != "0" }) else {
            return .malformed
        }
        let unpadded = serial.drop { $0 == "0" }
        let corrected = "\(body)〔\(year)〕\(unpadded)号"
        return corrected == text ? .valid : .miswritten(corrected: corrected)
    }
}

extension Character {
    fileprivate var isASCIIDigitOnly: Bool { isASCII && isNumber }
}
