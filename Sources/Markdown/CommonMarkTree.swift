import CCmark
import Core

/// Everything that touches libcmark: parsing, the walk over the tree, the changes to it and
/// rendering. No cmark pointer leaves this file; what the rest of the target gets are Swift
/// values copied out before the tree is freed.
///
/// Who owns what, as `cmark.h` defines it:
/// - `cmark_parse_document` returns a tree that the caller owns. `render` frees it with
///   `cmark_node_free` on every path; that frees the whole tree, nodes attached by us included.
/// - Strings from `cmark_node_get_literal`, `_get_url`, `_get_title` and `_get_fence_info`
///   belong to the node and live until it changes or is freed: they are copied into Swift
///   strings at once and never freed.
/// - The `cmark_node_set_*` functions copy their argument, so Swift's temporary C strings do.
/// - `cmark_node_new` returns a node the caller owns until it is linked into the tree.
///   `cmark_node_replace` unlinks the old node without freeing it: we free it.
/// - `cmark_render_html` returns a `malloc`ed string: copied, then `free`d.
/// - A `cmark_iter` is freed with `cmark_iter_free`.
///
/// The tree is walked with `cmark_iter` (enter and exit events), never by recursion, so a
/// document nested 100,000 levels deep costs memory, not stack. Non-leaf nodes are changed only
/// on their exit event, and nodes are moved only after the walk, as the iterator requires.
enum CommonMarkTree {
    struct Settings {
        /// Raw HTML and dangerous URLs pass through (`CMARK_OPT_UNSAFE`).
        var unsafe: Bool
        /// Heading ids, link rewriting, figures with captions and the portal's table markup.
        var portalAdditions: Bool
        /// GitHub's extensions: tables, strikethrough, extended autolinks, task lists, tag filter.
        var gitHubExtensions: Bool
        /// How many sentinels from `CJKEmphasisPreparation` the text holds, to be removed from
        /// every string in the tree.
        var sentinels: Int
    }

    /// Parses `text`, collects what `MarkdownDocument` reports, applies the portal's changes and
    /// renders HTML. `rewriteLink` is called once per link and `rewriteImage` once per image,
    /// in document order.
    static func render(
        _ text: String, settings: Settings, sourceMap: SourceMap, rewriteLink: (String) -> String?,
        rewriteImage: (String) -> String?, imageAttributes: (String) -> ImageAttributes?
    ) -> MarkdownDocument {
        // CMARK_OPT_SOURCEPOS only at parsing: it corrects the lines of inline nodes after a code
        // span that spans lines. Rendering without it keeps `data-sourcepos` out of the HTML.
        guard let document = cmark_parse_document(text, text.utf8.count, CMARK_OPT_SOURCEPOS) else {
            // cmark aborts when memory runs out rather than return nil; this is for form's sake.
            return MarkdownDocument(html: "")
        }
        defer { cmark_node_free(document) }

        var extensions = ExtensionPass(text: text, settings: settings)
        if settings.gitHubExtensions { extensions.apply(to: document) }
        var walker = TreeWalker(settings: settings, sourceMap: sourceMap, extensions: extensions)
        walker.walk(document, rewriteLink: rewriteLink, rewriteImage: rewriteImage, imageAttributes: imageAttributes)
        // Figures take their picture before it is replaced by its sized version, and tables
        // render their cells once everything in them has its final form.
        if settings.portalAdditions {
            walker.replaceHeadingsWithAnchoredHeadings()
            walker.wrapFigures()
            walker.replaceSizedImages()
            walker.replaceDataBlocks()
        }
        walker.replaceTables()
        let html = renderHTML(document, unsafe: settings.unsafe)
        var rendered = MarkdownDocument(
            html: html,
            headings: walker.headings,
            plainText: walker.text.text,
            firstParagraph: walker.firstTopLevelParagraph ?? walker.firstParagraph ?? "",
            links: walker.links,
            images: walker.images,
            omittedHTML: walker.omittedHTML,
            deepestNesting: walker.deepestNesting
        )
        rendered.dataBlockProblems = walker.dataBlockProblems
        rendered.problems = walker.problems
        return rendered
    }

    static func renderHTML(_ document: OpaquePointer, unsafe: Bool) -> String {
        guard let html = cmark_render_html(document, unsafe ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT) else {
            return ""
        }
        defer { free(html) }
        return String(cString: html)
    }
}

/// One walk over a parsed tree. Holds node pointers only between `walk` and
/// `replaceHeadingsWithAnchoredHeadings`, both called while `CommonMarkTree.render` owns the tree.
private struct TreeWalker {
    let settings: CommonMarkTree.Settings
    var sourceMap: SourceMap

    var text = PlainTextCollector()
    var headings: [Heading] = []
    var links: [Link] = []
    var images: [Image] = []
    var omittedHTML: [SourcePosition] = []
    var firstParagraph: String?
    var firstTopLevelParagraph: String?
    /// Block quotes and lists open around the node being visited, and the deepest point seen
    /// with cmark's line and byte column.
    private var nesting = 0
    private var deepestNestingRaw = (depth: 0, line: 0, column: 0)
    var deepestNesting: Nesting? {
        mutating get {
            guard deepestNestingRaw.depth > 0 else { return nil }
            let position = sourceMap.position(line: deepestNestingRaw.line, column: deepestNestingRaw.column)
            return Nesting(depth: deepestNestingRaw.depth, position: position)
        }
    }

    var dataBlockProblems: [DataBlockProblem] = []
    /// Images of known size to write with their width and height after the walk.
    private var sizedImages: [(node: OpaquePointer, src: String, alt: String, title: String, attributes: ImageAttributes)] =
        []
    /// Table and chart blocks to replace after the walk, with their text and where it starts.
    private var dataBlocks: [(node: OpaquePointer, kind: DataBlock.Kind, text: String, line: Int, column: Int)] = []

    private var anchors = AnchorNamer()
    /// Headings to replace after the walk, with their level and anchor.
    private var headingNodes: [(node: OpaquePointer, level: Int, anchor: String)] = []
    /// The start of the paragraph or heading being walked: the fallback position of the inline
    /// nodes in it (inline nodes live only in these two blocks).
    private var blockStart = (line: 1, column: 1)
    /// Its last line, and the offset in the text just after the last inline node placed in it.
    private var blockEndLine = 1
    private var inlineSearchStart = 0
    private var blockTextMark = 0
    /// Where the text of each open image starts; images can nest in the alt text of images.
    private var imageTextMarks: [Int] = []

    /// Sentinels not yet seen in the literals of the tree. Once all are found, later literals
    /// need no check. This holds for literals only, as each comes from its own stretch of the
    /// text; URLs and titles are always checked, since they can repeat what was counted (an
    /// autolink's URL is also its text, a reference definition serves many links).
    private var unseenSentinels: Int

    /// What GitHub's extensions made: tables to write, paragraphs parsed apart from the
    /// document with where their lines stand, positions of links found in text.
    private var tables: [TableNode]
    private let detachedParagraphs: [OpaquePointer: Int]
    private let detachedLines: [DetachedLines]
    private let syntheticPositions: [OpaquePointer: (line: Int, column: Int)]
    /// The lines of the detached paragraph being walked, if it is one.
    private var detached: DetachedLines?
    /// The plain text of each table cell, for the table's accessible name.
    private var cellTexts: [OpaquePointer: String] = [:]
    /// Paragraphs that hold nothing but a picture, to become figures after the walk.
    private var figureParagraphs: [(paragraph: OpaquePointer, image: OpaquePointer, caption: String)] = []
    private(set) var problems: [MarkupProblem] = []

