import Core

/// Text for the feed and the sitemap: escaped, and without the control characters XML 1.0
/// does not allow (an author's stray form feed would make the whole feed unreadable).
public enum XMLText {
    static func escape(_ text: String) -> String {
        let allowed = text.unicodeScalars.allSatisfy { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        if allowed { return MarkupText.escaped(text) }
        var cleaned = String.UnicodeScalarView()
        cleaned.append(contentsOf: text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        return MarkupText.escaped(String(cleaned))
    }
}
