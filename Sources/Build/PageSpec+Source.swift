import Core

extension PageSpec {
    /// The file the page is made from, for pages that have one: the Markdown file of a case,
    /// course, standalone page, news report, notice or policy document, or `data/sites.yaml` for a site. Lists have none.
    var source: SourceLocation? {
        switch self {
        case .caseStudy(let caseStudy): return caseStudy.source
        case .course(let course): return course.source
        case .page(let page): return page.source
        case .site(let site): return site.source
        case .newsItem(let item): return item.source
        case .notice(let notice): return notice.source
        case .policy(let policy): return policy.source
        default: return nil
        }
    }
}