    init(settings: CommonMarkTree.Settings, sourceMap: SourceMap, extensions: ExtensionPass) {
        self.settings = settings
        self.sourceMap = sourceMap
        self.unseenSentinels = settings.sentinels
        self.tables = extensions.tables
        self.detachedParagraphs = extensions.detachedParagraphs
        self.detachedLines = extensions.detachedLines
        self.syntheticPositions = extensions.positions
        for problem in extensions.problems {
            var position = self.sourceMap.position(line: problem.line, column: problem.column)
            if let expected = problem.expectedByte, self.sourceMap.byte(line: problem.line, column: problem.column) != expected {
                position = self.sourceMap.position(line: problem.line, column: 1)
            }
            problems.append(
                MarkupProblem(severity: problem.severity, position: position, message: problem.message, hint: problem.hint))
        }
    }

    mutating func walk(
        _ document: OpaquePointer, rewriteLink: (String) -> String?, rewriteImage: (String) -> String?,
        imageAttributes: (String) -> ImageAttributes?
    ) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER {
                enter(node)
            } else if event == CMARK_EVENT_EXIT {
                exit(node, rewriteLink: rewriteLink, rewriteImage: rewriteImage, imageAttributes: imageAttributes)
            }
        }
    }

    /// Leaf nodes only have an enter event, so they are handled here in full.
    private mutating func enter(_ node: OpaquePointer) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
            detached = detachedParagraphs[node].map { detachedLines[$0] }
            blockStart = documentPosition(
                line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
            blockEndLine = documentPosition(line: Int(cmark_node_get_end_line(node)), column: 1).line
            inlineSearchStart = 0
            blockTextMark = text.mark
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            text.append(literal(of: node))
        case CMARK_NODE_SOFTBREAK:
            text.softBreak()
        case CMARK_NODE_LINEBREAK:
            text.hardBreak()
        case CMARK_NODE_HTML_INLINE:
            _ = literal(of: node)
            if !settings.unsafe {
                omittedHTML.append(inlinePosition(of: node, startingWith: [UInt8(ascii: "<")]))
            }
        case CMARK_NODE_HTML_BLOCK:
            _ = literal(of: node)
            if !settings.unsafe {
                omittedHTML.append(blockPosition(of: node))
            }
        case CMARK_NODE_CODE_BLOCK:
            if let info = copy(cmark_node_get_fence_info(node)),
                let cleaned = removingSentinels(info, countingThem: true)
            {
                cmark_node_set_fence_info(node, cleaned)
            }
            var code = literal(of: node)
            if settings.portalAdditions, let info = copy(cmark_node_get_fence_info(node)),
                let kind = DataBlock.kind(ofInfo: info)
            {
                dataBlocks.append(
                    (node, kind, code, Int(cmark_node_get_start_line(node)) + 1, Int(cmark_node_get_start_column(node))))
                // Its cells, not its commas, are the text of the page.
                code = code.split(separator: "\n").map { line in
                    line.split(whereSeparator: { $0 == "," || $0 == "\t" || $0 == "，" })
                        .map { String($0).trimmingWhitespace }.joined(separator: " ")
                }.joined(separator: "\n")
            }
            if code.hasSuffix("\n") { code.removeLast() }
            text.endBlock()
            text.append(code)
            text.endBlock()
        case CMARK_NODE_THEMATIC_BREAK:
            text.endBlock()
        case CMARK_NODE_IMAGE:
            imageTextMarks.append(text.mark)
        case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST:
            nesting += 1
            // cmark's raw position only: turning it into characters walks the line, which for
            // every level of a 100,000-deep quote on one line would take quadratic time.
            if nesting > deepestNestingRaw.depth {
                deepestNestingRaw = (nesting, Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node)))
            }
        default:
            break
        }
    }

    private mutating func exit(
        _ node: OpaquePointer, rewriteLink: (String) -> String?, rewriteImage: (String) -> String?,
        imageAttributes: (String) -> ImageAttributes?
    ) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            let parent = cmark_node_parent(node)
            let isCell = parent.map { cmark_node_get_type($0) == CMARK_NODE_CUSTOM_BLOCK } ?? false
            if isCell {
                cellTexts[node] = text.text(since: blockTextMark)
            } else {
                if firstParagraph == nil { firstParagraph = text.text(since: blockTextMark) }
                if firstTopLevelParagraph == nil, let parent, cmark_node_get_type(parent) == CMARK_NODE_DOCUMENT {
                    firstTopLevelParagraph = text.text(since: blockTextMark)
                }
                if settings.portalAdditions { noteFigure(node) }
            }
            detached = nil
            text.endBlock()
        case CMARK_NODE_HEADING:
            detached = nil
            let level = Int(cmark_node_get_heading_level(node))
            let title = text.text(since: blockTextMark)
            let anchor = anchors.anchor(for: title)
            headings.append(Heading(level: level, text: title, anchor: anchor, position: blockPosition(of: node)))
            if settings.portalAdditions { headingNodes.append((node, level, anchor)) }
            text.endBlock()
        case CMARK_NODE_LINK where !imageTextMarks.isEmpty:
            // Inside an image's alt text cmark writes only the link's text: no `<a>`, so there is
            // nothing to rewrite or check. The URL is cleaned all the same.
            _ = url(of: node)
            cleanTitle(of: node)
        case CMARK_NODE_LINK:
            let destination = url(of: node)
            var rendered = destination
            if settings.portalAdditions, let rewritten = rewriteLink(destination) {
                cmark_node_set_url(node, rewritten)
                rendered = rewritten
            }
            if !settings.unsafe, URLSafety.isDangerous(rendered) { rendered = "" }
            cleanTitle(of: node)
            let position = inlinePosition(
                of: node, startingWith: [UInt8(ascii: "["), UInt8(ascii: "<")], autolinkURL: destination)
            links.append(Link(destination: destination, renderedDestination: rendered, position: position))
        case CMARK_NODE_IMAGE:
            let mark = imageTextMarks.popLast() ?? text.mark
            let source = url(of: node)
            if settings.portalAdditions, imageTextMarks.isEmpty, let rewritten = rewriteImage(source) {
                cmark_node_set_url(node, rewritten)
            }
            cleanTitle(of: node)
            // An image inside another image's alt text becomes text in the HTML, not an `<img>`;
            // only the outermost is reported (which also keeps 100,000 nested images linear).
            if imageTextMarks.isEmpty {
                let position = inlinePosition(of: node, startingWith: [UInt8(ascii: "!")])
                let alternativeText = text.text(since: mark)
                images.append(Image(source: source, alternativeText: alternativeText, position: position))
                if settings.portalAdditions, let attributes = imageAttributes(source), let src = copy(cmark_node_get_url(node)) {
                    sizedImages.append((node, src, alternativeText, copy(cmark_node_get_title(node)) ?? "", attributes))
                }
            }
        case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST:
            nesting -= 1
            text.endBlock()
        case CMARK_NODE_ITEM:
            text.endBlock()
        default:
            break
        }
    }

    /// Puts `<hN id="…">` on every heading. cmark 0.30 has no option for ids, but it writes the
    /// enter and exit text of custom nodes as they are, in safe mode too. The heading becomes a
    /// custom block holding a custom inline that writes the tags around the heading's children:
    /// a custom block alone would put newlines inside the element (cmark ends the line after a
    /// custom block's enter text), and this way the HTML has the shape of cmark's own
    /// `<h2>…</h2>`.
    mutating func replaceHeadingsWithAnchoredHeadings() {
        for (heading, level, anchor) in headingNodes {
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            guard let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else {
                cmark_node_free(block)
                continue
            }
            cmark_node_set_on_enter(block, "")
            cmark_node_set_on_exit(block, "")
            cmark_node_set_on_enter(inline, "<h\(level) id=\"\(MarkupText.escaped(anchor))\">")
            cmark_node_set_on_exit(inline, "</h\(level)>")
            cmark_node_append_child(block, inline)
            moveChildren(of: heading, to: inline)
            if cmark_node_replace(heading, block) != 0 {
                cmark_node_free(heading)
            } else {
                // Cannot happen (whatever holds a heading can hold any block); if it did, the
                // heading keeps its text and the new nodes are freed rather than leaked.
                moveChildren(of: inline, to: heading)
                cmark_node_free(block)
            }
        }
        headingNodes.removeAll()
    }

    /// Writes each image of known size as `<img>` with its width and height, and its other
    /// widths when it has some, in the shape of cmark's own (a custom inline in its place,
    /// written as it is): cmark has no attribute for them. Only pictures of `content/` have a
    /// size, so every `src` is a local address.
    mutating func replaceSizedImages() {
        for image in sizedImages {
            var html = "<img src=\"\(MarkupText.escaped(image.src))\""
            if let sourceSet = image.attributes.sourceSet { html += " srcset=\"\(MarkupText.escaped(sourceSet))\"" }
            if let sizes = image.attributes.sizes { html += " sizes=\"\(MarkupText.escaped(sizes))\"" }
            html += " alt=\"\(MarkupText.escaped(image.alt))\""
            if !image.title.isEmpty { html += " title=\"\(MarkupText.escaped(image.title))\"" }
            let size = image.attributes.size
            html += " width=\"\(size.width)\" height=\"\(size.height)\" />"
            replace(image.node, with: CMARK_NODE_CUSTOM_INLINE, writing: html)
        }
        sizedImages.removeAll()
    }

    /// Puts the HTML of each table and chart block (`DataBlock`) in its place, as a custom
    /// block: cmark writes a custom block's enter text as it is, in safe mode too, and every
    /// value in it is escaped. A block with a mistake stays as code, and the mistake is reported.
    mutating func replaceDataBlocks() {
        for block in dataBlocks {
            let (html, problems) = DataBlock.render(block.kind, block.text)
            for problem in problems {
                dataBlockProblems.append(
                    DataBlockProblem(
                        position: sourceMap.position(line: block.line + problem.line, column: block.column),
                        message: problem.message, hint: problem.hint))
            }
            guard let html else { continue }
            replace(block.node, with: CMARK_NODE_CUSTOM_BLOCK, writing: html)
        }
        dataBlocks.removeAll()
    }

    /// A paragraph that holds one picture and nothing else is a photo with its caption, the
    /// usual 图为… line: its title if it has one, otherwise its description.
    private mutating func noteFigure(_ paragraph: OpaquePointer) {
        guard let image = cmark_node_first_child(paragraph), cmark_node_next(image) == nil,
            cmark_node_get_type(image) == CMARK_NODE_IMAGE, let alternative = images.last?.alternativeText
        else { return }
        let title = copy(cmark_node_get_title(image))?.trimmingWhitespace ?? ""
        let caption = title.isEmpty ? alternative : title
        guard !caption.isEmpty else { return }
        if !title.isEmpty, title != alternative { text.append(" " + title) }
        figureParagraphs.append((paragraph, image, caption))
    }

    /// Writes each photo paragraph as `<figure>` with a visible `<figcaption>`, the same way
    /// as headings get their ids.
    mutating func wrapFigures() {
        for figure in figureParagraphs {
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            guard let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else {
                cmark_node_free(block)
                continue
            }
            cmark_node_set_on_enter(block, "")
            cmark_node_set_on_exit(block, "")
            cmark_node_set_on_enter(inline, "<figure>")
            cmark_node_set_on_exit(inline, "<figcaption>\(MarkupText.escaped(figure.caption))</figcaption></figure>")
            cmark_node_append_child(block, inline)
            cmark_node_unlink(figure.image)
            cmark_node_append_child(inline, figure.image)
            if cmark_node_replace(figure.paragraph, block) != 0 {
                cmark_node_free(figure.paragraph)
            } else {
                cmark_node_append_child(figure.paragraph, figure.image)
                cmark_node_free(block)
            }
        }
        figureParagraphs.removeAll()
    }

    /// Writes each pipe table in the place of its block, each cell rendered from its paragraph.
    /// In the portal a table scrolls sideways on a phone inside a labelled region, as the
    /// tables of ```` ```table ```` blocks do, and its alignment is a class (the pages allow no
    /// inline styles); plain GitHub output writes `align`, as cmark-gfm does.
    mutating func replaceTables() {
        let portal = settings.portalAdditions
        for table in tables {
            var html = ""
            if portal {
                let label = (table.rows.first ?? []).map { $0.flatMap { cellTexts[$0] } ?? "" }.filter { !$0.isEmpty }
                    .joined(separator: "、")
                html +=
                    "<div class=\"table-wrap\" role=\"region\" aria-label=\"\(MarkupText.escaped(label.isEmpty ? "表格" : label))\" tabindex=\"0\">"
                html += "<table class=\"data-table\">\n"
            } else {
                html += "<table>\n"
            }
            for (index, row) in table.rows.enumerated() {
                let header = index == 0
                if header { html += "<thead>\n" }
                if index == 1 { html += "<tbody>\n" }
                html += "<tr>\n"
                for (column, cell) in row.enumerated() {
                    let tag = header ? "th" : "td"
                    var attributes = header && portal ? " scope=\"col\"" : ""
                    let alignment = column < table.alignments.count ? table.alignments[column] : .none
                    if alignment != .none {
                        let name = alignment == .left ? "left" : alignment == .center ? "center" : "right"
                        attributes += portal ? " class=\"align-\(name)\"" : " align=\"\(name)\""
                    }
                    html += "<\(tag)\(attributes)>\(cell.map(renderCell) ?? "")</\(tag)>\n"
                }
                html += "</tr>\n"
                if header { html += "</thead>\n" }
            }
            if table.rows.count > 1 { html += "</tbody>\n" }
            html += portal ? "</table></div>\n" : "</table>\n"
            replace(table.block, with: CMARK_NODE_CUSTOM_BLOCK, writing: html)
        }
        tables.removeAll()
    }

    /// A cell's inlines as cmark writes them: the paragraph moved into a document of its own
    /// and rendered, without the `<p>` around it.
    private func renderCell(_ paragraph: OpaquePointer) -> String {
        guard let document = cmark_node_new(CMARK_NODE_DOCUMENT) else { return "" }
        defer { cmark_node_free(document) }
        cmark_node_unlink(paragraph)
        cmark_node_append_child(document, paragraph)
        var html = Substring(CommonMarkTree.renderHTML(document, unsafe: settings.unsafe))
        if html.hasPrefix("<p>") { html = html.dropFirst(3) }
        if html.hasSuffix("</p>\n") { html = html.dropLast(5) }
        return String(html)
    }

    /// Puts a custom node of `type` that writes `html` as it is in the place of `node`, and
    /// frees `node` with what it holds.
    private func replace(_ node: OpaquePointer, with type: cmark_node_type, writing html: String) {
        guard let replacement = cmark_node_new(type) else { return }
        cmark_node_set_on_enter(replacement, html)
        cmark_node_set_on_exit(replacement, "")
        if cmark_node_replace(node, replacement) != 0 {
            cmark_node_free(node)
        } else {
            cmark_node_free(replacement)
        }
    }

    private func moveChildren(of source: OpaquePointer, to destination: OpaquePointer) {
        while let child = cmark_node_first_child(source) {
            cmark_node_unlink(child)
            cmark_node_append_child(destination, child)
        }
    }

    // MARK: Strings

    /// The node's literal, without sentinels; the node is cleaned too, so that the HTML is.
    private mutating func literal(of node: OpaquePointer) -> String {
        guard let literal = copy(cmark_node_get_literal(node)) else { return "" }
        if let cleaned = removingSentinels(literal, countingThem: true) {
            cmark_node_set_literal(node, cleaned)
            return cleaned
        }
        return literal
    }

    /// A link's or image's URL without sentinels. The node is cleaned too: cmark would
    /// percent-encode a sentinel in an `href`, where removing it from the HTML would be too late.
    private mutating func url(of node: OpaquePointer) -> String {
        guard let url = copy(cmark_node_get_url(node)) else { return "" }
        if let cleaned = removingSentinels(url) {
            cmark_node_set_url(node, cleaned)
            return cleaned
        }
        return url
    }

    private mutating func cleanTitle(of node: OpaquePointer) {
        if let title = copy(cmark_node_get_title(node)),
            let cleaned = removingSentinels(title)
        {
            cmark_node_set_title(node, cleaned)
        }
    }

    private func copy(_ string: UnsafePointer<CChar>?) -> String? {
        string.map { String(cString: $0) }
    }

    /// The string without sentinels, or nil when it holds none. `countingThem` is for literals.
    private mutating func removingSentinels(_ string: String, countingThem: Bool = false) -> String? {
        guard settings.sentinels > 0, unseenSentinels > 0 || !countingThem else { return nil }
        var string = string
        let contains = string.withUTF8 { CJKEmphasisPreparation.containsSentinel($0) }
        guard contains else { return nil }
        var cleaned = String.UnicodeScalarView()
        for scalar in string.unicodeScalars {
            if scalar == CJKEmphasisPreparation.sentinel {
                if countingThem { unseenSentinels -= 1 }
            } else {
                cleaned.append(scalar)
            }
        }
        return String(cleaned)
    }

    // MARK: Positions

    private mutating func blockPosition(of node: OpaquePointer) -> SourcePosition {
        let start = documentPosition(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
        return sourceMap.position(line: start.line, column: start.column)
    }

    /// cmark's position of a node in the tree, in the document's lines: nodes of a paragraph
    /// parsed apart (a table cell) have the lines of that parse.
    private func documentPosition(line: Int, column: Int) -> (line: Int, column: Int) {
        guard let detached else { return (line, column) }
        return detached.translate(line: line, column: column)
    }

    /// cmark's positions of inline nodes are rough. The line is right (with
    /// `CMARK_OPT_SOURCEPOS`, also after a code span that spans lines), but on a paragraph's
    /// continuation lines the column counts from where the line's text starts, plus the
    /// paragraph's own start column: right under a consistent `> ` or list indent, wrong for an
    /// indented or lazy continuation line. So the column is recomputed from where that line's
    /// text starts, and any position is trusted only when the text holds the node's first
    /// character there (`[` for a link, `!` for an image, `<` for raw HTML or an autolink).
    /// Otherwise (cmark counts no line for a backslash line break, and counts an autolink's
    /// column from the paragraph's start) the node gets the next such character from the start
    /// of cmark's line, or after the block's previous inline node if that is later, so that it
    /// is reported on its own line; the start of its paragraph or heading is the last resort.
    /// A `<` starts a link only where the link's URL follows it (an autolink), not at raw HTML.
    private mutating func inlinePosition(
        of node: OpaquePointer, startingWith expected: [UInt8], autolinkURL: String? = nil
    ) -> SourcePosition {
        let map = sourceMap
        let startsNode = { (offset: Int) in
            guard let autolinkURL, map.byte(at: offset) == UInt8(ascii: "<") else { return true }
            return map.holds(autolinkURL, at: offset + 1)
                || (autolinkURL.hasPrefix("mailto:") && map.holds(String(autolinkURL.dropFirst(7)), at: offset + 1))
        }
        var line = Int(cmark_node_get_start_line(node))
        var column = Int(cmark_node_get_start_column(node))
        var candidates: [Int] = []
        var expected = expected
        if let synthetic = syntheticPositions[node] {
            // A link found in text starts with the first character of its text.
            (line, column) = synthetic
            if let label = cmark_node_first_child(node), let first = cmark_node_get_literal(label)?.pointee {
                expected = [UInt8(bitPattern: first)]
            }
        }
        if detached != nil {
            (line, column) = documentPosition(line: line, column: column)
        } else if line != blockStart.line, let content = sourceMap.contentColumn(line: line) {
            candidates.append(column - (blockStart.column - 1) + (content - 1))
        }
        candidates.append(column)
        for candidate in candidates {
            if let byte = sourceMap.byte(line: line, column: candidate), expected.contains(byte),
                let offset = sourceMap.offset(line: line, column: candidate), offset >= inlineSearchStart,
                startsNode(offset)
            {
                inlineSearchStart = offset + 1
                return sourceMap.position(line: line, column: candidate)
            }
        }
        let searchLine = min(max(line, blockStart.line), blockEndLine)
        if let offset = sourceMap.firstOffset(
            of: expected, fromLine: searchLine, notBefore: inlineSearchStart, throughLine: blockEndLine,
            where: startsNode)
        {
            inlineSearchStart = offset + 1
            return sourceMap.position(offset: offset)
        }
        return sourceMap.position(line: blockStart.line, column: blockStart.column)
    }
}

