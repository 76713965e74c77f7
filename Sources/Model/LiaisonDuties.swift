import Core

/// What a liaison point's leader owes it each year: at least one 调研, at least one 党课 or
/// 主题党日, and at least one difficulty solved. Computed from the activity log for one year.
public struct LiaisonDuties: Sendable, Hashable {
    public struct Duty: Sendable, Hashable {
        public var name: String
        public var kinds: Set<LiaisonActivity.Kind>
        public var isMet: Bool
    }

    /// The duties in the order the programme lists them.
    public static let required: [(name: String, kinds: Set<LiaisonActivity.Kind>)] = [
        ("专题调研", [.survey]), ("党课或主题党日", [.partyLecture, .partyDay]), ("解决实际困难", [.problemSolved]),
    ]

    public var site: Site
    /// Nil when `liaison.yaml` has no entry for the site.
    public var point: LiaisonPoint?
    public var year: Int
    /// This year's activities, oldest first.
    public var activities: [LiaisonActivity]
    public var duties: [Duty]

    public init(site: Site, point: LiaisonPoint?, year: Int) {
        self.site = site
        self.point = point
        self.year = year
        let activities = (point?.activities ?? []).filter { $0.date.year == year }
        self.activities = activities
        duties = Self.required.map { duty in
            Duty(name: duty.name, kinds: duty.kinds, isMet: activities.contains { duty.kinds.contains($0.kind) })
        }
    }

    /// The leader did nothing there this year: flagged on the dashboard, the site and by `check`.
    public var isIdle: Bool { activities.isEmpty }
    public var allMet: Bool { duties.allSatisfy(\.isMet) }
    /// The newest activity of any year.
    public var latest: LiaisonActivity? { point?.activities.max { $0.date < $1.date } }

    /// Every liaison point of the portal, in the order of `sites.yaml`.
    public static func all(_ portal: Portal, year: Int) -> [LiaisonDuties] {
        all(sites: portal.sites, points: portal.liaison, year: year)
    }

    public static func all(sites: [Site], points: [LiaisonPoint], year: Int) -> [LiaisonDuties] {
        let points = Dictionary(points.map { ($0.siteID, $0) }, uniquingKeysWith: { first, _ in first })
        return sites.filter { $0.kind == .liaison }.map { LiaisonDuties(site: $0, point: points[$0.id], year: year) }
    }
}
