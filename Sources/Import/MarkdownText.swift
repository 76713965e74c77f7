import Documents

/// Text put into Markdown as it reads: the characters Markdown would take as marks escaped, and
/// emphasis marks placed around the words, leaving spaces outside.
enum MarkdownText {
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>&~|".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    static func emphasized(_ text: String, _ emphasis: WordDocument.Emphasis) -> String {
        guard !emphasis.isEmpty else { return text }
        let core = text.trimmingCharacters(in: .whitespaces)
        guard !core.isEmpty else { return text }
        let leading = String(text.prefix { $0 == " " })
        let trailing = String(text.reversed().prefix { $0 == " " })
        let mark = emphasis == [.bold, .italic] ? "***" : emphasis == .bold ? "**" : "*"
        return leading + mark + core + mark + trailing
    }

    /// A paragraph's text without the indentation Chinese documents use (全角空格), which
    /// Markdown would read as code, and with a first character that would start a heading, a
    /// quote or a list escaped.
    static func line(_ text: String) -> String {
        var line = Substring(text.drop { $0 == " " || $0 == "\u{3000}" || $0 == "\t" || $0 == "\u{00A0}" })
        while line.hasSuffix(" ") || line.hasSuffix("\u{3000}") { line = line.dropLast() }
        guard let first = line.first else { return "" }
        if "#>-+=".contains(first) { return "\\" + line }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let after = line.dropFirst(digits.count).first, after == "." || after == ")" {
            return digits + "\\" + line.dropFirst(digits.count)
        }
        return String(line)
    }

    /// A link's address, in angle brackets when it holds spaces or parentheses.
    static func destination(_ url: String) -> String {
        url.contains(where: { " ()<>".contains($0) })
            ? "<" + url.replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(of: ">", with: "%3E") + ">" : url
    }
}
