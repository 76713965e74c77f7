import Core

/// An Excel or WPS workbook (`.xlsx`): a zip of XML parts. Reads one sheet's cells with their
/// values: shared and inline strings, numbers, booleans, and numbers with a date format as
/// dates. Formulas are read by their last calculated value, as the file stores it.
struct XLSXReader {
    private let zip: ZipReader
    private let path: String

    init(_ bytes: [UInt8], path: String) throws(DiagnosticsError) {
        self.path = path
        do {
            zip = try ZipReader(bytes)
        } catch {
            throw Self.failure(error, path: path)
        }
    }

    /// The names of the workbook's sheets, in the order of their tabs.
    func sheetNames() throws(DiagnosticsError) -> [String] {
        try workbook().sheets.map(\.name)
    }

    /// The sheet called `name`, or the first one.
    func read(sheet name: String?) throws(DiagnosticsError) -> Sheet {
        let workbook = try workbook()
        guard let first = workbook.sheets.first else { throw problem("工作簿中没有工作表") }
        var chosen = first
        if let name {
            guard let found = workbook.sheets.first(where: { $0.name == name }) else {
                let names = workbook.sheets.map(\.name)
                // The mistake is in the option, not in the workbook.
                throw DiagnosticsError([
                    .error(
                        at: .commandLine("--sheet"), "工作簿 \(path) 中没有名为“\(name)”的工作表",
                        hint: Suggestion.didYouMean(name, in: names) ?? "现有的工作表：\(names.joined(separator: "、"))")
                ])
            }
            chosen = found
        }
        let strings = try sharedStrings()
        let dateStyles = try dateStyles()
        guard let bytes = try part(chosen.part) else { throw problem("找不到工作表“\(chosen.name)”的内容（\(chosen.part)）") }
        return try cells(of: bytes, name: chosen.name, strings: strings, dateStyles: dateStyles, uses1904: workbook.uses1904)
    }

    // MARK: Parts

    private struct Workbook {
        var sheets: [(name: String, part: String)]
        var uses1904: Bool
    }

    private func workbook() throws(DiagnosticsError) -> Workbook {
        var workbookPart = "xl/workbook.xml"
        if let rels = try part("_rels/.rels") {
            for relation in relationships(rels) where relation.type.hasSuffix("/officeDocument") {
                workbookPart = Self.resolve(relation.target, from: "")
            }
        }
        guard let bytes = try part(workbookPart) else {
            throw problem("不是 Excel 工作簿：缺少 \(workbookPart)", hint: "用 Excel 或 WPS 另存为 .xlsx 格式")
        }
        var sheets: [(name: String, relation: String)] = []
        var uses1904 = false
        let parsed = XMLEvents.parse(bytes) { element, attributes in
            if element == "sheet", let name = attributes["name"] {
                let relation = attributes.first { $0.key == "r:id" || $0.key.hasSuffix(":id") }?.value ?? ""
                sheets.append((name, relation))
            } else if element == "workbookPr" {
                uses1904 = attributes["date1904"] == "1" || attributes["date1904"] == "true"
            }
        }
        guard parsed else { throw problem("工作簿内容损坏：\(workbookPart) 不是有效的 XML") }
        let folder = workbookPart.split(separator: "/").dropLast().joined(separator: "/")
        let relsPart =
            (folder.isEmpty ? "" : folder + "/") + "_rels/" + (workbookPart.split(separator: "/").last.map(String.init) ?? "")
            + ".rels"
        var targets: [String: String] = [:]
        if let rels = try part(relsPart) {
            for relation in relationships(rels) { targets[relation.id] = Self.resolve(relation.target, from: folder) }
        }
        return Workbook(
            sheets: sheets.enumerated().map { index, sheet in
                (sheet.name, targets[sheet.relation] ?? "\(folder)/worksheets/sheet\(index + 1).xml")
            }, uses1904: uses1904)
    }

