#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What a paragraph's style and list numbering make of it: a heading, the title, a list item.
/// Styles inherit (`w:basedOn`), and the same things are named differently by Word (`Heading1`,
/// `heading 1`), WPS (`2`, `heading 1` or `标题 1`) and LibreOffice (`Heading1`), so styles are
/// known by their names and outline levels, never by their ids.
struct WordStyles {
    private struct Style {
        var name = ""
        var basedOn: String?
        var outlineLevel: Int?
        var numbering: (id: String, level: Int?)?
        var emphasis: WordDocument.Emphasis = []
    }

    private var styles: [String: Style] = [:]
    /// numId → abstract numbering's level formats (`bullet`, `decimal`, `chineseCounting` …).
    private var formats: [String: [Int: String]] = [:]

    init(styles root: XMLElement?, numbering: XMLElement?) {
        for element in root?.children("style") ?? [] {
            guard let id = element.value("w:styleId") else { continue }
            var style = Style()
            style.name = element.child("name")?.value("w:val") ?? id
            style.basedOn = element.child("basedOn")?.value("w:val")
            if let properties = element.child("pPr") {
                style.outlineLevel = properties.child("outlineLvl")?.value("w:val").flatMap { Int($0) }
                if let numbering = properties.child("numPr") {
                    style.numbering = (
                        numbering.child("numId")?.value("w:val") ?? "0",
                        numbering.child("ilvl")?.value("w:val").flatMap { Int($0) }
                    )
                }
            }
            style.emphasis = Self.emphasis(of: element.child("rPr"))
            styles[id] = style
        }
        var abstract: [String: [Int: String]] = [:]
        for element in numbering?.children("abstractNum") ?? [] {
            guard let id = element.value("w:abstractNumId") else { continue }
            abstract[id] = Self.levelFormats(element)
        }
        for element in numbering?.children("num") ?? [] {
            guard let id = element.value("w:numId") else { continue }
            var levels = element.child("abstractNumId")?.value("w:val").flatMap { abstract[$0] } ?? [:]
            for override in element.children("lvlOverride") {
                levels.merge(Self.levelFormats(override)) { $1 }
            }
            formats[id] = levels
        }
    }

    private static func levelFormats(_ element: XMLElement) -> [Int: String] {
        var levels: [Int: String] = [:]
        for lvl in element.children("lvl") {
            guard let level = lvl.value("w:ilvl").flatMap({ Int($0) }) else { continue }
            levels[level] = lvl.child("numFmt")?.value("w:val") ?? "decimal"
        }
        return levels
    }

    static func emphasis(of properties: XMLElement?) -> WordDocument.Emphasis {
        var emphasis: WordDocument.Emphasis = []
        guard let properties else { return emphasis }
        if let bold = properties.child("b") { emphasis.insert(bold.isOn ? .bold : []) }
        if let italic = properties.child("i") { emphasis.insert(italic.isOn ? .italic : []) }
        return emphasis
    }

    /// The styles from `id` up its `basedOn` chain, nearest first (a loop is cut).
    private func chain(_ id: String?) -> [Style] {
        var result: [Style] = []
        var seen: Set<String> = []
        var next = id
        while let current = next, !seen.contains(current), let style = styles[current] {
            seen.insert(current)
            result.append(style)
            next = style.basedOn
        }
        return result
    }

    /// Bold and italic of a character style (`w:rStyle`), such as Word's Strong.
    func emphasis(ofCharacterStyle id: String?) -> WordDocument.Emphasis {
        chain(id).reversed().reduce(into: []) { $0.formUnion($1.emphasis) }
    }

    func role(style id: String?, outlineLevel: Int?) -> WordDocument.Paragraph.Role {
        let chain = chain(id)
        for style in chain {
            let name = style.name.lowercased().replacingOccurrences(of: " ", with: "")
            if name == "title" || name == "标题" { return .title }
            if name == "subtitle" || name == "副标题" { return .subtitle }
            if name == "caption" || name == "题注" { return .caption }
            for prefix in ["heading", "标题"] where name.hasPrefix(prefix) {
                if let level = Int(name.dropFirst(prefix.count)), (1...9).contains(level) { return .heading(level) }
            }
        }
        // Outline levels 0…8 are headings (大纲级别 1…9); 9 is body text.
        if let level = outlineLevel ?? chain.lazy.compactMap(\.outlineLevel).first, (0...8).contains(level) {
            return .heading(level + 1)
        }
        return .body
    }

    /// The list a paragraph is an item of: its own numbering (`w:numPr`), or its style's.
    func listItem(style id: String?, numbering: XMLElement?) -> WordDocument.ListItem? {
        var numberID = numbering?.child("numId")?.value("w:val")
        var level = numbering?.child("ilvl")?.value("w:val").flatMap { Int($0) }
        let chain = chain(id)
        if numberID == nil, let inherited = chain.lazy.compactMap(\.numbering).first {
            numberID = inherited.id
            level = level ?? inherited.level
        }
        guard let numberID, numberID != "0" else { return nil }
        var depth = level ?? 0
        // Word's List Bullet 2 and List Number 3 are nested by their style, not by a level.
        if depth == 0, let name = chain.first?.name.lowercased(),
            name.hasPrefix("list bullet ") || name.hasPrefix("list number "),
            let number = Int(name.split(separator: " ").last ?? ""), number > 1
        {
            depth = number - 1
        }
        let format = formats[numberID]?[level ?? 0] ?? "decimal"
        if format == "none" { return nil }
        return WordDocument.ListItem(level: depth, ordered: format != "bullet")
    }
}
