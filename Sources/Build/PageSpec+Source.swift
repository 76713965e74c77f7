import Core

extension PageSpec {
    /// The file the page is made from, for pages that have one: a case, course or standalone
    /// page's Markdown file, or `data/sites.yaml` for a site. Lists have none.
    var source: SourceLocation? {
        switch self {
        case .caseStudy(let caseStudy): return caseStudy.source
        case .course(let course): return course.source
        case .page(let page): return page.source
        case .site(let site): return site.source
        default: return nil
        }
    }
}
