import Content
import Core
import Foundation
import Model
import Mustache
import Privacy
import Search
import Views

extension SiteBuilder {
    /// What a quick build did: built the site, or found it must leave the work to a full
    /// build, for the reason given (printed under `--timings`).
    enum QuickOutcome {
        case built(Report)
        case fullBuild(because: String)
    }

    /// Brings the output up to date when only case files, templates or assets changed since
    /// the build that left `state`: reads those files, renders again the pages one of whose
    /// inputs changed (what each page's view read, `PageInput`, kept in the state) or whose
    /// template uses a changed one, checks them, checks the links of the whole site again from
    /// the links the state keeps, and writes what changed. The search index is updated in the
    /// shards the changed cases are in.
    ///
    /// A full build, having published nothing, when anything else changed, when the change
    /// adds or removes a page, or when anything looks wrong; the full build then does the work
    /// and reports the problems.
    func quickBuild(
        from state: BuildState, stamps: [String: FileStamp], publisher: Publisher, timings: StageTimings,
        through wrap: (DiskSink) -> any OutputSink
    ) async throws(DiagnosticsError) -> QuickOutcome {
        guard stamps.count == state.inputs.count, stamps.keys.allSatisfy({ state.inputs[$0] != nil }) else {
            return .fullBuild(because: "files were added or removed")
        }
        let changed = stamps.keys.filter { stamps[$0] != state.inputs[$0] }.sorted()
        let cases = changed.filter { $0.hasPrefix("content/cases/") }
        let assets = changed.filter { $0.hasPrefix("templates/assets/") }
        let templateNames = Set(
            changed.filter { $0.hasPrefix("templates/") && $0.hasSuffix(".mustache") && !assets.contains($0) }.map {
                String($0.dropFirst("templates/".count).dropLast(".mustache".count))
            })
        if let other = changed.first(where: { !cases.contains($0) && !assets.contains($0) && !$0.hasSuffix(".mustache") }) {
            return .fullBuild(because: "\(other) changed, which only a full load reads")
        }
        var timings = timings
        let loader = ContentLoader(
            directory: options.content, displayRoot: options.contentDisplay, parallelism: options.parallelism,
            includeUnpublished: options.includeUnpublished)
        // Nothing changed since a build that passed, and the output is as it left it: there is
        // nothing to render, check or publish.
        if changed.isEmpty, let loaded = await loader.reload([], memory: state.memory, portal: state.portal) {
            var report = Report(
                pageCount: state.links.lazy.filter { $0 != nil }.count, files: state.files, changedFiles: 0,
                warnings: loaded.warnings + state.linkWarnings, timings: timings)
            report.wasQuick = true
            report.state = state
            return .built(report)
        }
        let relative = cases.map { String($0.dropFirst("content/".count)) }
        let reloaded = await timings.measure("load") {
            await loader.reload(relative, memory: state.memory, portal: state.portal)
        }
        guard let loaded = reloaded else {
            return .fullBuild(
                because: "a changed case is a new page, has a cover or an error, or changed its anchors or pictures")
        }
        let templates = timings.measureSync("templates") {
            try? TemplateLibrary(
                directory: options.templates, displayRoot: options.templatesDisplay, knownVariables: ViewVocabulary.names)
        }
        guard let library = templates, let pageTemplates = library.pageTemplates(using: templateNames) else {
            return .fullBuild(because: "the templates have an error")
        }
        // Case pages show the bodies of all cases, which the state does not keep.
        if pageTemplates.contains("case") || pageTemplates.contains("wechat") {
            return .fullBuild(because: "a template of case pages changed, which show every case's body")
        }

        let started = ContinuousClock.now
        let read = Set(relative.compactMap { state.memory.slug(of: $0) })
        let (portal, previous) = (loaded.portal, state.portal)
        let frontMatterChanged = read.contains { slug in
            portal.cases.first { $0.slug == slug }?.withoutBody != previous.cases.first { $0.slug == slug }
        }
        let index = PortalIndex(portal)
        let views = PageViews(index: index, today: options.today)
        let specs = PageSpec.all(for: index, views: views)
        let graph = LinkGraph(paths: state.paths)
        let pagePaths = Set(state.paths.indices.filter { state.links[$0] != nil }.map { state.paths[$0] })
        guard specs.count == pagePaths.count, specs.allSatisfy({ pagePaths.contains($0.path.filePath) }) else {
            return .fullBuild(because: "the change adds or removes a page")
        }
        let changedInputs = Self.changedInputs(
            of: state, before: frontMatterChanged ? PageViews(index: PortalIndex(previous), today: options.today) : nil,
            after: views, bodiesRead: read)
        let affected = specs.filter { spec in
            guard !pageTemplates.contains(spec.template) else { return true }
            guard let number = graph.numbers[spec.path.filePath], let inputs = state.pageInputs[Int(number)] else {
                return true
            }
            return inputs.contains { changedInputs[Int($0)] }
        }
        // The pages of other cases that show a changed one need those cases' bodies.
        let others = Set(affected.compactMap(\.caseSlug)).subtracting(read)
        guard let dirty = await withBodies(affected, of: others, from: state, loader: loader) else {
            return .fullBuild(because: "a case whose page must be rendered again could not be read")
        }
        async let listings = frontMatterChanged ? Self.listings(of: index, specs: specs, today: options.today) : []
        guard let assetFiles = readAssets(assets) else { return .fullBuild(because: "an asset could not be read") }

        var stage = OutputStage(graph: graph, scanner: PrivacyScanner(allowedEmails: loaded.portal.config.allowedEmails))
        stage.linksToFiles = options.linksToFiles
        let sink = UpdatingSink(
            published: publisher.output, staging: wrap(DiskSink(root: publisher.staging)), stagingFolder: publisher.staging)
        guard var (written, work) = try? await emitPages(dirty, views: views, library: library, stage: stage, into: sink),
            let search = await updateSearchIndex(
                SearchCorpus(portal), changed: read, masks: state.searchMasks, output: publisher.output, stage: stage,
                into: sink)
        else { return .fullBuild(because: "writing the changed pages failed") }
        written += search.written
        work = work + search.work
        for file in await listings + assetFiles {
            guard graph.numbers[file.path] != nil,
                let emitted = try? await stage.emit(file.bytes, at: file.path, source: nil, into: sink, work: &work)
            else { return .fullBuild(because: "\(file.path) is a new file") }
            written.append(emitted)
        }
        guard written.allSatisfy({ $0.privacy == nil && $0.links?.broken.isEmpty ?? true }) else {
            return .fullBuild(because: "a changed page has a broken link or personal information, which a full build reports")
        }
        timings.appendStage("render", ContinuousClock.now - started)

        var links = state.links
        var next = state
        var numbers: [String: Int32]?
        for file in written where file.links != nil {
            links[Int(file.number)] = file.links?.targets
            if let read = file.inputs { next.keep(read, readByPage: Int(file.number), numbers: &numbers) }
        }
        // The whole site's links are checked again only when some page links elsewhere now.
        let linkWarnings =
            links == state.links
            ? state.linkWarnings
            : timings.measureSync("links") { linkDiagnostics(links, of: state.paths, graph: graph, specs: specs) }
        guard !linkWarnings.contains(where: \.isError) else {
            return .fullBuild(because: "a link is broken now, which a full build reports")
        }

        let touched = try timings.measurePublishing(publisher, "无法更新输出目录") {
            try sink.commit(produced: Set(state.files), previous: [], publisher: publisher).touched
        }
        publisher.discard()
        next.inputs = stamps
        next.portal = loaded.portal.withoutCaseBodies
        next.memory = loaded.memory
        next.links = links
        next.linkWarnings = linkWarnings
        next.searchMasks = search.masks
        for path in touched { next.outputs[path] = FileStamp(at: publisher.output.path + "/" + path) }
        // The model changes only when the front matter, the warnings of the files read, the
        // links or the inputs pages read did; the search state when a changed case's postings
        // moved to other shards.
        let modelChanged =
            frontMatterChanged || loaded.memory != state.memory || links != state.links
            || next.pageInputs != state.pageInputs || next.readInputs != state.readInputs
        timings.measureSync("state") {
            next.write(
                model: modelChanged ? publisher.stateFile : nil,
                search: search.masks != state.searchMasks ? publisher.searchStateFile : nil, stamps: publisher.stampsFile)
        }
        timings.note("quick build: \(dirty.count) of \(specs.count) pages read what changed")
        var report = Report(
            pageCount: specs.count, files: state.files, changedFiles: written.reduce(0) { $0 + $1.filesWritten },
            warnings: (loaded.warnings + linkWarnings), timings: timings)
        report.wasQuick = true
        report.state = next
        return .built(report)
    }

