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
        /// Processor time of the parts of loading, summed over all cores.
        public var work: [(name: String, duration: Duration)] = []
        /// What a later build needs to take up this load where only case bodies changed.
        public var memory: LoadMemory
        /// The errors `loadReportingAll()` found; the portal then holds only what could be read.
        public var errors: [Diagnostic] = []
    }

    public let directory: URL
    /// How `directory` is written in messages: `content`, or the path the user gave.
    public let displayRoot: String

    /// How many pieces the Markdown work is cut into; the output is the same for any number.
    public let parallelism: Int

    /// Whether draft and review pages become part of the portal (`portal build --drafts`).
    /// Every page is checked either way; by default only `published` ones are kept.
    public let includeUnpublished: Bool

    /// Whether approvals must match the body. Only `portal approve` loads without, to check a
    /// file before approving it again.
    public let verifiesApprovals: Bool

    /// What the last build knew of the pictures and attachments: a file whose stamp is
    /// unchanged is not read again.
    public var knownMedia: [String: MediaFacts] = [:]

    /// The day of the load, in China time: activities after it are refused, and liaison points
    /// without one in its year are reported.
    public var today = Day.today(utcOffsetHours: 8)

    /// The ids the templates give every page besides its headings' (`main`, the skip link's
    /// target), by the folder of its Markdown file: `cases`, `courses`, `pages`. A link from a
    /// page's text to `#x` must name one of these or a heading of the page; nil leaves such
    /// links unchecked.
    public var templateIDs: [String: Set<String>]?

    /// `templateIDs` by the kind of page.
    var templateIDsByKind: [PageKind: Set<String>]? {
        templateIDs.map { ids in
            Dictionary(uniqueKeysWithValues: PageKind.allCases.map { ($0, ids[$0.folder] ?? []) })
        }
    }

    public init(
        directory: URL, displayRoot: String, parallelism: Int = ProcessInfo.processInfo.activeProcessorCount * 4,
        includeUnpublished: Bool = false, verifiesApprovals: Bool = true
    ) {
        self.directory = directory
        self.displayRoot = displayRoot
        self.parallelism = max(1, parallelism)
        self.includeUnpublished = includeUnpublished
        self.verifiesApprovals = verifiesApprovals
    }

    /// The checked portal; any error in `content/` throws them all.
    public func load() async throws(DiagnosticsError) -> Loaded {
        let loaded = try await loadReportingAll()
        if !loaded.errors.isEmpty { throw DiagnosticsError(loaded.errors + loaded.warnings) }
        return loaded
    }

    /// Loads as `load()` does, but errors in some files leave the others in the portal, so that
    /// a build can still render and check them and report every problem of a run at once: the
    /// portal holds the records and pages that could be read, each id and address once, and
    /// `errors` says what is wrong. Throws only when there is no portal at all (`portal.yaml`
    /// cannot be read).
    public func loadReportingAll() async throws(DiagnosticsError) -> Loaded {
        var diagnostics = Diagnostics()
        let inventory = ContentInventory.scan(directory, displayRoot: displayRoot, diagnostics: &diagnostics)
        guard let records = readRecords(inventory, diagnostics: &diagnostics) else {
            throw DiagnosticsError(diagnostics.all)
        }
        let (config, sites, members) = (records.config, records.sites, records.members)
        let (brokenSiteIDs, sitesAreKnown) = (records.brokenSiteIDs, records.sitesAreKnown)
        let lookup = TaxonLookup(config: config)
        // The data files read are proofread, as written (see `read(_:proofreading:)`).
        let proofreader = Proofreader(terms: readTerms(inventory.terms, diagnostics: &diagnostics))
        let proofreading = records.files

        let decoder = PageDecoder(
            lookup: lookup, includeUnpublished: includeUnpublished, verifiesApprovals: verifiesApprovals)
        var (sources, unreadable, work, perFile) = await decodePages(
            inventory.pages, decoder: decoder, proofreader: proofreader)
        diagnostics.append(contentsOf: await proofreader.diagnostics(for: proofreading, parallelism: parallelism))

        var resolver = Self.linkResolver(
            for: sources, unreadable: unreadable, files: Set(inventory.otherFiles.keys), diagnostics: &diagnostics)
        let (directory, displayRoot) = (directory, displayRoot)
        let media = await MediaFacts.read(
            inventory.otherFiles, known: knownMedia, parallelism: parallelism,
            displayPath: { Self.displayPath(of: $0, in: directory, displayRoot: displayRoot) })
        work.append(("media", media.time))
        diagnostics.append(contentsOf: media.problems)
        for (relative, facts) in media.facts { resolver.media[relative] = facts.file(relative, in: directory) }
        let (bodies, markdownTime) = await Self.renderBodies(of: sources, resolver: resolver, parallelism: parallelism)
        work.append(("markdown", markdownTime))
        for index in sources.indices { sources[index].body = "" }
        var anchors: [String: Set<String>] = [:]
        for (source, (document, _)) in zip(sources, bodies) {
            anchors[source.relativePath] = Set(document.headings.map(\.anchor))
        }
        let referencesStarted = ThreadTime.now()
        var checker = ReferenceChecker(
            sites: sites, brokenSiteIDs: brokenSiteIDs, sitesAreKnown: sitesAreKnown, members: members, resolver: resolver,
            anchors: anchors, templateIDs: templateIDsByKind)
        checker.checkRecords()
        let recordProblems = checker.diagnostics.all.count
        var cases: [CaseStudy] = []
        var courses: [Course] = []
        var pages: [StandalonePage] = []
        var (news, notices, policies) = ([NewsItem](), [Notice](), [PolicyDocument]())
        var images: [String: Set<String>] = [:]
        for (source, (document, body)) in zip(sources, bodies) {
            let before = checker.diagnostics.all.count
            checker.checkBody(document, of: source)
            // Review pages are checked like the others, whether or not this build keeps them.
            if case .caseStudy(let metadata) = source.metadata { checker.checkSites(metadata.siteIDs) }
            if case .course(let metadata) = source.metadata { checker.checkLessons(metadata.lessons, of: source) }
            let files = Self.checkArticleFiles(of: source, checker: &checker, resolver: resolver, facts: media.facts)
            perFile[source.relativePath, default: []] += checker.diagnostics.all[before...]
            images[source.relativePath] = Self.images(of: document, from: source.relativePath, resolver: resolver)
            guard includeUnpublished || source.status == .published else { continue }
            switch source.metadata {
            case .caseStudy(let metadata):
                var caseStudy = Self.caseStudy(source, metadata, document, body)
                caseStudy.cover = files.cover
                cases.append(caseStudy)
            case .course(let metadata):
                courses.append(
                    Course(
                        slug: source.slug, title: metadata.title, date: metadata.date, trainer: metadata.trainer,
                        audience: metadata.audience, hours: metadata.hours,
                        caseSlugs: Self.unique(
                            metadata.lessons.flatMap { $0.cases.map(\.slug) } + checker.linkedCaseSlugs(document, of: source)),
                        objectives: metadata.objectives, lessons: metadata.lessons.map(\.lesson), body: body,
                        source: source.location, publication: source.publication))
            case .page(let title, _):
                pages.append(
                    StandalonePage(
                        slug: source.slug, title: title, body: body, source: source.location,
                        publication: source.publication))
            case .news(let metadata):
                news.append(Self.newsItem(source, metadata, document, body, files: files))
            case .notice(let metadata):
                notices.append(Self.notice(source, metadata, body))
            case .policy(let metadata):
                policies.append(Self.policy(source, metadata, document, body, files: files))
            }
        }
        // The checks of single files are kept apart, for `reload`.
        diagnostics.append(contentsOf: checker.diagnostics.all[..<recordProblems])
        let training = records.training.map { training in
            TrainingDecoder.decode(
                training.root, file: training.file, lookup: lookup,
                courses: Set(sources.filter { $0.kind == .course }.map(\.slug)), diagnostics: &diagnostics)
        }
        let liaison = records.liaison.map { liaison in
            decodeLiaison(liaison.root, sites: sites, brokenSiteIDs: brokenSiteIDs, sources: sources, diagnostics: &diagnostics)
        }
        work.append(("references", ThreadTime.now() - referencesStarted))
        let named = checker.usedFiles.union(checker.refusedFiles)
        for (relative, _) in inventory.otherFiles.sorted(by: { $0.key < $1.key }) where !named.contains(relative) {
            diagnostics.warning(
                at: SourceLocation(path: displayPath(of: directory.appendingPathComponent(relative))), "文件未被使用：没有页面引用它",
                hint: "页面文件须以 .md 结尾；图片要在页面中用 ![说明](路径) 引用，否则请移出内容目录")
        }
        let memory = LoadMemory(
            targets: resolver.targets, files: resolver.files, media: media.facts, anchors: anchors,
            images: images,
            fileDiagnostics: perFile.filter { !$0.value.isEmpty }, otherDiagnostics: diagnostics.all)
        let errors = memory.diagnostics.filter(\.isError)
        let usedMedia = checker.usedFiles.sorted().compactMap { resolver.media[$0] }

        cases.sort(by: CaseStudy.newestFirst)
        courses.sort { ($0.date, $0.slug) > ($1.date, $1.slug) }
        pages.sort { $0.slug < $1.slug }
        var portal = Portal(
            config: config, cases: cases, courses: courses, pages: pages, sites: sites, members: members, media: usedMedia,
            training: training ?? [],
            news: Self.newestFirst(news, date: \.date, title: \.title, slug: \.slug),
            notices: Self.newestFirst(notices, date: \.date, title: \.title, slug: \.slug),
            policies: Self.newestFirst(policies, date: \.date, title: \.title, slug: \.slug),
            liaison: liaison ?? [], coverage: records.coverage, assessment: records.assessment)
        if !errors.isEmpty { portal = Self.withoutDuplicates(portal, published: Set(resolver.targets.values.map(\.path))) }
        var warnings = memory.diagnostics.filter { !$0.isError }
        if let reviewWarning = reviewWarning(for: portal) { warnings.append(reviewWarning) }
        return Loaded(portal: portal, warnings: warnings, work: work, memory: memory, errors: errors)
    }

    /// `portal` with each id and address once, as a portal with errors may hold them twice
    /// (their errors say so): the first of each is kept, and only the pages whose address is
    /// theirs (`published`) are.
    private static func withoutDuplicates(_ portal: Portal, published paths: Set<SitePath>) -> Portal {
        var portal = portal
        var siteIDs: Set<String> = []
        var memberIDs: Set<String> = []
        portal.sites = portal.sites.filter { siteIDs.insert($0.id).inserted }
        portal.members = portal.members.filter { memberIDs.insert($0.id).inserted }
        var seen: Set<String> = []
        func isFirst(_ path: SitePath) -> Bool { paths.contains(path) && seen.insert(path.description.lowercased()).inserted }
        portal.cases = portal.cases.filter { isFirst(Routes.caseStudy($0.slug)) }
        portal.courses = portal.courses.filter { isFirst(Routes.course($0.slug)) }
        portal.pages = portal.pages.filter { isFirst(Routes.page($0.slug)) }
        portal.news = portal.news.filter { isFirst(ArticleKind.news.item($0.slug)) }
        portal.notices = portal.notices.filter { isFirst(ArticleKind.notice.item($0.slug)) }
        portal.policies = portal.policies.filter { isFirst(ArticleKind.policy.item($0.slug)) }
        return portal
    }

    /// Every page's file read, proofread and its front matter decoded, on all cores. Only the
    /// body is kept of each file's text, and only until it is rendered.
    private func decodePages(
        _ pages: [ContentInventory.PageFile], decoder: PageDecoder, proofreader: Proofreader
    ) async -> (
        sources: [PageSource], unreadable: Set<String>, work: [(name: String, duration: Duration)],
        perFile: [String: [Diagnostic]]
    ) {
        let displayRoot = displayRoot
        let decoded = await ParallelMap.map(pages, pieces: parallelism) { page in
            var diagnostics = Diagnostics()
            var times = (read: Duration.zero, frontMatter: Duration.zero, proofreading: Duration.zero)
            let file = ThreadTime.measure(&times.read) {
                Self.read(
                    page.url, displayPath: Self.displayPath(relative: page.relativePath, displayRoot: displayRoot),
                    diagnostics: &diagnostics)
            }
            guard let file else { return (source: PageSource?.none, found: diagnostics.all, times: times) }
            var source = ThreadTime.measure(&times.frontMatter) {
                decoder.decode(file, kind: page.kind, relativePath: page.relativePath, diagnostics: &diagnostics)
            }
            source?.file = SourceFile(path: file.path, text: "")
            let proofreading = ThreadTime.measure(&times.proofreading) { proofreader.diagnostics(for: file) }
            return (source: source, found: diagnostics.all + proofreading, times: times)
        }
        var sources: [PageSource] = []
        var unreadable: Set<String> = []
        var perFile: [String: [Diagnostic]] = [:]
        var times = (read: Duration.zero, frontMatter: Duration.zero, proofreading: Duration.zero)
        for (page, result) in zip(pages, decoded) {
            if !result.found.isEmpty { perFile[page.relativePath] = result.found }
            times.read += result.times.read
            times.frontMatter += result.times.frontMatter
            times.proofreading += result.times.proofreading
            if let source = result.source {
                sources.append(source)
            } else {
                unreadable.insert(page.relativePath)
            }
        }
        return (
            sources, unreadable,
            [("read", times.read), ("front matter", times.frontMatter), ("proofread", times.proofreading)], perFile
        )
    }

    func read(_ url: URL, sizeLimit: Int = SourceFile.sizeLimit, diagnostics: inout Diagnostics) -> SourceFile? {
        Self.read(url, in: directory, displayRoot: displayRoot, sizeLimit: sizeLimit, diagnostics: &diagnostics)
    }

    private static func read(
        _ url: URL, in directory: URL, displayRoot: String, sizeLimit: Int = SourceFile.sizeLimit,
        diagnostics: inout Diagnostics
    ) -> SourceFile? {
        read(
            url, displayPath: displayPath(of: url, in: directory, displayRoot: displayRoot), sizeLimit: sizeLimit,
            diagnostics: &diagnostics)
    }

    private static func read(
        _ url: URL, displayPath: String, sizeLimit: Int = SourceFile.sizeLimit, diagnostics: inout Diagnostics
    ) -> SourceFile? {
        switch SourceFile.read(url, displayPath: displayPath, sizeLimit: sizeLimit) {
        case .success(let file): return file
        case .failure(let error):
            diagnostics.append(contentsOf: error.diagnostics)
            return nil
        }
    }

    /// `portal.yaml`, the sites and the members, read and checked without the pages: what an
    /// author's tool needs to add a file that fits them (`portal new`).
    public func records() throws(DiagnosticsError) -> (config: PortalConfig, sites: [Site], members: [Member]) {
        var diagnostics = Diagnostics()
        let inventory = ContentInventory.scan(directory, displayRoot: displayRoot, diagnostics: &diagnostics)
        guard let records = readRecords(inventory, diagnostics: &diagnostics), !diagnostics.hasErrors else {
            throw DiagnosticsError(diagnostics.all.filter(\.isError))
        }
        return (records.config, records.sites, records.members)
    }

    private struct Records {
        var config: PortalConfig
        var sites: [Site] = []
        var brokenSiteIDs: Set<String> = []
        /// False when `sites.yaml` could not be read at all: its own error says why, and every
        /// reference to a site would only repeat it.
        var sitesAreKnown = true
        var members: [Member] = []
        /// `data/training.yaml`, parsed: decoded once the courses it names are known.
        var training: (root: YAMLValue?, file: SourceFile)?
        /// `data/liaison.yaml`, parsed: decoded once the cases it names are known.
        var liaison: (root: YAMLValue?, file: SourceFile)?
        var assessment: AssessmentScheme?
        /// `data/coverage.yaml`, decoded: it names only districts and categories.
        var coverage: [CoverageSnapshot] = []
        /// The files read, to be proofread.
        var files: [SourceFile]
    }

    /// Checks `portal.yaml`, the sites and the members as `load()` does (each record, unique ids,
    /// members' sites, wrong formulations), with the data files named in `replacing` read from
    /// the texts given instead of from disk: what an import would write, checked before it is
    /// written. Returns every problem; the pages are not read.
    public func checkRecords(replacing texts: [DataFile: String]) -> [Diagnostic] {
        var diagnostics = Diagnostics()
        var inventory = ContentInventory.scan(directory, displayRoot: displayRoot, diagnostics: &diagnostics)
        diagnostics = Diagnostics(diagnostics.all.filter(\.isError))
        for file in texts.keys {
            let url = directory.appendingPathComponent(file.rawValue)
            switch file {
            case .sites: inventory.sites = url
            case .members: inventory.members = url
            case .liaison: inventory.liaison = url
            case .coverage: inventory.coverage = url
            case .assessment: inventory.assessment = url
            }
        }
        guard let records = readRecords(inventory, replacing: texts, diagnostics: &diagnostics) else { return diagnostics.all }
        var checker = ReferenceChecker(
            sites: records.sites, brokenSiteIDs: records.brokenSiteIDs, sitesAreKnown: records.sitesAreKnown,
            members: records.members, resolver: LinkResolver(targets: [:], unreadable: [], files: []), anchors: [:])
        checker.checkRecords()
        diagnostics.append(contentsOf: checker.diagnostics.all)
        let proofreader = Proofreader(terms: readTerms(inventory.terms, diagnostics: &diagnostics))
        for file in records.files { diagnostics.append(contentsOf: proofreader.diagnostics(for: file)) }
        return diagnostics.all
    }

    /// The data files an import writes, by their content-relative paths.
    public enum DataFile: String, Sendable, Hashable, CaseIterable {
        case sites = "data/sites.yaml"
        case members = "data/members.yaml"
        case liaison = "data/liaison.yaml"
        case coverage = "data/coverage.yaml"
        case assessment = "data/assessment.yaml"
    }

    /// `portal.yaml` (nil when it cannot be read), then `sites.yaml`, `members.yaml` and
    /// `training.yaml`; a data file named in `replacing` is read from the text given.
    private func readRecords(
        _ inventory: ContentInventory, replacing texts: [DataFile: String] = [:], diagnostics: inout Diagnostics
    ) -> Records? {
        guard FileManager.default.fileExists(atPath: inventory.config.path),
            let configFile = read(inventory.config, diagnostics: &diagnostics),
            case .some(let configRoot) = parse(configFile, diagnostics: &diagnostics),
            let config = ConfigDecoder.decode(configRoot, file: configFile, diagnostics: &diagnostics)
        else { return nil }
        let lookup = TaxonLookup(config: config)
        var records = Records(config: config, files: [configFile])
        func readData(_ url: URL, proofreading files: inout [SourceFile], diagnostics: inout Diagnostics) -> SourceFile? {
            if let file = DataFile.allCases.first(where: {
                directory.appendingPathComponent($0.rawValue).standardizedFileURL.path == url.standardizedFileURL.path
            }),
                let text = texts[file]
            {
                let replaced = SourceFile(path: displayPath(of: url), text: text)
                files.append(replaced)
                return replaced
            }
            return self.read(url, proofreading: &files, diagnostics: &diagnostics)
        }
        if let url = inventory.sites, let file = readData(url, proofreading: &records.files, diagnostics: &diagnostics),
            case .some(let root) = parse(file, diagnostics: &diagnostics)
        {
            (records.sites, records.brokenSiteIDs) = SiteDecoder.decode(
                root, file: file, lookup: lookup, diagnostics: &diagnostics)
        } else if inventory.sites != nil {
            records.sitesAreKnown = false
        }
        if let url = inventory.members, let file = readData(url, proofreading: &records.files, diagnostics: &diagnostics),
            case .some(let root) = parse(file, diagnostics: &diagnostics)
        {
            records.members = MemberDecoder.decode(root, file: file, lookup: lookup, diagnostics: &diagnostics)
        }
        if let url = inventory.training, let file = readData(url, proofreading: &records.files, diagnostics: &diagnostics),
            case .some(let root) = parse(file, diagnostics: &diagnostics)
        {
            records.training = (root, file)
        }
        if let url = inventory.liaison, let file = readData(url, proofreading: &records.files, diagnostics: &diagnostics),
            case .some(let root) = parse(file, diagnostics: &diagnostics)
        {
            records.liaison = (root, file)
        }
        if let url = inventory.assessment, let file = readData(url, proofreading: &records.files, diagnostics: &diagnostics),
            case .some(let root) = parse(file, diagnostics: &diagnostics)
        {
            records.assessment = AssessmentDecoder.decode(
                root, lookup: lookup, config: config, today: today, diagnostics: &diagnostics)
        }
        if let url = inventory.coverage, let file = readData(url, proofreading: &records.files, diagnostics: &diagnostics),
            case .some(let root) = parse(file, diagnostics: &diagnostics)
        {
            records.coverage = CoverageDecoder.decode(root, lookup: lookup, today: today, diagnostics: &diagnostics)
        }
        return records
    }

    /// Reads a data file the portal publishes from, and keeps it to be proofread.
    private func read(_ url: URL, proofreading files: inout [SourceFile], diagnostics: inout Diagnostics) -> SourceFile? {
        let file = read(url, sizeLimit: SourceFile.dataSizeLimit, diagnostics: &diagnostics)
        if let file { files.append(file) }
        return file
    }

    /// The entries of `data/terms.yaml`; none when there is no such file.
    func readTerms(_ url: URL?, diagnostics: inout Diagnostics) -> [Term] {
        guard let url, let file = read(url, sizeLimit: SourceFile.dataSizeLimit, diagnostics: &diagnostics),
            case .some(let root) = parse(file, diagnostics: &diagnostics)
        else { return [] }
        return TermsDecoder.decode(root, file: file, diagnostics: &diagnostics)
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

    func displayPath(of url: URL) -> String {
        Self.displayPath(of: url, in: directory, displayRoot: displayRoot)
    }

    private static func displayPath(of url: URL, in directory: URL, displayRoot: String) -> String {
        let root = directory.standardizedFileURL.path
        let full = url.standardizedFileURL.path
        guard full.hasPrefix(root + "/") else { return full }
        return displayPath(relative: String(full.dropFirst(root.count + 1)), displayRoot: displayRoot)
    }

    /// How messages name the file at `relative` below the content folder. Pages, whose
    /// relative paths the inventory knows, need no standardizing of their URL (half of what
    /// reading a page cost).
    private static func displayPath(relative: String, displayRoot: String) -> String {
        SourceLocation.joined(displayRoot, relative)
    }

    /// Every page's URL, checking that no two sources claim the same one.
    private static func linkResolver(
        for sources: [PageSource], unreadable: Set<String>, files: Set<String>, diagnostics: inout Diagnostics
    ) -> LinkResolver {
        var targets: [String: LinkResolver.Target] = [:]
        var owners: [String: PageSource] = [:]
        for source in sources {
            let key = source.path.description.lowercased()
            if let owner = owners[key] {
                diagnostics.error(
                    at: source.location, "\(source.path) 与 \(owner.file.path) 的网址相同",
                    hint: "两个文件不能发布到同一个网址：给其中一个换个文件名或 slug")
                continue
            }
            owners[key] = source
            targets[source.relativePath] = LinkResolver.Target(
                kind: source.kind, relativePath: source.relativePath, slug: source.slug, path: source.path,
                status: source.status,
                title: source.metadata.title)
        }
        return LinkResolver(targets: targets, unreadable: unreadable, files: files)
    }

    /// Renders all bodies on all cores; results come back in the order of `sources` whatever
    /// the number of threads. The plain text is counted and dropped as soon as each is rendered.
    private static func renderBodies(of sources: [PageSource], resolver: LinkResolver, parallelism: Int) async
        -> (bodies: [(document: MarkdownDocument, body: RenderedBody)], time: Duration)
    {
        let renderer = MarkdownRenderer(options: .portal)
        let rendered = await ParallelMap.map(sources, pieces: parallelism) { source in
            var time = Duration.zero
            let (document, body) = ThreadTime.measure(&time) {
                var document = render(source, with: renderer, resolver: resolver)
                let body = renderedBody(document)
                document.plainText = ""
                document.html = ""
                return (document, body)
            }
            return (document: document, body: body, time: time)
        }
        return (rendered.map { ($0.document, $0.body) }, rendered.reduce(.zero) { $0 + $1.time })
    }

    /// A page's body in HTML, its links and pictures rewritten to the addresses they have in
    /// the output.
    static func render(_ source: PageSource, with renderer: MarkdownRenderer, resolver: LinkResolver) -> MarkdownDocument {
        renderer.render(
            source.body,
            rewriteLink: { resolver.rewrite($0, from: source.relativePath, origin: source.path) },
            rewriteImage: { resolver.rewriteImage($0, from: source.relativePath, origin: source.path) },
            imageAttributes: { resolver.imageAttributes(of: $0, from: source.relativePath, origin: source.path) })
    }

    static func renderedBody(_ document: MarkdownDocument) -> RenderedBody {
        RenderedBody(
            html: document.html,
            tableOfContents: document.headings.filter { (2...3).contains($0.level) }.map {
                TableOfContentsEntry(level: $0.level, title: $0.text, anchor: $0.anchor)
            },
            firstParagraph: document.firstParagraph,
            readableCharacters: ChineseText.readableCount(document.plainText))
    }

    static func caseStudy(
        _ source: PageSource, _ metadata: PageSource.CaseMetadata, _ document: MarkdownDocument, _ body: RenderedBody
    ) -> CaseStudy {
        CaseStudy(
            slug: source.slug, title: metadata.title, date: metadata.date, district: metadata.district,
            category: metadata.category, tags: metadata.tags, siteIDs: unique(metadata.siteIDs.map(\.id)),
            author: metadata.author, summary: metadata.summary ?? ChineseText.summary(of: document.firstParagraph),
            body: body, source: source.location, publication: source.publication)
    }

    /// The files of `content/` a page shows as pictures.
    /// The files of `content/` a page shows or links to: its pictures and attachments.
    static func images(of document: MarkdownDocument, from relativePath: String, resolver: LinkResolver) -> Set<String> {
        var files: Set<String> = []
        for image in document.images {
            if case .file(let path) = resolver.resolveImage(image.source, from: relativePath) { files.insert(path) }
        }
        for link in document.links {
            if case .file(let path) = resolver.resolve(link.destination, from: relativePath) { files.insert(path) }
        }
        return files
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
