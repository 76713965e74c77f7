import Content
import Core
import Documents
import Foundation

/// Turns a Word document into a draft case (`portal import case 稿件.docx`): the front matter
/// `portal new case` writes, with the document's title, and its body in the portal's Markdown,
/// its pictures saved in `cases/<slug>/`. What the Markdown cannot hold is listed as warnings at
/// its paragraph. A document with tracked changes is refused: accepting them here would publish
/// words a reviewer may have rejected, and rejecting them would drop the author's edits; which is
/// right can only be decided in Word, where the changes are shown.
public struct CaseImporter {
    public let loader: ContentLoader

    public init(loader: ContentLoader) {
        self.loader = loader
    }

    public struct Request {
        public var file: URL
        /// The file as the user named it, for messages.
        public var displayPath: String
        /// The front matter, as `portal new case` takes it; an empty title is the document's.
        public var draft: Scaffolder.NewCase

        public init(file: URL, displayPath: String, district: String, category: String) {
            self.file = file
            self.displayPath = displayPath
            self.draft = Scaffolder.NewCase(title: "", district: district, category: category)
        }
    }

    public struct Imported {
        /// The write-up's content-relative path.
        public var path: String
        /// The pictures' content-relative paths.
        public var pictures: [String]
        public var warnings: [Diagnostic]
    }

    public func run(_ request: Request, today: Day) throws(DiagnosticsError) -> Imported {
        var problems = Diagnostics()
        var document: WordDocument?
        do throws(DiagnosticsError) {
            document = try read(request)
        } catch {
            problems.append(contentsOf: error.diagnostics)
        }
        if let document {
            problems.append(contentsOf: document.findings.map { DocumentFinding.diagnostic($0, path: request.displayPath) })
        }
        var title: (text: String, block: Int?)?
        if let document {
            title = request.draft.title.isEmpty ? Self.title(of: document) : (request.draft.title, nil)
            if title == nil {
                problems.error(
                    at: SourceLocation(path: request.displayPath, line: 0, label: ""), "稿件没有标题",
                    hint: "在 Word 中给标题那一行套用“标题”样式，或加上 --title \"标题\"")
            }
        }
        var new = request.draft
        new.title = title?.text ?? "标题"
        let scaffolder = Scaffolder(loader: loader)
        do throws(DiagnosticsError) {
            try scaffolder.check(new, today: today)
        } catch {
            problems.append(contentsOf: error.diagnostics)
        }
        guard let document, let title, !problems.hasErrors else { throw DiagnosticsError(problems.all) }

        var blocks = document.blocks
        if let block = title.block { blocks.remove(at: block) }
        var rendered: DraftMarkdown?
        let path = try scaffolder.create(new, today: today) { slug in
            let markdown = DraftMarkdown(blocks: blocks, notes: document.notes, slug: slug)
            rendered = markdown
            return Scaffolder.Body(
                text: markdown.text,
                files: markdown.pictureNames.map { ($0.name, document.pictures[$0.part] ?? []) })
        }
        let folder = String(path.dropLast(".md".count))
        let shown = loader.displayRoot.isEmpty ? folder : "\(loader.displayRoot)/\(folder)"
        problems.append(
            contentsOf: rendered?.notes.map { DocumentFinding.diagnostic($0, path: request.displayPath, folder: shown) } ?? [])
        return Imported(
            path: path, pictures: rendered?.pictureNames.map { "\(folder)/\($0.name)" } ?? [], warnings: problems.sorted)
    }

    private func read(_ request: Request) throws(DiagnosticsError) -> WordDocument {
        guard let data = FileManager.default.contents(atPath: request.file.path) else {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: request.file.path, isDirectory: &isFolder)
            throw DiagnosticsError([
                .error(
                    at: SourceLocation(path: request.displayPath, line: 0, label: ""),
                    exists && !isFolder.boolValue ? "无法读取文件" : exists ? "这是文件夹，不是 Word 文档" : "找不到文件",
                    hint: "检查文件名和所在文件夹；文件名有空格时加引号：portal import case \"我的 稿件.docx\" …")
            ])
        }
        return try DocxReader([UInt8](data), path: request.displayPath).read()
    }

    /// The title and the block it came from: a paragraph in the Title style, else the document's
    /// title property (the first paragraph is dropped when it says the same), else the first
    /// heading.
    static func title(of document: WordDocument) -> (text: String, block: Int?)? {
        func paragraphs() -> [(Int, WordDocument.Paragraph)] {
            document.blocks.enumerated().compactMap { index, block in
                if case .paragraph(let paragraph) = block { return (index, paragraph) }
                return nil
            }
        }
        func clean(_ text: String) -> String {
            text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(
                in: CharacterSet.whitespaces.union(["\u{3000}"]))
        }
        if let (index, paragraph) = paragraphs().first(where: { $0.1.role == .title && !clean($0.1.text).isEmpty }) {
            return (clean(paragraph.text), index)
        }
        if let property = document.propertiesTitle.map(clean), !property.isEmpty {
            if case .paragraph(let first) = document.blocks.first, clean(first.text) == property { return (property, 0) }
            return (property, nil)
        }
        if let (index, paragraph) = paragraphs().first(where: {
            if case .heading = $0.1.role { !clean($0.1.text).isEmpty } else { false }
        }) {
            return (clean(paragraph.text), index)
        }
        return nil
    }
}
