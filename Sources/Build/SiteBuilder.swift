import Content
import Core
import Foundation
import Model
import Templates

/// Builds the portal: the stages run in this order, each timed, and each stops the build with
/// all its diagnostics when it finds an error.
///
/// 1. load: read and check `content/` (front matter, data, Markdown, references)
/// 2. templates: load `templates/`
/// 3. render: every page through its template, on all cores
/// 4. privacy: no ID number, mobile number or unlisted e-mail address in any output file
/// 5. write: every file into the sink (for `build`, a staging folder)
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

        public init(
            content: URL, templates: URL, contentDisplay: String, templatesDisplay: String,
            parallelism: Int = ProcessInfo.processInfo.activeProcessorCount * 4, includeUnpublished: Bool = false
        ) {
            self.content = content
            self.templates = templates
            self.contentDisplay = contentDisplay
            self.templatesDisplay = templatesDisplay
            self.parallelism = max(1, parallelism)
            self.includeUnpublished = includeUnpublished
        }
    }

    public struct Report: Sendable {
        public var pageCount: Int
        public var fileCount: Int
        public var warnings: [Diagnostic]
        public var timings: StageTimings
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Renders the whole portal into `sink`.
    public func build(into sink: some OutputSink) async throws(DiagnosticsError) -> Report {
        var timings = StageTimings()
        let loaded = try await timings.measureTyped("load") { () async throws(DiagnosticsError) in
            try await ContentLoader(
                directory: options.content, displayRoot: options.contentDisplay, parallelism: options.parallelism,
                includeUnpublished: options.includeUnpublished
            ).load()
        }
        let library = try await timings.measureTyped("templates") { () async throws(DiagnosticsError) in
            try TemplateLibrary(
                directory: options.templates, displayRoot: options.templatesDisplay, knownVariables: ViewVocabulary.names)
        }
        let index = PortalIndex(loaded.portal)
        let views = PageViews(index: index)
        let specs = PageSpec.all(for: index, views: views)
        try checkUniquePaths(specs)

        let pages = await timings.measure("render") { await render(specs, views: views, library: library) }
        var files: [(String, [UInt8])] = pages.map { ($0.path.filePath, Array($0.html.utf8)) }
        files.append((Routes.feed.filePath, Array(FeedWriter.feed(for: loaded.portal).utf8)))
        let register = PublishingRegister(loaded.portal)
        files.append((Routes.registerCSV.filePath, RegisterWriter.csv(register, baseURL: loaded.portal.config.baseURL)))
        let sitemapPages = specs.compactMap { spec -> (path: SitePath, lastModified: Day?)? in
            switch spec {
            case .notFound, .register: return nil
            case .caseStudy(let caseStudy): return (spec.path, caseStudy.date)
            case .course(let course): return (spec.path, course.date)
            default: return (spec.path, nil)
            }
        }
        files.append(
            (
                Routes.sitemap.filePath,
                Array(SitemapWriter.sitemap(baseURL: loaded.portal.config.baseURL, pages: sitemapPages).utf8)
            ))
        let assets = try assetFiles()
        files += assets
        files += try mediaFiles(loaded.portal.media)

        let written = files
        var warnings = loaded.warnings
        let linkProblems = timings.measureSync("links") {
            var sources: [String: SourceLocation] = [:]
            for spec in specs { sources[spec.path.filePath] = spec.source }
            return LinkGraph(
                files: Dictionary(written, uniquingKeysWith: { first, _ in first }), sources: sources,
                fallback: SourceLocation(path: options.contentDisplay),
                unlisted: [Routes.notFound.filePath, Routes.register.filePath]
            ).diagnostics()
        }
        if linkProblems.contains(where: \.isError) { throw DiagnosticsError(warnings + linkProblems) }
        warnings += linkProblems
        let allowedEmails = loaded.portal.config.allowedEmails
        let warningsSoFar = warnings
        try await timings.measureTyped("privacy") { () async throws(DiagnosticsError) in
            try await checkPrivacy(written, specs: specs, allowedEmails: allowedEmails, warnings: warningsSoFar)
        }
        try await timings.measureTyped("write") { () async throws(DiagnosticsError) in
            try await write(written, into: sink)
        }
        return Report(pageCount: pages.count, fileCount: files.count, warnings: warnings, timings: timings)
    }

    /// Builds into a staging folder beside `output` and swaps it in only when everything
    /// succeeded; on any error the published folder stays exactly as it was.
    public func publish(to output: URL) async throws(DiagnosticsError) -> Report {
        try await publish(to: output, through: { $0 })
    }

    /// `publish(to:)` with the disk sink wrapped by `wrap`: tests use it to make writing fail
    /// half-way, as a full disk or a crash would.
    public func publish(
        to output: URL, through wrap: @Sendable (DiskSink) -> any OutputSink
    ) async throws(DiagnosticsError) -> Report {
        if let problem = Publisher.checkOutput(output, protecting: [options.content, options.templates]) {
            throw DiagnosticsError([problem])
        }
        let publisher = Publisher(output: output)
        return try await publisher.withLock { () async throws(DiagnosticsError) -> Report in
            do {
                try publisher.prepare()
            } catch {
                throw DiagnosticsError([
                    .error(at: SourceLocation(path: output.path), "无法创建临时目录：\(error.localizedDescription)")
                ])
            }
            do throws(DiagnosticsError) {
                let report = try await build(into: wrap(DiskSink(root: publisher.staging)))
                do {
                    try publisher.publish()
                } catch {
                    throw DiagnosticsError([
                        .error(at: SourceLocation(path: output.path), "无法发布到输出目录：\(error.localizedDescription)")
                    ])
                }
                return report
            } catch {
                publisher.discard()
                throw error
            }
        }
    }

    /// Scans every output file before anything is written; see `PrivacyGuard`.
    private func checkPrivacy(
        _ files: [(String, [UInt8])], specs: [PageSpec], allowedEmails: [String], warnings: [Diagnostic]
    ) async throws(DiagnosticsError) {
        var sources: [String: String] = [:]
        for spec in specs { sources[spec.path.filePath] = spec.source?.path }
        let privacyGuard = PrivacyGuard(
            scanner: PrivacyScanner(allowedEmails: allowedEmails), parallelism: options.parallelism,
            content: options.content, contentDisplay: options.contentDisplay,
            templates: options.templates, templatesDisplay: options.templatesDisplay)
        let problems = await privacyGuard.check(files.map { .init(path: $0.0, bytes: $0.1, source: sources[$0.0]) })
        if !problems.isEmpty { throw DiagnosticsError(problems + warnings) }
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

    /// Renders on all cores in chunks; the result keeps the order of `specs`.
    private func render(_ specs: [PageSpec], views: PageViews, library: TemplateLibrary) async -> [(path: SitePath, html: String)]
    {
        let chunkCount = min(specs.count, options.parallelism)
        let chunkSize = max(1, (specs.count + chunkCount - 1) / max(1, chunkCount))
        return await withTaskGroup(of: (Int, [(path: SitePath, html: String)]).self) { group in
            for start in stride(from: 0, to: specs.count, by: chunkSize) {
                let chunk = specs[start..<min(start + chunkSize, specs.count)]
                group.addTask {
                    (start, chunk.map { spec in (spec.path, library.render(spec.context(views), with: spec.template)) })
                }
            }
            var results = [(path: SitePath, html: String)?](repeating: nil, count: specs.count)
            for await (start, rendered) in group {
                for (offset, page) in rendered.enumerated() { results[start + offset] = page }
            }
            return results.map { $0! }
        }
    }

    /// The stylesheet, script and other files of `templates/assets/`, copied as they are.
    private func assetFiles() throws(DiagnosticsError) -> [(String, [UInt8])] {
        let folder = options.templates.appendingPathComponent("assets")
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var files: [(String, [UInt8])] = []
        for case let relative as String in enumerator {
            let url = folder.appendingPathComponent(relative)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
                !IgnoredFiles.isIgnored(url.lastPathComponent)
            else { continue }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw DiagnosticsError([
                    .error(at: SourceLocation(path: "\(options.templatesDisplay)/assets/\(relative)"), "无法读取文件")
                ])
            }
            files.append(("assets/\(relative)", [UInt8](data)))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// The pictures pages show, copied as they are.
    private func mediaFiles(_ media: [MediaFile]) throws(DiagnosticsError) -> [(String, [UInt8])] {
        var files: [(String, [UInt8])] = []
        for file in media {
            guard let data = FileManager.default.contents(atPath: file.sourceFile) else {
                throw DiagnosticsError([.error(at: SourceLocation(path: file.sourceFile), "无法读取文件")])
            }
            files.append((file.path.filePath, [UInt8](data)))
        }
        return files
    }

    private func write(_ files: [(String, [UInt8])], into sink: some OutputSink) async throws(DiagnosticsError) {
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                let chunkSize = max(1, (files.count + options.parallelism - 1) / options.parallelism)
                for start in stride(from: 0, to: files.count, by: chunkSize) {
                    let chunk = files[start..<min(start + chunkSize, files.count)]
                    group.addTask {
                        for (path, bytes) in chunk { try await sink.write(bytes, to: path) }
                    }
                }
                try await group.waitForAll()
            }
        } catch {
            throw DiagnosticsError([.error(at: SourceLocation(path: "site"), "写入输出失败：\(error.localizedDescription)")])
        }
    }
}

extension StageTimings {
    mutating func measureTyped<T>(_ name: String, _ work: () async throws(DiagnosticsError) -> T) async throws(DiagnosticsError)
        -> T
    {
        let clock = ContinuousClock()
        let start = clock.now
        defer { appendStage(name, clock.now - start) }
        return try await work()
    }
}
