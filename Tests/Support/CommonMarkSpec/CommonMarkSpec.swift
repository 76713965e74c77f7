import Foundation

/// The examples of the CommonMark 0.30 spec, the revision libcmark 0.30.2 implements, and of
/// the GitHub Flavored Markdown spec whose extension examples are those of cmark-gfm's
/// `test/spec.txt`. `scripts/fetch-commonmark-spec` puts the files at
/// `.cache/commonmark/commonmark-0.30.txt` and `.cache/commonmark/gfm-0.29.txt`; the
/// environment variables `COMMONMARK_SPEC` and `GFM_SPEC` can name other copies.
public struct CommonMarkSpec: Sendable {
    public struct Example: Sendable, CustomStringConvertible {
        /// 1-based, in the order of the spec, as on spec.commonmark.org.
        public var number: Int
        public var section: String
        public var markdown: String
        public var html: String
        /// The extension an example of the GFM spec is about (`table`, `strikethrough`,
        /// `autolink`, `tagfilter`; `disabled` for the task list examples, which cmark-gfm's
        /// own test run skips), nil for CommonMark's own.
        public var extensionName: String? = nil

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
        try load(file: "commonmark-0.30.txt", variable: "COMMONMARK_SPEC", filePath: filePath)
    }

    /// The GitHub Flavored Markdown spec (0.29-gfm, 672 examples, 24 of them about extensions).
    public static func loadGitHub(filePath: String = #filePath) throws -> CommonMarkSpec {
        try load(file: "gfm-0.29.txt", variable: "GFM_SPEC", filePath: filePath)
    }

    private static func load(file: String, variable: String, filePath: String) throws -> CommonMarkSpec {
        let path: String
        if let given = ProcessInfo.processInfo.environment[variable], !given.isEmpty {
            path = given
        } else {
            let root = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            path = root.appendingPathComponent(".cache/commonmark/\(file)").path
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
        var extensionName: String?
        var examples: [Example] = []
        // Split on "\n" only: the spec has no other line ends, and examples may hold a lone "\r"
        // that must stay in the text.
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            switch state {
            case .outside:
                if line == fence + " example" || line.hasPrefix(fence + " example ") {
                    state = .markdown
                    markdown = ""
                    html = ""
                    let name = line.dropFirst(fence.count + " example".count).trimmingCharacters(in: .whitespaces)
                    extensionName = name.isEmpty ? nil : name
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
                            html: html.replacingOccurrences(of: "→", with: "\t"), extensionName: extensionName))
                } else {
                    html += line + "\n"
                }
            }
        }
        return examples
    }
}
