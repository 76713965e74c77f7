import Core

/// Reports every wrong formulation of `data/terms.yaml` in the files the portal publishes from:
/// Markdown files whole (front matter and body) and the data files. It reads each file's own
/// text, so that the line and column of a hit are the author's; in a Markdown body, fenced code
/// blocks and code spans are passed over, as text shown as code rather than said by the portal.
struct Proofreader: Sendable {
    let terms: [Term]
    private let matcher: TermsMatcher

    init(terms: [Term]) {
        self.terms = terms
        matcher = TermsMatcher(terms.map(\.wrong))
    }

    /// The hits in all `files`, in the order of `files`, whatever the number of threads.
    func diagnostics(for files: [SourceFile], parallelism: Int) async -> [Diagnostic] {
        guard !terms.isEmpty, !files.isEmpty else { return [] }
        return await ParallelMap.map(files, pieces: parallelism) { diagnostics(for: $0) }.flatMap { $0 }
    }

    func diagnostics(for file: SourceFile) -> [Diagnostic] {
        var text = file.text
        return text.withUTF8 { bytes in
            var matches = matcher.matches(in: bytes)
            guard !matches.isEmpty else { return [] }
            // Only now, for the few files with hits, find the body and its code. A Markdown file
            // whose front matter cannot be split is read whole.
            if file.path.hasSuffix(".md"), case .success(let frontMatter) = FrontMatter.split(file) {
                let code = Self.codeRanges(in: bytes, fromLine: frontMatter.bodyFirstLine)
                matches.removeAll { match in code.contains { $0.contains(match.start) } }
            }
            var positions = PositionCounter(bytes)
            return matches.map { match in
                let term = terms[match.pattern]
                let (line, column) = positions.position(ofByte: match.start)
                let location = SourceLocation(path: file.path, line: line, column: column)
                switch term.severity {
                case .severe:
                    return .error(at: location, "表述错误：\(Term.quoted(term.wrong))应为\(Term.quoted(term.right))", hint: term.note)
                case .notice:
                    return .warning(at: location, "表述不规范：\(Term.quoted(term.wrong))应为\(Term.quoted(term.right))", hint: term.note)
                }
            }
        }
    }
}

/// Line and column of byte offsets asked for in increasing order, counting on from the last
/// one: a file is walked once however many hits it has.
private struct PositionCounter {
    let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var line = 1
    /// The column of the character at `offset`.
    private var column = 1

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// 1-based line, and 1-based column in characters (Unicode scalars, as YAML errors count them).
    mutating func position(ofByte target: Int) -> (line: Int, column: Int) {
        while offset < target {
            if bytes[offset] == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if bytes[offset] & 0xC0 != 0x80 {
                column += 1
            }
            offset += 1
        }
        return (line, column)
    }
}
