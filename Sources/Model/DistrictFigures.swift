/// One district's figures, side by side with the others on the districts page and the
/// dashboard: its sites, members and cases, and how far it is from the per-district minimum
/// of demonstration sites.
public struct DistrictFigures: Sendable, Equatable {
    public var district: Taxon
    public var demonstrationSites: Int
    public var liaisonPoints: Int
    public var members: Int
    public var cases: Int
    /// Sites (of both kinds) that meet all six items of the 六有.
    public var liuyouComplete: Int
    public var sites: Int
    /// The per-district minimum of demonstration sites, when `portal.yaml` sets one.
    public var minimum: Int?

    /// Demonstration sites still to be set up to reach the minimum.
    public var gap: Int { max(0, (minimum ?? 0) - demonstrationSites) }

    /// Every district of the portal, in the order `portal.yaml` lists them.
    public static func all(_ index: PortalIndex) -> [DistrictFigures] {
        let portal = index.portal
        let sites = Dictionary(grouping: portal.sites, by: \.district.slug)
        let members = Dictionary(grouping: portal.members, by: \.district.slug)
        return portal.config.districts.map { district in
            let own = sites[district.slug] ?? []
            return DistrictFigures(
                district: district, demonstrationSites: own.count { $0.kind == .demonstration },
                liaisonPoints: own.count { $0.kind == .liaison }, members: members[district.slug]?.count ?? 0,
                cases: index.casesByDistrict[district.slug]?.count ?? 0, liuyouComplete: own.count(where: \.liuyou.isComplete),
                sites: own.count, minimum: portal.config.targets.demonstrationSitesPerDistrict)
        }
    }

    /// The districts with the largest gap first; among equal gaps, those with fewer
    /// demonstration sites, then the order of `portal.yaml`.
    public static func rankedByGap(_ figures: [DistrictFigures]) -> [DistrictFigures] {
        figures.enumerated().sorted { left, right in
            (right.element.gap, left.element.demonstrationSites, left.offset)
                < (left.element.gap, right.element.demonstrationSites, right.offset)
        }.map(\.element)
    }
}
