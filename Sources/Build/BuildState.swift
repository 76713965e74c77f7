import Content
import Core
import Foundation
import Model
import Search
import Views
import Writers

#if canImport(Glibc)
    import Glibc
#endif

/// What a successful build leaves in the cache folder for the next one: every input file's
/// size and times, the loaded portal (case bodies left out), the load's memory, every page's
/// links and inputs, and the term shards of the search index each case is in. When only case
/// files or templates changed since, the next build reads just those files and renders just
/// the pages that read what changed (`SiteBuilder.quickBuild`).
struct BuildState: Sendable {
    /// The build's identity: the portal program, its options and folders. Another identity
    /// and the state is not used.
    var identity: String
    /// How the content and templates folders were named in the messages the state keeps
    /// (`content`, `/srv/portal/content`): a build naming them otherwise renames the places of
    /// those messages and goes on from the state.
    var messageRoots: [String] = []
    /// `content/…` and `templates/…` paths of every input file, with what `stat` says of them.
    var inputs: [String: FileStamp]
    var portal: Portal
    var memory: LoadMemory
    /// The warnings of the link stage (pages nothing links to).
    var linkWarnings: [Diagnostic]
    /// Every output file but the `.gz` twins, in the order the link check numbers them.
    var paths: [String]
    /// The output files each page links to, by their numbers in `paths`; nil for files that
    /// are not pages.
    var links: [[Int32]?]
    /// What each page's view read (`PageInput`), by numbers in `readInputs`, in the order of
    /// `paths`; nil for files that are not pages made from a view.
    var pageInputs: [[Int32]?] = []
    /// The inputs pages read, as `PageInput.code` names them.
    var readInputs: [String] = []
    /// Every output file, `.gz` twins included.
    var files: [String]
    /// The term shards of the search index each case's postings are in.
    var searchMasks: SearchShardMasks
    /// What `stat` said of every output file once it was published: a file changed or removed
    /// by hand since makes the next build a full one, which puts it right.
    var outputs: [String: FileStamp] = [:]

    /// The first bytes of both files; another format version is not read.
    private static let format = "portal-state-10"

    /// The state kept in three files: `model` (the portal, the load's memory, the links) and
    /// `search` (the term shards of each case), each written only when it changes, and `stamps`
    /// (identity and file stamps), written by every build, last: a build stopped before it
    /// leaves stamps that do not match the output, and the next build is a full one.
    static func read(model: URL, search: URL, stamps: URL) -> BuildState? {
        guard let modelData = FileManager.default.contents(atPath: model.path),
            let searchData = FileManager.default.contents(atPath: search.path),
            let stampsData = FileManager.default.contents(atPath: stamps.path)
        else { return nil }
        do {
            var reader = ByteReader([UInt8](stampsData))
            guard try reader.string() == format else { return nil }
            let identity = try reader.string()
            let messageRoots = try reader.strings()
            let inputs = try stampsTable(from: &reader)
            let outputs = try stampsTable(from: &reader)
            var modelReader = ByteReader([UInt8](modelData))
            guard try modelReader.string() == format else { return nil }
            var state = try BuildState(from: &modelReader)
            var searchReader = ByteReader([UInt8](searchData))
            guard try searchReader.string() == format,
                let masks = SearchShardMasks(
                    wordsPerDocument: try searchReader.int(), words: try searchReader.array { try $0.unsigned() })
            else { return nil }
            guard reader.isAtEnd, modelReader.isAtEnd, searchReader.isAtEnd else { return nil }
            state.identity = identity
            state.messageRoots = messageRoots
            state.inputs = inputs
            state.outputs = outputs
            state.searchMasks = masks
            return state
        } catch {
            return nil
        }
    }

    func write(model: URL?, search: URL?, stamps: URL) {
        try? FileManager.default.createDirectory(at: stamps.deletingLastPathComponent(), withIntermediateDirectories: true)
        if let search {
            var writer = ByteWriter()
            writer.write(Self.format)
            writer.write(searchMasks.wordsPerDocument)
            writer.write(searchMasks.words) { $0.write($1) }
            try? Data(writer.bytes).write(to: search, options: .atomic)
        }
        if let model {
            var writer = ByteWriter()
            writer.write(Self.format)
            if (try? write(to: &writer)) != nil {
                try? Data(writer.bytes).write(to: model, options: .atomic)
            }
        }
        var writer = ByteWriter()
        writer.write(Self.format)
        writer.write(identity)
        writer.write(messageRoots)
        Self.write(inputs, to: &writer)
        Self.write(outputs, to: &writer)
        try? Data(writer.bytes).write(to: stamps, options: .atomic)
    }

    /// Stamps as columns: the paths, sorted, then each field.
    private static func write(_ stamps: [String: FileStamp], to writer: inout ByteWriter) {
        let paths = stamps.keys.sorted()
        writer.write(paths)
        for path in paths {
            let stamp = stamps[path]!
            writer.write(Int(stamp.size))
            writer.write(Int(stamp.modified))
            writer.write(Int(stamp.changed))
            writer.write(stamp.inode)
        }
    }

