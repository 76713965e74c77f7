import Foundation
import Spreadsheets

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Walks `w:body` into blocks, numbering the paragraphs and noting what cannot be taken in at
/// the paragraph it is in. One reader reads one document, in order.
final class DocxBodyReader {
    typealias Inline = WordDocument.Inline
    typealias Paragraph = WordDocument.Paragraph
    typealias Finding = WordDocument.Finding

    /// Picture formats that browsers show and the photo pipeline takes.
    static let webPictureTypes: Set<String> = ["jpg", "jpeg", "png", "gif", "webp"]

    private let styles: WordStyles
    private let relations: [String: DocxReader.Relation]
    private let zip: ZipReader
    private let footnotes: [String: XMLElement]
    private let endnotes: [String: XMLElement]
    private let comments: [String: String]

    private(set) var notes: [[Paragraph]] = []
    private(set) var pictures: [String: [UInt8]] = [:]
    private(set) var findings: [Finding] = []

    private var paragraphCount = 0
    private var noteNumbers: [String: Int] = [:]
    private var reportedComments: Set<String> = []
    private var inNote = false
    /// What the paragraph being read holds that is not taken in, reported once it is numbered.
    private var pending: [(kind: Finding.Kind, detail: String)] = []

    /// A complex field (`w:fldChar` begin … separate … end): its instruction, and where its
    /// result starts when it is a HYPERLINK.
    private struct Field {
        var instruction = ""
        var inResult = false
        var linkStart: Int?
    }
    private var fields: [Field] = []

    init(
        styles: WordStyles, relations: [String: DocxReader.Relation], zip: ZipReader,
        footnotes: [String: XMLElement], endnotes: [String: XMLElement], comments: [String: String]
    ) {
        self.styles = styles
        self.relations = relations
        self.zip = zip
        self.footnotes = footnotes
        self.endnotes = endnotes
        self.comments = comments
    }

    // MARK: Blocks

    func blocks(of container: XMLElement) -> [WordDocument.Block] {
        var blocks: [WordDocument.Block] = []
        for element in container.elementChildren {
            switch element.local {
            case "p":
                if let paragraph = paragraph(element) { blocks.append(.paragraph(paragraph)) }
            case "tbl":
                blocks.append(.table(table(element)))
            case "sdt":
                if let content = element.child("sdtContent") { blocks.append(contentsOf: self.blocks(of: content)) }
            case "customXml", "ins", "moveTo":
                blocks.append(contentsOf: self.blocks(of: element))
            case "altChunk":
                findings.append(
                    Finding(kind: .embeddedDocument, paragraph: paragraphCount, paragraphText: "", detail: ""))
            default:
                continue
            }
        }
        return blocks
    }

    private func paragraph(_ element: XMLElement) -> Paragraph? {
        let outer = pending
        if !inNote { pending = [] }
        let properties = element.child("pPr")
        let style = properties?.child("pStyle")?.value("w:val")
        let outline = properties?.child("outlineLvl")?.value("w:val").flatMap { Int($0) }
        var paragraph = Paragraph(role: styles.role(style: style, outlineLevel: outline))
        if paragraph.role == .body || paragraph.role == .caption {
            paragraph.list = styles.listItem(style: style, numbering: properties?.child("numPr"))
        }
        if let mark = properties?.child("rPr") {
            if mark.child("ins") != nil { note(.insertion, "（新分段）") }
            if mark.child("del") != nil { note(.deletion, "（删去分段）") }
        }
        if properties?.child("pPrChange") != nil { note(.formatChange, "") }
        inlines(of: element, emphasis: [], into: &paragraph.inlines)
        let hasContent =
            !paragraph.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            || paragraph.inlines.contains { if case .picture = $0 { true } else if case .note = $0 { true } else { false } }
            || !pending.isEmpty
        if inNote { return hasContent ? paragraph : nil }
        if hasContent {
            paragraphCount += 1
            paragraph.number = paragraphCount
        }
        let text = paragraph.text
        for item in pending {
            findings.append(Finding(kind: item.kind, paragraph: paragraphCount, paragraphText: text, detail: item.detail))
        }
        pending = outer
        return hasContent ? paragraph : nil
    }

    private func table(_ element: XMLElement) -> WordDocument.Table {
        let number = paragraphCount + 1
        var rows: [[WordDocument.Cell]] = []
        for row in element.children("tr") {
            var cells: [WordDocument.Cell] = []
            for cell in Self.cells(of: row) {
                let properties = cell.child("tcPr")
                let span = properties?.child("gridSpan")?.value("w:val").flatMap { Int($0) } ?? 1
                let merge = properties?.child("vMerge")
                let continues = merge != nil && merge?.value("w:val") != "restart"
                var paragraphs: [Paragraph] = []
                for child in cell.elementChildren {
                    if child.local == "p", let paragraph = paragraph(child) {
                        paragraphs.append(paragraph)
                    } else if child.local == "tbl" {
                        findings.append(
                            Finding(
                                kind: .nestedTable, paragraph: paragraphCount + 1, paragraphText: child.wordText, detail: ""))
                        for nested in child.descendants("p") {
                            if let paragraph = paragraph(nested) { paragraphs.append(paragraph) }
                        }
                    } else if child.local == "sdt", let content = child.child("sdtContent") {
                        for nested in content.children("p") {
                            if let paragraph = paragraph(nested) { paragraphs.append(paragraph) }
                        }
                    }
                }
                cells.append(WordDocument.Cell(paragraphs: paragraphs, span: max(span, 1), continuesAbove: continues))
            }
            rows.append(cells)
        }
        return WordDocument.Table(rows: rows, number: number)
    }

