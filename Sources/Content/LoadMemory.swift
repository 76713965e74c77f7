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

    /// Every diagnostic, as a full load reports them (only warnings, once a load succeeded).
    var diagnostics: [Diagnostic] {
        Diagnostics(otherDiagnostics + fileDiagnostics.keys.sorted().flatMap { fileDiagnostics[$0]! }).sorted
    }
}

/// Stored as columns, one array per field, which decode many times faster than one object per
/// page in a portal of thousands of pages.
extension LoadMemory: Codable {
    private enum CodingKeys: String, CodingKey {
        case pages, kinds, slugs, statuses, titles, files, anchorPages, anchors, imagePages, images
        case fileDiagnostics, otherDiagnostics
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let pages = try container.decode([String].self, forKey: .pages)
        let kinds = try container.decode([String].self, forKey: .kinds)
        let slugs = try container.decode([String].self, forKey: .slugs)
        let statuses = try container.decode([String].self, forKey: .statuses)
        let titles = try container.decode([String].self, forKey: .titles)
        guard [kinds.count, slugs.count, statuses.count, titles.count].allSatisfy({ $0 == pages.count }) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "columns of unequal length"))
        }
        targets = [:]
        for index in pages.indices {
            guard let kind = PageKind(rawValue: kinds[index]), let status = PublicationStatus(rawValue: statuses[index]) else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unknown kind or status"))
            }
            let path: SitePath
            switch kind {
            case .caseStudy: path = Routes.caseStudy(slugs[index])
            case .course: path = Routes.course(slugs[index])
            case .page: path = Routes.page(slugs[index])
            }
            targets[pages[index]] = LinkResolver.Target(
                kind: kind, relativePath: pages[index], slug: slugs[index], path: path, status: status, title: titles[index])
        }
        files = Set(try container.decode([String].self, forKey: .files))
        anchors = Self.sets(
            try container.decode([String].self, forKey: .anchorPages), try container.decode([[String]].self, forKey: .anchors))
        // Pages without anchors are not stored, but a load knows them all.
        for page in pages where anchors[page] == nil { anchors[page] = [] }
        images = Self.sets(
            try container.decode([String].self, forKey: .imagePages), try container.decode([[String]].self, forKey: .images))
        fileDiagnostics = try container.decode([String: [Diagnostic]].self, forKey: .fileDiagnostics)
        otherDiagnostics = try container.decode([Diagnostic].self, forKey: .otherDiagnostics)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let pages = targets.keys.sorted()
        try container.encode(pages, forKey: .pages)
        try container.encode(pages.map { targets[$0]!.kind.rawValue }, forKey: .kinds)
        try container.encode(pages.map { targets[$0]!.slug }, forKey: .slugs)
        try container.encode(pages.map { targets[$0]!.status.rawValue }, forKey: .statuses)
        try container.encode(pages.map { targets[$0]!.title }, forKey: .titles)
        try container.encode(files.sorted(), forKey: .files)
        let anchorPages = anchors.keys.filter { !anchors[$0]!.isEmpty }.sorted()
        try container.encode(anchorPages, forKey: .anchorPages)
        try container.encode(anchorPages.map { anchors[$0]!.sorted() }, forKey: .anchors)
        let imagePages = images.keys.filter { !images[$0]!.isEmpty }.sorted()
        try container.encode(imagePages, forKey: .imagePages)
        try container.encode(imagePages.map { images[$0]!.sorted() }, forKey: .images)
        try container.encode(fileDiagnostics, forKey: .fileDiagnostics)
        try container.encode(otherDiagnostics, forKey: .otherDiagnostics)
    }

    private static func sets(_ keys: [String], _ values: [[String]]) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for (key, value) in zip(keys, values) { result[key] = Set(value) }
        return result
    }
}
