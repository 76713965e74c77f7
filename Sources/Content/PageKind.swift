import Model

/// The three folders of Markdown pages and what their front matter must hold.
enum PageKind: String, Sendable, CaseIterable {
    case caseStudy = "cases"
    case course = "courses"
    case page = "pages"

    var folder: String { rawValue }

    /// What a page of this kind is called in messages.
    var noun: String {
        switch self {
        case .caseStudy: return "案例"
        case .course: return "课程"
        case .page: return "页面"
        }
    }
}