    private static func stampsTable(from reader: inout ByteReader) throws -> [String: FileStamp] {
        let paths = try reader.strings()
        var stamps: [String: FileStamp] = [:]
        stamps.reserveCapacity(paths.count)
        for path in paths {
            stamps[path] = FileStamp(
                size: Int64(try reader.int()), modified: Int64(try reader.int()), changed: Int64(try reader.int()),
                inode: try reader.unsigned())
        }
        return stamps
    }

    /// The stamps of every file below the content and templates folders.
    static func stamps(content: URL, templates: URL) -> [String: FileStamp] {
        stamps(below: content, prefix: "content/", skippingIgnored: true).merging(
            stamps(below: templates, prefix: "templates/", skippingIgnored: true)
        ) { first, _ in first }
    }

    /// The stamps of the files below `folder`, by their paths relative to it after `prefix`.
    static func stamps(below folder: URL, prefix: String = "", skippingIgnored: Bool = false) -> [String: FileStamp] {
        table(
            FileTree.stamps(below: folder.path, skipping: skippingIgnored ? IgnoredFiles.isIgnored : { _ in false }),
            prefix: prefix)
    }

    /// The stamps of the files of an output, read on all cores.
    static func stamps(ofOutput folder: URL, pieces: Int) async -> [String: FileStamp] {
        table(await FileTree.stamps(below: folder.path, pieces: pieces))
    }

    private static func table(_ stamps: [(path: String, stamp: FileStamp)], prefix: String = "") -> [String: FileStamp] {
        var table: [String: FileStamp] = [:]
        table.reserveCapacity(stamps.count)
        for (path, stamp) in stamps { table[prefix + path] = stamp }
        return table
    }

    /// This state with the places of its messages named from `roots` (content, templates)
    /// rather than from the roots it was written with.
    func namingMessages(from roots: [String]) -> BuildState {
        guard roots != messageRoots, roots.count == messageRoots.count else { return self }
        let renames = Array(zip(messageRoots, roots))
        func renamed(_ diagnostic: Diagnostic) -> Diagnostic {
            var diagnostic = diagnostic
            for (old, new) in renames {
                guard let relative = SourceLocation.relative(diagnostic.location.path, to: old) else { continue }
                diagnostic.location.path = relative.isEmpty ? new : SourceLocation.joined(new, relative)
                break
            }
            return diagnostic
        }
        var state = self
        state.messageRoots = roots
        state.linkWarnings = linkWarnings.map(renamed)
        state.memory.renameMessages(renamed)
        return state
    }

    /// The portal program itself, by size and modification time: a new build of it may render
    /// differently, so its states are not reused.
    static var programIdentity: String {
        var status = stat()
        guard stat("/proc/self/exe", &status) == 0 else { return "unknown" }
        return "\(status.st_size)-\(status.st_mtim.tv_sec)-\(status.st_mtim.tv_nsec)"
    }
}

/// Stored as columns, one list per field (see `ByteWriter`): a portal of thousands of cases
/// reads in milliseconds. The few structured parts (settings, courses, pages, sites, media,
/// news, notices, policies) go
/// in as JSON.
extension BuildState {
    init(from reader: inout ByteReader) throws {
        identity = ""
        inputs = [:]
        outputs = [:]
        memory = try LoadMemory(from: &reader)
        linkWarnings = try reader.array { try Diagnostic(from: &$0) }
        paths = try reader.strings()
        links = try reader.array { reader in
            try reader.bool() ? try reader.array { Int32(truncatingIfNeeded: try $0.int()) } : nil
        }
        guard links.count == paths.count else { throw ByteReader.Malformed() }
        readInputs = try reader.strings()
        pageInputs = try reader.array { reader in
            try reader.bool() ? try reader.array { Int32(truncatingIfNeeded: try $0.int()) } : nil
        }
        guard pageInputs.count == paths.count else { throw ByteReader.Malformed() }
        files = Gzip.withTwins(paths)
        searchMasks = SearchShardMasks(termShardCount: 1, documents: 0)

        let config = try reader.json(PortalConfig.self)
        let cases = try reader.array { reader -> CaseStudy in
            let slug = try reader.string()
            let title = try reader.string()
            let dateNumber = try reader.int()
            let district = try reader.int()
            let category = try reader.int()
            let tags = try reader.strings()
            let siteIDs = try reader.strings()
            let author = try reader.string()
            let summary = try reader.string()
            let source = try SourceLocation(from: &reader)
            let status = try reader.string()
            let approvals = try reader.array { reader in
                let by = try reader.string()
                guard let role = ReviewRole(rawValue: try reader.string()) else { throw ByteReader.Malformed() }
                return Approval(
                    by: by, role: role, at: Timestamp(secondsSince1970: try reader.int(), utcOffsetMinutes: try reader.int()),
                    bodySHA256: try reader.string())
            }
            guard config.districts.indices.contains(district), config.categories.indices.contains(category),
                let status = PublicationStatus(rawValue: status),
                let date = Day(year: dateNumber / 10000, month: dateNumber / 100 % 100, day: dateNumber % 100)
            else { throw ByteReader.Malformed() }
            return CaseStudy(
                slug: slug, title: title, date: date, district: config.districts[district],
                category: config.categories[category], tags: tags, siteIDs: siteIDs, author: author, summary: summary,
                body: .empty, source: source, publication: Publication(status: status, approvals: approvals))
        }
        let members = try reader.array { reader -> Member in
            let id = try reader.string()
            let name = try reader.string()
            let shop = try reader.string()
            let district = try reader.int()
            guard config.districts.indices.contains(district) else { throw ByteReader.Malformed() }
            return Member(
                id: id, name: name, shop: shop, district: config.districts[district], siteID: try reader.string(),
                joined: try reader.int(), commitment: try reader.string(), source: try SourceLocation(from: &reader),
                siteSource: try SourceLocation(from: &reader))
        }
        portal = Portal(
            config: config, cases: cases, courses: try reader.json([Course].self), pages: try reader.json([StandalonePage].self),
            sites: try reader.json([Site].self), members: members, media: try reader.json([MediaFile].self),
            training: try reader.json([TrainingSession].self), news: try reader.json([NewsItem].self),
            notices: try reader.json([Notice].self), policies: try reader.json([PolicyDocument].self),
            liaison: try reader.json([LiaisonPoint].self), coverage: try reader.json([CoverageSnapshot].self),
            assessment: try reader.json(AssessmentScheme?.self))
    }

