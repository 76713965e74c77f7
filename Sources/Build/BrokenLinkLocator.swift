import Core
import Foundation

/// Finds where a broken link of a rendered page is written in the page's Markdown file, so
/// that its error points at the link rather than at the top of the file. The link graph sees
/// only the HTML; the address is found again in the file's text, which is read only for pages
/// with a broken link.
struct BrokenLinkLocator {
    let content: URL
    let contentDisplay: String

    /// The line and column (in characters) of `href` written as a link's address in the file
    /// `source` names: after `(`, `<` or `]: `. Nil when the file does not hold it, as for a
    /// link the template writes.
    func location(of href: String, in source: SourceLocation) -> SourceLocation? {
        guard let text = try? String(contentsOf: file(of: source.path), encoding: .utf8) else { return nil }
        let address = Self.unescaped(href)
        guard !address.isEmpty else { return nil }
        var line = 1
        for lineText in text.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { line += 1 }
            var searched = lineText[...]
            while let found = searched.range(of: address) {
                let before = lineText[..<found.lowerBound]
                if before.hasSuffix("(") || before.hasSuffix("<") || before.hasSuffix("]: ") {
                    return SourceLocation(path: source.path, line: line, column: before.unicodeScalars.count + 1)
                }
                searched = lineText[found.upperBound...]
            }
        }
        return nil
    }

    private func file(of displayPath: String) -> URL {
        let prefix = contentDisplay.isEmpty || contentDisplay == "." ? "" : contentDisplay + "/"
        let relative = displayPath.hasPrefix(prefix) ? String(displayPath.dropFirst(prefix.count)) : displayPath
        return content.appendingPathComponent(relative)
    }

    /// The address as the author wrote it: the HTML writer escapes `&`, `"`, `<` and `>`.
    static func unescaped(_ href: String) -> String {
        guard href.contains("&") else { return href }
        return href.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
