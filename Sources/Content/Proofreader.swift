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
            let body = isMarkdown ? Self.body(in: bytes) : nil
            // A formulation split over two lines of a paragraph is read as the reader reads it,
            // and found at its first character.
            if let body, !terms.isEmpty, let joined = JoinedLines(bytes, bodyStart: body.offset) {
                matches = joined.bytes.withUnsafeBufferPointer { matcher.matches(in: $0) }.map { match in
                    var match = match
                    match.start = joined.fileOffset(of: match.start)
                    match.end = joined.fileOffset(of: match.end - 1) + 1
                    return match
                }
            }
            guard !matches.isEmpty || isMarkdown else { return [] }
            // A Markdown file whose front matter cannot be split is read whole for terms, and
            // its punctuation is not checked (its front matter error comes first).
            var punctuation: [PunctuationChecker.Finding] = []
            if let body {
                let code = Self.codeRanges(in: bytes, fromLine: body.line)
                matches.removeAll { match in code.contains { $0.contains(match.start) } }
                punctuation = PunctuationChecker.findings(in: bytes, bodyStart: body.offset, code: code)
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

    /// Where the body starts (its byte offset and file line), found as `FrontMatter.split` finds
    /// it, without making strings: the first line is `---`, and the body follows the next line
    /// that is `---` but for spaces. Nil when there is no front matter to split.
    static func body(in bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, line: Int)? {
        let dash = UInt8(ascii: "-")
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
        guard bytes.count >= 3, bytes[0] == dash, bytes[1] == dash, bytes[2] == dash else { return nil }
        var offset = 3
        if offset < bytes.count, bytes[offset] == 0x20 { offset += 1 }
        guard offset == bytes.count || bytes[offset] == 0x0A else { return nil }
        var line = 2
        var lineStart = offset + 1
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var start = lineStart
            var end = lineEnd
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            if end - start == 3, bytes[start] == dash, bytes[start + 1] == dash, bytes[start + 2] == dash {
                return (min(lineEnd + 1, bytes.count), line + 1)
            }
            lineStart = lineEnd + 1
            line += 1
        }
        return nil
    }
}
