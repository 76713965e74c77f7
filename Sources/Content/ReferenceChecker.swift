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
    /// Content-relative paths of the pictures that pages show.
    private(set) var usedFiles: Set<String> = []
    /// Files pages name that are not published (`executableRefusal`): named, so not unused.
    private(set) var refusedFiles: Set<String> = []
    /// Block quotes and lists nested deeper than this are an error: no write-up needs them, and
    /// pasted or generated text that does is better stopped than published.
    static let nestingLimit = 16

    /// False when sites.yaml could not be read: references to sites are then not checked.
    let sitesAreKnown: Bool
    /// The ids the templates give every page of a kind besides its headings' (`#main`); nil
    /// when they are not known, and links to headings of the page itself are then not checked.
    let templateIDs: [PageKind: Set<String>]?

    init(
        sites: [Site], brokenSiteIDs: Set<String>, sitesAreKnown: Bool = true, members: [Member], resolver: LinkResolver,
        anchors: [String: Set<String>], templateIDs: [PageKind: Set<String>]? = nil
    ) {
        self.templateIDs = templateIDs
        self.sitesAreKnown = sitesAreKnown
        self.sites = sites
        self.members = members
        self.resolver = resolver
        self.anchors = anchors
        self.siteIDs = Set(sites.map(\.id)).union(brokenSiteIDs)
    }

    mutating func checkRecords() {
        reportDuplicates(sites.map { ($0.id, $0.source) }, what: "示范点/联系点", hint: "每个示范点/联系点要有自己的 id")
        reportDuplicates(members.map { ($0.id, $0.source) }, what: "党员经营户", hint: "每个党员经营户要有自己的 id")
        for member in members {
            if sitesAreKnown, !siteIDs.contains(member.siteID) {
                diagnostics.error(
                    at: member.siteSource, "党员经营户 '\(member.name)' 所属的示范点/联系点 '\(member.siteID)' 不存在",
                    hint: Suggestion.didYouMean(member.siteID, in: sites.map(\.id)) ?? "site 要写 data/sites.yaml 中的 id")
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
        for (id, location) in ids where sitesAreKnown && !siteIDs.contains(id) {
            diagnostics.error(
                at: location, "示范点/联系点 '\(id)' 不存在",
                hint: Suggestion.didYouMean(id, in: sites.map(\.id)) ?? "sites 列出 data/sites.yaml 中的 id")
        }
    }

    /// The cases and sites a course's lessons use must exist, and a published course may use
    /// only published cases.
    mutating func checkLessons(_ lessons: [PageSource.LessonMetadata], of source: PageSource) {
        let cases = resolver.targets.values.filter { $0.kind == .caseStudy }
        for lesson in lessons {
            checkSites(lesson.sites)
            for (slug, location) in lesson.cases {
                guard let target = cases.first(where: { $0.slug == slug }) else {
                    diagnostics.error(
                        at: location, "案例 '\(slug)' 不存在",
                        hint: Suggestion.didYouMean(slug, in: cases.map(\.slug).sorted())
                            ?? "cases 写案例的网址名（cases/ 中的文件名，去掉 .md）")
                    continue
                }
                if source.status == .published && target.status != .published {
                    diagnostics.error(
                        at: location, "课时所用的案例 '\(slug)' 尚未发布", hint: "等那个案例发布后再列入，或者删掉这一项")
                }
            }
        }
    }

    /// Checks a rendered body: links, pictures, tables and charts, dropped HTML and nesting.
    mutating func checkBody(_ document: MarkdownDocument, of source: PageSource) {
        func location(_ position: SourcePosition) -> SourceLocation {
            SourceLocation(path: source.file.path, line: position.line + source.bodyFirstLine - 1, column: position.column)
        }
        checkLinks(document, of: source)
        for image in document.images {
            checkImage(image, at: location(image.position), of: source)
        }
        for problem in document.dataBlockProblems {
            diagnostics.error(at: location(problem.position), problem.message, hint: problem.hint)
        }
        for problem in document.problems {
            switch problem.severity {
            case .error: diagnostics.error(at: location(problem.position), problem.message, hint: problem.hint)
            case .warning: diagnostics.warning(at: location(problem.position), problem.message, hint: problem.hint)
            }
        }
        for position in document.omittedHTML {
            diagnostics.warning(
                at: location(position), "原始 HTML 不会发布，这里的标签及其中的内容已被省略",
                hint: "用 Markdown 写：**加粗**、[链接](地址)、![图片说明](图片.jpg)")
        }
        if let nesting = document.deepestNesting, nesting.depth > Self.nestingLimit {
            diagnostics.error(
                at: location(nesting.position), "引用和列表嵌套过深（\(nesting.depth) 层，上限 \(Self.nestingLimit) 层）",
                hint: "减少 > 和列表的层次；文字可能是从别处粘贴时带进来的")
        }
    }

    /// A file the front matter names (a news report's cover, a policy's original) must be a
    /// file of `content/`, written relative to the page; it is then published. Returns its
    /// content-relative path, or nil when there is no such file (`missing` says what is missing).
    mutating func checkFile(_ reference: PageSource.FileReference, of source: PageSource, missing: String) -> String? {
        if case .file(let path) = resolver.resolveImage(reference.path, from: source.relativePath) {
            usedFiles.insert(path)
            return path
        }
        let candidates = resolver.files.filter { $0.hasPrefix(source.kind.folder + "/") }.map {
            LinkResolver.relativeLink(from: source.relativePath, to: $0)
        }
        let name = reference.path.split(separator: "/").last ?? ""
        diagnostics.error(
            at: reference.location, "\(missing)不存在：\(reference.path)",
            hint: Suggestion.closest(to: reference.path, in: candidates).map { "是不是 '\($0)'？" }
                ?? "把文件放在本文件旁边，写它的文件名，如 \(name)")
        return nil
    }

    private mutating func checkImage(_ image: Image, at location: SourceLocation, of source: PageSource) {
        if image.alternativeText.trimmingWhitespace.isEmpty {
            diagnostics.error(
                at: location, "图片缺少说明文字（替代文字）",
                hint: "在方括号里写出图片内容，供读屏软件朗读：![市场党群服务中心外景](\(image.source))")
        }
        switch resolver.resolveImage(image.source, from: source.relativePath) {
        case .file(let path):
            if let refusal = Self.executableRefusal(of: path) {
                diagnostics.error(at: location, "\(refusal.message)：\(image.source)", hint: refusal.hint)
                refusedFiles.insert(path)
                return
            }
            usedFiles.insert(path)
            if resolver.media[path]?.isUnreadablePicture == true {
                diagnostics.error(
                    at: location, "无法识别图片格式：\(image.source)",
                    hint: "文件内容不是 JPEG、PNG 或 WebP 图片（可能已损坏，或扩展名与格式不符）；用看图软件打开并另存为 JPEG 后再引用")
            }
        case .missing(let path):
            diagnostics.error(
                at: location, "图片文件不存在：\(image.source)",
                hint: Suggestion.closest(to: path, in: Array(resolver.files))
                    .map { "是不是 '\(LinkResolver.relativeLink(from: source.relativePath, to: $0))'？" }
                    ?? "图片放在内容目录中，用相对于本文件的路径引用，如 images/photo.jpg")
        case .elsewhere:
            diagnostics.error(
                at: location, "图片来自其他网站：\(image.source)",
                hint: "门户的页面不从其他网站加载任何内容；请把图片保存到内容目录，用相对路径引用")
        case .rootPath:
            diagnostics.error(
                at: location, "图片路径以 / 开头：\(image.source)",
                hint: "用相对于本文件的路径引用图片，如 images/photo.jpg")
        }
    }

    /// Links to other Markdown files must lead to a published page and, with a `#fragment`, to
    /// one of its headings; scripts and local files are never linked.
    private mutating func checkLinks(_ document: MarkdownDocument, of source: PageSource) {
        for link in document.links {
            let location = SourceLocation(
                path: source.file.path, line: link.position.line + source.bodyFirstLine - 1, column: link.position.column)
            if let scheme = Self.dangerousScheme(of: link.destination) {
                diagnostics.error(
                    at: location, "链接使用了不安全的协议 \(scheme)：",
                    hint: "门户只链接网页（https://…）和本站的页面；\(scheme): 链接会被清空")
                continue
            }
            if link.destination.hasPrefix("#") {
                checkOwnAnchor(String(link.destination.dropFirst()), at: location, of: source)
                continue
            }
            // `/cases/x/` works only where the portal is the whole host: not in a column of the
            // bureau's site (`export --base-path`), nor opened from a USB stick (`--relative`).
            if link.destination.hasPrefix("/"), !link.destination.hasPrefix("//") {
                diagnostics.error(
                    at: location, "链接以 / 开头：\(link.destination)",
                    hint: "门户可能发布在网站的子路径下或从 U 盘打开，这样的链接会失效；链接本站页面写它的 .md 文件相对于本文件的路径，如 ../cases/example.md")
                continue
            }
            switch resolver.resolve(link.destination, from: source.relativePath) {
            case .notALocalPage, .unreadable:
                continue
            case .file(let path):
                if let refusal = Self.executableRefusal(of: path) {
                    diagnostics.error(at: location, "\(refusal.message)：\(link.destination)", hint: refusal.hint)
                    refusedFiles.insert(path)
                    continue
                }
                usedFiles.insert(path)
                continue
            case .missingFile(let path):
                diagnostics.error(
                    at: location, "链接的附件不存在：\(link.destination)",
                    hint: Suggestion.closest(to: path, in: Array(resolver.files))
                        .map { "是不是 '\(LinkResolver.relativeLink(from: source.relativePath, to: $0))'？" }
                        ?? "附件放在内容目录中，用相对于本文件的路径链接，如 [通知原文](notice.pdf)")
                continue
            case .missing(let path):
                let candidates = resolver.targets.keys.filter { $0 != source.relativePath }
                diagnostics.error(
                    at: location, "链接指向的文件不存在：\(link.destination)",
                    hint: Suggestion.closest(to: path, in: candidates)
                        .map { "是不是 '\(LinkResolver.relativeLink(from: source.relativePath, to: $0))'？" }
                        ?? "链接到其他页面时写它的 .md 文件相对于本文件的路径，如 ../cases/example.md")
            case .page(let target, let fragment):
                if source.status == .published && target.status == .draft {
                    diagnostics.error(
                        at: location, "链接指向未发布的草稿：\(link.destination)",
                        hint: "先发布那个页面，或者删除这个链接")
                } else if source.status == .published && target.status == .review {
                    diagnostics.error(
                        at: location, "链接指向待审核、尚未发布的页面：\(link.destination)",
                        hint: "等那个页面审核通过、status 改为 published 后再链接，或者删除这个链接")
                }
                if let fragment, !fragment.isEmpty, let known = anchors[target.relativePath], !known.contains(fragment) {
                    diagnostics.error(
                        at: location, "链接中的标题锚点 '#\(fragment)' 在 \(target.title) 中不存在",
                        hint: Suggestion.didYouMean(fragment, in: Array(known)).map { "是不是 '#\($0)'？" }
                            ?? "锚点是小标题的文字，如 #主要做法")
                }
            }
        }
    }

    /// A link to `#fragment` of the page itself must lead to one of its headings or to an id
    /// its template gives every page of its kind.
    private mutating func checkOwnAnchor(_ encoded: String, at location: SourceLocation, of source: PageSource) {
        guard let templateIDs, !encoded.isEmpty else { return }
        let fragment = URLEncoding.percentDecoded(encoded)
        let headings = anchors[source.relativePath] ?? []
        guard !headings.contains(fragment), !(templateIDs[source.kind] ?? []).contains(fragment) else { return }
        let sorted = headings.sorted()
        let hint: String
        if let closest = Suggestion.closest(to: fragment, in: sorted) {
            hint = "是不是 '#\(closest)'？"
        } else if sorted.isEmpty {
            hint = "本页没有小标题；锚点写本页某个小标题的文字，如 [主要做法](#主要做法)"
        } else {
            hint = "锚点写本页某个小标题的文字：\(sorted.prefix(6).map { "#\($0)" }.joined(separator: "、"))"
        }
        diagnostics.error(at: location, "链接中的标题锚点 '#\(fragment)' 在本页中不存在", hint: hint)
    }

    /// Why a file of `content/` is not published as it is, if it is one that can run script on
    /// the bureau's own domain when opened: an SVG picture or a web page. Opened directly, they
    /// run wherever the host does not send the portal's CSP.
    static func executableRefusal(of path: String) -> (message: String, hint: String)? {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) ?? "" {
        case "svg", "svgz":
            return ("SVG 图片可能带有脚本，不会发布", "用绘图软件把它导出为 PNG 图片，再引用 PNG 文件")
        case "html", "htm", "xhtml", "shtml", "mht", "mhtml", "js", "mjs":
            return ("网页和脚本文件不能作为附件发布", "把网页另存为 PDF 再链接；或者把内容写进 Markdown 正文")
        default:
            return nil
        }
    }

    /// `javascript`, `vbscript`, `file` or `data`, when the destination starts with one, as
    /// browsers read it (case and surrounding white space do not matter).
    static func dangerousScheme(of destination: String) -> String? {
        let cleaned = destination.unicodeScalars.filter { !$0.properties.isWhitespace && $0.value >= 0x20 }
        let lowered = String(String.UnicodeScalarView(cleaned)).lowercased()
        return ["javascript", "vbscript", "file", "data"].first { lowered.hasPrefix($0 + ":") }
    }

    /// The cases a course links to, in order of the text, each once. Unpublished cases are kept:
    /// only an unpublished course may link to them, and it is built only with `--drafts`, which
    /// builds them too.
    func linkedCaseSlugs(_ document: MarkdownDocument, of source: PageSource) -> [String] {
        var slugs: [String] = []
        for link in document.links {
            guard case .page(let target, _) = resolver.resolve(link.destination, from: source.relativePath),
                target.kind == .caseStudy, !slugs.contains(target.slug)
            else { continue }
            slugs.append(target.slug)
        }
        return slugs
    }
}
