import Core
import Model

/// Follows the links of the rendered pages: every link within the portal must lead to a file
/// the build writes, and every page must be reachable from the home page by following links.
/// A template that drops a list or misspells a path shows here, before readers find it.
///
/// Every output file is known by number before the first page is rendered, so each page's
/// links are checked while it is written and kept only as numbers.
struct LinkGraph: Sendable {
    /// The links of one page: the files they lead to, by number, and those that lead nowhere.
    struct PageLinks: Sendable, Hashable {
        var targets: [Int32] = []
        var broken: [String] = []
    }

    /// Every output file by path, numbered in the order of `paths`.
    let numbers: [String: Int32]
    let paths: [String]

    init(paths: [String]) {
        self.paths = paths
        var numbers: [String: Int32] = [:]
        numbers.reserveCapacity(paths.count)
        for (number, path) in paths.enumerated() { numbers[path] = Int32(number) }
        self.numbers = numbers
    }

    /// The links of the page at `path`, each distinct `href` looked at once.
    func links(in bytes: [UInt8], from path: String) -> PageLinks {
        var seen: Set<String> = []
        var links = PageLinks()
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        let upToRoot = String(repeating: "../", count: folder.count)
        for href in Self.hrefs(in: bytes) where seen.insert(href).inserted {
            guard let target = Self.fromRoot(href, upToRoot: upToRoot) ?? Self.resolve(href, in: folder) else { continue }
            if let number = numbers[target] {
                links.targets.append(number)
            } else {
                links.broken.append(href)
            }
        }
        return links
    }

    /// Where a broken link comes from.
    enum BrokenLinkPlace {
        /// Written in the page's file, there.
        case written(SourceLocation)
        /// Not in the page's file: the template writes it.
        case template
        /// Already reported by the content's own checks at that place.
        case reported
    }

    /// A broken-link error for each broken link, and a warning for each page no chain of links
    /// from the home page reaches (but those meant to be reached only by address). A broken link
    /// written in the page's file (as `locate` finds it) is reported at its place.
    func diagnostics(
        pages: [(path: Int32, links: PageLinks, source: SourceLocation?)], fallback: SourceLocation, unlisted: Set<String>,
        locate: (_ href: String, _ source: SourceLocation) -> BrokenLinkPlace = { _, _ in .template }
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var targets = [[Int32]](repeating: [], count: paths.count)
        for page in pages {
            let path = paths[Int(page.path)]
            for href in page.links.broken {
                switch page.source.map({ locate(href, $0) }) ?? .template {
                case .written(let place):
                    diagnostics.append(
                        .error(
                            at: place, "链接 \(href) 指向不存在的页面或文件",
                            hint: "链接到本站其他页面时写它的 .md 文件相对于本文件的路径，如 ../cases/example.md"))
                case .template:
                    diagnostics.append(
                        .error(
                            at: page.source ?? fallback, "页面 \(path) 中的链接 \(href) 指向不存在的文件",
                            hint: "检查模板或正文中的这个链接"))
                case .reported:
                    continue
                }
            }
            targets[Int(page.path)] = page.links.targets
        }
        guard let home = numbers["index.html"] else { return diagnostics }
        var reached = [Bool](repeating: false, count: paths.count)
        reached[Int(home)] = true
        var pending = [home]
        while let page = pending.popLast() {
            for target in targets[Int(page)] where !reached[Int(target)] {
                reached[Int(target)] = true
                pending.append(target)
            }
        }
        for page in pages.sorted(by: { paths[Int($0.path)] < paths[Int($1.path)] }) {
            let path = paths[Int(page.path)]
            guard !reached[Int(page.path)], !unlisted.contains(path), !path.hasPrefix(Routes.wechat.urlPath)
            else { continue }
            diagnostics.append(
                .warning(
                    at: page.source ?? fallback, "没有任何页面链接到 \(path)",
                    hint: "读者只能通过输入网址找到它；检查模板中的导航和列表"))
        }
        return diagnostics
    }

    /// The values of `href="…"` attributes, and of `action="…"` (a form leads to its page as a
    /// link does), entities for `&` undone.
    static func hrefs(in bytes: [UInt8]) -> [String] {
        var result: [String] = []
        bytes.withUnsafeBufferPointer { bytes in
            let count = bytes.count
            func matches(_ name: StaticString, at index: Int) -> Bool {
                let length = name.utf8CodeUnitCount
                guard index + length < count else { return false }
                for offset in 0..<length where bytes[index + offset] != name.utf8Start[offset] { return false }
                return true
            }
            var index = 1
            while index + 6 < count {
                let byte = bytes[index]
                guard byte == UInt8(ascii: "h") || byte == UInt8(ascii: "a"), bytes[index - 1] == UInt8(ascii: " ") else {
                    index += 1
                    continue
                }
                let start: Int
                if byte == UInt8(ascii: "h"), matches("href=\"", at: index) {
                    start = index + 6
                } else if byte == UInt8(ascii: "a"), matches("action=\"", at: index) {
                    start = index + 8
                } else {
                    index += 1
                    continue
                }
                var end = start
                var hasEntity = false
                while end < count, bytes[end] != UInt8(ascii: "\"") {
                    if bytes[end] == UInt8(ascii: "&") { hasEntity = true }
                    end += 1
                }
                let href = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                result.append(hasEntity ? href.replacingOccurrences(of: "&amp;", with: "&") : href)
                index = end
            }
        }
        return result
    }

    /// The quick way for the links templates make: `upToRoot` (as many `../` as the page is
    /// deep) followed by a plain path. Nil for anything else, which `resolve` looks at.
    static func fromRoot(_ href: String, upToRoot: String) -> String? {
        guard !href.isEmpty, href.hasPrefix(upToRoot) else { return nil }
        let rest = href.utf8.dropFirst(upToRoot.utf8.count)
        var previous = UInt8(ascii: "/")
        for byte in rest {
            switch byte {
            case UInt8(ascii: "%"), UInt8(ascii: "#"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "&"): return nil
            case UInt8(ascii: ".") where previous == UInt8(ascii: "/"): return nil
            case UInt8(ascii: "/") where previous == UInt8(ascii: "/"): return nil
            default: previous = byte
            }
        }
        let path = String(decoding: rest, as: UTF8.self)
        return path.isEmpty || previous == UInt8(ascii: "/") ? path + "index.html" : path
    }

    /// The output file a relative link leads to from a page in `folder` (the page path's
    /// segments but the last), or nil for links that leave the portal (other hosts, mail) or
    /// stay on the page.
    static func resolve(_ href: String, in folder: [String]) -> String? {
        guard let first = href.utf8.first, first != UInt8(ascii: "#"), first != UInt8(ascii: "/"),
            !href.utf8.contains(UInt8(ascii: ":"))
        else { return nil }
        var target = Substring(href)
        if let end = target.utf8.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) {
            target = target[..<end]
        }
        var segments = folder
        for part in target.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "", ".": continue
            case "..":
                guard !segments.isEmpty else { return "../" }
                segments.removeLast()
            default:
                segments.append(
                    part.utf8.contains(UInt8(ascii: "%")) ? URLEncoding.percentDecoded(String(part)) : String(part))
            }
        }
        if target.hasSuffix("/") || target.isEmpty || target == "." || target.hasSuffix("/.") || target == ".."
            || target.hasSuffix("/..")
        {
            segments.append("index.html")
        }
        return segments.joined(separator: "/")
    }
}
