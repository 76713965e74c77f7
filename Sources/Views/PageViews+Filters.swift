import Core
import Model
import Mustache

extension PageViews {
    /// The links that narrow a list of cases by district and by category: each leads to the
    /// pre-built list of the district, the category or both, keeping the other choice.
    func caseFilters(_ list: CaseListKind, from path: SitePath) -> ViewContext? {
        let districts = portal.config.districts
        let categories = portal.config.categories
        let (district, category): (Taxon?, Taxon?)
        switch list {
        case .all: (district, category) = (nil, nil)
        case .district(let chosen): (district, category) = (chosen, nil)
        case .category(let chosen): (district, category) = (nil, chosen)
        case .districtCategory(let chosenDistrict, let chosenCategory): (district, category) = (chosenDistrict, chosenCategory)
        case .tag, .year: return nil
        }
        func address(_ district: Taxon?, _ category: Taxon?) -> SitePath {
            switch (district, category) {
            case (nil, nil): return Routes.cases
            case (let district?, nil): return Routes.districtCases(district)
            case (nil, let category?): return Routes.category(category)
            case (let district?, let category?): return Routes.districtCases(district, in: category)
            }
        }
        return filterGroups(
            districts: [nil] + districts.map(Optional.some), chosenDistrict: district,
            categories: [nil] + categories.map(Optional.some), chosenCategory: category,
            target: { district, category, _ in address(district, category) }, from: path, label: "筛选案例")
    }

    /// The links that narrow the list of sites or of members: all, a district or a category.
    /// A district chosen replaces a category chosen, and the other way round: these lists are
    /// short enough to need one choice only.
    func listFilters(
        _ filter: ListFilter, all: SitePath, from path: SitePath, label: String, district: (Taxon) -> SitePath,
        category: (Taxon) -> SitePath
    ) -> ViewContext {
        let chosen: (Taxon?, Taxon?)
        switch filter {
        case .all: chosen = (nil, nil)
        case .district(let taxon): chosen = (taxon, nil)
        case .category(let taxon): chosen = (nil, taxon)
        }
        return filterGroups(
            districts: [nil] + portal.config.districts.map(Optional.some), chosenDistrict: chosen.0,
            categories: [nil] + portal.config.categories.map(Optional.some), chosenCategory: chosen.1,
            target: { chosenDistrict, chosenCategory, row in
                switch row {
                case .district: return chosenDistrict.map(district) ?? all
                case .category: return chosenCategory.map(category) ?? all
                }
            }, from: path, label: label)
    }

    enum FilterRow { case district, category }

    /// Two rows of links, districts and categories (nil is 全部); `target` makes the address of
    /// a link from the district and the category it stands for (the other row's choice kept)
    /// and the row it is in.
    private func filterGroups(
        districts: [Taxon?], chosenDistrict: Taxon?, categories: [Taxon?], chosenCategory: Taxon?,
        target: (Taxon?, Taxon?, FilterRow) -> SitePath, from path: SitePath, label: String
    ) -> ViewContext {
        func item(_ taxon: Taxon?, kind: String, chosen: Taxon?, href: SitePath) -> ViewContext {
            var item: ViewContext = [
                "name": taxon?.name ?? "全部", "href": self.href(href, from: path), "current": taxon?.slug == chosen?.slug,
                "kind": kind, "value": taxon?.slug ?? "",
            ]
            item["isAll"] = taxon == nil
            return item
        }
        return [
            "label": label,
            "groups": [
                [
                    "title": "按区", "kind": "district",
                    "items": districts.map { district in
                        item(
                            district, kind: "district", chosen: chosenDistrict, href: target(district, chosenCategory, .district))
                    },
                ] as ViewContext,
                [
                    "title": "按类别", "kind": "category",
                    "items": categories.map { category in
                        item(
                            category, kind: "category", chosen: chosenCategory, href: target(chosenDistrict, category, .category))
                    },
                ] as ViewContext,
            ],
        ]
    }
}