    /// Which of the inputs the pages of `state` read differ now, by their numbers in
    /// `state.readInputs`. With no front matter changed (`before` nil), only the bodies of the
    /// cases read again can have.
    static func changedInputs(of state: BuildState, before: PageViews?, after: PageViews, bodiesRead: Set<String>)
        -> [Bool]
    {
        guard let before else {
            let bodies = Set(bodiesRead.map { PageInput.caseBody($0).code })
            return state.readInputs.map(bodies.contains)
        }
        let config = after.portalConfig
        return state.readInputs.map { code in
            guard let input = PageInput(code: code, config: config) else { return true }
            return input.differs(from: before, to: after, bodiesRead: bodiesRead)
        }
    }

    /// `specs` with the cases `slugs` read anew with their bodies: nothing but a case's own
    /// page reads its body, so the portal a state keeps has none.
    private func withBodies(_ specs: [PageSpec], of slugs: Set<String>, from state: BuildState, loader: ContentLoader)
        async -> [PageSpec]?
    {
        guard !slugs.isEmpty else { return specs }
        let files = state.memory.relativePaths(ofCases: slugs)
        guard files.count == slugs.count,
            let read = await loader.reload(files, memory: state.memory, portal: state.portal)
        else { return nil }
        var cases: [String: CaseStudy] = [:]
        for caseStudy in read.portal.cases where slugs.contains(caseStudy.slug) { cases[caseStudy.slug] = caseStudy }
        guard cases.count == slugs.count else { return nil }
        return specs.map { spec in
            switch spec {
            case .caseStudy(let caseStudy): return cases[caseStudy.slug].map(PageSpec.caseStudy) ?? spec
            case .wechat(let caseStudy): return cases[caseStudy.slug].map(PageSpec.wechat) ?? spec
            default: return spec
            }
        }
    }

    /// The link stage's findings for the whole site, from the links of every page.
    private func linkDiagnostics(_ links: [[Int32]?], of paths: [String], graph: LinkGraph, specs: [PageSpec])
        -> [Diagnostic]
    {
        var sources: [String: SourceLocation] = [:]
        for spec in specs { sources[spec.path.filePath] = spec.source }
        return graph.diagnostics(
            pages: links.indices.compactMap { number in
                links[number].map { (Int32(number), LinkGraph.PageLinks(targets: $0), sources[paths[number]]) }
            },
            fallback: SourceLocation(path: options.contentDisplay),
            unlisted: Self.unlisted)
    }

    /// The changed files of `templates/assets/` (`templates/…` paths), by their paths in the
    /// output, with their bytes.
    private func readAssets(_ assets: [String]) -> [(path: String, bytes: [UInt8])]? {
        var files: [(path: String, bytes: [UInt8])] = []
        for asset in assets {
            let path = String(asset.dropFirst("templates/".count))
            guard let data = FileManager.default.contents(atPath: options.templates.appendingPathComponent(path).path)
            else { return nil }
            files.append((path, [UInt8](data)))
        }
        return files
    }
}
