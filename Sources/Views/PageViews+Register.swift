import Core
import Model
import Mustache

extension PageViews {
    /// The banner over a page that is not published, which only `portal build --drafts` builds:
    /// nil for published pages, so their HTML has no trace of it. When `portal.yaml` requires
    /// reviews, it tells the reviewer which are recorded and which the page still needs.
    func statusBanner(_ publication: Publication) -> ViewContext? {
        guard !publication.isPublished else { return nil }
        var note = publication.status == .draft ? "本页是草稿，尚未送审，不会发布。" : "本页正在审核，尚未发布。"
        if let required = portal.config.requiredReviews, !required.isEmpty {
            note += Self.reviewProgress(publication, required: required)
        }
        return ["label": publication.status.label, "isDraft": publication.status == .draft, "note": note]
    }

    /// `已审：初审（张敏）；发布前还需：终审。`
    static func reviewProgress(_ publication: Publication, required: [ReviewRole]) -> String {
        let done = publication.approvals.sorted { $0.role < $1.role }.map { "\($0.role.rawValue)（\($0.by)）" }
        let missing = required.filter { publication.approval($0) == nil }.map(\.rawValue)
        var parts: [String] = []
        if !done.isEmpty { parts.append("已审：\(done.joined(separator: "、"))") }
        parts.append(missing.isEmpty ? "所需审核已齐，可以发布" : "发布前还需：\(missing.joined(separator: "、"))")
        return parts.joined(separator: "；") + "。"
    }

    /// The publishing register for staff, `/register/`: not in the navigation, not in the
    /// sitemap, and marked `noindex` for search engines.
    public func register() -> ViewContext {
        let path = Routes.register
        let register = PublishingRegister(portal.whole)
        var context = layout(at: path, title: "发布登记", section: nil)
        context["noindex"] = true
        context["csvHref"] = Routes.registerCSV.fileHref(from: path)
        context["total"] = register.entries.count
        context["entries"] = register.entries.map { entry in
            var row: ViewContext = [
                "kind": entry.kind, "title": entry.title, "href": href(entry.path, from: path), "author": entry.author,
                "date": entry.date?.description ?? "",
            ]
            // A role with no approval has no key, so that its cell is empty.
            for (key, role) in [("first", ReviewRole.first), ("second", .second), ("final", .final)] {
                if let approval = entry.publication.approval(role) {
                    row[key] = ["by": approval.by, "at": approval.at.description] as ViewContext
                }
            }
            return row
        }
        return context
    }
}
