import Core

/// A demonstration site (示范点) or liaison point (联系点) from `content/data/sites.yaml`.
public struct Site: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case demonstration = "示范点"
        case liaison = "联系点"
    }

    public var id: String
    public var name: String
    public var kind: Kind
    public var district: Taxon
    public var category: Taxon
    public var address: String
    public var since: Int
    public var organization: String
    public var liuyou: LiuyouChecklist
    public var source: SourceLocation

    public init(
        id: String, name: String, kind: Kind, district: Taxon, category: Taxon, address: String,
        since: Int, organization: String, liuyou: LiuyouChecklist, source: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.district = district
        self.category = category
        self.address = address
        self.since = since
        self.organization = organization
        self.liuyou = liuyou
        self.source = source
    }
}

/// The 六有 venue standard: 有场所、有设施、有标志、有党旗、有书报、有制度.
public struct LiuyouChecklist: Sendable, Hashable, Codable {
    /// The six items in the order the standard lists them.
    public static let items = ["场所", "设施", "标志", "党旗", "书报", "制度"]

    /// Whether each item is met, in the order of `items`.
    public var met: [Bool]

    public init(met: [Bool]) {
        precondition(met.count == Self.items.count, "a 六有 checklist has six items")
        self.met = met
    }

    public var metCount: Int { met.count(where: { $0 }) }
    public var isComplete: Bool { metCount == Self.items.count }
    /// Completion in whole percent.
    public var percent: Int { metCount * 100 / Self.items.count }
}
