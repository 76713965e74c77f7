import Core

/// Reports every wrong formulation of `data/terms.yaml` in the files the portal publishes from:
/// Markdown files whole (front matter and body) and the data files. It reads each file's own
/// text, so that the line and column of a hit are the author's; in a Markdown body, fenced code
/// blocks and code spans are passed over, as text shown as code rather than said by the portal.
/// A Markdown body's punctuation is checked too (`PunctuationChecker`).
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
        let isMarkdown = file.path.hasSuffix(".md")
        return text.withUTF8 { bytes in
            var matches = terms.isEmpty ? [] : matcher.matches(in: bytes)
            guard !matches.isEmpty || isMarkdown else { return [] }
            // A Markdown file whose front matter cannot be split is read whole for terms, and
            // its punctuation is not checked (its front matter error comes first).
            var punctuation: [PunctuationChecker.Finding] = []
            if isMarkdown, case .success(let frontMatter) = FrontMatter.split(file) {
                let code = Self.codeRanges(in: bytes, fromLine: frontMatter.bodyFirstLine)
                matches.removeAll { match in code.contains { $0.contains(match.start) } }
                punctuation = PunctuationChecker.findings(
                    in: bytes, bodyStart: Self.offset(ofLine: frontMatter.bodyFirstLine, in: bytes), code: code)
            }
            var positions = PositionCounter(bytes)
            var diagnostics: [Diagnostic] = []
            var next = punctuation.startIndex
            func location(_ offset: Int) -> SourceLocation {
                let (line, column) = positions.position(ofByte: offset)
                return SourceLocation(path: file.path, line: line, column: column)
            }
            func addPunctuation(before limit: Int) {
                while next < punctuation.endIndex, punctuation[next].offset < limit {
                    let finding = punctuation[next]
                    diagnostics.append(.warning(at: location(finding.offset), finding.message, hint: finding.hint))
                    next += 1
                }
            }
            for match in matches {
                addPunctuation(before: match.start)
                let term = terms[match.pattern]
                switch term.severity {
                case .severe:
                    diagnostics.append(
                        .error(
                            at: location(match.start), "表述错误：\(Term.quoted(term.wrong))应为\(Term.quoted(term.right))",
                            hint: term.note))
                case .notice:
                    diagnostics.append(
                        .warning(
                            at: location(match.start), "表述不规范：\(Term.quoted(term.wrong))应为\(Term.quoted(term.right))",
                            hint: term.note))
                }
            }
            addPunctuation(before: Int.max)
            return diagnostics
        }
    }

    /// The byte offset at which 1-based `line` starts.
    private static func offset(ofLine line: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var current = 1
        var offset = 0
        while current < line, offset < bytes.count {
            if bytes[offset] == UInt8(ascii: "\n") { current += 1 }
            offset += 1
        }
        return offset
    }
}
