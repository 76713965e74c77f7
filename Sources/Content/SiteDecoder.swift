import Core
import Model

/// Reads `data/sites.yaml`: a list of demonstration sites and liaison points.
enum SiteDecoder {
    /// The sites, and the ids of records that had errors: references to those are not
    /// reported again.
    static func decode(_ root: YAMLValue?, file: SourceFile, lookup: TaxonLookup, diagnostics: inout Diagnostics) -> (
        sites: [Site], brokenIDs: Set<String>
    ) {
        var brokenIDs: Set<String> = []
        guard let root else { return ([], brokenIDs) }
        guard case .sequence(let items, _) = root else {
            diagnostics.error(
                at: root.location, "sites.yaml 应为列表", hint: "每个示范点/联系点以 - id: … 开头")
            return ([], brokenIDs)
        }
        var sites: [Site] = []
        for item in items {
            var reader = RecordReader(item, recordName: "示范点/联系点", diagnostics: &diagnostics)
            let id = reader.identifier("id")
            let name = reader.string("name")
            let kindText = reader.string("kind")
            let districtName = reader.string("district")
            let categoryName = reader.string("category")
            let address = reader.string("address", required: false) ?? ""
            let since = reader.integer("since", in: 1921...2100)
            let organization = reader.string("organization", required: false) ?? ""
            let liuyouValue = reader.nested("liuyou")
            reader.finish()
            diagnostics.append(contentsOf: reader.diagnostics)

            if let id, !Slug.isValid(id) {
                diagnostics.error(
                    at: reader.location(of: "id"), "id '\(id)' 不能用于网址",
                    hint: "只用小写英文字母、数字和 -，如 site-01")
            }
            var kind: Site.Kind?
            if let kindText {
                kind = Site.Kind(rawValue: kindText)
                if kind == nil {
                    diagnostics.error(
                        at: reader.location(of: "kind"), "未知的类型 '\(kindText)'",
                        hint: "kind 写 示范点 或 联系点")
                }
            }
            let district = lookup.district(districtName, at: reader.location(of: "district"), diagnostics: &diagnostics)
            let category = lookup.category(categoryName, at: reader.location(of: "category"), diagnostics: &diagnostics)
            let liuyou = liuyouValue.flatMap { decodeLiuyou($0, diagnostics: &diagnostics) }
            guard let id, Slug.isValid(id), let name, let kind, let district, let category, let since, let liuyou else {
                if let raw = id ?? reader.rawText("id") {
                    brokenIDs.insert(
                        String(String.UnicodeScalarView(raw.unicodeScalars.filter { !InvisibleCharacters.isInvisible($0) })))
                }
                continue
            }
            sites.append(
                Site(
                    id: id, name: name, kind: kind, district: district, category: category, address: address,
                    since: since, organization: organization, liuyou: liuyou, source: item.location))
        }
        return (sites, brokenIDs)
    }

    /// `{场所: true, 设施: false, …}`: all six items, each true or false.
    private static func decodeLiuyou(_ value: YAMLValue, diagnostics: inout Diagnostics) -> LiuyouChecklist? {
        var reader = RecordReader(value, recordName: "六有清单", diagnostics: &diagnostics)
        var met: [Bool] = []
        for item in LiuyouChecklist.items {
            if let value = reader.boolean(item) { met.append(value) }
        }
        reader.finish()
        diagnostics.append(contentsOf: reader.diagnostics)
        return met.count == LiuyouChecklist.items.count ? LiuyouChecklist(met: met) : nil
    }
}
