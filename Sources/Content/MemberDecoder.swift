import Core
import Model

/// Reads `data/members.yaml`: party-member shop owners, keeping only public fields.
enum MemberDecoder {
    static func decode(_ root: YAMLValue?, file: SourceFile, lookup: TaxonLookup, diagnostics: inout Diagnostics) -> [Member] {
        guard let root else { return [] }
        guard case .sequence(let items, _) = root else {
            diagnostics.error(at: root.location, "members.yaml 应为列表", hint: "每个党员经营户以 - id: … 开头")
            return []
        }
        var members: [Member] = []
        for item in items {
            var reader = RecordReader(item, recordName: "党员经营户", diagnostics: &diagnostics)
            let id = reader.identifier("id")
            let name = reader.string("name")
            let shop = reader.string("shop")
            let districtName = reader.string("district")
            let siteID = reader.identifier("site")
            let joined = reader.integer("joined", in: 1921...2100)
            let commitment = reader.string("commitment", required: false) ?? ""
            checkPrivateFields(&reader, diagnostics: &diagnostics)
            reader.finish()
            diagnostics.append(contentsOf: reader.diagnostics)
            let district = lookup.district(districtName, at: reader.location(of: "district"), diagnostics: &diagnostics)
            guard let id, let name, let shop, let district, let siteID, let joined else { continue }
            members.append(
                Member(
                    id: id, name: name, shop: shop, district: district, siteID: siteID, joined: joined,
                    commitment: commitment, source: item.location, siteSource: reader.location(of: "site")))
        }
        return members
    }

    /// Private fields are read as text so that their shape can be checked, and then dropped.
    private static func checkPrivateFields(_ reader: inout RecordReader, diagnostics: inout Diagnostics) {
        for field in MemberFields.privateFields {
            guard reader.has(field) else {
                reader.accept(field)
                continue
            }
            guard let value = reader.string(field, required: false) else { continue }
            if field == "id_number" && !ResidentIDNumber.isValid(value) {
                diagnostics.error(
                    at: reader.location(of: field), "id_number 不是有效的身份证号码",
                    hint: "18 位，最后一位是数字或 X，加引号，如 id_number: \"11010519491231002X\"；核对有没有输错或漏输")
            }
            if field == "phone" {
                let digits = value.filter { $0 != "-" && $0 != " " }
                if digits.isEmpty || !digits.allSatisfy({ $0.isASCII && $0.isNumber }) || !(7...12).contains(digits.count) {
                    diagnostics.error(
                        at: reader.location(of: field), "phone 格式不正确",
                        hint: "号码只写数字并加引号，如 phone: \"13800000000\"")
                }
            }
        }
    }
}
