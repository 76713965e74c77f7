import Core
import Model
import Mustache

extension PageViews {
    /// The search page: a form that works without its script (it reloads the page with the
    /// query in the address), the filters with every district, category and year, and the
    /// places the script (`assets/search.js`) needs: the site root, which result addresses
    /// start from, and the folder of the index files.
    public func search() -> ViewContext {
        let path = Routes.search
        var context = layout(at: path, title: "站内搜索", section: nil, breadcrumbs: [("站内搜索", path)])
        context["searchScript"] = Routes.assets.appending("search.js").fileHref(from: path)
        context["siteRoot"] = href(Routes.home, from: path)
        context["searchIndex"] = href(Routes.search, from: path)
        context["searchDistricts"] = portal.config.districts.map { ["name": $0.name, "slug": $0.slug] as ViewContext }
        context["searchCategories"] = portal.config.categories.map { ["name": $0.name, "slug": $0.slug] as ViewContext }
        context["searchYears"] = years.map { ["name": "\($0)年", "slug": String($0)] as ViewContext }
        return context
    }
}
