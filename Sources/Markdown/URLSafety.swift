/// The URLs cmark's safe mode writes as an empty `href`/`src`, so that `Link.renderedDestination`
/// tells what the HTML really holds. Mirrors `_scan_dangerous_url` of cmark 0.30.2: the schemes
/// `javascript:`, `vbscript:`, `file:` and `data:` in any letter case, except images as
/// `data:image/png`, `gif`, `jpeg` or `webp`.
enum URLSafety {
    static func isDangerous(_ url: String) -> Bool {
        let bytes = Array(url.utf8.prefix(16)).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        func starts(with prefix: String) -> Bool { bytes.starts(with: prefix.utf8) }
        for image in ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"] where starts(with: image) {
            return false
        }
        return starts(with: "javascript:") || starts(with: "vbscript:") || starts(with: "file:") || starts(with: "data:")
    }
}
