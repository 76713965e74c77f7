import Core
import Foundation
import Spreadsheets

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads a Word document (`.docx`, as Microsoft Word, WPS and LibreOffice save it): a zip of
/// XML parts (`word/document.xml`, its styles, numbering, notes, comments and pictures), read
/// with the project's zip reader and Foundation's XML parser. Files that are not a `.docx`
/// (an old `.doc` or `.wps`, an `.odt`, another zip) are refused with what to do instead.
public struct DocxReader {
    private let zip: ZipReader
    private let path: String

    /// `path` is the file as the user named it, for messages.
    public init(_ bytes: [UInt8], path: String) throws(DiagnosticsError) {
        self.path = path
        if bytes.isEmpty { throw Self.problem(path, "文件是空的", hint: "在 Word 或 WPS 中重新保存为 .docx") }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw Self.problem(
                path, "这是旧版 Word 或 WPS 文档（.doc、.wps）或设了打开密码的文档，不是 .docx",
                hint: "在 Word 或 WPS 中打开，“文件 → 另存为”，文件类型选“Word 文档（*.docx）”（有密码的先取消密码），再导入另存的文件")
        }
        if bytes.starts(with: Array("{\\rtf".utf8)) {
            throw Self.problem(path, "这是 RTF 文档，不是 .docx", hint: "在 Word 或 WPS 中打开，另存为“Word 文档（*.docx）”")
        }
        do {
            zip = try ZipReader(bytes)
        } catch {
            throw Self.problem(
                path, "不是 Word 文档（.docx）：文件不是 .docx 那样的压缩包",
                hint: "在 Word 或 WPS 中打开，另存为“Word 文档（*.docx）”；网页、纯文本和 PDF 不能导入")
        }
    }

    /// Foundation's XML tree on Linux is not safe to use from two threads at once (its nodes
    /// share libxml2 state), so documents are read one at a time.
    private static let treeLock = NSLock()

    public func read() throws(DiagnosticsError) -> WordDocument {
        Self.treeLock.lock()
        defer { Self.treeLock.unlock() }
        // An element lives only as long as its XMLDocument: every tree is kept to the end.
        var trees: [XMLDocument] = []
        defer { withExtendedLifetime(trees) {} }
        func xml(_ part: String) throws(DiagnosticsError) -> XMLElement? {
            guard let tree = try self.tree(part) else { return nil }
            trees.append(tree)
            return tree.rootElement()
        }
        let documentPart = try mainPart()
        guard let body = try xml(documentPart)?.child("body") else {
            throw Self.problem(path, "文档内容损坏：\(documentPart) 中没有正文", hint: "在 Word 或 WPS 中打开，另存为新的 .docx")
        }
        let relations = try relations(of: documentPart)
        func related(_ type: String) throws(DiagnosticsError) -> XMLElement? {
            guard let target = relations.values.first(where: { $0.type.hasSuffix("/" + type) && !$0.external }) else {
                return nil
            }
            return try xml(target.target)
        }
        let styles = WordStyles(styles: try related("styles"), numbering: try related("numbering"))
        var comments: [String: String] = [:]
        for comment in try related("comments")?.children("comment") ?? [] {
            guard let id = comment.value("w:id") else { continue }
            let author = comment.value("w:author").map { "\($0)：" } ?? ""
            comments[id] = author + comment.wordText.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let reader = DocxBodyReader(
            styles: styles, relations: relations, zip: zip,
            footnotes: Self.notes(try related("footnotes"), "footnote"), endnotes: Self.notes(try related("endnotes"), "endnote"),
            comments: comments)
        let blocks = reader.blocks(of: body)
        var document = WordDocument(
            blocks: blocks, notes: reader.notes, pictures: reader.pictures, findings: reader.findings)
        if let core = try xml("docProps/core.xml")?.child("title")?.stringValue {
            let title = core.trimmingCharacters(in: .whitespacesAndNewlines)
            document.propertiesTitle = title.isEmpty ? nil : title
        }
        return document
    }

    // MARK: Parts

    struct Relation {
        var type: String
        var target: String
        var external: Bool
    }

    /// The main part named by `_rels/.rels`, with a clear refusal for other packages.
    private func mainPart() throws(DiagnosticsError) -> String {
        if let mimetype = try bytes("mimetype") {
            let type = String(decoding: mimetype, as: UTF8.self)
            if type.contains("opendocument.text") {
                throw Self.problem(
                    path, "这是 OpenDocument 文本（.odt），不是 .docx",
                    hint: "在 WPS 或 LibreOffice 中打开，“另存为”时文件类型选“Word 文档（*.docx）”")
            }
        }
        let rels = try relations(of: "")
        if let main = rels.values.first(where: { $0.type.hasSuffix("/officeDocument") }) {
            if main.target.hasPrefix("xl/") || main.target.hasPrefix("ppt/") {
                throw Self.problem(
                    path, "这是\(main.target.hasPrefix("xl/") ? " Excel 工作簿" : " PowerPoint 演示文稿")，不是 Word 文档",
                    hint: "稿件要用 Word 或 WPS 文字写，保存为 .docx；表格数据用 portal import members|sites 导入")
            }
            if zip.entries[main.target] != nil { return main.target }
        }
        if zip.entries["word/document.xml"] != nil { return "word/document.xml" }
        throw Self.problem(
            path, "不是 Word 文档（.docx）：压缩包里没有 word/document.xml", hint: "在 Word 或 WPS 中打开，另存为“Word 文档（*.docx）”")
    }

    private func relations(of part: String) throws(DiagnosticsError) -> [String: Relation] {
        let folder = Self.folder(of: part)
        let name = part.split(separator: "/").last.map(String.init) ?? ""
        let relsPart = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        var relations: [String: Relation] = [:]
        let tree = try tree(relsPart)
        defer { withExtendedLifetime(tree) {} }
        for element in tree?.rootElement()?.children("Relationship") ?? [] {
            guard let id = element.value("Id"), let target = element.value("Target") else { continue }
            let external = element.value("TargetMode") == "External"
            relations[id] = Relation(
                type: element.value("Type") ?? "", target: external ? target : Self.resolve(target, from: folder),
                external: external)
        }
        return relations
    }

    private func bytes(_ part: String) throws(DiagnosticsError) -> [UInt8]? {
        do {
            return try zip.contents(of: part)
        } catch {
            throw Self.problem(path, "文档损坏：\(part) 无法读出（\(error)）", hint: "在 Word 或 WPS 中打开，另存为新的 .docx")
        }
    }

    private func tree(_ part: String) throws(DiagnosticsError) -> XMLDocument? {
        guard let bytes = try bytes(part) else { return nil }
        do {
            return try XMLDocument(data: Data(bytes), options: [.nodeLoadExternalEntitiesNever])
        } catch {
            throw Self.problem(path, "文档损坏：\(part) 不是有效的 XML", hint: "在 Word 或 WPS 中打开，另存为新的 .docx")
        }
    }

    private static func notes(_ root: XMLElement?, _ name: String) -> [String: XMLElement] {
        var notes: [String: XMLElement] = [:]
        for note in root?.children(name) ?? [] where note.value("w:type") == nil || note.value("w:type") == "normal" {
            if let id = note.value("w:id") { notes[id] = note }
        }
        return notes
    }

    static func folder(of part: String) -> String {
        part.split(separator: "/").dropLast().joined(separator: "/")
    }

    /// A relationship's target, relative to the folder of its source part or absolute.
    static func resolve(_ target: String, from folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." {
                _ = parts.popLast()
            } else if piece != "." {
                parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }

    private static func problem(_ path: String, _ message: String, hint: String) -> DiagnosticsError {
        DiagnosticsError([.error(at: SourceLocation(path: path, line: 0, label: ""), message, hint: hint)])
    }
}