    private func relationships(_ bytes: [UInt8]) -> [(id: String, type: String, target: String)] {
        var found: [(id: String, type: String, target: String)] = []
        _ = XMLEvents.parse(bytes) { element, attributes in
            if element == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
                found.append((id, attributes["Type"] ?? "", target))
            }
        }
        return found
    }

    /// A relationship's target: relative to the folder of the part that names it, or absolute.
    private static func resolve(_ target: String, from folder: String) -> String {
        var parts = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." {
                if !parts.isEmpty { parts.removeLast() }
            } else if piece != "." {
                parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }

    private func sharedStrings() throws(DiagnosticsError) -> [String] {
        guard let bytes = try part("xl/sharedStrings.xml") else { return [] }
        var strings: [String] = []
        var current = ""
        var inText = false
        // Phonetic guides (`<rPh>`) are not part of the cell's text.
        var inPhonetic = false
        let parsed = XMLEvents.parse(
            bytes,
            start: { element, _ in
                switch element {
                case "si": current = ""
                case "t": inText = !inPhonetic
                case "rPh": inPhonetic = true
                default: break
                }
            },
            text: { if inText { current += $0 } },
            end: { element in
                switch element {
                case "si": strings.append(current)
                case "t": inText = false
                case "rPh": inPhonetic = false
                default: break
                }
            })
        guard parsed else { throw problem("工作簿内容损坏：sharedStrings.xml 不是有效的 XML") }
        return strings
    }

    /// Which cell styles (`s="3"`) show numbers as dates.
    private func dateStyles() throws(DiagnosticsError) -> Set<Int> {
        guard let bytes = try part("xl/styles.xml") else { return [] }
        var customFormats: [Int: String] = [:]
        var formats: [Int] = []
        var inCellFormats = false
        let parsed = XMLEvents.parse(
            bytes,
            start: { element, attributes in
                switch element {
                case "numFmt":
                    if let id = attributes["numFmtId"].flatMap({ Int($0) }) { customFormats[id] = attributes["formatCode"] }
                case "cellXfs": inCellFormats = true
                case "xf" where inCellFormats: formats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
                default: break
                }
            },
            end: { element in if element == "cellXfs" { inCellFormats = false } })
        guard parsed else { throw problem("工作簿内容损坏：styles.xml 不是有效的 XML") }
        var styles: Set<Int> = []
        for (index, format) in formats.enumerated() where ExcelDate.isDateFormat(id: format, code: customFormats[format]) {
            styles.insert(index)
        }
        return styles
    }

    private func cells(of bytes: [UInt8], name: String, strings: [String], dateStyles: Set<Int>, uses1904: Bool)
        throws(DiagnosticsError) -> Sheet
    {
        var rows: [SheetRow] = []
        var cells: [Cell] = []
        var rowNumber = 0
        var column = 0
        var type = "n"
        var style = 0
        var value = ""
        var inValue = false
        var inlineText = ""
        var inInline = false
        var inPhonetic = false
        var problems: [Diagnostic] = []

        func finishCell() {
            let cellValue: CellValue?
            switch type {
            case "s":
                if let index = Int(value.trimmingWhitespace), strings.indices.contains(index) {
                    cellValue = .text(strings[index])
                } else {
                    problems.append(
                        .error(
                            at: SourceLocation(path: path, line: rowNumber, column: column),
                            "工作表“\(name)”\(ColumnName.letters(column))\(rowNumber) 单元格引用了不存在的共享文字 \(value)"))
                    cellValue = nil
                }
            case "inlineStr": cellValue = .text(inlineText)
            case "str": cellValue = .text(value)
            case "b": cellValue = .boolean(value.trimmingWhitespace == "1")
            case "e": cellValue = .error(value)
            case "d":
                cellValue = Day(parsing: String(value.prefix(10))).map(CellValue.date) ?? .text(value)
            default:
                let digits = value.trimmingWhitespace
                if digits.isEmpty {
                    cellValue = nil
                } else if let number = Double(digits) {
                    if dateStyles.contains(style), let day = ExcelDate.day(fromSerial: number, uses1904: uses1904) {
                        cellValue = .date(day)
                    } else {
                        cellValue = .number(number, digits: digits)
                    }
                } else {
                    cellValue = .text(digits)
                }
            }
            if let cellValue {
                if case .text(let text) = cellValue, text.isEmpty { return }
                cells.append(Cell(column: column, value: cellValue))
            }
        }

        let parsed = XMLEvents.parse(
            bytes,
            start: { element, attributes in
                switch element {
                case "row":
                    rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
                    cells = []
                    column = 0
                case "c":
                    column = attributes["r"].flatMap { ColumnName.number(ofReference: Substring($0)) } ?? column + 1
                    type = attributes["t"] ?? "n"
                    style = attributes["s"].flatMap { Int($0) } ?? 0
                    value = ""
                    inlineText = ""
                case "v": inValue = true
                case "is": inInline = true
                case "rPh": inPhonetic = true
                default: break
                }
            },
            text: { text in
                if inValue {
                    value += text
                } else if inInline && !inPhonetic {
                    inlineText += text
                }
            },
            end: { element in
                switch element {
                case "v": inValue = false
                case "is": inInline = false
                case "rPh": inPhonetic = false
                case "c": finishCell()
                case "row":
                    if !cells.isEmpty { rows.append(SheetRow(number: rowNumber, cells: cells.sorted { $0.column < $1.column })) }
                default: break
                }
            })
        guard parsed else { throw problem("工作表“\(name)”的内容损坏：不是有效的 XML") }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return Sheet(name: name, rows: rows)
    }

    private func part(_ name: String) throws(DiagnosticsError) -> [UInt8]? {
        do {
            return try zip.contents(of: name)
        } catch {
            throw Self.failure(error, path: path)
        }
    }

    private func problem(_ message: String, hint: String? = nil) -> DiagnosticsError {
        DiagnosticsError([.error(at: SourceLocation(path: path), message, hint: hint)])
    }

    private static func failure(_ error: ZipReader.Failure, path: String) -> DiagnosticsError {
        let message: String
        switch error {
        case .notZip: message = "不是 .xlsx 工作簿（不是 zip 格式）"
        case .unsupported(let what): message = "工作簿使用了不支持的格式：\(what)"
        case .damaged(let what): message = "工作簿已损坏：\(what)"
        }
        return DiagnosticsError([
            .error(
                at: SourceLocation(path: path), message,
                hint: "用 Excel 或 WPS 打开后另存为 .xlsx（Excel 工作簿）；旧的 .xls 格式也请另存为 .xlsx")
        ])
    }
}
