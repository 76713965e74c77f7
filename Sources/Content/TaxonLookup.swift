import Core
import Model

/// Finds the district or category an author named, or says which names exist.
struct TaxonLookup {
    let config: PortalConfig

    func district(_ name: String?, at location: SourceLocation, diagnostics: inout Diagnostics) -> Taxon? {
        find(name, in: config.districts, key: "district", what: "区", at: location, diagnostics: &diagnostics)
    }

    func category(_ name: String?, at location: SourceLocation, diagnostics: inout Diagnostics) -> Taxon? {
        find(name, in: config.categories, key: "category", what: "类别", at: location, diagnostics: &diagnostics)
    }

    private func find(
        _ name: String?, in taxa: [Taxon], key: String, what: String, at location: SourceLocation,
        diagnostics: inout Diagnostics
    ) -> Taxon? {
        guard let name else { return nil }
        if let taxon = taxa.first(where: { $0.name == name }) { return taxon }
        let names = taxa.map(\.name)
        diagnostics.error(
            at: location, "未知的\(what) '\(name)'",
            hint: Suggestion.didYouMean(name, in: names) ?? "\(key) 须是 portal.yaml 中的一个：\(names.joined(separator: "、"))")
        return nil
    }
}
