import Core
import Markdown
import Model

/// Checks what records and pages say about each other: ids unique, named sites present,
/// links leading to published pages and existing headings.
struct ReferenceChecker {
    let sites: [Site]
    let members: [Member]
    let resolver: LinkResolver
    /// Heading anchors of every page, by content-relative path.
    let anchors: [String: Set<String>]
    /// Ids of sites that exist, including those whose records had errors of their own.
    private let siteIDs: Set<String>
    private(set) var diagnostics = Diagnostics()

    init(sites: [Site], brokenSiteIDs: Set<String>, members: [Member], resolver: LinkResolver, anchors: [String: Set<String>]) {
        self.sites = sites
        self.members = members
        self.resolver = resolver
        self.anchors = anchors
        self.siteIDs = Set(sites.map(\.id)).union(brokenSiteIDs)
    }

    mutating func checkRecords() {
        reportDuplicates(sites.map { ($0.id, $0.source) }, what: "示范点/联系点", hint: "every site needs its own id")
        reportDuplicates(members.map { ($0.id, $0.source) }, what: "党员经营户", hint: "every member needs its own id")
        for member in members {
            if !siteIDs.contains(member.siteID) {
                diagnostics.error(
                    at: member.source, "党员经营户 '\(member.name)' 所属的示范点/联系点 '\(member.siteID)' 不存在",
                    hint: Suggestion.didYouMean(member.siteID, in: sites.map(\.id)) ?? "site must be an id from data/sites.yaml")
            }
        }
    }

    /// Reports each id after its first use, naming where it was first used.
    private mutating func reportDuplicates(_ records: [(id: String, source: SourceLocation)], what: String, hint: String) {
        var first: [String: SourceLocation] = [:]
        for record in records {
            if let earlier = first[record.id] {
                diagnostics.error(at: record.source, "\(what) id '\(record.id)' 重复，第一次出现在 \(earlier)", hint: hint)
            } else {
                first[record.id] = record.source
            }
        }
    }

    mutating func checkSites(_ ids: [(id: String, location: SourceLocation)]) {
        for (id, location) in ids where !siteIDs.contains(id) {
            diagnostics.error(
                at: location, "示范点/联系点 '\(id)' 不存在",
                hint: Suggestion.didYouMean(id, in: sites.map(\.id)) ?? "sites lists ids from data/sites.yaml")
        }
    }

    /// Links to other Markdown files must lead to a published page and, with a `#fragment`, to
    /// one of its headings.
    mutating func checkBody(_ document: MarkdownDocument, of source: PageSource) {
        for link in document.links {
            let location = SourceLocation(
                path: source.file.path, line: link.position.line + source.bodyFirstLine - 1, column: link.position.column)
            switch resolver.resolve(link.destination, from: source.relativePath) {
            case .notALocalPage, .unreadable:
                continue
            case .missing(let path):
                let candidates = resolver.targets.keys.filter { $0 != source.relativePath }
                diagnostics.error(
                    at: location, "链接指向的文件不存在：\(link.destination)",
                    hint: Suggestion.closest(to: path, in: candidates)
                        .map { "did you mean '\(LinkResolver.relativeLink(from: source.relativePath, to: $0))'?" }
                        ?? "links to other pages name their .md file relative to this one, e.g. ../cases/example.md")
            case .page(let target, let fragment):
                if source.status == .published && !target.isPublished {
                    diagnostics.error(
                        at: location, "链接指向未发布的草稿：\(link.destination)",
                        hint: "publish that page first, or remove the link")
                }
                if let fragment, !fragment.isEmpty, let known = anchors[target.relativePath], !known.contains(fragment) {
                    diagnostics.error(
                        at: location, "链接中的标题锚点 '#\(fragment)' 在 \(target.title) 中不存在",
                        hint: Suggestion.didYouMean(fragment, in: Array(known)).map { "did you mean '#\($0)'?" }
                            ?? "anchors are heading texts, e.g. #主要做法")
                }
            }
        }
    }

    /// The cases a course links to, in order of the text, each once.
    func linkedCaseSlugs(_ document: MarkdownDocument, of source: PageSource) -> [String] {
        var slugs: [String] = []
        for link in document.links {
            guard case .page(let target, _) = resolver.resolve(link.destination, from: source.relativePath),
                target.kind == .caseStudy, target.isPublished, !slugs.contains(target.slug)
            else { continue }
            slugs.append(target.slug)
        }
        return slugs
    }
}
