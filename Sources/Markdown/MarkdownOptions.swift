/// How the renderer treats a text. The portal renders with `.portal`; `.commonMark` is plain
/// cmark output, used to run the CommonMark spec suite.
public struct MarkdownOptions: Sendable, Hashable {
    /// Lets raw HTML through (`CMARK_OPT_UNSAFE`). Never set for portal pages.
    public var unsafe: Bool
    /// Heading anchors (`<h2 id="…">`) and link rewriting.
    public var portalAdditions: Bool
    /// Pairs `*`/`**` runs that touch Chinese punctuation, which CommonMark leaves literal.
    public var cjkEmphasis: Bool
    /// GitHub's extensions (GFM): pipe tables, `~~strikethrough~~`, bare `www.` and `https://`
    /// addresses and e-mail addresses as links, `- [ ]` task lists, and the tag filter.
    public var gitHubExtensions: Bool

    public init(unsafe: Bool = false, portalAdditions: Bool = true, cjkEmphasis: Bool = true, gitHubExtensions: Bool = true) {
        self.unsafe = unsafe
        self.portalAdditions = portalAdditions
        self.cjkEmphasis = cjkEmphasis
        self.gitHubExtensions = gitHubExtensions
    }

    public static let portal = MarkdownOptions()
    public static let commonMark = MarkdownOptions(portalAdditions: false, cjkEmphasis: false, gitHubExtensions: false)
    /// cmark's output with GitHub's extensions, as cmark-gfm writes it: for the GFM spec suite.
    public static let gitHub = MarkdownOptions(portalAdditions: false, cjkEmphasis: false, gitHubExtensions: true)
}
