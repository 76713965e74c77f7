import Core

/// `content/portal.yaml`: what the portal is called, where it is published, the districts and
/// categories cases are filed under, and the targets the bureau tracks.
public struct PortalConfig: Sendable, Hashable, Codable {
    public var title: String
    public var description: String
    /// Absolute, ending in `/`: `https://xgz.example.gov.cn/`. Used for the feed, the sitemap
    /// and canonical links; pages link to each other relatively.
    public var baseURL: String
    public var publisher: String
    public var districts: [Taxon]
    public var categories: [Taxon]
    public var targets: Targets
    /// E-mail addresses that may appear on published pages (`privacy.allowed_emails`), such as
    /// an office's public mailbox; any other address in the output stops the build.
    public var allowedEmails: [String]
    /// The reviews a page must pass, of its current body, before it may be published
    /// (`review: {required: [初审, 终审]}`); nil when `portal.yaml` does not say, and then
    /// review stays optional.
    public var requiredReviews: [ReviewRole]?
    /// 主办单位, 联系电话 and the filing numbers the footer of every page shows.
    public var footer: SiteFooter = SiteFooter()

    public init(
        title: String, description: String = "", baseURL: String, publisher: String = "",
        districts: [Taxon], categories: [Taxon], targets: Targets = Targets(), allowedEmails: [String] = [],
        requiredReviews: [ReviewRole]? = nil
    ) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.publisher = publisher
        self.districts = districts
        self.categories = categories
        self.targets = targets
        self.allowedEmails = allowedEmails
        self.requiredReviews = requiredReviews
    }

    public func district(named name: String) -> Taxon? { districts.first { $0.name == name } }
    public func category(named name: String) -> Taxon? { categories.first { $0.name == name } }
}

/// A district or a category: the Chinese name authors write, and the ASCII slug of its URL.
public struct Taxon: Sendable, Hashable, Codable {
    public var name: String
    public var slug: String

    public init(name: String, slug: String) {
        self.name = name
        self.slug = slug
    }
}

/// The bureau's targets. Each is optional: a portal that has not set one shows no progress for it.
public struct Targets: Sendable, Hashable, Codable {
    /// About 50 demonstration sites by a deadline, at least a few in every district.
    public var demonstrationSitesTotal: Int?
    public var demonstrationSitesPerDistrict: Int?
    public var demonstrationSitesDeadline: Day?
    /// When the work toward the demonstration sites began: with the deadline, the window the
    /// dashboard measures their pace against (`TargetPace`).
    public var demonstrationSitesStart: Day?
    /// At least this many liaison points, optionally within a window of their own.
    public var liaisonPointsMinimum: Int?
    public var liaisonPointsStart: Day?
    public var liaisonPointsDeadline: Day?
    /// Every party-organization head trained within this many years.
    public var trainingRotationYears: Int?
    /// How many party-organization heads there are to train.
    public var trainingOrgHeads: Int?
    /// The first day of the current rotation: its classes count toward it, and it ends
    /// `trainingRotationYears` later.
    public var trainingStart: Day?

    public init(
        demonstrationSitesTotal: Int? = nil, demonstrationSitesPerDistrict: Int? = nil,
        demonstrationSitesDeadline: Day? = nil, liaisonPointsMinimum: Int? = nil, trainingRotationYears: Int? = nil,
        trainingOrgHeads: Int? = nil, demonstrationSitesStart: Day? = nil, liaisonPointsStart: Day? = nil,
        liaisonPointsDeadline: Day? = nil, trainingStart: Day? = nil
    ) {
        self.demonstrationSitesStart = demonstrationSitesStart
        self.liaisonPointsStart = liaisonPointsStart
        self.liaisonPointsDeadline = liaisonPointsDeadline
        self.trainingStart = trainingStart
        self.demonstrationSitesTotal = demonstrationSitesTotal
        self.demonstrationSitesPerDistrict = demonstrationSitesPerDistrict
        self.demonstrationSitesDeadline = demonstrationSitesDeadline
        self.liaisonPointsMinimum = liaisonPointsMinimum
        self.trainingRotationYears = trainingRotationYears
        self.trainingOrgHeads = trainingOrgHeads
    }

    /// The last day of the rotation that began on `trainingStart`.
    public var trainingDeadline: Day? {
        guard let start = trainingStart, let years = trainingRotationYears else { return nil }
        let end =
            Day(year: start.year + years, month: start.month, day: start.day)
            ?? Day(year: start.year + years, month: start.month, day: 28)
        return end.flatMap { Day(daysSince1970: $0.daysSince1970 - 1) }
    }
}
