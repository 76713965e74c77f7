import Model
import Mustache

/// What a list of sites or members is narrowed to: nothing, a district or a category. Each
/// narrowed list is a page of its own, so the filters work without a script.
public enum ListFilter: Sendable, Hashable {
    case all
    case district(Taxon)
    case category(Taxon)

    /// Every filter of a portal: all, then each district, then each category.
    public static func all(of config: PortalConfig) -> [ListFilter] {
        [.all] + config.districts.map { .district($0) } + config.categories.map { .category($0) }
    }

    func admits(district: Taxon, category: Taxon) -> Bool {
        switch self {
        case .all: return true
        case .district(let wanted): return wanted.slug == district.slug
        case .category(let wanted): return wanted.slug == category.slug
        }
    }
}
