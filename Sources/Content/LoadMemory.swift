import Core
import Model

/// What a load found that a later build needs to take it up again when only the bodies of
/// some cases changed: the pages every link can lead to, the anchors of every page, the
/// pictures each page shows, and the warnings, kept by the file they belong to.
public struct LoadMemory: Sendable, Equatable {
    /// Content-relative Markdown paths to the pages they become.
    var targets: [String: LinkResolver.Target]
    /// Content-relative paths of the files that are not pages.
    var files: Set<String>
    /// The hash and size of each of them, with the stamp they were read at.
    public internal(set) var media: [String: MediaFacts]
    var anchors: [String: Set<String>]
    /// The content files each page shows as pictures.
    var images: [String: Set<String>]
    /// What was found in one page file (its front matter, proofreading, links), by its path.
    var fileDiagnostics: [String: [Diagnostic]]
    /// The rest: data files, records, files no page uses.
    var otherDiagnostics: [Diagnostic]

    /// The slug of the page made from the Markdown file at `relativePath`.
    public func slug(of relativePath: String) -> String? {
        targets[relativePath]?.slug
    }

    /// The content-relative paths of the files of the cases `slugs`, sorted.
    public func relativePaths(ofCases slugs: Set<String>) -> [String] {
        targets.filter { $0.value.kind == .caseStudy && slugs.contains($0.value.slug) }.keys.sorted()
    }

    /// The pages (content-relative Markdown paths) that show or link to the file at
    /// `relativePath`, sorted.
    public func pages(using relativePath: String) -> [String] {
        images.filter { $0.value.contains(relativePath) }.keys.sorted()
    }

    /// Renames the places of the messages kept, when the folders are named otherwise.
    public mutating func renameMessages(_ rename: (Diagnostic) -> Diagnostic) {
        fileDiagnostics = fileDiagnostics.mapValues { $0.map(rename) }
        otherDiagnostics = otherDiagnostics.map(rename)
    }

    /// Every diagnostic, as a full load reports them (only warnings, once a load succeeded).
    var diagnostics: [Diagnostic] {
        Diagnostics(otherDiagnostics + fileDiagnostics.keys.sorted().flatMap { fileDiagnostics[$0]! }).sorted
    }
}

/// Stored as columns, one list per field (see `ByteWriter`).
extension LoadMemory {
    public func write(to writer: inout ByteWriter) {
        let pages = targets.keys.sorted()
        let kept = pages.map { targets[$0]! }
        writer.write(pages)
        writer.write(kept.map(\.kind.rawValue))
        writer.write(kept.map(\.slug))
        writer.write(kept.map(\.status.rawValue))
        writer.write(kept.map(\.title))
        writer.write(files.sorted())
        let known = media.keys.sorted()
        writer.write(known)
        writer.write(known) { writer, path in
            let facts = media[path]!
            writer.write(Int(facts.stamp.size))
            writer.write(Int(facts.stamp.modified))
            writer.write(Int(facts.stamp.changed))
            writer.write(facts.stamp.inode)
            writer.write(facts.hash)
            writer.write(facts.size?.width ?? 0)
            writer.write(facts.size?.height ?? 0)
        }
        Self.write(anchors, to: &writer)
        Self.write(images, to: &writer)
        let diagnosed = fileDiagnostics.keys.sorted()
        writer.write(diagnosed)
        writer.write(diagnosed) { writer, path in
            writer.write(fileDiagnostics[path]!) { $1.write(to: &$0) }
        }
        writer.write(otherDiagnostics) { $1.write(to: &$0) }
    }

    public init(from reader: inout ByteReader) throws {
        let pages = try reader.strings()
        let kinds = try reader.strings()
        let slugs = try reader.strings()
        let statuses = try reader.strings()
        let titles = try reader.strings()
        guard [kinds.count, slugs.count, statuses.count, titles.count].allSatisfy({ $0 == pages.count }) else {
            throw ByteReader.Malformed()
        }
        targets = [:]
        targets.reserveCapacity(pages.count)
        for index in pages.indices {
            guard let kind = PageKind(rawValue: kinds[index]), let status = PublicationStatus(rawValue: statuses[index]) else {
                throw ByteReader.Malformed()
            }
            let path = kind.path(of: slugs[index])
            targets[pages[index]] = LinkResolver.Target(
                kind: kind, relativePath: pages[index], slug: slugs[index], path: path, status: status, title: titles[index])
        }
        files = Set(try reader.strings())
        let known = try reader.strings()
        let facts = try reader.array { reader in
            let stamp = FileStamp(
                size: Int64(try reader.int()), modified: Int64(try reader.int()), changed: Int64(try reader.int()),
                inode: try reader.unsigned())
            let hash = try reader.string()
            let (width, height) = (try reader.int(), try reader.int())
            return MediaFacts(
                stamp: stamp, hash: hash, size: width > 0 && height > 0 ? ImageSize(width: width, height: height) : nil)
        }
        guard facts.count == known.count else { throw ByteReader.Malformed() }
        media = Dictionary(zip(known, facts), uniquingKeysWith: { first, _ in first })
        // Pages without anchors or pictures are not stored, but a load knows them all.
        anchors = try Self.sets(from: &reader)
        for page in pages where anchors[page] == nil { anchors[page] = [] }
        images = try Self.sets(from: &reader)
        for page in pages where images[page] == nil { images[page] = [] }
        let diagnosed = try reader.strings()
        let lists = try reader.array { reader in try reader.array { try Diagnostic(from: &$0) } }
        guard lists.count == diagnosed.count else { throw ByteReader.Malformed() }
        fileDiagnostics = Dictionary(zip(diagnosed, lists), uniquingKeysWith: { first, _ in first })
        otherDiagnostics = try reader.array { try Diagnostic(from: &$0) }
    }

    /// The non-empty sets only, by their page.
    private static func write(_ sets: [String: Set<String>], to writer: inout ByteWriter) {
        let keys = sets.keys.filter { !sets[$0]!.isEmpty }.sorted()
        writer.write(keys)
        writer.write(keys) { $0.write(sets[$1]!.sorted()) }
    }

    private static func sets(from reader: inout ByteReader) throws -> [String: Set<String>] {
        let keys = try reader.strings()
        let values = try reader.array { try $0.strings() }
        guard keys.count == values.count else { throw ByteReader.Malformed() }
        var result: [String: Set<String>] = [:]
        for (key, value) in zip(keys, values) { result[key] = Set(value) }
        return result
    }
}
