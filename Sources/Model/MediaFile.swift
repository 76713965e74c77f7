import Core

/// A picture or attachment of `content/` that pages use, and the files it is published as.
///
/// Every published name holds a short hash of the source bytes (`photo.3f9a1c2e.jpg`): a file
/// whose bytes change gets a new name, so the web server can let browsers keep `media/` for a
/// year. A photo wider than the first web width is published in web widths instead
/// (`photo-800.…jpg`, `photo-1600.…jpg`), turned upright and without any metadata; a narrower
/// one, and every other file, is published at its size with its metadata left out.
public struct MediaFile: Sendable, Hashable, Codable {
    /// The file on disk.
    public var sourceFile: String
    /// The file, relative to `content/`.
    public var relativePath: String
    /// The SHA-256 of its bytes, as 64 hex digits.
    public var sourceHash: String
    /// Its width and height as shown (a JPEG's orientation counted), when it is a picture whose
    /// header tells them.
    public var size: ImageSize?

    public init(sourceFile: String, relativePath: String, sourceHash: String, size: ImageSize?) {
        self.sourceFile = sourceFile
        self.relativePath = relativePath
        self.sourceHash = sourceHash
        self.size = size
    }

    /// The widths photos are published in, narrowest first: the narrowest is what pages show
    /// by default, the others are offered to screens with more pixels (`srcset`).
    public static let webWidths = [800, 1600]

    /// Pictures in these formats are resized; others (GIF, which may move, and SVG, which has no
    /// pixels) are published as they are.
    public static let resizedExtensions: Set<String> = ["jpg", "jpeg", "png", "webp"]

    /// Changes whenever the resized files would come out different (another quality, another
    /// way of resizing): their names and the cache of resized photos follow it.
    public static let encoderVersion = 1

    /// The JPEG and WebP quality of resized photos.
    public static let quality = 82

    /// One file a media file is published as.
    public struct Rendition: Sendable, Hashable {
        public var path: SitePath
        /// The width it is resized to; nil for the file as it is (its metadata left out).
        public var width: Int?
        /// Its width and height as shown, when known.
        public var size: ImageSize?
    }

    /// The file's ending, lowercased: `jpg`, `pdf`.
    public var fileExtension: String {
        let name = relativePath.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// Whether the file is published in web widths rather than as it is.
    public var isResized: Bool {
        guard let size, Self.resizedExtensions.contains(fileExtension) else { return false }
        return size.width > Self.webWidths[0]
    }

    /// A photo of a resizable format whose header could not be read: nothing can be published
    /// for it.
    public var isUnreadablePicture: Bool {
        size == nil && Self.resizedExtensions.contains(fileExtension)
    }

    /// The files it is published as, narrowest first. Never wider than the original.
    public var renditions: [Rendition] {
        guard isResized, let size else {
            return [Rendition(path: publishedPath(suffix: "", hash: shortHash), width: nil, size: size)]
        }
        return Self.webWidths.enumerated().compactMap { position, width in
            // The narrowest width always; each wider one only when the photo is wider still.
            guard position == 0 || size.width > width else { return nil }
            let height = max(1, (size.height * width + size.width / 2) / size.width)
            let hash = String(SHA256Hash.hex(of: "\(sourceHash) \(width) \(Self.encoderVersion)".utf8).prefix(8))
            return Rendition(
                path: publishedPath(suffix: "-\(width)", hash: hash), width: width,
                size: ImageSize(width: width, height: height))
        }
    }

    /// What pages show: the narrowest rendition.
    public var shown: Rendition { renditions[0] }

    /// What a link to the file leads to: the widest rendition.
    public var linked: Rendition { renditions[renditions.count - 1] }

    /// The first hex digits of the source hash, which name the file as it is.
    public var shortHash: String { String(sourceHash.prefix(8)) }

    /// `media/` followed by the file's path in `content/` (a file already in `content/media/`
    /// keeps its path), with `suffix` and `hash` before its ending: `media/cases/a/photo-800.3f9a1c2e.jpg`.
    private func publishedPath(suffix: String, hash: String) -> SitePath {
        var segments = relativePath.split(separator: "/").map(String.init)
        if segments.first != "media" { segments.insert("media", at: 0) }
        let name = segments.removeLast()
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            segments.append("\(name[..<dot])\(suffix).\(hash)\(name[dot...])")
        } else {
            segments.append("\(name)\(suffix).\(hash)")
        }
        return SitePath(file: segments)
    }
}
