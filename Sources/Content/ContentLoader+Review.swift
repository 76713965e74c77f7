import Core
import Model

extension ContentLoader {
    /// When `portal.yaml` does not say which reviews publication needs, one warning counting
    /// the published pages that have no approval at all, pointing to the `review:` setting.
    /// Nil when review is set (even to none) or every published page has been approved.
    func reviewWarning(for portal: Portal) -> Diagnostic? {
        guard portal.config.requiredReviews == nil else { return nil }
        let publications =
            portal.cases.map(\.publication) + portal.courses.map(\.publication) + portal.pages.map(\.publication)
        let unreviewed = publications.count { $0.isPublished && $0.approvals.isEmpty }
        guard unreviewed > 0 else { return nil }
        return .warning(
            at: SourceLocation(path: displayPath(of: directory.appendingPathComponent("portal.yaml"))),
            "\(unreviewed) 个已发布页面没有审核记录，门户没有要求发布前审核",
            hint: "在 portal.yaml 中加一行 review: {required: [初审, 终审]}，已发布的页面就必须先经审核（portal approve）")
    }
}
