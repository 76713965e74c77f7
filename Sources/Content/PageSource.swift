import Core
import Model

/// A Markdown file after its front matter is read, before its body is rendered.
struct PageSource: Sendable {
    var kind: PageKind
    /// Relative to `content/`: `cases/a.md`.
    var relativePath: String
    var file: SourceFile
    var body: String
    var bodyFirstLine: Int
    var slug: String
    var status: PublicationStatus
    var approvals: [Approval]
    var metadata: Metadata
    var location: SourceLocation

    var publication: Publication { Publication(status: status, approvals: approvals) }

    var path: SitePath { kind.path(of: slug) }

    enum Metadata: Sendable {
        case caseStudy(CaseMetadata)
        case course(CourseMetadata)
        case page(title: String, summary: String?)
        case news(NewsMetadata)
        case notice(NoticeMetadata)
        case policy(PolicyMetadata)

        var title: String {
            switch self {
            case .caseStudy(let metadata): return metadata.title
            case .course(let metadata): return metadata.title
            case .page(let title, _): return title
            case .news(let metadata): return metadata.title
            case .notice(let metadata): return metadata.title
            case .policy(let metadata): return metadata.title
            }
        }

        /// The cover picture a case or a news report names, and what it shows (its title
        /// unless `cover_alt` says).
        var cover: (reference: FileReference, alternativeText: String)? {
            switch self {
            case .caseStudy(let metadata):
                return metadata.cover.map { ($0, metadata.coverAlternativeText ?? metadata.title) }
            case .news(let metadata):
                return metadata.cover.map { ($0, metadata.coverAlternativeText ?? metadata.title) }
            default:
                return nil
            }
        }
    }

    /// A file of `content/` the front matter names (a cover, an attachment), as written and
    /// where, checked once every file is known.
    struct FileReference: Sendable {
        var path: String
        var location: SourceLocation
    }

    struct NewsMetadata: Sendable {
        var title: String
        var date: Day
        var summary: String
        var district: Taxon?
        var cover: FileReference?
        var coverAlternativeText: String?
    }

    struct NoticeMetadata: Sendable {
        var title: String
        var date: Day
        var summary: String
        var until: Day?
    }

    struct PolicyMetadata: Sendable {
        var title: String
        var number: String
        var issuer: String
        var date: Day
        var summary: String?
        var attachment: FileReference?
    }

    struct CaseMetadata: Sendable {
        var title: String
        var date: Day
        var district: Taxon
        var category: Taxon
        var tags: [String]
        var siteIDs: [(id: String, location: SourceLocation)]
        var author: String
        var summary: String?
        var cover: FileReference?
        var coverAlternativeText: String?
    }

    struct CourseMetadata: Sendable {
        var title: String
        var date: Day
        var trainer: String
        var audience: String
        var hours: Double
        var summary: String?
        var objectives: [String] = []
        var lessons: [LessonMetadata] = []
    }

    /// A lesson as written, each case and site with its place for messages.
    struct LessonMetadata: Sendable {
        var title: String
        var hours: Double
        var cases: [(slug: String, location: SourceLocation)]
        var sites: [(id: String, location: SourceLocation)]

        var lesson: Lesson {
            Lesson(title: title, hours: hours, caseSlugs: cases.map(\.slug), siteIDs: sites.map(\.id))
        }
    }
}
