import Documents

/// Writes a Word document's body in the portal's Markdown: headings from `##` down, bold and
/// italic, lists, pipe tables, links, notes as `[注1](#注释)` with the notes listed under
/// `## 注释` at the end, and pictures as `![说明](<slug>/图片1.jpg)`. What cannot be written as
/// the document has it (merged or multi-paragraph cells, a picture without a description) is
/// noted for a warning.
struct DraftMarkdown {
    typealias Inline = WordDocument.Inline
    typealias Paragraph = WordDocument.Paragraph

    /// The heading the notes are listed under; a note mark links to it.
    static let notesHeading = "注释"

    /// A place of the document, and what was changed there in writing it out.
    struct Note {
        enum Kind {
            case mergedCells
            case multiParagraphCell
            case listInCell
            case pictureWithoutDescription(String)
        }

        var kind: Kind
        var paragraph: Int
        var paragraphText: String
    }

    private(set) var text = ""
    private(set) var notes: [Note] = []
    /// Picture part → the file name it is saved under in `cases/<slug>/`, in order of appearance.
    private(set) var pictureNames: [(part: String, name: String)] = []

    private let slug: String
    private let headingShift: Int
    private var paragraphNumber = 0
    private var paragraphText = ""

    /// `blocks` without the title; headings are moved so that the highest becomes `##`.
    init(blocks: [WordDocument.Block], notes documentNotes: [[Paragraph]], slug: String) {
        self.slug = slug
        let levels = blocks.compactMap { block -> Int? in
            if case .paragraph(let paragraph) = block, case .heading(let level) = paragraph.role { return level }
            return nil
        }
        headingShift = 2 - (levels.min() ?? 1)
        var parts: [String] = []
        var index = 0
        while index < blocks.count {
            switch blocks[index] {
            case .paragraph(let paragraph) where paragraph.list != nil:
                // One list, until the items stop or the outermost level turns from bullets to
                // numbers, which CommonMark would start a new list for anyway.
                var items: [Paragraph] = []
                while index < blocks.count, case .paragraph(let item) = blocks[index], let list = item.list,
                    items.isEmpty || list.level > 0 || list.ordered == items[0].list!.ordered
                {
                    items.append(item)
                    index += 1
                }
                parts.append(list(items))
                continue
            case .paragraph(var paragraph):
                // A caption under a picture becomes the picture's title, shown under it: a
                // paragraph in Word's Caption style, or the usual 图为… line in body text.
                if index + 1 < blocks.count, case .paragraph(let next) = blocks[index + 1],
                    next.role == .caption || (next.role == .body && Self.isCaptionLine(next.text)),
                    paragraph.inlines.count == 1, case .picture(let part, let description) = paragraph.inlines[0]
                {
                    parts.append(picture(part, description: description, title: next.text, in: paragraph))
                    index += 2
                    continue
                }
                if paragraph.role == .title { paragraph.role = .body }
                parts.append(self.paragraph(paragraph))
            case .table(let table):
                if let written = self.table(table) { parts.append(written) }
            }
            index += 1
        }
        if !documentNotes.isEmpty {
            parts.append("## \(Self.notesHeading)")
            parts.append(
                documentNotes.enumerated().map { number, paragraphs in
                    let text = paragraphs.map { inline($0.inlines, in: $0) }.joined(separator: " ")
                    return "\(number + 1). \(MarkdownText.line(text.trimmingCharacters(in: .whitespaces)))"
                }.joined(separator: "\n"))
        }
        text = parts.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
    }

    // MARK: Blocks

    private mutating func paragraph(_ paragraph: Paragraph) -> String {
        let body = inline(paragraph.inlines, in: paragraph).trimmingCharacters(in: .whitespaces)
        if body.isEmpty { return "" }
        if case .heading(let level) = paragraph.role {
            let plain = inline(paragraph.inlines.map(Self.plain), in: paragraph).trimmingCharacters(in: .whitespaces)
            let marks = String(repeating: "#", count: min(max(level + headingShift, 2), 6))
            return "\(marks) \(plain.replacingOccurrences(of: "\\\n", with: " "))"
        }
        return MarkdownText.line(body)
    }

    private mutating func list(_ items: [Paragraph]) -> String {
        // Each level is indented to the text of the item above it, as CommonMark nests lists.
        var indents: [Int] = []
        var lines: [String] = []
        for item in items {
            let level = min(item.list!.level, indents.count)
            indents.removeSubrange(level...)
            let indent = indents.reduce(0, +)
            let marker = item.list!.ordered ? "1. " : "- "
            indents.append(marker.count)
            let body = MarkdownText.line(inline(item.inlines, in: item).trimmingCharacters(in: .whitespaces))
            let padding = String(repeating: " ", count: indent)
            lines.append(padding + marker + body.replacingOccurrences(of: "\n", with: "\n" + padding + "   "))
        }
        return lines.joined(separator: "\n")
    }

