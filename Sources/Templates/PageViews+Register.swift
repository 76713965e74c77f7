import Core
import Model

extension PageViews {
    /// The banner over a page that is not published, which only `portal build --drafts` builds:
    /// nil for published pages, so their HTML has no trace of it.
    func statusBanner(_ publication: Publication) -> ViewContext? {
        guard !publication.isPublished else { return nil }
        return [
            "label": publication.status.label,
            "isDraft": publication.status == .draft,
            "note": publication.status == .draft ? "本页是草稿，尚未送审，不会发布。" : "本页正在审核，尚未发布。",
        ]
    }

    /// The publishing register for staff, `/register/`: not in the navigation, not in the
    /// sitemap, and marked `noindex` for search engines.
    public func register() -> ViewContext {
        let path = Routes.register
        let register = PublishingRegister(portal)
        var context = layout(at: path, title: "发布登记", section: nil)
        context["noindex"] = true
        context["csvHref"] = Routes.registerCSV.fileHref(from: path)
        context["total"] = register.entries.count
        context["entries"] = register.entries.map { entry in
            [
                "kind": entry.kind, "title": entry.title, "href": href(entry.path, from: path), "author": entry.author,
                "first": entry.approver(.first), "second": entry.approver(.second), "final": entry.approver(.final),
                "approvedAt": entry.publication.lastApproved?.description ?? "",
                "date": entry.date?.description ?? "",
            ] as ViewContext
        }
        return context
    }
}