    private static func cells(of row: XMLElement) -> [XMLElement] {
        row.elementChildren.flatMap { child -> [XMLElement] in
            switch child.local {
            case "tc": [child]
            case "sdt": child.child("sdtContent").map { cells(of: $0) } ?? []
            case "customXml": cells(of: child)
            default: []
            }
        }
    }

    // MARK: Inlines

    private func note(_ kind: Finding.Kind, _ detail: String) {
        if kind == .formatChange && pending.contains(where: { $0.kind == .formatChange }) { return }
        pending.append((kind, detail))
    }

    private func inlines(of element: XMLElement, emphasis: WordDocument.Emphasis, into out: inout [Inline]) {
        for child in element.elementChildren {
            switch child.local {
            case "r":
                run(child, into: &out)
            case "hyperlink":
                var inner: [Inline] = []
                inlines(of: child, emphasis: emphasis, into: &inner)
                if let id = child.value("r:id"), let relation = relations[id], relation.external {
                    out.append(.link(url: relation.target, inner))
                } else {
                    // A link to a bookmark of the document itself: the words stay.
                    out.append(contentsOf: inner)
                }
            case "ins", "moveTo":
                note(.insertion, child.wordText)
                inlines(of: child, emphasis: emphasis, into: &out)
            case "del", "moveFrom":
                note(.deletion, child.wordText)
            case "fldSimple":
                var inner: [Inline] = []
                inlines(of: child, emphasis: emphasis, into: &inner)
                if let url = Self.hyperlinkTarget(child.value("w:instr") ?? "") {
                    out.append(.link(url: url, inner))
                } else {
                    out.append(contentsOf: inner)
                }
            case "smartTag", "customXml", "bdo", "dir", "sdtContent":
                inlines(of: child, emphasis: emphasis, into: &out)
            case "sdt":
                if let content = child.child("sdtContent") { inlines(of: content, emphasis: emphasis, into: &out) }
            case "commentRangeStart":
                comment(child.value("w:id"))
            case "oMath", "oMathPara":
                let text = child.wordText
                note(.equation, text)
                out.append(.text(text, []))
            case "AlternateContent":
                if let choice = child.child("Choice") { inlines(of: choice, emphasis: emphasis, into: &out) }
            default:
                continue
            }
        }
    }

    private func run(_ run: XMLElement, into out: inout [Inline]) {
        let properties = run.child("rPr")
        var emphasis = styles.emphasis(ofCharacterStyle: properties?.child("rStyle")?.value("w:val"))
        if let bold = properties?.child("b") {
            if bold.isOn { emphasis.insert(.bold) } else { emphasis.remove(.bold) }
        }
        if let italic = properties?.child("i") {
            if italic.isOn { emphasis.insert(.italic) } else { emphasis.remove(.italic) }
        }
        if properties?.child("rPrChange") != nil { note(.formatChange, "") }
        runContent(run, emphasis: emphasis, into: &out)
    }

    private func runContent(_ run: XMLElement, emphasis: WordDocument.Emphasis, into out: inout [Inline]) {
        for child in run.elementChildren {
            if child.local == "fldChar" {
                field(child.value("w:fldCharType") ?? "", into: &out)
                continue
            }
            if child.local == "instrText" {
                if !fields.isEmpty { fields[fields.count - 1].instruction += child.stringValue ?? "" }
                continue
            }
            // The instruction part of a field is not shown; its result is.
            if let field = fields.last, !field.inResult { continue }
            switch child.local {
            case "t":
                out.append(.text(child.stringValue ?? "", emphasis))
            case "tab", "ptab":
                out.append(.text(" ", emphasis))
            case "br":
                if child.value("w:type") == nil || child.value("w:type") == "textWrapping" { out.append(.lineBreak) }
            case "cr":
                out.append(.lineBreak)
            case "noBreakHyphen":
                out.append(.text("-", emphasis))
            case "drawing":
                drawing(child, into: &out)
            case "pict":
                vml(child, into: &out)
            case "object":
                let program = child.descendant("OLEObject")?.value("ProgID") ?? ""
                note(.embeddedObject, program)
            case "footnoteReference", "endnoteReference":
                noteReference(child, endnote: child.local == "endnoteReference", into: &out)
            case "commentReference":
                comment(child.value("w:id"))
            case "AlternateContent":
                if let choice = child.child("Choice") { runContent(choice, emphasis: emphasis, into: &out) }
            case "ruby":
                for base in child.child("rubyBase")?.children("r") ?? [] { self.run(base, into: &out) }
            default:
                continue
            }
        }
    }

