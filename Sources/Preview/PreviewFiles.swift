import Foundation

/// How the preview answers a request for a path of the site, the way nginx does with the
/// production configuration (`deploy/portal-site.conf`): a folder serves its `index.html`, a
/// folder named without its slash is redirected to it, and anything else missing gets the
/// site's not-found page.
public enum PreviewFiles {
    public enum Answer: Equatable, Sendable {
        /// The file to send, by its path relative to the site.
        case file(String)
        /// A redirect to this path.
        case redirect(String)
        /// No such file: send `404.html` with status 404.
        case notFound
    }

    /// The answer for `path`, an already decoded request path starting with `/`.
    public static func answer(for path: String, in root: URL) -> Answer {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard path.hasPrefix("/"),
            segments.allSatisfy({ $0 != ".." && $0 != "." && !$0.contains("\0") && !$0.hasPrefix(".") })
        else { return .notFound }
        let relative = segments.joined(separator: "/")
        let full = relative.isEmpty ? root.path : root.path + "/" + relative
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder) else { return .notFound }
        if isFolder.boolValue {
            guard FileManager.default.fileExists(atPath: full + "/index.html") else { return .notFound }
            if !path.hasSuffix("/") { return .redirect(path + "/") }
            return .file(relative.isEmpty ? "index.html" : relative + "/index.html")
        }
        return .file(relative)
    }

    /// The Content-Type of a file of the site, by its ending.
    public static func contentType(of path: String) -> String {
        let ending = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return types[ending] ?? "application/octet-stream"
    }

    private static let types = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json", "xml": "application/xml; charset=utf-8", "txt": "text/plain; charset=utf-8",
        "csv": "text/csv; charset=utf-8", "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg",
        "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp", "ico": "image/x-icon", "pdf": "application/pdf",
        "woff2": "font/woff2", "zip": "application/zip",
        "doc": "application/msword",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls": "application/vnd.ms-excel", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt": "application/vnd.ms-powerpoint",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "wps": "application/vnd.ms-works",
    ]
}
