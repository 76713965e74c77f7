import Core

/// The picture a news report shows above its text and on its card: the published file of a
/// picture of `content/`, and what it shows for those who cannot see it.
public struct CoverPicture: Sendable, Hashable, Codable {
    public var path: SitePath
    public var size: ImageSize?
    public var alternativeText: String

    public init(path: SitePath, size: ImageSize?, alternativeText: String) {
        self.path = path
        self.size = size
        self.alternativeText = alternativeText
    }
}
