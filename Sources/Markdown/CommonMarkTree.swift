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
        /// Heading ids and link rewriting.
        var portalAdditions: Bool
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

        var walker = TreeWalker(settings: settings, sourceMap: sourceMap)
        walker.walk(document, rewriteLink: rewriteLink, rewriteImage: rewriteImage, imageAttributes: imageAttributes)
        if settings.portalAdditions {
            walker.replaceHeadingsWithAnchoredHeadings()
            walker.replaceSizedImages()
            walker.replaceDataBlocks()
        }
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
        return rendered
    }

    private static func renderHTML(_ document: OpaquePointer, unsafe: Bool) -> String {
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

    init(settings: CommonMarkTree.Settings, sourceMap: SourceMap) {
        self.settings = settings
        self.sourceMap = sourceMap
        self.unseenSentinels = settings.sentinels
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
            blockStart = (Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node)))
            blockEndLine = Int(cmark_node_get_end_line(node))
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
            if firstParagraph == nil { firstParagraph = text.text(since: blockTextMark) }
            if firstTopLevelParagraph == nil,
                let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_DOCUMENT
            {
                firstTopLevelParagraph = text.text(since: blockTextMark)
            }
            text.endBlock()
        case CMARK_NODE_HEADING:
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
        sourceMap.position(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
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
        let line = Int(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        var candidates: [Int] = []
        if line != blockStart.line, let content = sourceMap.contentColumn(line: line) {
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
