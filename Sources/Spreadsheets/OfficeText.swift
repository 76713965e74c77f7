/// The text a reader sees in a Word document (.docx) or an Excel workbook (.xlsx), read from
/// the zip's XML parts: for a document its body, headers, footers, notes and comments; for a
/// workbook its shared strings, the cells of its sheets (inline strings and values) and its
/// comments. Runs of one paragraph or cell are joined as they show, with nothing between them
/// (Word splits `13800138000` into runs wherever the formatting or spell check changed);
/// paragraphs, cells and parts each end a line.
public enum OfficeText {
    public enum Failure: Error, Equatable {
        /// The file is not a zip, or a part is damaged: the reason, in Chinese.
        case unreadable(String)
    }

    /// The text of `bytes`, a `.docx` or `.xlsx` file as `fileExtension` says.
    public static func text(of bytes: [UInt8], fileExtension: String) throws(Failure) -> String {
        let zip: ZipReader
        do {
            zip = try ZipReader(bytes)
        } catch {
            throw .unreadable(Self.reason(error))
        }
        let isWorkbook = fileExtension == "xlsx"
        let parts = zip.entries.keys.filter { isWorkbook ? isWorkbookTextPart($0) : isDocumentTextPart($0) }.sorted()
        guard !parts.isEmpty else { throw .unreadable(isWorkbook ? "不是 Excel 工作簿（缺少工作表）" : "不是 Word 文档（缺少 word/document.xml）") }
        var text = ""
        for part in parts {
            let xml: [UInt8]?
            do {
                xml = try zip.contents(of: part)
            } catch {
                throw .unreadable(Self.reason(error))
            }
            guard let xml else { continue }
            var inText = false
            let parsed = XMLEvents.parse(
                xml,
                start: { name, _ in
                    switch name {
                    case "t", "v", "delText", "instrText": inText = name == "t" || name == "v" || name == "delText"
                    case "tab": text += "\t"
                    case "br", "cr": text += "\n"
                    default: break
                    }
                },
                text: { if inText { text += $0 } },
                end: { name in
                    switch name {
                    case "t", "v", "delText", "instrText": inText = false
                    case "p", "si", "c", "row", "comment", "tc": text += "\n"
                    default: break
                    }
                })
            guard parsed else { throw .unreadable("\(part) 不是完好的 XML") }
            text += "\n"
        }
        return text
    }

    private static func isDocumentTextPart(_ name: String) -> Bool {
        guard name.hasPrefix("word/"), name.hasSuffix(".xml"), !name.contains("/_rels/") else { return false }
        let file = name.dropFirst("word/".count)
        return file == "document.xml" || file.hasPrefix("header") || file.hasPrefix("footer") || file.hasPrefix("comments")
            || file == "footnotes.xml" || file == "endnotes.xml"
    }

    private static func isWorkbookTextPart(_ name: String) -> Bool {
        guard name.hasSuffix(".xml"), !name.contains("/_rels/") else { return false }
        return name == "xl/sharedStrings.xml" || name.hasPrefix("xl/worksheets/sheet") || name.hasPrefix("xl/comments")
    }

    private static func reason(_ failure: ZipReader.Failure) -> String {
        switch failure {
        case .notZip: return "不是 zip 格式的 Office 文件（可能已损坏，或是旧的 .doc/.xls 改了扩展名）"
        case .unsupported(let what): return "不支持的 zip 格式：\(what)"
        case .damaged(let what): return "文件已损坏：\(what)"
        }
    }
}
