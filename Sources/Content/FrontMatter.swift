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
        // Only the lines up to the closing `---` are looked at; the body is taken as it stands.
        let utf8 = text.utf8
        var lineStart = utf8.firstIndex(of: UInt8(ascii: "\n")).map { utf8.index(after: $0) } ?? utf8.endIndex
        let yamlStart = lineStart
        var lineNumber = 2
        var closing: (start: String.Index, end: String.Index)?
        while lineStart < utf8.endIndex {
            let newline = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n"))
            let lineEnd = newline ?? utf8.endIndex
            if String(text[lineStart..<lineEnd]).trimmingWhitespace == "---" {
                closing = (lineStart, newline.map { utf8.index(after: $0) } ?? utf8.endIndex)
                break
            }
            lineStart = newline.map { utf8.index(after: $0) } ?? utf8.endIndex
            lineNumber += 1
        }
        guard let closing else {
            return failure(
                "前置元数据没有结束标记 ---", line: 1,
                hint: "在最后一项之后、正文之前加一行 ---")
        }
        let yamlEnd = closing.start > yamlStart ? utf8.index(before: closing.start) : closing.start
        let yaml = String(text[yamlStart..<yamlEnd])
        let storedBody = text[closing.end...]
        let body = storedBody.isEmpty ? "" : storedBody.hasSuffix("\n") ? String(storedBody) : storedBody + "\n"
        let closingLine = lineNumber
        return .success(
            FrontMatter(
                yaml: yaml, yamlFirstLine: 2, body: body, storedBody: storedBody, bodyFirstLine: closingLine + 1,
                location: SourceLocation(path: file.path, line: 1)))
    }
}
