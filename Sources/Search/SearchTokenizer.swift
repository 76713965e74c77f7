/// How text is cut into the terms of the search index. Chinese has no spaces between words,
/// and a word dictionary knows no shop, market or person names, so the index keeps every pair
/// of adjacent characters (bigrams): a query of two or more characters is found through its
/// bigrams, whatever words it is made of. Single characters are kept too, but only for short
/// fields (titles, tags, names), so that a one-character query finds something without the
/// index holding every character of every body.
///
/// Terms never cross a separator: anything that is not a letter or a number (space,
/// punctuation, symbols). ASCII letters are lower-cased, full-width ASCII (`Ａ１`) read as
/// ASCII. The search page's script reads a query the same way (see
/// `templates/assets/search.js`): a change here needs the same change there.
public enum SearchTokenizer {
    /// The character `value` as the index keeps it, or nil when it separates terms.
    @inline(__always)
    public static func indexed(_ value: UInt32) -> UInt32? {
        if value < 0x80 {
            switch value {
            case 0x30...0x39, 0x61...0x7A: return value
            case 0x41...0x5A: return value + 0x20
            default: return nil
            }
        }
        switch value {
        // CJK Unified Ideographs, nearly all of a Chinese text, are letters.
        case 0x4E00...0x9FFF: return value
        case 0xFF01...0xFF5E: return indexed(value - 0xFEE0)
        // The punctuation of Chinese text (“”、。《》【】…), none of it letters or numbers.
        case 0x2000...0x206F, 0x3000...0x3004, 0x3008...0x3020: return nil
        default: break
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
            .letterNumber, .otherNumber:
            return value
        default:
            return nil
        }
    }

    /// Calls `body` with every bigram of `text` in order, and with `singleCharacters` with
    /// every indexed character too, each before the bigram it ends.
    public static func forEachTerm(in text: String, singleCharacters: Bool, _ body: (SearchTerm) -> Void) {
        var text = text
        text.withUTF8 { forEachTerm(inUTF8: $0, singleCharacters: singleCharacters, body) }
    }

    /// `forEachTerm(in:singleCharacters:_:)` for text as UTF-8 bytes, which must be valid.
    public static func forEachTerm(
        inUTF8 bytes: UnsafeBufferPointer<UInt8>, singleCharacters: Bool, _ body: (SearchTerm) -> Void
    ) {
        var previous: UInt32 = 0
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            var value = UInt32(lead)
            if lead < 0x80 {
                index += 1
            } else {
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                value &= length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07
                for offset in 1..<length where index + offset < bytes.count {
                    value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
                }
                index += length
            }
            guard let character = indexed(value) else {
                previous = 0
                continue
            }
            if singleCharacters { body(SearchTerm(character)) }
            if previous != 0 { body(SearchTerm(previous, character)) }
            previous = character
        }
    }

    /// The terms a query looks up, as the search page finds them: the bigrams of each run of
    /// two or more characters, and a run of one character as that character. Each once, in
    /// order.
    public static func queryTerms(_ query: String) -> [SearchTerm] {
        var terms: [SearchTerm] = []
        var run: [UInt32] = []
        func endRun() {
            if run.count == 1 { terms.append(SearchTerm(run[0])) }
            for index in run.indices.dropFirst() { terms.append(SearchTerm(run[index - 1], run[index])) }
            run.removeAll(keepingCapacity: true)
        }
        for scalar in query.unicodeScalars {
            if let value = indexed(scalar.value) { run.append(value) } else { endRun() }
        }
        endRun()
        var seen: Set<SearchTerm> = []
        return terms.filter { seen.insert($0).inserted }
    }
}
