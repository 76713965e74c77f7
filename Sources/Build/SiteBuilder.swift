import Content
import Core
import Foundation
import Model
import Mustache
import Photos
import Privacy
import Search
import Views
import Writers

/// Builds the portal: the stages run in this order, each timed. An error in some files of
/// `content/` stops neither the rendering nor the checks of the others: every page that can be
/// rendered is rendered and checked, and the build then fails with every problem of the run.
/// Only what leaves nothing to render (no `portal.yaml`, broken templates, a full disk) stops
/// it at once.
///
/// 1. templates: load `templates/`, first, since a page's links to ids of its own (`#main`)
///    are checked against the ids its template writes
/// 2. load: read and check `content/` (front matter, data, Markdown, references), and hash the
///    pictures and attachments, whose names pages need
/// 3. search: index every case, site, course and page, and write the search index
///    (`SearchIndexLayout`) on all cores, while only the loaded portal is in memory
/// 4. media: the pictures and attachments pages use, photos resized on all cores
///    (`emitMedia`)
/// 5. render: every page through its template on all cores, each page checked (its links, and
///    personal information in it) and written with its `.gz` twin as soon as it is rendered
/// 6. links: no broken link, and every page reachable from the home page
/// 7. privacy: no ID number, mobile number or unlisted e-mail address in any output file
///
/// `build` writes into a staging folder that replaces the published one only when every stage
/// passed.
///
/// `check` is the same without the writing.
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        public var content: URL
        public var templates: URL
        /// How the content and templates folders are named in messages.
        public var contentDisplay: String
        public var templatesDisplay: String
        /// How many pieces each parallel stage is cut into. The output is the same for any
        /// number; tests build with 1 and with many to prove it.
        public var parallelism: Int
        /// Builds draft and review pages too, each under a banner (`portal build --drafts`).
        public var includeUnpublished: Bool
        /// Whether `publish` brings an existing output up to date file by file, writing only
        /// what changed, rather than replacing it whole (`portal build --clean`).
        public var updatesInPlace: Bool
        /// Whether a build's files are on disk for good before readers see them, so that a power
        /// cut cannot leave the published site with files never written. The preview's own
        /// folder, rebuilt at every save and made again after a restart, does without.
        public var survivesPowerLoss = true
        /// Whether pages link to the `index.html` of a folder rather than to the folder, for a
        /// copy opened from disk (`portal build --relative`).
        public var linksToFiles = false
        /// The path the portal is served under, such as `/zhuanlan/xgz/`, in place of the path
        /// of `base_url` (`portal export --base-path`).
        public var basePath: String?
        /// Told of each stage as it starts and of the pages written, for a progress display.
        public var progress: BuildProgress?
        /// The day of the build, in China time: the dashboard's figures are as of it and the
        /// pace of each target is measured on it. Commands pass the clock's day; tests a fixed one.
        public var today: Day

        public init(
            content: URL, templates: URL, contentDisplay: String, templatesDisplay: String,
            parallelism: Int = ProcessInfo.processInfo.activeProcessorCount * 4, includeUnpublished: Bool = false,
            updatesInPlace: Bool = true, today: Day
        ) {
            self.today = today
            self.content = content
            self.templates = templates
            self.contentDisplay = contentDisplay
            self.templatesDisplay = templatesDisplay
            self.parallelism = max(1, parallelism)
            self.includeUnpublished = includeUnpublished
            self.updatesInPlace = updatesInPlace
        }
    }

    public struct Report: Sendable {
        public var pageCount: Int
        /// Every file of the output, `.gz` twins included, relative to its root.
        public var files: [String]
        public var fileCount: Int { files.count }
        /// How many files were written (with their `.gz` twins counted apart): all of them for a
        /// new output, only the changed ones when an existing output is brought up to date.
        public var changedFiles: Int
        /// How many files of the previous output were removed because the build no longer
        /// makes them.
        public var removedFiles = 0
        /// Whether only the pages of changed case bodies were rendered (see `quickBuild`).
        public var wasQuick = false
        /// How the pictures and attachments were made: how many photos were resized, and how
        /// many came from the cache of an earlier build.
        public var media = MediaReport()
        /// What the next build can take up; set by a full build.
        var state: BuildState?
        public var warnings: [Diagnostic]
        public var timings: StageTimings
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Renders the whole portal into `sink`. Every photo is resized anew, unless `photosOf`
    /// names an output whose build left its resized photos in the cache: then those are read
    /// from there (`portal check` reads those of `site/`), and the cache is left as it was.
    public func build(into sink: some OutputSink, photosOf output: URL? = nil) async throws(DiagnosticsError) -> Report {
        let cache = PhotoCache(folder: output.map { Publisher(output: $0).photoCacheFolder }, readOnly: true)
        return try await build(into: sink, photoCache: cache, knownMedia: [:])
    }

    /// Renders the whole portal into `sink`, taking resized photos from `photoCache` where it has
    /// them and the hashes of unchanged pictures and attachments from `knownMedia`.
    func build(into sink: some OutputSink, photoCache: PhotoCache, knownMedia: [String: MediaFacts])
        async throws(DiagnosticsError) -> Report
    {
        var timings = StageTimings()
        timings.announce = options.progress
        // Errors of some files stop neither the others' rendering nor their checks: every page
        // that can be rendered is, so one run lists every problem. Nothing is published then.
        var problems: [Diagnostic] = []
        // The templates first: a page's links to ids of its own are checked against theirs.
        var library: TemplateLibrary?
        do {
            library = try await timings.measureTyped("templates") { () async throws(DiagnosticsError) in
                try TemplateLibrary(
                    directory: options.templates, displayRoot: options.templatesDisplay, knownVariables: ViewVocabulary.names)
            }
        } catch {
            problems += error.diagnostics
        }
        let templateIDs = library.map(Self.templateIDs)
        var loaded: ContentLoader.Loaded
        do {
            loaded = try await timings.measureTyped("load") { () async throws(DiagnosticsError) in
                var loader = ContentLoader(
                    directory: options.content, displayRoot: options.contentDisplay, parallelism: options.parallelism,
                    includeUnpublished: options.includeUnpublished)
                loader.knownMedia = knownMedia
                loader.templateIDs = templateIDs
                loader.today = options.today
                return try await loader.loadReportingAll()
            }
        } catch {
            throw DiagnosticsError(error.diagnostics + problems)
        }
        problems += loaded.errors
        if let basePath = options.basePath {
            loaded.portal.config.baseURL = try Self.baseURL(loaded.portal.config.baseURL, servedUnder: basePath)
        }
        guard let library else { throw DiagnosticsError(problems + loaded.warnings) }
        let index = PortalIndex(loaded.portal)
        let unprepared = PageViews(index: index, today: options.today)
        let specs = PageSpec.all(for: index, views: unprepared)
        let others: [(path: String, bytes: [UInt8])]
        do {
            try checkUniquePaths(specs)
            others = try otherFiles(of: index, specs: specs)
        } catch {
            throw DiagnosticsError(problems + error.diagnostics + loaded.warnings)
        }
        let corpus = SearchCorpus(loaded.portal)
        let searchLayout = SearchIndexLayout(documentCount: corpus.count)

        let mediaPaths = loaded.portal.media.flatMap { $0.renditions.map(\.path.filePath) }
        let graph = LinkGraph(
            paths: specs.map(\.path.filePath) + others.map(\.path) + mediaPaths + searchLayout.paths)
        var stage = OutputStage(graph: graph, scanner: PrivacyScanner(allowedEmails: loaded.portal.config.allowedEmails))
        stage.linksToFiles = options.linksToFiles
        let search: SearchIndexOutput
        do {
            search = try await timings.measureTyped("search") { () async throws(DiagnosticsError) in
                try await writingOutput {
                    try await emitSearchIndex(corpus, layout: searchLayout, stage: stage, into: sink)
                }
            }
        } catch {
            throw DiagnosticsError(problems + error.diagnostics + loaded.warnings)
        }
        var media = (
            written: [OutputStage.Written](), work: OutputStage.Work(), processing: Duration.zero, report: MediaReport(),
            attachments: [PrivacyGuard.AttachmentScan](), problems: [Diagnostic]()
        )
        do {
            media = try await timings.measureTyped("media") { () async throws(DiagnosticsError) in
                try await writingOutput {
                    try await emitMedia(loaded.portal.media, memory: loaded.memory, cache: photoCache, stage: stage, into: sink)
                }
            }
        } catch {
            problems += error.diagnostics
        }
        // A photo that cannot be decoded leaves the pages to render and check all the same.
        problems += media.problems
        // Made after the index, so that the cards and the index's posting lists are never in
        // memory together.
        let views = await unprepared.preparingCards(parallelism: options.parallelism)
        let rendered: ([OutputStage.Written], OutputStage.Work)
        do {
            rendered = try await timings.measureTyped("render") { () async throws(DiagnosticsError) in
                try await writingOutput {
                    var (written, work) = try await emitPages(specs, views: views, library: library, stage: stage, into: sink)
                    for file in others {
                        written.append(try await stage.emit(file.bytes, at: file.path, source: nil, into: sink, work: &work))
                    }
                    return (written + media.written + search.written, work + media.work + search.work)
                }
            }
        } catch {
            throw DiagnosticsError(problems + error.diagnostics + loaded.warnings)
        }
        let (written, work) = rendered
        for part in loaded.work { timings.appendDetail(part.name, part.duration) }
        timings.appendDetail("photos", media.processing)
        timings.appendDetail("search index", search.indexing)
        timings.appendDetail("templates", work.templates)
        timings.appendDetail("checks", work.checks)
        timings.appendDetail("gzip", work.compression)
        timings.appendDetail("write", work.writing)

        var warnings = loaded.warnings
        let judged = Set(loaded.errors.map(\.location.path))
        let errorsByLine = Dictionary(grouping: loaded.errors) { "\($0.location.path):\($0.location.line)" }
        let locator = BrokenLinkLocator(content: options.content, contentDisplay: options.contentDisplay)
        let linkProblems = timings.measureSync("links") {
            graph.diagnostics(
                pages: written.compactMap { file in
                    file.links.map { links in
                        let source = Int(file.number) < specs.count ? specs[Int(file.number)].source : nil
                        return (file.number, Self.unjudged(links, judged: judged), source)
                    }
                },
                fallback: SourceLocation(path: options.contentDisplay),
                unlisted: Self.unlisted
            ) { href, source in
                guard let place = locator.location(of: href, in: source) else {
                    // A file with errors of its own may leave links the template writes broken
                    // (a missing site's page): its errors already say why.
                    return judged.contains(source.path) ? .reported : .template
                }
                let address = BrokenLinkLocator.unescaped(href)
                let reported = errorsByLine["\(place.path):\(place.line)"]?.contains { $0.message.contains(address) } ?? false
                return reported ? .reported : .written(place)
            }
        }
        warnings += linkProblems.filter { !$0.isError }
        problems += linkProblems.filter(\.isError)
        let privacyProblems = timings.measureSync("privacy") {
            let privacy = PrivacyGuard(
                scanner: stage.scanner, content: options.content, contentDisplay: options.contentDisplay,
                templates: options.templates, templatesDisplay: options.templatesDisplay)
            return privacy.diagnose(written.compactMap(\.privacy)) + privacy.diagnose(attachments: media.attachments)
        }
        problems += privacyProblems
        if !problems.isEmpty { throw DiagnosticsError(problems + warnings) }
        let files = Gzip.withTwins(graph.paths)
        let changed = written.reduce(0) { $0 + $1.filesWritten }
        var links = [[Int32]?](repeating: nil, count: graph.paths.count)
        for file in written { links[Int(file.number)] = file.links?.targets }
        var state = BuildState(
            identity: "", inputs: [:], portal: loaded.portal.withoutCaseBodies, memory: loaded.memory,
            linkWarnings: linkProblems, paths: graph.paths, links: links, files: files, searchMasks: search.masks)
        state.pageInputs = Array(repeating: nil, count: graph.paths.count)
        var numbers: [String: Int32]?
        for file in written {
            if let read = file.inputs { state.keep(read, readByPage: Int(file.number), numbers: &numbers) }
        }
        var report = Report(
            pageCount: specs.count, files: files, changedFiles: changed, state: state, warnings: warnings, timings: timings)
        report.media = media.report
        return report
    }

    /// The ids every page of the Markdown folders has besides its headings', from its template.
    static func templateIDs(_ library: TemplateLibrary) -> [String: Set<String>] {
        [
            "cases": library.literalIDs(ofPage: "case"), "courses": library.literalIDs(ofPage: "course"),
            "pages": library.literalIDs(ofPage: "page"), "news": library.literalIDs(ofPage: "news-item"),
            "notices": library.literalIDs(ofPage: "notice"), "policies": library.literalIDs(ofPage: "policy"),
        ]
    }

    /// `links` without the broken ones the content's own checks already judged, when loading
    /// found errors (in the files `judged`): links to `.md` files, which are left as written
    /// when the file they name, or the file they are in, has errors. Other broken links are
    /// reported at their place unless an error of the content is already there.
    static func unjudged(_ links: LinkGraph.PageLinks, judged: Set<String>) -> LinkGraph.PageLinks {
        guard !judged.isEmpty, !links.broken.isEmpty else { return links }
        var links = links
        links.broken.removeAll { href in
            (href.split(separator: "#", maxSplits: 1).first ?? "").split(separator: "?").first?.hasSuffix(".md") ?? false
        }
        return links
    }

    /// Pages no link needs to lead to: the not-found page and the register for staff.
    static let unlisted: Set<String> = [Routes.notFound.filePath, Routes.register.filePath]

    /// Runs `work`, which writes output files; a failure to write stops the build with a
    /// diagnostic.
    private func writingOutput<T>(_ work: () async throws -> T) async throws(DiagnosticsError) -> T {
        do {
            return try await work()
        } catch let problems as DiagnosticsError {
            throw problems
        } catch {
            throw DiagnosticsError([WriteFailure.diagnostic("写入输出失败", error, at: "site")])
        }
    }

    /// Builds into a staging folder beside `output` and swaps it in only when everything
    /// succeeded; on any error the published folder stays exactly as it was.
    public func publish(to output: URL) async throws(DiagnosticsError) -> Report {
        try await publish(to: output, keeping: nil, through: { $0 })
    }

    /// `publish(to:)` with the disk sink wrapped by `wrap`: tests use it to make writing fail
    /// half-way, as a full disk or a crash would.
    public func publish(
        to output: URL, keeping resident: ResidentState? = nil, through wrap: @Sendable (DiskSink) -> any OutputSink = { $0 }
    ) async throws(DiagnosticsError) -> Report {
        if let problem = Publisher.checkOutput(output, protecting: [options.content, options.templates]) {
            throw DiagnosticsError([problem])
        }
        let publisher = Publisher(output: output, survivesPowerLoss: options.survivesPowerLoss)
        return try await publisher.withLock { () async throws(DiagnosticsError) -> Report in
            try prepare(publisher)
            let identity = self.identity(of: publisher)
            let updates = options.updatesInPlace && Self.isFolder(publisher.output)
            var timings = StageTimings()
            timings.announce = options.progress
            let changes = await timings.measure("changes") {
                await findChanges(publisher, reusingState: updates, resident: resident?.state)
            }
            do throws(DiagnosticsError) {
                if !updates {
                    timings.note("full build: the output is made anew (--clean, or no output yet)")
                } else if let reason = Self.stateMismatch(changes.state, identity: identity, outputs: changes.outputs) {
                    timings.note("full build: " + reason)
                } else if let state = changes.state?.namingMessages(from: messageRoots) {
                    switch try await quickBuild(
                        from: state, stamps: changes.inputs, publisher: publisher, timings: timings, through: wrap)
                    {
                    case .built(var report):
                        resident?.state = report.state
                        report.state = nil
                        return report
                    case .fullBuild(let reason):
                        timings.note("full build: " + reason)
                    }
                    publisher.discard()
                    try prepare(publisher)
                }
                // The state of the last good build stays until this one succeeds: a failed build
                // leaves the output as it was, and one that fails half-way through publishing
                // leaves output files whose stamps the state does not know.
                // What the last build knew of the pictures, when it built these same folders.
                let known = changes.state.flatMap { $0.identity == identity ? $0.memory.media : nil } ?? [:]
                var report =
                    try await updates
                    ? update(publisher, knownMedia: known, through: wrap) : replace(publisher, knownMedia: known, through: wrap)
                report.timings = timings.followed(by: report.timings)
                publisher.recordPublishedFiles(report.files)
                if var state = report.state {
                    await report.timings.measure("state") {
                        state.identity = identity
                        state.messageRoots = messageRoots
                        state.inputs = changes.inputs
                        state.outputs = await BuildState.stamps(ofOutput: publisher.output, pieces: options.parallelism)
                        state.write(model: publisher.stateFile, search: publisher.searchStateFile, stamps: publisher.stampsFile)
                        resident?.state = state
                    }
                    report.state = nil
                }
                return report
            } catch {
                // What the output holds is known again only from the disk.
                resident?.state = nil
                publisher.discard()
                throw error
            }
        }
    }

    /// What a build starts from, read at once: the stamps of the input files, the state the
    /// last build left (whose hashes of pictures serve a `--clean` build too) and, when the
    /// output is to be updated, the stamps of the output. A state kept in memory (`resident`)
    /// stands for both the state and the stamps of the output.
    private func findChanges(_ publisher: Publisher, reusingState: Bool, resident: BuildState?) async -> (
        inputs: [String: FileStamp], state: BuildState?, outputs: [String: FileStamp]?
    ) {
        let (content, templates, pieces) = (options.content, options.templates, options.parallelism)
        let (stateFile, searchFile, stampsFile) = (publisher.stateFile, publisher.searchStateFile, publisher.stampsFile)
        let output = publisher.output
        async let inputs = BuildState.stamps(content: content, templates: templates)
        if let resident { return (await inputs, resident, reusingState ? resident.outputs : nil) }
        async let state = BuildState.read(model: stateFile, search: searchFile, stamps: stampsFile)
        guard reusingState else { return (await inputs, await state, nil) }
        async let outputs = BuildState.stamps(ofOutput: output, pieces: pieces)
        return (await inputs, await state, await outputs)
    }

    private func prepare(_ publisher: Publisher) throws(DiagnosticsError) {
        do {
            try publisher.prepare()
        } catch {
            throw DiagnosticsError([WriteFailure.diagnostic("无法创建临时目录", error, at: publisher.output.path)])
        }
    }

    /// Builds into the spare copy and shows it to readers.
    private func replace(
        _ publisher: Publisher, knownMedia: [String: MediaFacts], through wrap: (DiskSink) -> any OutputSink
    ) async throws(DiagnosticsError) -> Report {
        do {
            try publisher.emptySpare()
        } catch {
            throw DiagnosticsError([WriteFailure.diagnostic("无法创建临时目录", error, at: publisher.output.path)])
        }
        var report = try await build(
            into: wrap(DiskSink(root: publisher.spare)), photoCache: PhotoCache(folder: publisher.photoCacheFolder),
            knownMedia: knownMedia)
        try report.timings.measurePublishing(publisher, "无法发布到输出目录") {
            _ = publisher.takePublishedFiles()
            try publisher.publish()
        }
        // Only an update stages files of its own; this build wrote into the spare.
        publisher.discard()
        return report
    }

    /// Builds with only the changed files staged, then brings the spare copy up to date with
    /// them and shows it.
    private func update(
        _ publisher: Publisher, knownMedia: [String: MediaFacts], through wrap: (DiskSink) -> any OutputSink
    ) async throws(DiagnosticsError) -> Report {
        let sink = UpdatingSink(
            published: publisher.output, staging: wrap(DiskSink(root: publisher.staging)), stagingFolder: publisher.staging)
        var report = try await build(
            into: sink, photoCache: PhotoCache(folder: publisher.photoCacheFolder), knownMedia: knownMedia)
        let files = Set(report.files)
        report.removedFiles = try report.timings.measurePublishing(publisher, "无法更新输出目录") {
            try sink.commit(produced: files, previous: publisher.takePublishedFiles(), publisher: publisher).removed
        }
        publisher.discard()
        return report
    }

    /// The state's identity for this build: the program, the folders by their real paths
    /// (however the command names them) and the options.
    private func identity(of publisher: Publisher) -> String {
        [
            BuildState.programIdentity, Self.realPath(options.content), Self.realPath(options.templates),
            Self.realPath(publisher.output), "\(options.includeUnpublished)", "\(options.linksToFiles)",
            options.basePath ?? "",
            // The dashboard is as of the day of the build: a build on another day renders it again.
            options.today.description,
        ].joined(separator: "\n")
    }

    /// Why the last build's state cannot be taken up, if it cannot.
    private static func stateMismatch(_ state: BuildState?, identity: String, outputs: [String: FileStamp]?) -> String? {
        guard let state else { return "no state of an earlier build" }
        guard state.identity == identity else { return "another program, folder, option or day than the last build" }
        guard outputs == state.outputs else { return "files of the output were changed by hand" }
        return nil
    }

    /// How this build names the content and templates folders in messages.
    private var messageRoots: [String] { [options.contentDisplay, options.templatesDisplay] }

    /// The folder at `url` with every symbolic link and `..` resolved, so that `content`,
    /// `./content` and its absolute path are the same folder.
    static func realPath(_ url: URL) -> String {
        guard let resolved = realpath(url.path, nil) else { return url.standardizedFileURL.path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `baseURL` with its path replaced by `path`: `https://example.gov.cn/` served under
    /// `/zhuanlan/xgz/` is `https://example.gov.cn/zhuanlan/xgz/`.
    static func baseURL(_ baseURL: String, servedUnder path: String) throws(DiagnosticsError) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().dropLast()
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        guard path.hasPrefix("/"), path.hasSuffix("/"), segments.allSatisfy({ !$0.isEmpty && $0.allSatisfy(allowed.contains) })
        else {
            throw DiagnosticsError([
                .error(
                    at: .commandLine("--base-path"), "网站路径 '\(path)' 无效",
                    hint: "以 / 开头和结尾，各段只用英文字母、数字和 - . _ ~，如 /zhuanlan/xgz/")
            ])
        }
        guard let schemeEnd = baseURL.range(of: "://") else { return path }
        let host = baseURL[schemeEnd.upperBound...].prefix { $0 != "/" }
        return baseURL[..<schemeEnd.upperBound] + host + path
    }

    static func isFolder(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
    }

    private func checkUniquePaths(_ specs: [PageSpec]) throws(DiagnosticsError) {
        var seen: [String: PageSpec] = [:]
        var diagnostics = Diagnostics()
        for spec in specs {
            let key = spec.path.filePath.lowercased()
            if seen[key] != nil {
                diagnostics.error(
                    at: SourceLocation(path: options.contentDisplay),
                    "两个页面的网址相同：\(spec.path)",
                    hint:
                        "只在标点、大小写或写法上不同的两个标签或名称会得到同一个网址；请让它们在文字上有所区别"
                )
            }
            seen[key] = spec
        }
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics.all) }
    }

    /// Renders and writes every page on all cores, in contiguous chunks; what is kept of each
    /// page comes back in the order of `specs`.
    func emitPages(
        _ specs: [PageSpec], views: PageViews, library: TemplateLibrary, stage: OutputStage, into sink: some OutputSink
    ) async throws -> ([OutputStage.Written], OutputStage.Work) {
        let counter = options.progress.map { PageCounter(total: specs.count, report: $0) }
        let chunkCount = max(1, min(specs.count, options.parallelism))
        let chunkSize = max(1, (specs.count + chunkCount - 1) / chunkCount)
        return try await withThrowingTaskGroup(of: (Int, [OutputStage.Written], OutputStage.Work).self) { group in
            for start in stride(from: 0, to: specs.count, by: chunkSize) {
                let chunk = specs[start..<min(start + chunkSize, specs.count)]
                group.addTask {
                    var work = OutputStage.Work()
                    var written: [OutputStage.Written] = []
                    written.reserveCapacity(chunk.count)
                    for spec in chunk {
                        let started = ThreadTime.now()
                        let log = ReadLog()
                        let bytes = library.renderBytes(spec.context(views.recording(into: log)), with: spec.template)
                        work.templates += ThreadTime.now() - started
                        var file = try await stage.emit(
                            bytes, at: spec.path.filePath, source: spec.source?.path, into: sink, work: &work)
                        file.inputs = log.inputs
                        written.append(file)
                        counter?.add(1)
                    }
                    return (start, written, work)
                }
            }
            var results = [OutputStage.Written?](repeating: nil, count: specs.count)
            var total = OutputStage.Work()
            for try await (start, written, work) in group {
                for (offset, file) in written.enumerated() { results[start + offset] = file }
                total = total + work
            }
            return (results.map { $0! }, total)
        }
    }

    /// The files that are not pages: feed, register, sitemap and assets (pictures and
    /// attachments are written by `emitMedia`).
    private func otherFiles(of index: PortalIndex, specs: [PageSpec]) throws(DiagnosticsError) -> [(
        path: String, bytes: [UInt8]
    )] {
        var files = Self.listings(of: index, specs: specs, today: options.today)
        files += try assetFiles().map { (path: $0.0, bytes: $0.1) }
        return files
    }

    /// The files that list the portal's pages or count them: feed, register, sitemap and the
    /// dashboard's spreadsheets.
    static func listings(of index: PortalIndex, specs: [PageSpec], today: Day) -> [(path: String, bytes: [UInt8])] {
        let portal = index.portal
        var files: [(path: String, bytes: [UInt8])] = []
        files.append((Routes.feed.filePath, Array(FeedWriter.feed(for: portal).utf8)))
        files.append(
            (Routes.registerCSV.filePath, SpreadsheetWriter.csv(PublishingRegister(portal), baseURL: portal.config.baseURL)))
        for table in Dashboard(index: index, today: today).tables {
            files.append((Routes.dashboardTable(table.id).filePath, SpreadsheetWriter.csv(table)))
        }
        let sitemapPages = specs.compactMap { spec -> (path: SitePath, lastModified: Day?)? in
            switch spec {
            case .notFound, .register, .search, .memberPlate, .sitePlate, .wechat: return nil
            case .caseStudy(let caseStudy): return (spec.path, caseStudy.date)
            case .course(let course): return (spec.path, course.date)
            case .newsItem(let item): return (spec.path, item.date)
            case .notice(let notice): return (spec.path, notice.date)
            case .policy(let policy): return (spec.path, policy.date)
            default: return (spec.path, nil)
            }
        }
        files.append(
            (Routes.sitemap.filePath, Array(SitemapWriter.sitemap(baseURL: portal.config.baseURL, pages: sitemapPages).utf8)))
        return files
    }

    /// The stylesheet, script and other files of `templates/assets/`, copied as they are.
    private func assetFiles() throws(DiagnosticsError) -> [(String, [UInt8])] {
        let folder = options.templates.appendingPathComponent("assets")
        var files: [(String, [UInt8])] = []
        for relative in FileTree.files(below: folder.path, skipping: IgnoredFiles.isIgnored) {
            let url = folder.appendingPathComponent(relative)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw DiagnosticsError([
                    .error(at: SourceLocation(path: "\(options.templatesDisplay)/assets/\(relative)"), "无法读取文件")
                ])
            }
            files.append(("assets/\(relative)", [UInt8](data)))
        }
        return files.sorted { $0.0 < $1.0 }
    }
}
