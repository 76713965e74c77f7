/// Everything loaded from `content/` and checked: the input of rendering.
public struct Portal: Sendable, Hashable {
    public var config: PortalConfig
    /// Newest first.
    public var cases: [CaseStudy]
    public var courses: [Course]
    public var pages: [StandalonePage]
    public var sites: [Site]
    public var members: [Member]

    public init(
        config: PortalConfig, cases: [CaseStudy], courses: [Course], pages: [StandalonePage], sites: [Site],
        members: [Member]
    ) {
        self.config = config
        self.cases = cases
        self.courses = courses
        self.pages = pages
        self.sites = sites
        self.members = members
    }
}
