import ArgumentParser
import Content
import Core
import Foundation
import Import

/// `portal import case 稿件.docx --district … --category …`.
struct ImportCase: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "把 Word 或 WPS 稿件（.docx）变成案例草稿：content/cases/<slug>.md 和它的图片。",
        discussion: """
            标题取稿件的“标题”段落、文档属性里的标题或第一个标题。标题、粗体、斜体、列表、表格、链接、脚注和图片都会导入；\
            文本框、批注、公式等无法导入的内容在所在段落列为警告。有修订记录的稿件不会导入，请先在 Word 里接受或拒绝修订。\
            不会覆盖已有文件。
            """)

    @Argument(help: "稿件：Word、WPS 或 LibreOffice 保存的 .docx 文件。") var file: String
    @OptionGroup var fields: CaseFields
    @Option(help: "标题，代替稿件自己的标题。") var title: String?
    @OptionGroup var content: ContentOption

    func run() throws {
        let loader = ContentLoader(
            directory: URL(fileURLWithPath: content.content), displayRoot: SourceOptions.display(content.content),
            parallelism: 1)
        var request = CaseImporter.Request(
            file: URL(fileURLWithPath: file), displayPath: file, district: fields.district, category: fields.category)
        request.draft = fields.draft(title: title ?? "")
        let imported: CaseImporter.Imported
        do throws(DiagnosticsError) {
            imported = try CaseImporter(loader: loader).run(request, today: NewCommand.today)
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            DiagnosticPrinter.printError("导入失败，没有写入任何文件\n")
            throw ExitCode(1)
        }
        if !imported.warnings.isEmpty { DiagnosticPrinter.print(imported.warnings) }
        print(content.path(imported.path))
        for picture in imported.pictures { print(content.path(picture)) }
    }
}