    private func field(_ type: String, into out: inout [Inline]) {
        switch type {
        case "begin":
            fields.append(Field())
        case "separate":
            guard !fields.isEmpty else { return }
            fields[fields.count - 1].inResult = true
            if Self.hyperlinkTarget(fields[fields.count - 1].instruction) != nil {
                fields[fields.count - 1].linkStart = out.count
            }
        case "end":
            guard let field = fields.popLast() else { return }
            if let start = field.linkStart, start <= out.count, let url = Self.hyperlinkTarget(field.instruction) {
                let inner = Array(out[start...])
                out.removeSubrange(start...)
                out.append(.link(url: url, inner))
            }
        default:
            return
        }
    }

    /// The address of a `HYPERLINK "https://…"` field; nil for other fields and for links to
    /// the document's own bookmarks (`\l`).
    static func hyperlinkTarget(_ instruction: String) -> String? {
        let words = instruction.trimmingCharacters(in: .whitespaces)
        guard words.uppercased().hasPrefix("HYPERLINK") else { return nil }
        let rest = words.dropFirst("HYPERLINK".count).trimmingCharacters(in: .whitespaces)
        guard !rest.hasPrefix("\\") else { return nil }
        let target = rest.hasPrefix("\"") ? rest.dropFirst().prefix { $0 != "\"" } : rest.prefix { $0 != " " }
        return target.isEmpty ? nil : String(target)
    }

    private func comment(_ id: String?) {
        guard let id, !reportedComments.contains(id) else { return }
        reportedComments.insert(id)
        note(.comment, comments[id] ?? "")
    }

    private func noteReference(_ element: XMLElement, endnote: Bool, into out: inout [Inline]) {
        guard let id = element.value("w:id") else { return }
        let key = (endnote ? "e" : "f") + id
        if let number = noteNumbers[key] {
            out.append(.note(number))
            return
        }
        guard let note = (endnote ? endnotes : footnotes)[id] else { return }
        let wasInNote = inNote
        inNote = true
        let paragraphs = note.descendants("p").compactMap { paragraph($0) }
        inNote = wasInNote
        notes.append(paragraphs)
        noteNumbers[key] = notes.count
        out.append(.note(notes.count))
    }

    // MARK: Pictures and drawings

    private func drawing(_ element: XMLElement, into out: inout [Inline]) {
        if let box = element.descendant("txbxContent") {
            note(.textBox, box.wordText)
            return
        }
        let uri = element.descendant("graphicData")?.value("uri") ?? ""
        if uri.hasSuffix("/chart") || uri.contains("chartex") {
            note(.chart, element.descendant("docPr")?.value("name") ?? "")
            return
        }
        if uri.hasSuffix("/diagram") {
            note(.diagram, "")
            return
        }
        let pictures = element.descendants("pic")
        if pictures.isEmpty {
            note(.shape, element.descendant("docPr")?.value("name") ?? "")
            return
        }
        let frame = element.descendant("docPr")
        for picture in pictures {
            let own = picture.descendant("cNvPr")
            let description =
                [frame?.value("descr"), own?.value("descr"), frame?.value("title")].compactMap { $0 }.first {
                    !$0.trimmingCharacters(in: .whitespaces).isEmpty
                } ?? ""
            guard let blip = picture.descendant("blip") else { continue }
            if let id = blip.value("r:embed") {
                if let inline = self.picture(id, description: description) { out.append(inline) }
            } else if blip.value("r:link") != nil {
                note(.linkedPicture, description)
            }
        }
    }

    /// Old-style (VML) pictures and text boxes, as WPS and older Word versions write them.
    private func vml(_ element: XMLElement, into out: inout [Inline]) {
        if let box = element.descendant("txbxContent") {
            note(.textBox, box.wordText)
        } else if let image = element.descendant("imagedata"), let id = image.value("r:id") {
            let description = element.descendant("shape")?.value("alt") ?? image.value("o:title") ?? ""
            if let inline = picture(id, description: description) { out.append(inline) }
        }
    }

    private func picture(_ id: String, description: String) -> Inline? {
        guard let relation = relations[id] else {
            note(.missingPicture, description)
            return nil
        }
        if relation.external {
            note(.linkedPicture, relation.target)
            return nil
        }
        let type = (relation.target.split(separator: ".").last.map(String.init) ?? "").lowercased()
        guard Self.webPictureTypes.contains(type) else {
            note(.unsupportedPicture, type.uppercased())
            return nil
        }
        guard let bytes = try? zip.contents(of: relation.target) else {
            note(.missingPicture, description)
            return nil
        }
        pictures[relation.target] = bytes
        return .picture(part: relation.target, description: description)
    }
}
