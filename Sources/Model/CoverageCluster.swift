import Core

/// A named cluster of market entities (园区, 楼宇, 商圈, 专业市场) and whether the party has an
/// organisation there. One with party members but no organisation is a blind spot (盲区、空白点).
public struct CoverageCluster: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case park = "园区"
        case building = "楼宇"
        case businessDistrict = "商圈"
        case market = "专业市场"
    }

    public var kind: Kind
    public var name: String
    public var district: Taxon
    /// The party members working there.
    public var members: Int
    public var isOrganized: Bool
    public var source: SourceLocation

    public init(kind: Kind, name: String, district: Taxon, members: Int, isOrganized: Bool, source: SourceLocation) {
        self.kind = kind
        self.name = name
        self.district = district
        self.members = members
        self.isOrganized = isOrganized
        self.source = source
    }

    /// Party members are there, an organisation is not.
    public var isBlindSpot: Bool { members > 0 && !isOrganized }
}
