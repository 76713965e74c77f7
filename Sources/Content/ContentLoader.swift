import Core
import Foundation
import Markdown
import Model

/// Loads `content/` into a checked `Portal`. The order matters: `portal.yaml` first (districts
/// and categories), then the data files and every page's front matter (which fixes every URL),
/// then the Markdown bodies, whose links can only be resolved once all URLs are known, and last
/// the references between records.
public struct ContentLoader: Sendable {
    public struct Loaded: Sendable {
        public var portal: Portal
        /// Warnings: problems that do not stop publication.
        public var warnings: [Diagnostic]
    }

    public let directory: URL
    /// How `directory` is written in messages: `content`, or the path the user gave.
    public let displayRoot: String

    /// How many pieces the Markdown work is cut into; the output is the same for any number.
    public let parallelism: Int

    public init(directory: URL, displayRoot: String, parallelism: Int = ProcessInfo.processInfo.activeProcessorCount * 4) {
        self.directory = directory
        self.displayRoot = displayRoot
        self.parallelism = max(1, parallelism)
    }

    public func load() async throws(DiagnosticsError) -> Loaded {
        var diagnostics = Diagnostics()
        let inventory = ContentInventory.scan(directory, displayRoot: displayRoot, diagnostics: &diagnostics)

        guard FileManager.default.fileExists(atPath: inventory.config.path),
            let configFile = read(inventory.config, diagnostics: &diagnostics)
        else {
            throw DiagnosticsError(diagnostics.all)
        }
        guard case .some(let configRoot) = parse(configFile, diagnostics: &diagnostics),
            let config = ConfigDecoder.decode(configRoot, file: configFile, diagnostics: &diagnostics)
        else { throw DiagnosticsError(diagnostics.all) }
        let lookup = TaxonLookup(config: config)

        var sites: [Site] = []
        var brokenSiteIDs: Set<String> = []
        if let url = inventory.sites, let file = read(url, diagnostics: &diagnostics),
            case .some(let root) = parse(file, diagnostics: &diagnostics)
        {
            (sites, brokenSiteIDs) = SiteDecoder.decode(root, file: file, lookup: lookup, diagnostics: &diagnostics)
        }
        var members: [Member] = []
        if let url = inventory.members, let file = read(url, diagnostics: &diagnostics),
            case .some(let root) = parse(file, diagnostics: &diagnostics)
        {
            members = MemberDecoder.decode(root, file: file, lookup: lookup, diagnostics: &diagnostics)
        }

        let decoder = PageDecoder(lookup: lookup)
        var sources: [PageSource] = []
        var unreadable: Set<String> = []
        for page in inventory.pages {
            if let file = read(page.url, diagnostics: &diagnostics),
                let source = decoder.decode(file, kind: page.kind, relativePath: page.relativePath, diagnostics: &diagnostics)
            {
                sources.append(source)
            } else {
                unreadable.insert(page.relativePath)
            }
        }

        let resolver = Self.linkResolver(for: sources, unreadable: unreadable, diagnostics: &diagnostics)
        let bodies = await Self.renderBodies(of: sources, resolver: resolver, parallelism: parallelism)
        var anchors: [String: Set<String>] = [:]
        for (source, document) in zip(sources, bodies) {
            anchors[source.relativePath] = Set(document.headings.map(\.anchor))
        }
        var checker = ReferenceChecker(
            sites: sites, brokenSiteIDs: brokenSiteIDs, members: members, resolver: resolver, anchors: anchors)
        checker.checkRecords()
        var cases: [CaseStudy] = []
        var courses: [Course] = []
        var pages: [StandalonePage] = []
        for (source, document) in zip(sources, bodies) {
            checker.checkBody(document, of: source)
            guard source.status == .published else { continue }
            let body = Self.renderedBody(document)
            switch source.metadata {
            case .caseStudy(let metadata):
                checker.checkSites(metadata.siteIDs)
                cases.append(
                    CaseStudy(
                        slug: source.slug, title: metadata.title, date: metadata.date, district: metadata.district,
                        category: metadata.category, tags: metadata.tags, siteIDs: Self.unique(metadata.siteIDs.map(\.id)),
                        author: metadata.author, summary: metadata.summary ?? ChineseText.summary(of: document.firstParagraph),
                        body: body, source: source.location))
            case .course(let metadata):
                courses.append(
                    Course(
                        slug: source.slug, title: metadata.title, date: metadata.date, trainer: metadata.trainer,
                        audience: metadata.audience, hours: metadata.hours,
                        caseSlugs: checker.linkedCaseSlugs(document, of: source), body: body, source: source.location))
            case .page(let title, _):
                pages.append(StandalonePage(slug: source.slug, title: title, body: body, source: source.location))
            }
        }
        diagnostics.append(contentsOf: checker.diagnostics)
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics.all) }

        cases.sort(by: CaseStudy.newestFirst)
        courses.sort { ($0.date, $0.slug) > ($1.date, $1.slug) }
        pages.sort { $0.slug < $1.slug }
        let portal = Portal(config: config, cases: cases, courses: courses, pages: pages, sites: sites, members: members)
        return Loaded(portal: portal, warnings: Diagnostics(diagnostics.all).sorted)
    }

    private func read(_ url: URL, diagnostics: inout Diagnostics) -> SourceFile? {
        switch SourceFile.read(url, displayPath: displayPath(of: url)) {
        case .success(let file): return file
        case .failure(let error):
            diagnostics.append(contentsOf: error.diagnostics)
            return nil
        }
    }

    /// The file's root value (itself nil for an empty file), or nil when the YAML is invalid.
    private func parse(_ file: SourceFile, diagnostics: inout Diagnostics) -> YAMLValue?? {
        switch YAMLReader.parse(file.text, path: file.path) {
        case .success(let value): return .some(value)
        case .failure(let error):
            diagnostics.append(contentsOf: error.diagnostics)
            return nil
        }
    }

    private func displayPath(of url: URL) -> String {
        let root = directory.standardizedFileURL.path
        let full = url.standardizedFileURL.path
        guard full.hasPrefix(root + "/") else { return full }
        let relative = String(full.dropFirst(root.count + 1))
        return displayRoot.isEmpty || displayRoot == "." ? relative : displayRoot + "/" + relative
    }

    /// Every page's URL, checking that no two sources claim the same one.
    private static func linkResolver(for sources: [PageSource], unreadable: Set<String>, diagnostics: inout Diagnostics)
        -> LinkResolver
    {
        var targets: [String: LinkResolver.Target] = [:]
        var owners: [String: PageSource] = [:]
        for source in sources {
            let key = source.path.description.lowercased()
            if let owner = owners[key] {
                diagnostics.error(
                    at: source.location, "\(source.path) 与 \(owner.file.path) 的网址相同",
                    hint: "two files may not publish to one address: give one of them another file name or slug")
                continue
            }
            owners[key] = source
            targets[source.relativePath] = LinkResolver.Target(
                kind: source.kind, relativePath: source.relativePath, slug: source.slug, path: source.path,
                isPublished: source.status == .published,
                title: source.metadata.title)
        }
        return LinkResolver(targets: targets, unreadable: unreadable)
    }

    /// Renders all bodies on all cores; results come back in the order of `sources` whatever
    /// the number of threads.
    private static func renderBodies(of sources: [PageSource], resolver: LinkResolver, parallelism: Int) async
        -> [MarkdownDocument]
    {
        let renderer = MarkdownRenderer(options: .portal)
        let chunkCount = min(sources.count, parallelism)
        guard chunkCount > 0 else { return [] }
        let chunkSize = (sources.count + chunkCount - 1) / chunkCount
        return await withTaskGroup(of: (Int, [MarkdownDocument]).self) { group in
            for start in stride(from: 0, to: sources.count, by: chunkSize) {
                let chunk = sources[start..<min(start + chunkSize, sources.count)]
                group.addTask {
                    let documents = chunk.map { source in
                        renderer.render(source.body) { destination in
                            resolver.rewrite(destination, from: source.relativePath, origin: source.path)
                        }
                    }
                    return (start, documents)
                }
            }
            var results = [MarkdownDocument?](repeating: nil, count: sources.count)
            for await (start, documents) in group {
                for (offset, document) in documents.enumerated() { results[start + offset] = document }
            }
            return results.map { $0! }
        }
    }

    private static func renderedBody(_ document: MarkdownDocument) -> RenderedBody {
        RenderedBody(
            html: document.html,
            tableOfContents: document.headings.filter { (2...3).contains($0.level) }.map {
                TableOfContentsEntry(level: $0.level, title: $0.text, anchor: $0.anchor)
            },
            firstParagraph: document.firstParagraph,
            readableCharacters: ChineseText.readableCount(document.plainText))
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
