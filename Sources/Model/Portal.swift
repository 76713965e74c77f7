import Core

/// Everything loaded from `content/` and checked: the input of rendering.
public struct Portal: Sendable, Hashable {
    public var config: PortalConfig
    /// Newest first.
    public var cases: [CaseStudy]
    public var courses: [Course]
    public var pages: [StandalonePage]
    public var sites: [Site]
    public var members: [Member]
    /// The pictures and attachments pages use, by their content-relative paths.
    public var media: [MediaFile]
    /// The classes of the rotating training, oldest first.
    public var training: [TrainingSession]
    /// News reports, notices and policy documents, each newest first.
    public var news: [NewsItem]
    public var notices: [Notice]
    public var policies: [PolicyDocument]
    /// The liaison points' leaders and activity logs (`data/liaison.yaml`).
    public var liaison: [LiaisonPoint]
    /// The assessment scheme and its hand-entered scores (`data/assessment.yaml`), if any.
    public var assessment: AssessmentScheme?
    /// The 两个覆盖 snapshots of `data/coverage.yaml`, oldest first.
    public var coverage: [CoverageSnapshot]

    public init(
        config: PortalConfig, cases: [CaseStudy], courses: [Course], pages: [StandalonePage], sites: [Site],
        members: [Member], media: [MediaFile] = [], training: [TrainingSession] = [], news: [NewsItem] = [],
        notices: [Notice] = [], policies: [PolicyDocument] = [], liaison: [LiaisonPoint] = [],
        coverage: [CoverageSnapshot] = [], assessment: AssessmentScheme? = nil
    ) {
        self.config = config
        self.cases = cases
        self.courses = courses
        self.pages = pages
        self.sites = sites
        self.members = members
        self.media = media
        self.training = training
        self.news = news
        self.notices = notices
        self.policies = policies
        self.liaison = liaison
        self.assessment = assessment
        self.coverage = coverage
    }
}
