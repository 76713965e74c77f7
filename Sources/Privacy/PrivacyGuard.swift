import Content
import Core
import Foundation

/// The privacy check. Every text file of the output (pages, feed, sitemap, text assets) is
/// scanned for ID numbers, mobile numbers and e-mail addresses as it is rendered, and a finding
/// fails the build before anything is published. Each finding is an error located where the value was written: the text files of `content/`
/// and `templates/` (Markdown, YAML, templates, SVG, CSS…) are scanned for the same value, and
/// the output file is named in the message. A value no source holds is located in the output
/// file itself.
///
/// Messages show masked values only (`138****8000`); the full value is never printed.
public struct PrivacyGuard: Sendable {
    /// One file of the output: where it goes, its bytes, and the file it is made from, if any
    /// (as written in messages: `content/cases/a.md`).
    public struct OutputFile: Sendable {
        public var path: String
        public var bytes: [UInt8]
        public var source: String?

        public init(path: String, bytes: [UInt8], source: String?) {
            self.path = path
            self.bytes = bytes
            self.source = source
        }
    }

    /// A finding as the sources know it: the same value spelled the same way.
    private struct Value: Hashable {
        var kind: PrivacyFinding.Kind
        var canonical: String
    }

    /// One diagnostic: a place in a source and what is there.
    private struct Place: Hashable {
        var location: SourceLocation
        var kind: PrivacyFinding.Kind
        var masked: String
    }

    let scanner: PrivacyScanner
    let content: URL
    let contentDisplay: String
    let templates: URL
    let templatesDisplay: String

    public init(scanner: PrivacyScanner, content: URL, contentDisplay: String, templates: URL, templatesDisplay: String) {
        self.scanner = scanner
        self.content = content
        self.contentDisplay = contentDisplay
        self.templates = templates
        self.templatesDisplay = templatesDisplay
    }

    /// Output files with these endings are text and scanned; images and fonts are not.
    static let textExtensions: Set<String> = [
        "html", "htm", "xml", "json", "txt", "css", "js", "mjs", "svg", "csv", "md", "webmanifest",
    ]

    public static func isText(_ path: String) -> Bool {
        textExtensions.contains(SitePath.fileExtension(of: path))
    }

    /// The lower-cased ending of the file name in `path` (`html`), empty when there is none.
    /// Each finding of the output as an error diagnostic; `found` holds the files the scanner
    /// found something in, each with its findings.
    public func diagnose(_ found: [(file: OutputFile, findings: [PrivacyFinding])]) -> [Diagnostic] {
        guard !found.isEmpty else { return [] }
        let sources = sourceLocations()

        var pages: [Place: Set<String>] = [:]
        var diagnostics: [Diagnostic] = []
        for (file, findings) in found {
            var unlocated: [PrivacyFinding] = []
            for finding in findings {
                let candidates = sources[Value(kind: finding.kind, canonical: finding.canonical)] ?? []
                // The page's own file first: a number in a case shows up on list pages too, and
                // may also sit in a private field of members.yaml.
                guard let location = candidates.first(where: { $0.path == file.source }) ?? candidates.first else {
                    unlocated.append(finding)
                    continue
                }
                pages[Place(location: location, kind: finding.kind, masked: finding.masked), default: []].insert(file.path)
            }
            let positions = file.bytes.withUnsafeBufferPointer {
                Self.positions(of: unlocated.map(\.byteRange.lowerBound), in: $0)
            }
            for (finding, position) in zip(unlocated, positions) {
                let location = SourceLocation(path: file.path, line: position.line, column: position.column)
                diagnostics.append(diagnostic(at: location, finding.kind, finding.masked, pages: [file.path]))
            }
        }
        let sourceOfPage = Dictionary(found.map { ($0.file.path, $0.file.source) }, uniquingKeysWith: { first, _ in first })
        for (place, paths) in pages {
            // The page made from the source first, then the rest by path.
            let ordered = paths.sorted { lhs, rhs in
                let lhsOwn = sourceOfPage[lhs] == place.location.path
                let rhsOwn = sourceOfPage[rhs] == place.location.path
                return lhsOwn != rhsOwn ? lhsOwn : lhs < rhs
            }
            diagnostics.append(diagnostic(at: place.location, place.kind, place.masked, pages: ordered))
        }
        return diagnostics.sorted()
    }

    private func diagnostic(at location: SourceLocation, _ kind: PrivacyFinding.Kind, _ masked: String, pages: [String])
        -> Diagnostic
    {
        let pagesText = pages.count == 1 ? "发布页面 \(pages[0]) 中" : "发布页面 \(pages[0]) 等 \(pages.count) 个文件中"
        let hint: String
        switch kind {
        case .mobile, .idNumber:
            hint = "个人信息不能公开：删除该号码，或改写为打码形式 \(masked)"
        case .email:
            hint = "个人信息不能公开：删除该地址，或改写为打码形式 \(masked)；可以公开的机构邮箱请加入 portal.yaml 的 privacy.allowed_emails"
        }
        return .error(at: location, "\(kind.name) \(masked) 将出现在\(pagesText)", hint: hint)
    }

    /// Where each value occurs in the sources, in path and position order. The sources are read
    /// again here, only when the output holds something: a clean build does not pay for it.
    private func sourceLocations() -> [Value: [SourceLocation]] {
        // Markdown and YAML, and the text files copied as they are (an SVG picture, a CSS file).
        let sourceExtensions = Self.textExtensions.union(["yaml", "yml", "mustache"])
        var files = Self.files(in: content, display: contentDisplay) { sourceExtensions.contains($0) }
        files += Self.files(in: templates, display: templatesDisplay) { sourceExtensions.contains($0) }
        var locations: [Value: [SourceLocation]] = [:]
        for (url, display) in files.sorted(by: { $0.display < $1.display }) {
            guard case .success(let file) = SourceFile.read(url, displayPath: display) else { continue }
            var text = file.text
            let findings = scanner.findings(in: text)
            guard !findings.isEmpty else { continue }
            let positions = text.withUTF8 { Self.positions(of: findings.map(\.byteRange.lowerBound), in: $0) }
            for (finding, position) in zip(findings, positions) {
                locations[Value(kind: finding.kind, canonical: finding.canonical), default: []].append(
                    SourceLocation(path: display, line: position.line, column: position.column))
            }
        }
        return locations
    }

    /// The files below `folder` whose lower-cased extension `accepts`, with their paths as
    /// messages show them (`content/cases/a.md`, as the loader writes them).
    private static func files(in folder: URL, display: String, accepts: (String) -> Bool) -> [(url: URL, display: String)] {
        FileTree.files(below: folder.path, skipping: IgnoredFiles.isIgnored).compactMap { relative in
            let url = folder.appendingPathComponent(relative)
            guard accepts(url.pathExtension.lowercased()) else { return nil }
            return (url, display.isEmpty || display == "." ? relative : display + "/" + relative)
        }
    }

    /// Line and column (in characters, from 1) of each of the ascending byte `offsets`.
    static func positions(of offsets: [Int], in bytes: UnsafeBufferPointer<UInt8>) -> [(line: Int, column: Int)] {
        var result: [(line: Int, column: Int)] = []
        result.reserveCapacity(offsets.count)
        var line = 1
        var column = 1
        var index = 0
        for offset in offsets {
            while index < offset && index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                index += 1
            }
            result.append((line, column))
        }
        return result
    }
}
