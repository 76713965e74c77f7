import Core

/// One entry of a liaison point's activity log in `data/liaison.yaml`.
public struct LiaisonActivity: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case survey = "调研"
        case partyLecture = "党课"
        case partyDay = "主题党日"
        case problemSolved = "解决困难"
    }

    public var date: Day
    public var kind: Kind
    /// One line saying what was done.
    public var summary: String
    /// The slug of the case the activity led to, if any.
    public var caseSlug: String?
    public var source: SourceLocation

    public init(date: Day, kind: Kind, summary: String, caseSlug: String?, source: SourceLocation) {
        self.date = date
        self.kind = kind
        self.summary = summary
        self.caseSlug = caseSlug
        self.source = source
    }
}
