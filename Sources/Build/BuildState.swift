import Content
import Core
import Foundation
import Model

#if canImport(Glibc)
    import Glibc
#endif

/// What a successful build leaves in the cache folder for the next one: every input file's
/// size and times, the loaded portal (bodies left out), the load's memory, and what the link
/// check learned. When only case bodies changed since, the next build reads just those files
/// and renders just their pages (`SiteBuilder.quickBuild`).
struct BuildState: Sendable {
    /// The build's identity: the portal program, its options and folders. Another identity
    /// and the state is not used.
    var identity: String
    /// `content/…` and `templates/…` paths of every input file, with what `stat` says of them.
    var inputs: [String: FileStamp]
    var portal: Portal
    var memory: LoadMemory
    /// The warnings of the link stage (pages nothing links to).
    var linkWarnings: [Diagnostic]
    /// For each page, a digest of the set of output files it links to.
    var pageLinks: [String: UInt64]
    /// Every output file but the `.gz` twins, in the order the link check numbers them.
    var paths: [String]
    /// Every output file, `.gz` twins included.
    var files: [String]
    /// What `stat` said of every output file once it was published: a file changed or removed
    /// by hand since makes the next build a full one, which puts it right.
    var outputs: [String: FileStamp] = [:]

    /// Size, modification and change times and inode of a file: a file whose stamp is unchanged
    /// is taken to be unchanged (as `make` and `ninja` do, with the change time added so that a
    /// tool restoring an old modification time is still noticed).
    struct FileStamp: Equatable, Sendable {
        var size: Int64
        var modified: Int64
        var changed: Int64
        var inode: UInt64
    }

    /// The state kept in two files: `model` (the portal, the load's memory, the link check's
    /// findings), written only when they change, and `stamps` (identity and file stamps),
    /// written by every build.
    static func read(model: URL, stamps: URL) -> BuildState? {
        guard let modelData = FileManager.default.contents(atPath: model.path),
            let stampsData = FileManager.default.contents(atPath: stamps.path),
            let stamped = try? JSONDecoder().decode(Stamps.self, from: stampsData),
            var state = try? JSONDecoder().decode(BuildState.self, from: modelData)
        else { return nil }
        state.identity = stamped.identity
        state.inputs = stamped.inputs.stamps
        state.outputs = stamped.outputs.stamps
        return state
    }

    func write(model: URL?, stamps: URL) {
        try? FileManager.default.createDirectory(at: stamps.deletingLastPathComponent(), withIntermediateDirectories: true)
        if let model, let data = try? JSONEncoder().encode(self) {
            try? data.write(to: model, options: .atomic)
        }
        let stamped = Stamps(identity: identity, inputs: StampColumns(inputs), outputs: StampColumns(outputs))
        if let data = try? JSONEncoder().encode(stamped) {
            try? data.write(to: stamps, options: .atomic)
        }
    }

    private struct Stamps: Codable {
        var identity: String
        var inputs: StampColumns
        var outputs: StampColumns
    }

    /// The stamps of every file below the content and templates folders.
    static func stamps(content: URL, templates: URL) -> [String: FileStamp] {
        stamps(below: content, prefix: "content/", skippingIgnored: true).merging(
            stamps(below: templates, prefix: "templates/", skippingIgnored: true)
        ) { first, _ in first }
    }

