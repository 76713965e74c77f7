/// How the renderer treats a text. The portal renders with `.portal`; `.commonMark` is plain
/// cmark output, used to run the CommonMark spec suite.
public struct MarkdownOptions: Sendable, Hashable {
    /// Lets raw HTML through (`CMARK_OPT_UNSAFE`). Never set for portal pages.
    public var unsafe: Bool
    /// Heading anchors (`<h2 id="…">`) and link rewriting.
    public var portalAdditions: Bool
    /// Pairs `*`/`**` runs that touch Chinese punctuation, which CommonMark leaves literal.
    public var cjkEmphasis: Bool

    public init(unsafe: Bool = false, portalAdditions: Bool = true, cjkEmphasis: Bool = true) {
        self.unsafe = unsafe
        self.portalAdditions = portalAdditions
        self.cjkEmphasis = cjkEmphasis
    }

    public static let portal = MarkdownOptions()
    public static let commonMark = MarkdownOptions(portalAdditions: false, cjkEmphasis: false)
}
