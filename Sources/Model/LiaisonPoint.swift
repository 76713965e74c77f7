import Core

/// A liaison point's entry in `data/liaison.yaml`: the site it is, its paired leader and
/// what the leader did there.
public struct LiaisonPoint: Sendable, Hashable, Codable {
    /// The id of a site of kind 联系点.
    public var siteID: String
    public var leader: LiaisonLeader
    /// Oldest first.
    public var activities: [LiaisonActivity]
    public var source: SourceLocation

    public init(siteID: String, leader: LiaisonLeader, activities: [LiaisonActivity], source: SourceLocation) {
        self.siteID = siteID
        self.leader = leader
        self.activities = activities
        self.source = source
    }
}
