import Core

/// CSV as RFC 4180 has it, and as Excel and WPS save it: fields separated by commas (or tabs,
/// when the first line has tabs and no commas), quoted fields with `""` for a quote and line
/// breaks inside, CRLF or LF line ends.
enum CSVReader {
    static func read(_ bytes: [UInt8], path: String) throws(DiagnosticsError) -> Sheet {
        guard let (text, _) = TextDecoding.decode(bytes) else {
            throw DiagnosticsError([
                .error(
                    at: SourceLocation(path: path), "CSV 文件既不是 UTF-8 编码，也不是 GB18030/GBK 编码",
                    hint: "在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”，或直接导入 .xlsx 文件")
            ])
        }
        return try parse(text, path: path)
    }

    static func parse(_ text: String, path: String) throws(DiagnosticsError) -> Sheet {
        let scalars = Array(text.unicodeScalars)
        let firstLine = scalars.prefix { $0 != "\n" && $0 != "\r" }
        let separator: Unicode.Scalar = firstLine.contains("\t") && !firstLine.contains(",") ? "\t" : ","
        var rows: [SheetRow] = []
        var cells: [Cell] = []
        var field = String.UnicodeScalarView()
        var column = 1
        var record = 1
        var quoted = false
        var fieldWasQuoted = false
        var quoteOpenedAt = (record: 1, column: 1)
        var index = 0

        func endField() {
            let value = String(field)
            if !value.isEmpty && (fieldWasQuoted || !value.allSatisfy(\.isWhitespace)) {
                cells.append(Cell(column: column, value: .text(value)))
            }
            field = String.UnicodeScalarView()
            fieldWasQuoted = false
            column += 1
        }
        func endRecord() {
            endField()
            if !cells.isEmpty { rows.append(SheetRow(number: record, cells: cells)) }
            cells = []
            column = 1
            record += 1
        }

        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if quoted {
                if scalar == "\"" {
                    if index < scalars.count && scalars[index] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else if scalar == "\r" && index < scalars.count && scalars[index] == "\n" {
                    field.append("\n")
                    index += 1
                } else {
                    field.append(scalar == "\r" ? "\n" : scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !fieldWasQuoted:
                quoted = true
                fieldWasQuoted = true
                quoteOpenedAt = (record, column)
            case separator:
                endField()
            case "\r":
                if index < scalars.count && scalars[index] == "\n" { index += 1 }
                endRecord()
            case "\n":
                endRecord()
            default:
                // Text after a closing quote (`"a"b`) is kept, as Excel does.
                field.append(scalar)
            }
        }
        if quoted {
            throw DiagnosticsError([
                .error(
                    at: SourceLocation(path: path, line: quoteOpenedAt.record, column: quoteOpenedAt.column),
                    "第 \(quoteOpenedAt.record) 行第 \(quoteOpenedAt.column) 列的引号没有结束",
                    hint: "以英文双引号 \" 开始的内容要以 \" 结束，内容里的引号写两遍 \"\"")
            ])
        }
        if !field.isEmpty || fieldWasQuoted || !cells.isEmpty { endRecord() }
        return Sheet(name: nil, rows: rows)
    }
}
