import Core

/// Follows the links of the rendered pages: every link within the portal must lead to a file
/// the build writes, and every page must be reachable from the home page by following links.
/// A template that drops a list or misspells a path shows here, before readers find it.
struct LinkGraph {
    /// Output files by path, with the place each page was made from, if any.
    let files: [String: [UInt8]]
    let sources: [String: SourceLocation]
    /// Where problems of pages that have no source file of their own are reported.
    let fallback: SourceLocation
    /// Pages that are meant to be reached only by address: the 404 page, the staff register.
    let unlisted: Set<String>

    func diagnostics() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var links: [String: [String]] = [:]
        for (path, bytes) in files where path.hasSuffix(".html") {
            var targets: [String] = []
            for href in Self.hrefs(in: bytes) {
                guard let target = Self.resolve(href, from: path) else { continue }
                if files[target] == nil {
                    diagnostics.append(
                        .error(
                            at: sources[path] ?? fallback, "页面 \(path) 中的链接 \(href) 指向不存在的文件",
                            hint: "检查模板或正文中的这个链接"))
                } else {
                    targets.append(target)
                }
            }
            links[path] = targets
        }
        var reached: Set<String> = ["index.html"]
        var pending = ["index.html"]
        while let page = pending.popLast() {
            for target in links[page] ?? [] where reached.insert(target).inserted {
                pending.append(target)
            }
        }
        for path in links.keys.sorted() where !reached.contains(path) && !unlisted.contains(path) {
            diagnostics.append(
                .warning(
                    at: sources[path] ?? fallback, "没有任何页面链接到 \(path)",
                    hint: "读者只能通过输入网址找到它；检查模板中的导航和列表"))
        }
        return diagnostics
    }

    /// The values of `href="…"` attributes, entities for `&` undone.
    static func hrefs(in bytes: [UInt8]) -> [String] {
        let marker = Array(" href=\"".utf8)
        var result: [String] = []
        var index = 0
        let count = bytes.count
        while index + marker.count < count {
            if bytes[index] == marker[0], bytes[index + 1] == marker[1], Array(bytes[index..<index + marker.count]) == marker {
                let start = index + marker.count
                var end = start
                while end < count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                result.append(String(decoding: bytes[start..<end], as: UTF8.self).replacingOccurrences(of: "&amp;", with: "&"))
                index = end
            } else {
                index += 1
            }
        }
        return result
    }

    /// The output file a relative link leads to from the page at `path`, or nil for links that
    /// leave the portal (other hosts, mail) or stay on the page.
    static func resolve(_ href: String, from path: String) -> String? {
        if href.isEmpty || href.hasPrefix("#") || href.hasPrefix("/") || href.contains(":") { return nil }
        var target = href
        if let end = target.firstIndex(where: { $0 == "#" || $0 == "?" }) { target = String(target[..<end]) }
        var segments = path.split(separator: "/").map(String.init)
        segments.removeLast()
        for part in target.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "", ".": continue
            case "..":
                guard !segments.isEmpty else { return "../" }
                segments.removeLast()
            default: segments.append(URLEncoding.percentDecoded(String(part)))
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
