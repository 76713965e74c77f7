extension TemplateLibrary {
    /// The ids written as they are (`id="main"`) in the page template `name` and the partials
    /// and layouts it uses: what every page made with it has besides the ids of its text, such
    /// as the skip link's target. Ids made of a variable (`id="{{id}}"`) are not among them.
    public func literalIDs(ofPage name: String) -> Set<String> {
        templates(usedBy: name).reduce(into: []) { ids, template in ids.formUnion(literalIDs[template] ?? []) }
    }

    /// The literal ids in the text of `nodes`, at any depth.
    static func literalIDs(in nodes: [TemplateNode]) -> Set<String> {
        var ids: Set<String> = []
        for node in nodes {
            switch node {
            case .text(let text): ids.formUnion(literalIDs(in: text.bytes))
            case .variable, .contentType: continue
            case .section(_, let body), .invertedSection(_, let body), .blockDefinition(_, let body):
                ids.formUnion(literalIDs(in: body))
            case .block(_, let defaultNodes, _): ids.formUnion(literalIDs(in: defaultNodes))
            case .partial(_, _, _, let overrides):
                for body in (overrides ?? [:]).values { ids.formUnion(literalIDs(in: body)) }
            }
        }
        return ids
    }

    /// The values of ` id="…"` attributes that end within `bytes`: an id whose value goes on
    /// past the text holds a variable.
    static func literalIDs(in bytes: [UInt8]) -> Set<String> {
        let marker = Array(" id=\"".utf8)
        var ids: Set<String> = []
        var index = 0
        while index + marker.count <= bytes.count {
            let isWhiteSpace = [0x20, 0x0A, 0x09, 0x0D].contains(bytes[index])
            guard isWhiteSpace, bytes[index + 1..<index + marker.count].elementsEqual(marker.dropFirst()) else {
                index += 1
                continue
            }
            let start = index + marker.count
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            if end > start { ids.insert(String(decoding: bytes[start..<end], as: UTF8.self)) }
            index = end + 1
        }
        return ids
    }
}
