import Core

/// The original of a document, published beside the pictures: where it is, how big it is and
/// what program opens it, which a reader wants to know before downloading.
public struct Attachment: Sendable, Hashable, Codable {
    public var path: SitePath
    public var byteCount: Int
    /// The file's ending, lowercased: `pdf`, `docx`.
    public var fileExtension: String

    public init(path: SitePath, byteCount: Int, fileExtension: String) {
        self.path = path
        self.byteCount = byteCount
        self.fileExtension = fileExtension
    }

    /// The endings a document's original may have, and what each is called.
    public static let formats: [(fileExtension: String, name: String)] = [
        ("pdf", "PDF"), ("docx", "Word"), ("doc", "Word"), ("wps", "WPS"), ("ofd", "OFD"),
    ]

    /// What the file is, as a reader knows it: `PDF`, `Word`.
    public var formatName: String {
        Self.formats.first { $0.fileExtension == fileExtension }?.name ?? fileExtension.uppercased()
    }

    /// The size as a download link shows it: `36 KB`, `1.2 MB`.
    public var sizeText: String {
        if byteCount < 1024 * 1024 { return "\(max(1, (byteCount + 1023) / 1024)) KB" }
        let tenths = (byteCount * 10 + 512 * 1024) / (1024 * 1024)
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
