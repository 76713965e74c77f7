import ArgumentParser
import Content
import Core
import Foundation
import Import

/// `portal import case 稿件.docx --district … --category …`.
struct ImportCase: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Makes a Word or WPS document (.docx) a draft case: content/cases/<slug>.md and its pictures.",
        discussion: """
            The title is the document's Title paragraph, its title property or its first heading. Headings, bold, \
            italic, lists, tables, links, footnotes and pictures are taken in; text boxes, comments, equations and \
            other pieces are listed as warnings at their paragraph. A document with tracked changes is refused until \
            they are accepted or rejected in Word. Nothing is overwritten.
            """)

    @Argument(help: "The document: .docx, as Word, WPS or LibreOffice save it.") var file: String
    @OptionGroup var fields: CaseFields
    @Option(help: "The title, instead of the document's own.") var title: String?
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