// MARK: - GitHub's extensions

/// A pipe table built by `ExtensionPass`: a custom block that holds one paragraph per non-empty
/// cell while the tree is walked, so that links, pictures, emphasis and text in cells are seen
/// like any other; `TreeWalker.replaceTables` writes its HTML after the walk.
private struct TableNode {
    var block: OpaquePointer
    var alignments: [PipeTable.Alignment]
    /// Rows of cells, the header first; nil for an empty cell.
    var rows: [[OpaquePointer?]]
}

/// Where the lines of a text parsed apart from the document (table cells, the paragraph above
/// a table) stand in it: for each line of the separate parse, the document's line and how many
/// bytes its columns are shifted.
private struct DetachedLines {
    var lines: [Int: (line: Int, shift: Int)] = [:]

    func translate(line: Int, column: Int) -> (line: Int, column: Int) {
        guard let target = lines[line] else { return (line, column) }
        return (target.line, max(column + target.shift, 1))
    }
}

/// A mistake found while applying the extensions, at cmark's line and byte column of the text
/// it parsed.
private struct RawProblem {
    var line: Int
    var column: Int
    var severity: MarkupProblem.Severity
    var message: String
    var hint: String
    /// The byte the position must hold to be trusted (`~` for a tilde); nil trusts it as it is.
    var expectedByte: UInt8?
}