    func write(to writer: inout ByteWriter) throws {
        memory.write(to: &writer)
        writer.write(linkWarnings) { $1.write(to: &$0) }
        writer.write(paths)
        writer.write(links) { writer, targets in
            writer.write(targets != nil)
            if let targets { writer.write(targets.map(Int.init)) }
        }
        writer.write(readInputs)
        writer.write(pageInputs) { writer, inputs in
            writer.write(inputs != nil)
            if let inputs { writer.write(inputs.map(Int.init)) }
        }
        let config = portal.config
        try writer.writeJSON(config)
        writer.write(portal.cases) { writer, caseStudy in
            writer.write(caseStudy.slug)
            writer.write(caseStudy.title)
            writer.write(caseStudy.date.year * 10000 + caseStudy.date.month * 100 + caseStudy.date.day)
            writer.write(config.districts.firstIndex(of: caseStudy.district) ?? -1)
            writer.write(config.categories.firstIndex(of: caseStudy.category) ?? -1)
            writer.write(caseStudy.tags)
            writer.write(caseStudy.siteIDs)
            writer.write(caseStudy.author)
            writer.write(caseStudy.summary)
            caseStudy.source.write(to: &writer)
            writer.write(caseStudy.publication.status.rawValue)
            writer.write(caseStudy.publication.approvals) { writer, approval in
                writer.write(approval.by)
                writer.write(approval.role.rawValue)
                writer.write(approval.at.secondsSince1970)
                writer.write(approval.at.utcOffsetMinutes)
                writer.write(approval.bodySHA256)
            }
        }
        writer.write(portal.members) { writer, member in
            writer.write(member.id)
            writer.write(member.name)
            writer.write(member.shop)
            writer.write(config.districts.firstIndex(of: member.district) ?? -1)
            writer.write(member.siteID)
            writer.write(member.joined)
            writer.write(member.commitment)
            member.source.write(to: &writer)
            member.siteSource.write(to: &writer)
        }
        try writer.writeJSON(portal.courses)
        try writer.writeJSON(portal.pages)
        try writer.writeJSON(portal.sites)
        try writer.writeJSON(portal.media)
        try writer.writeJSON(portal.training)
        try writer.writeJSON(portal.news)
        try writer.writeJSON(portal.notices)
        try writer.writeJSON(portal.policies)
        try writer.writeJSON(portal.liaison)
        try writer.writeJSON(portal.coverage)
        try writer.writeJSON(portal.assessment)
    }
}

/// The state of the last build of one output, kept in memory by a process that builds it again
/// and again (`portal serve`). A build given it neither reads the state from disk nor stamps
/// every output file to learn whether another program changed them: the output is the
/// process's own. It still writes the state, so that a process started later resumes quickly.
public final class ResidentState: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: BuildState?

    public init() {}

    var state: BuildState? {
        get { lock.withLock { kept } }
        set { lock.withLock { kept = newValue } }
    }

    /// Whether a build left its state here.
    public var holdsState: Bool { state != nil }
}

extension BuildState {
    /// Keeps `inputs` as what the page numbered `page` read, by their numbers in
    /// `readInputs`; an input no page read before goes at the end of the table, so the same
    /// site gives the same table whatever the order of a set. `numbers` is the table's
    /// index, made by the first call.
    mutating func keep(_ inputs: Set<PageInput>, readByPage page: Int, numbers: inout [String: Int32]?) {
        if numbers == nil {
            numbers = Dictionary(zip(readInputs, readInputs.indices.map(Int32.init)), uniquingKeysWith: { first, _ in first })
        }
        pageInputs[page] = inputs.map(\.code).sorted().map { code in
            if let number = numbers?[code] { return number }
            let number = Int32(readInputs.count)
            numbers?[code] = number
            readInputs.append(code)
            return number
        }.sorted()
    }
}
