import Core

/// One class of the rotating training of party-organization heads (轮训), from
/// `data/training.yaml`: which course, when, for which district, and how many attended.
public struct TrainingSession: Sendable, Hashable, Codable {
    /// The slug of the course taught.
    public var course: String
    public var date: Day
    public var district: Taxon
    /// Everyone who attended.
    public var trainees: Int
    /// Of them, the heads of party organizations: what the rotation target counts.
    public var orgHeads: Int
    public var source: SourceLocation

    public init(course: String, date: Day, district: Taxon, trainees: Int, orgHeads: Int, source: SourceLocation) {
        self.course = course
        self.date = date
        self.district = district
        self.trainees = trainees
        self.orgHeads = orgHeads
        self.source = source
    }
}
