import Core
import Foundation
import Markdown
import Model

/// Resolves links between Markdown files (`../cases/a.md#做法`) to the pages they become.
/// Authors link to files, as they see them in their editor; the portal publishes folders.
struct LinkResolver: Sendable {
    struct Target: Sendable, Hashable {
        var kind: PageKind
        /// The file, relative to `content/`.
        var relativePath: String
        var slug: String
        var path: SitePath
        var status: PublicationStatus
        var title: String

        var isPublished: Bool { status == .published }
    }

    enum Resolution: Equatable {
        /// Not a link to a Markdown file of the portal: a web address, an anchor, a picture.
        case notALocalPage
        case page(Target, fragment: String?)
        /// The content-relative path the link points to, which holds no page.
        case missing(String)
        /// A file that exists but could not be read; its own error says why.
        case unreadable
        /// An attachment of `content/` (a PDF, a Word file, a picture), by its content-relative
        /// path: published beside the pictures.
        case file(String)
        /// A relative path to an attachment that is not in `content/`.
        case missingFile(String)
    }

    /// File endings taken for attachments: a relative link with one of them must lead to a
    /// file of `content/`.
    static let attachmentExtensions: Set<String> = [
        "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "wps", "et", "dps", "ofd", "txt", "csv", "zip", "rar", "7z",
        "jpg", "jpeg", "png", "gif", "webp", "svg", "mp3", "mp4",
    ]

    /// Content-relative file paths (`cases/a.md`) to their pages.
    let targets: [String: Target]
    /// Files that exist but whose front matter has errors.
    let unreadable: Set<String>
    /// Content-relative paths of the files that are not pages: pictures and attachments.
    let files: Set<String>
    /// Each of `files` with the names it is published under.
    var media: [String: MediaFile] = [:]

    enum ImageResolution: Equatable {
        /// A file of `content/`, by its content-relative path.
        case file(String)
        /// A relative path that names no file of `content/`.
        case missing(String)
        /// An address on another host, or a scheme such as `data:`.
        case elsewhere
        /// A path from the web server's root, which the build cannot check.
        case rootPath
    }

    func resolveImage(_ source: String, from sourcePath: String) -> ImageResolution {
        if source.hasPrefix("//") || Self.hasScheme(source) { return .elsewhere }
        if source.hasPrefix("/") { return .rootPath }
        var path = source
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<end]) }
        path = URLEncoding.percentDecoded(path)
        guard let resolved = Self.join(folderOf: sourcePath, path), files.contains(resolved) else {
            return .missing(path)
        }
        return .file(resolved)
    }

    /// How wide a picture in a page's text is shown: the text column (`--measure` in the
    /// stylesheet) or the whole screen when it is narrower.
    static let shownWidths = "(max-width: 42em) 100vw, 42em"

    /// The width and height of the picture an image's source names, when known, and the other
    /// widths it comes in, as hrefs from the page at `origin`.
    func imageAttributes(of source: String, from sourcePath: String, origin: SitePath) -> ImageAttributes? {
        guard case .file(let path) = resolveImage(source, from: sourcePath), let file = media[path],
            let size = file.shown.size
        else { return nil }
        let renditions = file.renditions
        guard renditions.count > 1 else { return ImageAttributes(size: size) }
        let candidates = renditions.compactMap { rendition in
            rendition.width.map { "\(rendition.path.href(from: origin)) \($0)w" }
        }
        return ImageAttributes(size: size, sourceSet: candidates.joined(separator: ", "), sizes: Self.shownWidths)
    }

    /// The src an image gets in the page at `origin`, or nil to leave it as written.
    func rewriteImage(_ source: String, from sourcePath: String, origin: SitePath) -> String? {
        guard case .file(let resolved) = resolveImage(source, from: sourcePath), let file = media[resolved] else {
            return nil
        }
        return file.shown.path.href(from: origin)
    }

    func resolve(_ destination: String, from sourcePath: String) -> Resolution {
        guard !destination.isEmpty, !destination.hasPrefix("#"), !destination.hasPrefix("/"),
            !Self.hasScheme(destination)
        else { return .notALocalPage }
        var path = destination
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        path = URLEncoding.percentDecoded(path)
        guard path.hasSuffix(".md") else {
            if let resolved = Self.join(folderOf: sourcePath, path), files.contains(resolved) { return .file(resolved) }
            let ending = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
            return path.contains(".") && Self.attachmentExtensions.contains(ending) ? .missingFile(path) : .notALocalPage
        }
        guard let resolved = Self.join(folderOf: sourcePath, path) else { return .missing(path) }
        guard let target = targets[resolved] else {
            return unreadable.contains(resolved) ? .unreadable : .missing(resolved)
        }
        return .page(target, fragment: fragment.map(URLEncoding.percentDecoded))
    }

    /// The href a link gets in the page at `origin`, or nil to leave it as written.
    func rewrite(_ destination: String, from sourcePath: String, origin: SitePath) -> String? {
        let resolution = resolve(destination, from: sourcePath)
        if case .file(let path) = resolution { return media[path]?.linked.path.href(from: origin) }
        guard case .page(let target, let fragment) = resolution else { return nil }
        let href = target.path.href(from: origin)
        let base = href.isEmpty ? "./" : href
        guard let fragment, !fragment.isEmpty else { return base }
        return base + "#" + fragment
    }

    private static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon]
        guard let first = scheme.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return scheme.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == ".")
        }
    }

    /// `cases/a.md` joined with `../courses/b.md` is `courses/b.md`; nil when the path climbs
    /// out of `content/`.
    static func join(folderOf sourcePath: String, _ relative: String) -> String? {
        var parts = pathParts(sourcePath)
        // An empty source path (found by fuzzing) is a file in `content/` itself.
        if !parts.isEmpty { parts.removeLast() }
        for part in pathParts(relative) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// How a file at `sourcePath` links to `targetPath`, both relative to `content/`:
    /// `b.md` in the same folder, `../cases/b.md` from another.
    static func relativeLink(from sourcePath: String, to targetPath: String) -> String {
        var source = pathParts(sourcePath).dropLast()
        var target = pathParts(targetPath)[...]
        while let first = source.first, first == target.first {
            source.removeFirst()
            target.removeFirst()
        }
        return (Array(repeating: "..", count: source.count) + target).joined(separator: "/")
    }

    /// The non-empty `/`-separated parts of a path, split on the Unicode scalar: a `/` followed
    /// by a combining mark is a single Character, which splitting on characters misses (found
    /// by fuzzing).
    private static func pathParts(_ path: String) -> [String] {
        path.unicodeScalars.split(separator: "/").map { String(String.UnicodeScalarView($0)) }
    }

}
