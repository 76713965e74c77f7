import Content
import Core
import Foundation

/// Finds where the Markdown files of `content/` link to an attachment, so that a problem in the
/// attachment is reported at the link an author can follow: `[通知原文](notice.pdf)` in a body,
/// or `attachment: notice.pdf` in front matter. The files are read only when an attachment has a
/// problem.
public struct AttachmentLinkLocator {
    let content: URL
    let contentDisplay: String

    /// A link to the attachment: where it is, and the address as written.
    struct Link: Sendable, Hashable {
        var location: SourceLocation
        var address: String
    }

    /// The links to the file at `relativePath` (relative to `content/`), in path and position
    /// order.
    func links(to relativePath: String) -> [Link] {
        let name = String(relativePath.split(separator: "/").last ?? "")
        guard !name.isEmpty else { return [] }
        let markdown = FileTree.files(below: content.path, skipping: IgnoredFiles.isIgnored).filter { $0.hasSuffix(".md") }
        var links: [Link] = []
        for file in markdown {
            guard let text = try? String(contentsOf: content.appendingPathComponent(file), encoding: .utf8),
                text.contains(name)
            else { continue }
            let folder = file.split(separator: "/").dropLast().map(String.init)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var searched = line[...]
                while let found = searched.range(of: name) {
                    searched = line[found.upperBound...]
                    // The address: back to what opens it, `(`, `<`, a quote or a space.
                    var start = found.lowerBound
                    while start > line.startIndex, !" (<\"'\t".contains(line[line.index(before: start)]) {
                        start = line.index(before: start)
                    }
                    let address = String(line[start..<found.upperBound])
                    guard Self.resolve(URLEncoding.percentDecoded(address), from: folder) == relativePath else { continue }
                    links.append(
                        Link(
                            location: SourceLocation(
                                path: display(file), line: number + 1,
                                column: line[..<Self.linkStart(in: line, address: start)].count + 1),
                            address: address))
                }
            }
        }
        return links
    }

    /// Where the link whose address starts at `address` begins: its `[` for `[text](address)`,
    /// the address itself otherwise.
    static func linkStart(in line: Substring, address: Substring.Index) -> Substring.Index {
        guard address > line.startIndex, line[line.index(before: address)] == "(" else { return address }
        let close = line.index(before: address)
        guard close > line.startIndex, line[line.index(before: close)] == "]" else { return address }
        var depth = 0
        var index = line.index(before: close)
        while index > line.startIndex {
            index = line.index(before: index)
            if line[index] == "]" { depth += 1 }
            if line[index] == "[" {
                if depth == 0 {
                    return index > line.startIndex && line[line.index(before: index)] == "!" ? line.index(before: index) : index
                }
                depth -= 1
            }
        }
        return address
    }

    /// `address` relative to the folder `folder` of `content/`, as a content-relative path; nil
    /// when it leaves `content/`.
    static func resolve(_ address: String, from folder: [String]) -> String? {
        var segments = folder
        for segment in address.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            default: segments.append(String(segment))
            }
        }
        return segments.joined(separator: "/")
    }

    private func display(_ relative: String) -> String {
        contentDisplay.isEmpty || contentDisplay == "." ? relative : contentDisplay + "/" + relative
    }
}
