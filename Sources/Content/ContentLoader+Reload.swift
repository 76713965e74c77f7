import Core
import Foundation
import Markdown
import Model

extension ContentLoader {
    /// Takes up a previous load (`portal` and `memory`) after the case files `changed`
    /// (content-relative paths) were edited, reading only those. It answers only when each
    /// stays the same page: same slug and status, same anchors (other pages may link to them)
    /// and pictures, and no error; otherwise nil, and the caller loads everything. Front matter
    /// may change: the cases are put in order again, and the caller finds the pages that show
    /// them.
    ///
    /// The cases it read come back with their bodies; the others keep what `portal` holds.
    public func reload(_ changed: [String], memory: LoadMemory, portal: Portal) async -> Loaded? {
        var memory = memory
        var portal = portal
        var frontMatterChanged = false
        var diagnostics = Diagnostics()
        let termsFile = directory.appendingPathComponent("data/terms.yaml")
        let terms =
            FileManager.default.fileExists(atPath: termsFile.path) ? readTerms(termsFile, diagnostics: &diagnostics) : []
        guard !diagnostics.hasErrors else { return nil }
        let proofreader = Proofreader(terms: terms)
        let decoder = PageDecoder(
            lookup: TaxonLookup(config: portal.config), includeUnpublished: includeUnpublished,
            verifiesApprovals: verifiesApprovals)
        var resolver = LinkResolver(targets: memory.targets, unreadable: [], files: memory.files)
        for (relative, facts) in memory.media { resolver.media[relative] = facts.file(relative, in: directory) }
        let renderer = MarkdownRenderer(options: .portal)
        for relative in changed {
            var found = Diagnostics()
            guard let target = memory.targets[relative], target.kind == .caseStudy,
                let file = read(directory.appendingPathComponent(relative), diagnostics: &found),
                let source = decoder.decode(file, kind: .caseStudy, relativePath: relative, diagnostics: &found),
                case .caseStudy(let metadata) = source.metadata,
                LinkResolver.Target(
                    kind: source.kind, relativePath: relative, slug: source.slug, path: source.path, status: source.status,
                    title: target.title) == target
            else { return nil }
            // A cover is a file of its own to publish: a full build takes it in.
            guard metadata.cover == nil, portal.cases.first(where: { $0.slug == source.slug })?.cover == nil else { return nil }
            memory.targets[relative]?.title = source.metadata.title
            found.append(contentsOf: proofreader.diagnostics(for: file))
            let document = Self.render(source, with: renderer, resolver: resolver)
            guard Set(document.headings.map(\.anchor)) == memory.anchors[relative] ?? [],
                Self.images(of: document, from: relative, resolver: resolver) == memory.images[relative] ?? []
            else { return nil }
            var checker = ReferenceChecker(
                sites: portal.sites, brokenSiteIDs: [], sitesAreKnown: true, members: portal.members, resolver: resolver,
                anchors: memory.anchors, templateIDs: templateIDsByKind)
            checker.checkBody(document, of: source)
            checker.checkSites(metadata.siteIDs)
            found.append(contentsOf: checker.diagnostics)
            guard !found.hasErrors else { return nil }
            if includeUnpublished || source.status == .published {
                let updated = Self.caseStudy(source, metadata, document, Self.renderedBody(document))
                guard let position = portal.cases.firstIndex(where: { $0.slug == source.slug }) else { return nil }
                if !frontMatterChanged {
                    var unchanged = updated
                    unchanged.body = portal.cases[position].body
                    frontMatterChanged = unchanged != portal.cases[position]
                }
                portal.cases[position] = updated
            }
            memory.fileDiagnostics[relative] = found.all.isEmpty ? nil : found.all
        }
        if frontMatterChanged { portal.cases.sort(by: CaseStudy.newestFirst) }
        let reviewWarning = reviewWarning(for: portal)
        return Loaded(portal: portal, warnings: memory.diagnostics + (reviewWarning.map { [$0] } ?? []), memory: memory)
    }
}
