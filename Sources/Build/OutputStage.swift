import Content
import Core
import Privacy
import Views
import Writers

/// What happens to each output file between rendering and the sink: its links are checked
/// against the files the build writes, its text is scanned for personal information, and it is
/// written with its `.gz` twin. Pages stream through one at a time, so the build never holds
/// the whole site in memory; nothing is published before every file has passed (the disk sink
/// writes into a staging folder).
struct OutputStage: Sendable {
    /// What the build keeps of a file once it is written.
    struct Written: Sendable {
        var number: Int32
        /// The page's links; nil for files that are not HTML pages.
        var links: LinkGraph.PageLinks?
        /// Personal information found in the file, with the file kept to locate it; nil when
        /// there is none.
        var privacy: (file: PrivacyGuard.OutputFile, findings: [PrivacyFinding])?
        /// How many files were written: the file and its `.gz` twin, or none when the output
        /// already held these bytes.
        var filesWritten = 0
        /// What the page's view read; nil for files that are not pages made from a view.
        var inputs: Set<PageInput>?
    }

    /// Processor time spent in each part of the work, summed over all tasks.
    struct Work: Sendable {
        var templates: Duration = .zero
        var checks: Duration = .zero
        var compression: Duration = .zero
        var writing: Duration = .zero

        static func + (lhs: Work, rhs: Work) -> Work {
            Work(
                templates: lhs.templates + rhs.templates, checks: lhs.checks + rhs.checks,
                compression: lhs.compression + rhs.compression, writing: lhs.writing + rhs.writing)
        }
    }

    let graph: LinkGraph
    let scanner: PrivacyScanner
    /// Whether pages link to `index.html` files rather than folders (`FileLinks`).
    var linksToFiles = false

    /// Checks and writes the file at `path`; `source` is the file it was made from, as messages
    /// name it.
    func emit(
        _ bytes: [UInt8], at path: String, source: String?, into sink: some OutputSink, work: inout Work
    ) async throws -> Written {
        var start = ThreadTime.now()
        let bytes = linksToFiles && path.hasSuffix(".html") ? FileLinks.pointingAtFiles(bytes) : bytes
        var written = Written(number: graph.numbers[path]!)
        if path.hasSuffix(".html") { written.links = graph.links(in: bytes, from: path) }
        if PrivacyGuard.isText(path) {
            let findings = scanner.findings(in: bytes)
            if !findings.isEmpty { written.privacy = (.init(path: path, bytes: bytes, source: source), findings) }
        }
        work.checks += ThreadTime.now() - start
        start = ThreadTime.now()
        let compressedPath = Gzip.isCompressed(path) ? path + ".gz" : nil
        if sink.holds(bytes, at: path, alongWith: compressedPath) {
            work.writing += ThreadTime.now() - start
            return written
        }
        work.writing += ThreadTime.now() - start
        written.filesWritten = compressedPath == nil ? 1 : 2
        start = ThreadTime.now()
        let compressed = compressedPath.map { _ in Gzip.compress(bytes) }
        work.compression += ThreadTime.now() - start
        start = ThreadTime.now()
        try await sink.write(bytes, to: path)
        if let compressedPath, let compressed { try await sink.write(compressed, to: compressedPath) }
        work.writing += ThreadTime.now() - start
        return written
    }
}