    /// The stamps of the files below `folder`, by their paths relative to it after `prefix`.
    static func stamps(below folder: URL, prefix: String = "", skippingIgnored: Bool = false) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        let files = FileTree.files(below: folder.path, skipping: skippingIgnored ? IgnoredFiles.isIgnored : { _ in false })
        for relative in files {
            if let stamp = stamp(of: folder.path + "/" + relative) { stamps[prefix + relative] = stamp }
        }
        return stamps
    }

    static func stamp(of path: String) -> FileStamp? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return FileStamp(
            size: Int64(status.st_size),
            modified: Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec),
            changed: Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec),
            inode: UInt64(status.st_ino))
    }

    /// The portal program itself, by size and modification time: a new build of it may render
    /// differently, so its states are not reused.
    static var programIdentity: String {
        var status = stat()
        guard stat("/proc/self/exe", &status) == 0 else { return "unknown" }
        return "\(status.st_size)-\(status.st_mtim.tv_sec)-\(status.st_mtim.tv_nsec)"
    }

    /// A digest of the output files a page links to, by their numbers in `paths`, whatever
    /// their order.
    static func digest(of targets: [Int32]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for target in Set(targets).sorted() {
            hash = (hash ^ UInt64(UInt32(bitPattern: target))) &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}

extension Portal {
    /// The portal without its rendered bodies, as a build state keeps it.
    var withoutBodies: Portal {
        var portal = self
        for index in portal.cases.indices { portal.cases[index].body.html = "" }
        for index in portal.courses.indices { portal.courses[index].body.html = "" }
        for index in portal.pages.indices { portal.pages[index].body.html = "" }
        return portal
    }
}

/// Stored as columns, one array per field: a portal of thousands of cases decodes many times
/// faster than with one object per case and per file. Only what the pages of other cases show
/// is kept of a case: members and the bodies of cases are left out, as a state is taken up
/// only to render the pages of cases whose bodies changed, and those bodies are read anew.
extension BuildState: Codable {
    private enum CodingKeys: String, CodingKey {
        case config, courses, pages, sites, media, memory, linkWarnings
        case pageLinkDigests, paths
        case slugs, titles, dates, districts, categories, tags, siteIDs, authors, summaries
        case sourcePaths, sourceLines, statuses, approvals
    }

    fileprivate struct StampColumns: Codable {
        var paths: [String] = []
        var sizes: [Int64] = []
        var modified: [Int64] = []
        var changed: [Int64] = []
        var inodes: [UInt64] = []

        init(_ stamps: [String: FileStamp]) {
            for (path, stamp) in stamps.sorted(by: { $0.key < $1.key }) {
                paths.append(path)
                sizes.append(stamp.size)
                modified.append(stamp.modified)
                changed.append(stamp.changed)
                inodes.append(stamp.inode)
            }
        }

        var stamps: [String: FileStamp] {
            var stamps: [String: FileStamp] = [:]
            for index in paths.indices where index < min(sizes.count, modified.count, changed.count, inodes.count) {
                stamps[paths[index]] = FileStamp(
                    size: sizes[index], modified: modified[index], changed: changed[index], inode: inodes[index])
            }
            return stamps
        }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        identity = ""
        inputs = [:]
        outputs = [:]
        memory = try container.decode(LoadMemory.self, forKey: .memory)
        linkWarnings = try container.decode([Diagnostic].self, forKey: .linkWarnings)
        paths = try container.decode([String].self, forKey: .paths)
        pageLinks = [:]
        for (path, digest) in zip(paths, try container.decode([UInt64?].self, forKey: .pageLinkDigests)) {
            pageLinks[path] = digest
        }
        files = Gzip.withTwins(paths)

        let config = try container.decode(PortalConfig.self, forKey: .config)
        let slugs = try container.decode([String].self, forKey: .slugs)
        let titles = try container.decode([String].self, forKey: .titles)
        let dates = try container.decode([Int].self, forKey: .dates)
        let districts = try container.decode([Int].self, forKey: .districts)
        let categories = try container.decode([Int].self, forKey: .categories)
        let tags = try container.decode([[String]].self, forKey: .tags)
        let siteIDs = try container.decode([[String]].self, forKey: .siteIDs)
        let authors = try container.decode([String].self, forKey: .authors)
        let summaries = try container.decode([String].self, forKey: .summaries)
        let sourcePaths = try container.decode([String].self, forKey: .sourcePaths)
        let sourceLines = try container.decode([Int].self, forKey: .sourceLines)
        let statuses = try container.decode([String].self, forKey: .statuses)
        let approvals = try container.decode([[Approval]].self, forKey: .approvals)
        var columns: [Int] = [titles.count, dates.count, districts.count, categories.count, tags.count]
        columns += [siteIDs.count, authors.count, summaries.count, sourcePaths.count, sourceLines.count]
        columns += [statuses.count, approvals.count]
        guard columns.allSatisfy({ $0 == slugs.count }) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "columns of unequal length"))
        }
        var cases: [CaseStudy] = []
        cases.reserveCapacity(slugs.count)
        for index in slugs.indices {
            guard config.districts.indices.contains(districts[index]), config.categories.indices.contains(categories[index]),
                let status = PublicationStatus(rawValue: statuses[index]),
                let date = Day(year: dates[index] / 10000, month: dates[index] / 100 % 100, day: dates[index] % 100)
            else { throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "a case does not decode")) }
            cases.append(
                CaseStudy(
                    slug: slugs[index], title: titles[index], date: date, district: config.districts[districts[index]],
                    category: config.categories[categories[index]], tags: tags[index], siteIDs: siteIDs[index],
                    author: authors[index], summary: summaries[index],
                    body: RenderedBody(html: "", tableOfContents: [], firstParagraph: "", readableCharacters: 0),
                    source: SourceLocation(path: sourcePaths[index], line: sourceLines[index]),
                    publication: Publication(status: status, approvals: approvals[index])))
        }
        portal = Portal(
            config: config, cases: cases, courses: try container.decode([Course].self, forKey: .courses),
            pages: try container.decode([StandalonePage].self, forKey: .pages),
            sites: try container.decode([Site].self, forKey: .sites), members: [],
            media: try container.decode([MediaFile].self, forKey: .media))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(memory, forKey: .memory)
        try container.encode(linkWarnings, forKey: .linkWarnings)
        try container.encode(paths, forKey: .paths)
        try container.encode(paths.map { pageLinks[$0] }, forKey: .pageLinkDigests)
        let config = portal.config
        try container.encode(config, forKey: .config)
        let cases = portal.cases
        try container.encode(cases.map(\.slug), forKey: .slugs)
        try container.encode(cases.map(\.title), forKey: .titles)
        try container.encode(cases.map { $0.date.year * 10000 + $0.date.month * 100 + $0.date.day }, forKey: .dates)
        try container.encode(cases.map { config.districts.firstIndex(of: $0.district) ?? -1 }, forKey: .districts)
        try container.encode(cases.map { config.categories.firstIndex(of: $0.category) ?? -1 }, forKey: .categories)
        try container.encode(cases.map(\.tags), forKey: .tags)
        try container.encode(cases.map(\.siteIDs), forKey: .siteIDs)
        try container.encode(cases.map(\.author), forKey: .authors)
        try container.encode(cases.map(\.summary), forKey: .summaries)
        try container.encode(cases.map(\.source.path), forKey: .sourcePaths)
        try container.encode(cases.map(\.source.line), forKey: .sourceLines)
        try container.encode(cases.map(\.publication.status.rawValue), forKey: .statuses)
        try container.encode(cases.map(\.publication.approvals), forKey: .approvals)
        try container.encode(portal.courses, forKey: .courses)
        try container.encode(portal.pages, forKey: .pages)
        try container.encode(portal.sites, forKey: .sites)
        try container.encode(portal.media, forKey: .media)
    }
}