/// Applies GitHub's extensions to a parsed tree before it is walked: pipe tables, strikethrough,
/// extended autolinks, task list items and, where raw HTML is let through, the tag filter.
/// libcmark 0.30 knows none of them, so this works on what cmark made of the text: a table is a
/// paragraph whose lines are split into cells and each cell parsed again as inlines; `~` runs,
/// bare addresses and `[ ]` are found in text nodes. Each step looks at the text first and costs
/// nothing when the text cannot hold what it looks for.
private struct ExtensionPass {
    private let source: String
    /// The text's bytes, copied only for the steps that read lines (tables, tildes).
    private var text: [UInt8] = []
    let settings: CommonMarkTree.Settings
    private var lineStarts: [Int] = []

    var tables: [TableNode] = []
    /// Paragraphs parsed apart, with the index of their lines in `detachedLines`.
    var detachedParagraphs: [OpaquePointer: Int] = [:]
    var detachedLines: [DetachedLines] = []
    /// Nodes made here that cmark gave no position: links found in text.
    var positions: [OpaquePointer: (line: Int, column: Int)] = [:]
    var problems: [RawProblem] = []

    /// The sentinel put before each cell's text so that no cell can begin a block (`# x`,
    /// `- x`, `> x`, `<div>`, `[x]: y`): cmark reads it as punctuation, as it reads the start of a
    /// line, and it is taken off the cell's first text node after parsing.
    private static let cellPrefix = CJKEmphasisPreparation.sentinelUTF8

