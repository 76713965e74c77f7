import Core

/// A Markdown file split into its YAML front matter and its body, with the line each starts on
/// so that positions in either can be reported as lines of the file.
struct FrontMatter {
    var yaml: String
    /// The file line of the first YAML line (2: the line after the opening `---`).
    var yamlFirstLine: Int
    var body: String
    /// The body exactly as the file holds it after the closing `---` line (line ends as LF):
    /// what an approval's hash covers.
    var storedBody: Substring
    /// The file line of the first body line.
    var bodyFirstLine: Int
    /// Where the opening `---` stands, for messages about the front matter as a whole.
    var location: SourceLocation

    static func split(_ file: SourceFile) -> Result<FrontMatter, DiagnosticsError> {
        let text = file.text
        func failure(_ message: String, line: Int, hint: String) -> Result<FrontMatter, DiagnosticsError> {
            .failure(DiagnosticsError([.error(at: SourceLocation(path: file.path, line: line), message, hint: hint)]))
        }
        guard text.hasPrefix("---\n") || text == "---" || text.hasPrefix("--- \n") else {
            return failure(
                "文件开头缺少前置元数据（front matter）", line: 1,
                hint:
                    "第一行写 ---，接着写 title: … 等各项，再单独一行写 --- 结束"
            )
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        var closing: Int?
        for index in 1..<max(lines.count, 1) where String(lines[index]).trimmingWhitespace == "---" {
            closing = index
            break
        }
        guard let closing else {
            return failure(
                "前置元数据没有结束标记 ---", line: 1,
                hint: "在最后一项之后、正文之前加一行 ---")
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = closing + 1 < lines.count ? lines[(closing + 1)...].joined(separator: "\n") + "\n" : ""
        let bodyStart = lines[...closing].reduce(0) { $0 + $1.utf8.count + 1 }
        let storedBody = text.utf8.count > bodyStart ? Substring(text.utf8.dropFirst(bodyStart)) : ""
        return .success(
            FrontMatter(
                yaml: yaml, yamlFirstLine: 2, body: body, storedBody: storedBody, bodyFirstLine: closing + 2,
                location: SourceLocation(path: file.path, line: 1)))
    }
}
