import Foundation

/// The examples of the CommonMark 0.30 spec, the revision libcmark 0.30.2 implements.
/// `scripts/fetch-commonmark-spec` puts the file at `.cache/commonmark/commonmark-0.30.txt`;
/// the environment variable `COMMONMARK_SPEC` can name another copy.
public struct CommonMarkSpec: Sendable {
    public struct Example: Sendable, CustomStringConvertible {
        /// 1-based, in the order of the spec, as on spec.commonmark.org.
        public var number: Int
        public var section: String
        public var markdown: String
        public var html: String

        public var description: String { "example \(number) (\(section))" }
    }

    public struct Missing: Error, CustomStringConvertible {
        public var path: String
        public var description: String {
            "The CommonMark spec is not at \(path). Run scripts/fetch-commonmark-spec, or set COMMONMARK_SPEC to the file."
        }
    }

    public let path: String
    public let examples: [Example]

    /// `filePath` is the calling test file's, three folders below the package root.
    public static func load(filePath: String = #filePath) throws -> CommonMarkSpec {
        let path: String
        if let given = ProcessInfo.processInfo.environment["COMMONMARK_SPEC"], !given.isEmpty {
            path = given
        } else {
            let root = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            path = root.appendingPathComponent(".cache/commonmark/commonmark-0.30.txt").path
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw Missing(path: path) }
        return CommonMarkSpec(path: path, examples: parse(String(decoding: data, as: UTF8.self)))
    }

    /// An example is the text between a line of 32 backticks followed by ` example` and a line
    /// of 32 backticks; a line holding a single `.` separates Markdown from HTML, and `→`
    /// stands for a tab.
    public static func parse(_ text: String) -> [Example] {
        let fence = String(repeating: "`", count: 32)
        enum State { case outside, markdown, html }
        var state = State.outside
        var section = ""
        var markdown = ""
        var html = ""
        var examples: [Example] = []
        // Split on "\n" only: the spec has no other line ends, and examples may hold a lone "\r"
        // that must stay in the text.
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            switch state {
            case .outside:
                if line == fence + " example" {
                    state = .markdown
                    markdown = ""
                    html = ""
                } else if line.hasPrefix("#") {
                    section = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
                }
            case .markdown:
                if line == "." {
                    state = .html
                } else {
                    markdown += line + "\n"
                }
            case .html:
                if line == fence {
                    state = .outside
                    examples.append(
                        Example(
                            number: examples.count + 1, section: section,
                            markdown: markdown.replacingOccurrences(of: "→", with: "\t"),
                            html: html.replacingOccurrences(of: "→", with: "\t")))
                } else {
                    html += line + "\n"
                }
            }
        }
        return examples
    }
}