    private mutating func table(_ table: WordDocument.Table) -> String? {
        var rows: [[String]] = []
        var merged = false
        var multiParagraph = false
        var listed = false
        for row in table.rows {
            var cells: [String] = []
            for cell in row {
                if cell.continuesAbove {
                    merged = true
                    cells.append("")
                } else {
                    if cell.paragraphs.count > 1 { multiParagraph = true }
                    if cell.paragraphs.contains(where: { $0.list != nil }) { listed = true }
                    let text = cell.paragraphs.map { paragraph in
                        inline(paragraph.inlines, in: paragraph).replacingOccurrences(of: "\\\n", with: " ")
                            .trimmingCharacters(in: .whitespaces)
                    }.filter { !$0.isEmpty }.joined(separator: " ")
                    cells.append(text)
                }
                if cell.span > 1 {
                    merged = true
                    cells.append(contentsOf: Array(repeating: "", count: cell.span - 1))
                }
            }
            rows.append(cells)
        }
        guard let width = rows.map(\.count).max(), width > 0 else { return nil }
        let first = table.rows.lazy.flatMap { $0 }.flatMap(\.paragraphs).first
        let place = (table.number, first?.text ?? "")
        if merged { notes.append(Note(kind: .mergedCells, paragraph: place.0, paragraphText: place.1)) }
        if multiParagraph { notes.append(Note(kind: .multiParagraphCell, paragraph: place.0, paragraphText: place.1)) }
        if listed { notes.append(Note(kind: .listInCell, paragraph: place.0, paragraphText: place.1)) }
        func line(_ cells: [String]) -> String {
            let padded = cells + Array(repeating: "", count: width - cells.count)
            return "| " + padded.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |"
        }
        var lines = [line(rows[0]), line(Array(repeating: "---", count: width))]
        lines.append(contentsOf: rows.dropFirst().map(line))
        return lines.joined(separator: "\n")
    }

    // MARK: Inlines

    private static func plain(_ inline: Inline) -> Inline {
        switch inline {
        case .text(let text, _): .text(text, [])
        case .link(let url, let inner): .link(url: url, inner.map(plain))
        default: inline
        }
    }

    /// Runs of the same emphasis are joined before they are marked, so that Word's many runs of
    /// one bold phrase become one `**…**`.
    private mutating func inline(_ inlines: [Inline], in paragraph: Paragraph) -> String {
        var out = ""
        var pending = ""
        var pendingEmphasis: WordDocument.Emphasis = []
        func flush() {
            out += MarkdownText.emphasized(MarkdownText.escaped(pending), pendingEmphasis)
            pending = ""
        }
        for item in inlines {
            switch item {
            case .text(let text, let emphasis):
                if emphasis != pendingEmphasis && !pending.isEmpty { flush() }
                pendingEmphasis = emphasis
                pending += text
            case .link(let url, let inner):
                flush()
                let label = inline(inner, in: paragraph)
                out += "[\(label.isEmpty ? MarkdownText.escaped(url) : label)](\(MarkdownText.destination(url)))"
            case .note(let number):
                flush()
                out += "[注\(number)](#\(Self.notesHeading))"
            case .picture(let part, let description):
                flush()
                out += picture(part, description: description, title: nil, in: paragraph)
            case .lineBreak:
                flush()
                out += "\\\n"
            }
        }
        flush()
        return out.hasSuffix("\\\n") ? String(out.dropLast(2)) : out
    }

    /// `图为东湖区水产市场党群服务中心`, `图：…`: a short line that names what the photo above
    /// shows, as bureau write-ups put under every photo.
    static func isCaptionLine(_ text: String) -> Bool {
        let line = text.trimmingCharacters(in: .whitespaces)
        return line.count <= 80 && ["图为", "图：", "图:", "（图为", "(图为"].contains { line.hasPrefix($0) }
    }

    /// `photo.jpg`, `IMG_2034.JPG`, `图片1.png`: a name, not a description.
    static func isFileName(_ text: String) -> Bool {
        text.wholeMatch(of: /(?i)[^\s\/\\]+\.(jpe?g|png|gif|webp|bmp|tiff?|heic|emf|wmf)/) != nil
    }

    private mutating func picture(_ part: String, description: String, title: String?, in paragraph: Paragraph)
        -> String
    {
        let name: String
        if let known = pictureNames.first(where: { $0.part == part }) {
            name = known.name
        } else {
            var type = (part.split(separator: ".").last.map(String.init) ?? "jpg").lowercased()
            if type == "jpeg" { type = "jpg" }
            name = "图片\(pictureNames.count + 1).\(type)"
            pictureNames.append((part, name))
        }
        var alt = description.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
        // Word and converters fill the description with the picture's file name when the
        // author gave none; read aloud to a reader who cannot see it, that says nothing.
        if Self.isFileName(alt) { alt = "" }
        if alt.isEmpty {
            alt = String(name.split(separator: ".").first ?? "")
            notes.append(Note(kind: .pictureWithoutDescription(name), paragraph: paragraph.number, paragraphText: paragraph.text))
        }
        let caption = title.map { " \"\($0.replacingOccurrences(of: "\"", with: "\\\""))\"" } ?? ""
        return "![\(MarkdownText.escaped(alt))](\(slug)/\(name)\(caption))"
    }
}
