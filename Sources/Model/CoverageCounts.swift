/// The counts of the 基础档案 for one district and category, or summed over several: how many
/// market entities there are and how far the party's organisation and work reach them. The
/// rates are computed from the counts, never written down.
public struct CoverageCounts: Sendable, Hashable, Codable {
    /// 户数: the market entities on file.
    public var entities: Int
    /// Entities with a party organisation, by way of founding: 单独建, 联合建, 挂靠建.
    public var standalone: Int
    public var joint: Int
    public var affiliated: Int
    /// 有党员的户数.
    public var withMembers: Int
    /// 党员人数: the party members working in them.
    public var members: Int
    /// Entities without an organisation of their own that a 党建指导员 (or 联络员) is assigned
    /// to: the party's work reaches them although no organisation is there.
    public var instructed: Int

    public init(
        entities: Int, standalone: Int, joint: Int, affiliated: Int, withMembers: Int, members: Int, instructed: Int
    ) {
        self.entities = entities
        self.standalone = standalone
        self.joint = joint
        self.affiliated = affiliated
        self.withMembers = withMembers
        self.members = members
        self.instructed = instructed
    }

    public static let zero = CoverageCounts(
        entities: 0, standalone: 0, joint: 0, affiliated: 0, withMembers: 0, members: 0, instructed: 0)

    /// 建有党组织的户数, whichever way the organisation was founded.
    public var organized: Int { standalone + joint + affiliated }

    /// 组织覆盖率: the share of entities with a party organisation; nil when there are none.
    public var organizationRate: Double? { Self.rate(organized, of: entities) }

    /// 工作覆盖率: the share of entities the party's work reaches, through an organisation of
    /// their own or an assigned 党建指导员. Having members is not counted: a member is not work.
    public var workRate: Double? { Self.rate(organized + instructed, of: entities) }

    /// A rate as a percentage with one decimal, as the pages and the report show it: `37.5%`.
    public static func percent(_ rate: Double?) -> String {
        guard let rate else { return "—" }
        let tenths = (rate * 1000).rounded()
        return "\(Int(tenths) / 10).\(Int(tenths) % 10)%"
    }

    private static func rate(_ count: Int, of total: Int) -> Double? {
        total > 0 ? Double(count) / Double(total) : nil
    }

    public static func + (lhs: CoverageCounts, rhs: CoverageCounts) -> CoverageCounts {
        CoverageCounts(
            entities: lhs.entities + rhs.entities, standalone: lhs.standalone + rhs.standalone,
            joint: lhs.joint + rhs.joint, affiliated: lhs.affiliated + rhs.affiliated,
            withMembers: lhs.withMembers + rhs.withMembers, members: lhs.members + rhs.members,
            instructed: lhs.instructed + rhs.instructed)
    }
}