    init(text: String, settings: CommonMarkTree.Settings) {
        self.source = text
        self.settings = settings
    }

    /// The bytes and where each line starts, for the steps that read lines.
    private mutating func readLines() {
        text = Array(source.utf8)
        var starts = [0]
        for (offset, byte) in text.enumerated() {
            if byte == 0x0A {
                starts.append(offset + 1)
            } else if byte == 0x0D, offset + 1 >= text.count || text[offset + 1] != 0x0A {
                starts.append(offset + 1)
            }
        }
        lineStarts = starts
    }

    mutating func apply(to document: OpaquePointer) {
        // Which of the bytes the steps look for occur, and whether a full-width pipe `｜`
        // (EF BD 9C) does, in one pass over the text.
        // The ASCII bytes seen are bits of two words: this runs over every byte of every body.
        var seen: (low: UInt64, high: UInt64) = (0, 0)
        var fullWidthPipe = false
        var source = source
        source.withUTF8 { bytes in
            for offset in bytes.indices {
                let byte = bytes[offset]
                if byte < 0x40 {
                    seen.low |= 1 << byte
                } else if byte < 0x80 {
                    seen.high |= 1 << (byte - 0x40)
                } else if byte == 0x9C, offset >= 2, bytes[offset - 1] == 0xBD, bytes[offset - 2] == 0xEF {
                    fullWidthPipe = true
                }
            }
        }
        let has = { (character: UInt8) in
            character < 0x40 ? seen.low & (1 << character) != 0 : seen.high & (1 << (character - 0x40)) != 0
        }
        let mayHoldTable = has(UInt8(ascii: "|")) || fullWidthPipe
        if mayHoldTable || has(UInt8(ascii: "~")) { readLines() }
        if mayHoldTable {
            // A table with `===` or `---` under it is a setext heading to cmark.
            for paragraph in nodes(of: [CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING], in: document) {
                makeTable(from: paragraph)
            }
        }
        if has(UInt8(ascii: "~")) || has(UInt8(ascii: "[")) || has(UInt8(ascii: "w"))
            || has(UInt8(ascii: ":")) || has(UInt8(ascii: "@"))
        {
            // Text that cmark left in several nodes (at an unmatched `[` or `]`) is searched
            // as one run.
            cmark_consolidate_text_nodes(document)
            let containers = nodes(
                of: [
                    CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK,
                    CMARK_NODE_IMAGE,
                ],
                in: document)
            if has(UInt8(ascii: "~")) {
                for container in containers { strikethrough(in: container) }
            }
            if has(UInt8(ascii: "w")) || has(UInt8(ascii: ":")) || has(UInt8(ascii: "@")) {
                autolinks(in: document)
            }
            if has(UInt8(ascii: "[")) {
                for item in nodes(of: [CMARK_NODE_ITEM], in: document) { markTask(item) }
            }
        }
        if settings.unsafe, has(UInt8(ascii: "<")) {
            for node in nodes(of: [CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE], in: document) {
                filterTags(node)
            }
        }
    }

