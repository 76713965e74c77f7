/// Measures and cuts text the way Chinese readers count it: by characters, not by words
/// separated by spaces.
public enum ChineseText {
    /// Characters a reader reads: everything but white space. An English word counts per letter,
    /// which is close enough for reading time in mostly Chinese write-ups.
    public static func readableCount(_ text: String) -> Int {
        var count = 0
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace {
            count += 1
        }
        return count
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
