import Core
import Documents

/// The warnings and errors of a Word import, said to a staffer: where in the document (the
/// paragraph's number and its first words, as she would look for it) and what to do.
enum DocumentFinding {
    static let changesHint =
        "在 Word 中选“审阅 → 接受 → 接受所有修订”（或“拒绝所有修订”），WPS 中选“审阅 → 接受 → 接受对文档所做的所有修订”，保存后再导入"

    static func diagnostic(_ finding: WordDocument.Finding, path: String) -> Diagnostic {
        let location = place(path, finding.paragraph, finding.paragraphText)
        let detail = excerpt(finding.detail, 30)
        switch finding.kind {
        case .insertion:
            return .error(at: location, "有未处理的修订：插入了“\(detail)”", hint: changesHint)
        case .deletion:
            return .error(at: location, "有未处理的修订：删除了“\(detail)”", hint: changesHint)
        case .formatChange:
            return .warning(at: location, "有未处理的格式修订，按修订后的样子导入", hint: changesHint)
        case .textBox:
            return .warning(
                at: location, "文本框中的文字没有导入：“\(detail)”", hint: "网页上没有文本框：需要的话把这段文字写进正文")
        case .comment:
            return .warning(
                at: location, "批注没有导入：“\(detail)”", hint: "批注是给写稿人看的，不会发布；按批注改好稿件后可在 Word 中删除批注")
        case .equation:
            return .warning(
                at: location, "公式按纯文字导入：“\(detail)”", hint: "网页不显示 Word 公式：在稿件中核对这段文字，或把公式做成图片")
        case .embeddedObject:
            return .warning(
                at: location, "嵌入的对象\(detail.isEmpty ? "" : "（\(detail)）")没有导入",
                hint: "把其中的内容做成表格或图片放进稿件")
        case .chart:
            return .warning(
                at: location, "图表没有导入", hint: "把图表的数字写成 ```chart 块（见 README 的 Tables and charts），或把图表存为图片插入")
        case .diagram:
            return .warning(at: location, "SmartArt 图形没有导入", hint: "改写成列表，或存为图片插入")
        case .shape:
            return .warning(at: location, "图形（形状）没有导入", hint: "需要的话把它存为图片插入")
        case .linkedPicture:
            return .warning(
                at: location, "图片链接到文档外的文件，没有导入\(detail.isEmpty ? "" : "：\(detail)")",
                hint: "在 Word 中用“插入 → 图片”把图片放进文档，再导入")
        case .unsupportedPicture:
            return .warning(
                at: location, "图片是 \(detail) 格式，网页无法显示，没有导入",
                hint: "在 Word 中右击图片，“另存为图片”存为 JPG 或 PNG，放在稿件旁边用 ![说明](文件名) 引用")
        case .missingPicture:
            return .warning(at: location, "文档里找不到这张图片的内容，没有导入", hint: "在 Word 中重新插入这张图片")
        case .nestedTable:
            return .warning(at: location, "表格中的表格已拆成文字", hint: "在稿件中核对这张表格")
        case .embeddedDocument:
            return .warning(at: location, "嵌入的另一份文档没有导入", hint: "在 Word 中打开后另存一次，再导入")
        }
    }

    static func diagnostic(_ note: DraftMarkdown.Note, path: String, folder: String) -> Diagnostic {
        let location = place(path, note.paragraph, note.paragraphText)
        switch note.kind {
        case .mergedCells:
            return .warning(
                at: location, "表格中有合并的单元格，已拆开：文字只留在合并前的第一格", hint: "在 \(folder).md 中核对这张表格")
        case .multiParagraphCell:
            return .warning(at: location, "表格中有几段文字的单元格，已连成一段", hint: "在 \(folder).md 中核对这张表格")
        case .listInCell:
            return .warning(at: location, "表格单元格中的列表已改成文字", hint: "在 \(folder).md 中核对这张表格")
        case .pictureWithoutDescription(let name):
            let stand = name.split(separator: ".").first.map(String.init) ?? name
            return .warning(
                at: location, "图片 \(name) 没有说明文字，暂时写作“\(stand)”",
                hint: "在 \(folder).md 中把 ![\(stand)] 方括号里的字改成图片内容，如 ![市场外景]；或在 Word 中右击图片“编辑替代文字”后重新导入")
        }
    }

    /// `稿件.docx: 第 12 段（“二是强化……”）`.
    static func place(_ path: String, _ paragraph: Int, _ text: String) -> SourceLocation {
        guard paragraph > 0 else { return SourceLocation(path: path, line: 0, label: "开头") }
        let words = excerpt(text, 10)
        return SourceLocation(
            path: path, line: paragraph, label: words.isEmpty ? "第 \(paragraph) 段" : "第 \(paragraph) 段（“\(words)”）")
    }

    static func excerpt(_ text: String, _ length: Int) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return words.count > length ? String(words.prefix(length)) + "……" : words
    }
}
