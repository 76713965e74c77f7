import Core

/// Renders the portal's Markdown (CommonMark, through libcmark) to an HTML fragment, and reports
/// what the rest of the build needs to know about the text: headings with their anchors, plain
/// text, links, images and dropped raw HTML.
///
/// A renderer holds only its options; every call parses into a tree of its own, so one renderer
/// can be used from many tasks at once and gives the same bytes whatever the thread count.
public struct MarkdownRenderer: Sendable {
    public let options: MarkdownOptions

    public init(options: MarkdownOptions = .portal) {
        self.options = options
    }

    /// `rewriteLink` is called for each link destination (not images) in document order, with
    /// the destination as cmark read it (entities and backslash escapes resolved, reference
    /// links resolved); returning a string replaces the destination in the HTML, nil keeps it.
    /// It is only called when `options.portalAdditions` is on. `rewriteImage` does the same for
    /// the source of each image that becomes an `<img>`.
    /// `imageAttributes` gives the width and height of the picture an image's source names, and
    /// the other widths it comes in, written on its `<img>`.
    public func render(
        _ markdown: String, rewriteLink: (String) -> String? = { _ in nil },
        rewriteImage: (String) -> String? = { _ in nil },
        imageAttributes: (String) -> ImageAttributes? = { _ in nil }
    ) -> MarkdownDocument {
        let prepared =
            options.cjkEmphasis
            ? CJKEmphasisPreparation(preparing: markdown) : CJKEmphasisPreparation(unchanged: markdown)
        let settings = CommonMarkTree.Settings(
            unsafe: options.unsafe,
            portalAdditions: options.portalAdditions,
            gitHubExtensions: options.gitHubExtensions,
            sentinels: prepared.insertions.count
        )
        let sourceMap = SourceMap(original: markdown, insertions: prepared.insertions)
        return CommonMarkTree.render(
            prepared.text, settings: settings, sourceMap: sourceMap, rewriteLink: rewriteLink, rewriteImage: rewriteImage,
            imageAttributes: imageAttributes)
    }
}
