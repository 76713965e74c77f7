/// The bureau leader paired with a liaison point (对口联系): a public title and a name, and
/// nothing by which to reach them privately.
public struct LiaisonLeader: Sendable, Hashable, Codable {
    /// Such as 副局长.
    public var title: String
    public var name: String

    public init(title: String, name: String) {
        self.title = title
        self.name = name
    }
}
