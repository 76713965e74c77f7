/// Measures and cuts text the way Chinese readers count it: by characters, not by words
/// separated by spaces.
public enum ChineseText {
    /// Characters a reader reads: everything but white space. An English word counts per letter,
    /// which is close enough for reading time in mostly Chinese write-ups.
    /// Counted on the UTF-8 bytes: only the lead bytes of the few white-space characters
    /// beyond ASCII (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000) need a closer look.
    public static func readableCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 {
                    if lead != 0x20 && !(0x09...0x0D).contains(lead) { count += 1 }
                    index += 1
                    continue
                }
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                switch lead {
                case 0xC2, 0xE1, 0xE2, 0xE3:
                    var value = UInt32(lead) & (length == 2 ? 0x1F : 0x0F)
                    for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                    if let scalar = Unicode.Scalar(value), scalar.properties.isWhitespace { break }
                    count += 1
                default:
                    count += 1
                }
                index += length
            }
            return count
        }
    }

    /// Minutes to read at about 400 Chinese characters a minute, at least one.
    public static func readingMinutes(characters: Int) -> Int {
        max(1, (characters + 399) / 400)
    }

    private static let sentenceEnds: Set<Character> = ["。", "！", "？", "；", "!", "?", ";", "…"]
    private static let closingMarks: Set<Character> = ["”", "’", "」", "』", "）", ")", "》"]

    /// At most `limit` characters of `text`, cut after the last sentence end that fits
    /// (keeping a closing quotation mark that follows it), or else cut at the limit with `…`.
    /// Works on whole characters, so a cut never splits one.
    public static func summary(of text: String, limit: Int = 120) -> String {
        let trimmed = text.trimmingWhitespace
        guard trimmed.count > limit else { return trimmed }
        let characters = Array(trimmed)
        var cut: Int?
        var index = 0
        while index < limit {
            if sentenceEnds.contains(characters[index]) {
                var end = index + 1
                while end < characters.count, end < limit, closingMarks.contains(characters[end]) { end += 1 }
                cut = end
            }
            index += 1
        }
        if let cut, cut >= limit / 3 {
            return String(characters[..<cut])
        }
        return String(characters[..<limit]) + "…"
    }
}

extension String {
    /// The string without white space (including full-width spaces) at either end.
    public var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
