import Core

/// A course page of the rotating training of party-organization heads (轮训), from `content/courses/`.
public struct Course: Sendable, Hashable, Codable {
    public var slug: String
    public var title: String
    public var date: Day
    public var trainer: String
    public var audience: String
    public var hours: Double
    /// Slugs of the cases the course links to, in the order of the text, each once.
    /// The cases the course uses: those its lessons name, then those its body links to.
    public var caseSlugs: [String]
    /// What trainees should be able to do afterwards (教学目标).
    public var objectives: [String]
    /// The course's parts in order, each with its hours and the cases and sites it uses.
    public var lessons: [Lesson]
    public var body: RenderedBody
    public var source: SourceLocation
    public var publication: Publication

    public init(
        slug: String, title: String, date: Day, trainer: String, audience: String, hours: Double,
        caseSlugs: [String], objectives: [String] = [], lessons: [Lesson] = [], body: RenderedBody, source: SourceLocation,
        publication: Publication = Publication()
    ) {
        self.slug = slug
        self.title = title
        self.date = date
        self.trainer = trainer
        self.audience = audience
        self.hours = hours
        self.caseSlugs = caseSlugs
        self.objectives = objectives
        self.lessons = lessons
        self.body = body
        self.source = source
        self.publication = publication
    }
}

extension Course {
    /// Class hours as people write them: `3`, `1.5`.
    public static func hours(_ hours: Double) -> String {
        hours == hours.rounded() ? String(Int(hours)) : String(hours)
    }
}

/// One part of a course (`lessons:` in its front matter).
public struct Lesson: Sendable, Hashable, Codable {
    public var title: String
    public var hours: Double
    public var caseSlugs: [String]
    public var siteIDs: [String]

    public init(title: String, hours: Double, caseSlugs: [String] = [], siteIDs: [String] = []) {
        self.title = title
        self.hours = hours
        self.caseSlugs = caseSlugs
        self.siteIDs = siteIDs
    }
}