    private func nodes(of types: [cmark_node_type], in root: OpaquePointer) -> [OpaquePointer] {
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var found: [OpaquePointer] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            if types.contains(cmark_node_get_type(node)) { found.append(node) }
        }
        return found
    }

    // MARK: Lines

    private func line(_ number: Int) -> ArraySlice<UInt8> {
        guard number >= 1, number <= lineStarts.count else { return [] }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] : text.count
        if end > start, text[end - 1] == 0x0A { end -= 1 }
        if end > start, text[end - 1] == 0x0D { end -= 1 }
        return text[start..<end]
    }

    /// A paragraph's line as the paragraph holds it, and the 1-based byte column it starts at:
    /// the first line from the paragraph's column, the others after their indentation and
    /// block quote markers.
    private func paragraphLine(_ number: Int, first: Bool, column: Int) -> (text: ArraySlice<UInt8>, column: Int) {
        let whole = line(number)
        var start = whole.startIndex
        if first {
            start = min(whole.startIndex + column - 1, whole.endIndex)
        } else {
            while start < whole.endIndex, whole[start] == 0x20 || whole[start] == 0x09 || whole[start] == 0x3E {
                start += 1
            }
        }
        return (whole[start...], start - whole.startIndex + 1)
    }

    private func byte(line number: Int, column: Int) -> UInt8? {
        let whole = line(number)
        let offset = whole.startIndex + column - 1
        guard column >= 1, offset < whole.endIndex else { return nil }
        return whole[offset]
    }

    // MARK: Tables

    private mutating func makeTable(from paragraph: OpaquePointer) {
        let firstLine = Int(cmark_node_get_start_line(paragraph))
        var lastLine = Int(cmark_node_get_end_line(paragraph))
        let firstColumn = Int(cmark_node_get_start_column(paragraph))
        // Only a setext heading spans lines. Under a table, GitHub reads its `---` as a
        // thematic break after the table, and a `===` or a shorter `-` line as a line of the
        // table (which may start a list).
        let heading = cmark_node_get_type(paragraph) == CMARK_NODE_HEADING
        var ruleAfter = false
        if heading {
            guard lastLine > firstLine else { return }
            let underline = line(lastLine).filter { !PipeTable.isSpace($0) }
            if underline.count >= 3, underline.allSatisfy({ $0 == UInt8(ascii: "-") }) {
                ruleAfter = true
                lastLine -= 1
            }
        }
        guard lastLine >= firstLine, firstLine >= 1 else { return }
        let lines = (firstLine...lastLine).map { paragraphLine($0, first: $0 == firstLine, column: firstColumn) }
        var start: (index: Int, alignments: [PipeTable.Alignment])?
        for index in lines.indices.dropFirst() {
            if let alignments = PipeTable.delimiterRow(lines[index].text),
                PipeTable.cells(lines[index - 1].text).count == alignments.count
            {
                start = (index, alignments)
                break
            }
        }
        guard let start else {
            if !heading { reportTableLookalike(lines, firstLine: firstLine) }
            return
        }
        let columns = start.alignments.count
        let headerIndex = start.index - 1
        let tailIndex =
            lines.indices.dropFirst(start.index + 1).first { index in
                let whole = line(firstLine + index)
                let spaces = whole.prefix { $0 == 0x20 }.count
                return PipeTable.startsBlockAfterTable(lines[index].text, indent: spaces - (firstColumn - 1))
            } ?? lines.endIndex
        var rows: [(line: Int, column: Int, cells: [PipeTable.Cell])] = []
        for index in [headerIndex] + Array(lines.indices[(start.index + 1)..<tailIndex]) {
            let cells = PipeTable.cells(lines[index].text)
            let lineNumber = firstLine + index
            if cells.count > columns {
                problems.append(
                    RawProblem(
                        line: lineNumber, column: lines[index].column + cells[columns].offset, severity: .error,
                        message: "表格这一行有 \(cells.count) 个单元格，比表头的 \(columns) 列多，多出的不会显示",
                        hint: "删掉多出的单元格，或在表头和分隔行里加上这一列；单元格里的竖线要写成 \\|", expectedByte: nil))
            }
            rows.append((lineNumber, lines[index].column, Array(cells.prefix(columns))))
        }

        // The separate parse: the text above the table, then each cell, each a paragraph of its
        // own, then the whole text again so that reference links in cells find their definitions.
        var source: [UInt8] = []
        var detached = DetachedLines()
        var auxLine = 1
        var expected: [Int] = []
        if headerIndex > 0 {
            source += Self.cellPrefix
            for index in 0..<headerIndex {
                let shift = lines[index].column - 1 - (index == 0 ? Self.cellPrefix.count : 0)
                detached.lines[auxLine + index] = (firstLine + index, shift)
                source += lines[index].text
                source.append(0x0A)
            }
            source.append(0x0A)
            expected.append(auxLine)
            auxLine += headerIndex + 1
        }
        for row in rows {
            for cell in row.cells where !cell.text.isEmpty {
                detached.lines[auxLine] = (row.line, row.column - 1 + cell.offset - Self.cellPrefix.count)
                source += Self.cellPrefix
                source += Array(cell.text.utf8)
                source += [0x0A, 0x0A]
                expected.append(auxLine)
                auxLine += 2
            }
        }
        source += text
        let parsed = source.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_SOURCEPOS) }
        }
        guard let aux = parsed else { return }
        defer { cmark_node_free(aux) }
        var paragraphs: [OpaquePointer] = []
        var child = cmark_node_first_child(aux)
        for line in expected {
            guard let node = child, cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH,
                Int(cmark_node_get_start_line(node)) == line
            else { return }
            paragraphs.append(node)
            child = cmark_node_next(node)
        }
        for node in paragraphs { removePrefix(of: node) }

        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, "")
        cmark_node_set_on_exit(block, "")
        let linesIndex = detachedLines.count
        detachedLines.append(detached)
        var next = paragraphs.makeIterator()
        if headerIndex > 0, let above = next.next() {
            cmark_node_unlink(above)
            cmark_node_insert_before(paragraph, above)
            detachedParagraphs[above] = linesIndex
        }
        var table = TableNode(block: block, alignments: start.alignments, rows: [])
        for row in rows {
            var cells: [OpaquePointer?] = []
            for cell in row.cells {
                guard !cell.text.isEmpty, let node = next.next() else {
                    cells.append(nil)
                    continue
                }
                cmark_node_unlink(node)
                cmark_node_append_child(block, node)
                detachedParagraphs[node] = linesIndex
                cells.append(node)
            }
            cells += Array(repeating: nil, count: columns - cells.count)
            table.rows.append(cells)
        }
        cmark_node_insert_before(paragraph, block)
        if tailIndex < lines.endIndex {
            // Within a list item the lines keep their indentation past the item's; within a
            // block quote only their text is known.
            let tail = lines[tailIndex...].indices.map { index in
                let whole = line(firstLine + index)
                let indent = firstColumn - 1
                let text =
                    whole.prefix(indent).allSatisfy { $0 == 0x20 } && whole.count >= indent
                    ? whole.dropFirst(indent) : lines[index].text
                return (number: firstLine + index, text: text, shift: text.startIndex - whole.startIndex)
            }
            insertBlocks(of: tail, before: paragraph)
        }
        if ruleAfter, let rule = cmark_node_new(CMARK_NODE_THEMATIC_BREAK) {
            cmark_node_insert_before(paragraph, rule)
        }
        cmark_node_unlink(paragraph)
        cmark_node_free(paragraph)
        tables.append(table)
    }

    /// The lines after a table that start other blocks, parsed apart as a document of their
    /// own (then the whole text, so that reference links find their definitions) and moved in
    /// before `node`; their paragraphs and headings keep the lines and columns of the text.
    private mutating func insertBlocks(
        of lines: [(number: Int, text: ArraySlice<UInt8>, shift: Int)], before node: OpaquePointer
    ) {
        var source: [UInt8] = []
        var detached = DetachedLines()
        for (offset, line) in lines.enumerated() {
            detached.lines[offset + 1] = (line.number, line.shift)
            source += line.text
            source.append(0x0A)
        }
        // An HTML comment after a blank line ends any list or block the lines leave open.
        source += Array("\n<!-- -->\n\n".utf8) + text
        let parsed = source.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_SOURCEPOS) }
        }
        guard let aux = parsed else { return }
        defer { cmark_node_free(aux) }
        let linesIndex = detachedLines.count
        detachedLines.append(detached)
        var blocks: [OpaquePointer] = []
        var child = cmark_node_first_child(aux)
        while let block = child, Int(cmark_node_get_start_line(block)) <= lines.count {
            blocks.append(block)
            child = cmark_node_next(block)
        }
        for block in blocks {
            for inner in nodes(of: [CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING], in: block) {
                detachedParagraphs[inner] = linesIndex
            }
            cmark_node_unlink(block)
            cmark_node_insert_before(node, block)
        }
    }

    private func removePrefix(of paragraph: OpaquePointer) {
        guard let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT,
            let literal = cmark_node_get_literal(first)
        else { return }
        let bytes = Array(String(cString: literal).utf8)
        guard bytes.starts(with: Self.cellPrefix) else { return }
        if bytes.count == Self.cellPrefix.count {
            cmark_node_unlink(first)
            cmark_node_free(first)
        } else {
            cmark_node_set_literal(first, String(decoding: bytes.dropFirst(Self.cellPrefix.count), as: UTF8.self))
        }
    }

    /// A paragraph that reads as a table but is none would be published as a line of pipes.
    private mutating func reportTableLookalike(
        _ lines: [(text: ArraySlice<UInt8>, column: Int)], firstLine: Int
    ) {
        let fullWidth = lines.indices.filter { PipeTable.containsFullWidthPipe(lines[$0].text) }
        if fullWidth.count >= 2 {
            problems.append(
                RawProblem(
                    line: firstLine + fullWidth[0], column: lines[fullWidth[0]].column, severity: .error,
                    message: "这几行用全角竖线“｜”分隔，不会成为表格",
                    hint: "表格用半角竖线 | 分隔（关掉输入法的全角标点），表头下一行写 | --- | --- |", expectedByte: nil))
            return
        }
        let rowLike = lines.indices.filter { PipeTable.looksLikeRow(lines[$0].text) }
        guard rowLike.count >= 2 else { return }
        let header = rowLike[0]
        let headerCells = PipeTable.cells(lines[header].text).count
        if header + 1 < lines.count, let alignments = PipeTable.delimiterRow(lines[header + 1].text) {
            problems.append(
                RawProblem(
                    line: firstLine + header + 1, column: lines[header + 1].column, severity: .error,
                    message: "表格的分隔行有 \(alignments.count) 列，表头有 \(headerCells) 列，这几行不会成为表格",
                    hint: "分隔行的列数要和表头相同：" + Array(repeating: "| --- ", count: headerCells).joined() + "|",
                    expectedByte: nil))
        } else {
            let at = header + 1 < lines.count ? header + 1 : header
            problems.append(
                RawProblem(
                    line: firstLine + at, column: lines[at].column, severity: .error,
                    message: "这几行看起来是表格，但表头下面缺少分隔行，会被当成一段竖线文字发布",
                    hint: "在表头下一行写 " + Array(repeating: "| --- ", count: max(headerCells, 1)).joined()
                        + "|（列数与表头相同）；不是表格的话，把竖线写成 \\|",
                    expectedByte: nil))
        }
    }

    // MARK: Text nodes

    private func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// For each `~` of a text node's literal, whether the author escaped it (`\\~`). cmark
    /// merges an escaped character into the text around it, so the node's stretch of the line
    /// is read: its tildes are the literal's, in order. When they do not match (a `&#126;`),
    /// none counts as escaped.
    private func escapedTildes(of node: OpaquePointer, literalTildes: Int) -> [Bool] {
        let plain = Array(repeating: false, count: literalTildes)
        let line = Int(cmark_node_get_start_line(node))
        let start = Int(cmark_node_get_start_column(node))
        let end = Int(cmark_node_get_end_column(node))
        let whole = self.line(line)
        guard start >= 1, end >= start, whole.startIndex + end <= whole.endIndex else { return plain }
        let stretch = whole[(whole.startIndex + start - 1)..<(whole.startIndex + end)]
        var flags: [Bool] = []
        var backslashes = 0
        for byte in stretch {
            if byte == UInt8(ascii: "~") { flags.append(backslashes % 2 == 1) }
            backslashes = byte == UInt8(ascii: "\\") ? backslashes + 1 : 0
        }
        return flags.count == literalTildes ? flags : plain
    }

    // MARK: Strikethrough

    private struct TildeRun {
        var node: OpaquePointer
        var length: Int
        var canOpen: Bool
        var canClose: Bool
        var line: Int
        var column: Int
    }

    /// `~~text~~` and `~text~` become `<del>`, as in cmark-gfm: runs of one or two tildes,
    /// flanking like `*`, an opener closed by the next closer of the same length.
    private mutating func strikethrough(in container: OpaquePointer) {
        let isBlock = [CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING].contains(cmark_node_get_type(container))
        var runs: [TildeRun] = []
        var node = cmark_node_first_child(container)
        while let current = node {
            node = cmark_node_next(current)
            guard cmark_node_get_type(current) == CMARK_NODE_TEXT else { continue }
            let bytes = Array(literal(current).utf8)
            guard bytes.contains(UInt8(ascii: "~")) else { continue }
            runs += splitTildeRuns(current, bytes: bytes, isBlock: isBlock)
        }
        guard runs.count >= 2 else { return }
        var openers: [TildeRun] = []
        for run in runs {
            if run.canClose, let index = openers.indices.last {
                let opener = openers[index]
                if opener.length == run.length {
                    wrap(from: opener, to: run)
                    openers.removeSubrange(index...)
                    continue
                }
            }
            if run.canOpen { openers.append(run) }
        }
    }

    private mutating func wrap(from opener: TildeRun, to closer: TildeRun) {
        guard let del = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        cmark_node_set_on_enter(del, "<del>")
        cmark_node_set_on_exit(del, "</del>")
        cmark_node_insert_before(opener.node, del)
        var node = cmark_node_next(opener.node)
        while let current = node, current != closer.node {
            node = cmark_node_next(current)
            cmark_node_unlink(current)
            cmark_node_append_child(del, current)
        }
        for run in [opener, closer] {
            cmark_node_unlink(run.node)
            cmark_node_free(run.node)
        }
        if opener.length == 1, settings.portalAdditions {
            problems.append(
                RawProblem(
                    line: opener.line, column: opener.column, severity: .warning,
                    message: "两个单个波浪号“~”之间的文字会显示成删除线",
                    hint: "数值范围用全角波浪线“～”（3～5 年）；要原样显示 ~ 就写成 \\~；删除线写成 ~~文字~~",
                    expectedByte: UInt8(ascii: "~")))
        }
    }

    /// Splits a text node so that each run of one or two tildes is a node of its own, and tells
    /// how each can pair. Longer runs stay text.
    private func splitTildeRuns(_ node: OpaquePointer, bytes: [UInt8], isBlock: Bool) -> [TildeRun] {
        let line = Int(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        let tildeOffsets = bytes.indices.filter { bytes[$0] == UInt8(ascii: "~") }
        let escapedOffsets = Set(
            zip(tildeOffsets, escapedTildes(of: node, literalTildes: tildeOffsets.count)).filter(\.1).map(\.0))
        var pieces: [(range: Range<Int>, isRun: Bool)] = []
        var index = 0
        var pieceStart = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "~"), !escapedOffsets.contains(index) else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, bytes[end] == UInt8(ascii: "~"), !escapedOffsets.contains(end) { end += 1 }
            if end - index <= 2 {
                if pieceStart < index { pieces.append((pieceStart..<index, false)) }
                pieces.append((index..<end, true))
                pieceStart = end
            }
            index = end
        }
        guard pieces.contains(where: \.isRun) else { return [] }
        if pieceStart < bytes.count { pieces.append((pieceStart..<bytes.count, false)) }

        let before = neighbourKind(of: node, after: false, isBlock: isBlock)
        let after = neighbourKind(of: node, after: true, isBlock: isBlock)
        var runs: [TildeRun] = []
        var last = node
        for (position, piece) in pieces.enumerated() {
            let target: OpaquePointer
            if position == 0 {
                target = node
                cmark_node_set_literal(node, String(decoding: bytes[piece.range], as: UTF8.self))
            } else {
                guard let created = cmark_node_new(CMARK_NODE_TEXT) else { continue }
                cmark_node_set_literal(created, String(decoding: bytes[piece.range], as: UTF8.self))
                cmark_node_insert_after(last, created)
                target = created
            }
            last = target
            guard piece.isRun else { continue }
            let previous = Self.kind(endingBefore: piece.range.lowerBound, in: bytes) ?? before
            let next = Self.kind(startingAt: piece.range.upperBound, in: bytes) ?? after
            let left = next != .whitespace && (next != .punctuation || previous != .other)
            let right = previous != .whitespace && (previous != .punctuation || next != .other)
            runs.append(
                TildeRun(
                    node: target, length: piece.range.count, canOpen: left, canClose: right, line: line,
                    column: column + piece.range.lowerBound))
        }
        return runs
    }

    /// How the node's neighbour reads to the flanking rules: the start and end of a paragraph
    /// and line breaks as white space, the markers of other inlines as punctuation.
    private func neighbourKind(of node: OpaquePointer, after: Bool, isBlock: Bool) -> CommonMarkCharacter.Kind {
        guard let neighbour = after ? cmark_node_next(node) : cmark_node_previous(node) else {
            return isBlock ? .whitespace : .punctuation
        }
        switch cmark_node_get_type(neighbour) {
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            return .whitespace
        case CMARK_NODE_TEXT:
            let bytes = Array(literal(neighbour).utf8)
            return (after ? Self.kind(startingAt: 0, in: bytes) : Self.kind(endingBefore: bytes.count, in: bytes))
                ?? .punctuation
        default:
            return .punctuation
        }
    }

    /// The class of the character at `offset`, passing over sentinels; nil at the end.
    private static func kind(startingAt offset: Int, in bytes: [UInt8]) -> CommonMarkCharacter.Kind? {
        var scalars = String(decoding: bytes[min(offset, bytes.count)...], as: UTF8.self).unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar != CJKEmphasisPreparation.sentinel { return CommonMarkCharacter.kind(of: scalar) }
        }
        return nil
    }

    private static func kind(endingBefore offset: Int, in bytes: [UInt8]) -> CommonMarkCharacter.Kind? {
        for scalar in String(decoding: bytes[..<max(offset, 0)], as: UTF8.self).unicodeScalars.reversed()
        where scalar != CJKEmphasisPreparation.sentinel {
            return CommonMarkCharacter.kind(of: scalar)
        }
        return nil
    }

    // MARK: Autolinks

    private mutating func autolinks(in document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        var texts: [OpaquePointer] = []
        var insideLink = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                insideLink += event == CMARK_EVENT_ENTER ? 1 : -1
            } else if type == CMARK_NODE_TEXT, insideLink == 0 {
                texts.append(node)
            }
        }
        cmark_iter_free(iterator)
        for node in texts { link(node) }
    }

    private mutating func link(_ node: OpaquePointer) {
        var bytes = Array(literal(node).utf8)
        guard bytes.contains(where: { $0 == UInt8(ascii: "w") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "@") })
        else { return }
        // Sentinels of the emphasis fix are not the author's: an address is found as if they
        // were not there, and columns count them back in.
        var sentinelsBefore: [Int] = []
        if settings.sentinels > 0 {
            var stripped: [UInt8] = []
            var index = 0
            var removed = 0
            while index < bytes.count {
                if bytes[index...].starts(with: CJKEmphasisPreparation.sentinelUTF8) {
                    removed += 1
                    index += CJKEmphasisPreparation.sentinelUTF8.count
                    continue
                }
                stripped.append(bytes[index])
                sentinelsBefore.append(removed)
                index += 1
            }
            sentinelsBefore.append(removed)
            bytes = stripped
        }
        let matches = ExtendedAutolink.matches(in: bytes, boundaryBefore: boundaryBefore(node))
        guard !matches.isEmpty else { return }
        let line = Int(cmark_node_get_start_line(node))
        let startColumn = Int(cmark_node_get_start_column(node))
        let width = CJKEmphasisPreparation.sentinelUTF8.count
        func column(at offset: Int) -> Int {
            startColumn + offset + (sentinelsBefore.isEmpty ? 0 : sentinelsBefore[offset] * width)
        }
        var last = node
        var copied = 0
        cmark_node_set_literal(node, String(decoding: bytes[..<matches[0].range.lowerBound], as: UTF8.self))
        for match in matches {
            if copied > 0, copied < match.range.lowerBound, let between = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(between, String(decoding: bytes[copied..<match.range.lowerBound], as: UTF8.self))
                cmark_node_insert_after(last, between)
                last = between
            }
            guard let link = cmark_node_new(CMARK_NODE_LINK), let label = cmark_node_new(CMARK_NODE_TEXT) else { return }
            cmark_node_set_url(link, match.url)
            cmark_node_set_literal(label, String(decoding: bytes[match.range], as: UTF8.self))
            cmark_node_append_child(link, label)
            cmark_node_insert_after(last, link)
            positions[link] = (line, column(at: match.range.lowerBound))
            last = link
            copied = match.range.upperBound
        }
        if copied < bytes.count, let rest = cmark_node_new(CMARK_NODE_TEXT) {
            cmark_node_set_literal(rest, String(decoding: bytes[copied...], as: UTF8.self))
            cmark_node_insert_after(last, rest)
        }
        if matches[0].range.lowerBound == 0 {
            cmark_node_unlink(node)
            cmark_node_free(node)
        } else if copied == 0 {
            cmark_node_set_literal(node, String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Whether `www.` may start a link at the start of the node: after the start of a block, a
    /// line break, `*`, `_`, `~` or `(`, as the character before it in the text.
    private func boundaryBefore(_ node: OpaquePointer) -> Bool {
        guard let previous = cmark_node_previous(node) else { return true }
        switch cmark_node_get_type(previous) {
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            return true
        case CMARK_NODE_TEXT:
            guard let last = literal(previous).utf8.last else { return true }
            return "*_~( \t".utf8.contains(last)
        case CMARK_NODE_CUSTOM_INLINE:
            return true
        default:
            return false
        }
    }

    // MARK: Task lists

    /// `- [ ] 待办` and `- [x] 已办` start with a checkbox that cannot be changed.
    private func markTask(_ item: OpaquePointer) {
        guard let paragraph = cmark_node_first_child(item), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
            cmark_node_get_start_line(paragraph) == cmark_node_get_start_line(item),
            let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT
        else { return }
        let bytes = Array(literal(first).utf8)
        guard bytes.count >= 4, bytes[0] == UInt8(ascii: "["), bytes[2] == UInt8(ascii: "]"),
            bytes[3] == 0x20 || bytes[3] == 0x09
        else { return }
        let checked: Bool
        switch bytes[1] {
        case 0x20: checked = false
        case UInt8(ascii: "x"), UInt8(ascii: "X"): checked = true
        default: return
        }
        guard let box = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        cmark_node_set_on_enter(
            box, checked ? "<input checked=\"\" disabled=\"\" type=\"checkbox\">" : "<input disabled=\"\" type=\"checkbox\">")
        cmark_node_set_on_exit(box, "")
        cmark_node_set_literal(first, String(decoding: bytes.dropFirst(3), as: UTF8.self))
        cmark_node_insert_before(first, box)
    }

    // MARK: Tag filter

    /// Where raw HTML is let through, GitHub still writes these tags as text, so that no pasted
    /// `<script>` or `<title>` changes the page.
    private func filterTags(_ node: OpaquePointer) {
        let html = literal(node)
        let filtered = TagFilter.filtered(html)
        if filtered != html { cmark_node_set_literal(node, filtered) }
    }
}
