import ArgumentParser
import Content
import Core
import Foundation
import Import

/// `portal import members|sites FILE`: spreadsheet exports merged into the data files;
/// `portal import case FILE`: a Word document made a draft case.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Merges a spreadsheet (CSV or XLSX) of members or sites into data/members.yaml or data/sites.yaml, or makes a Word document (.docx) a draft case.",
        subcommands: [ImportMembers.self, ImportSites.self, ImportCase.self]
    )
}

struct ImportOptions: ParsableArguments {
    @Argument(help: "The spreadsheet: .xlsx, or .csv in UTF-8 or GB18030/GBK.") var file: String
    @Option(help: "A YAML file mapping other column headers to fields, one `header: field` a line.") var mapping: String?
    @Option(help: "The sheet of an XLSX workbook to read; the first by default.") var sheet: String?
    @Flag(name: .customLong("dry-run"), help: "Lists the changes to the data file and writes nothing.") var dryRun = false
    @Option(name: .long, help: "The content folder: portal.yaml, data/.") var content: String = "content"

    func run(_ kind: RecordSchema.Kind) throws {
        let loader = ContentLoader(
            directory: URL(fileURLWithPath: content), displayRoot: SourceOptions.display(content), parallelism: 1)
        let importer = SpreadsheetImporter(loader: loader)
        var request = SpreadsheetImporter.Request(kind: kind, file: URL(fileURLWithPath: file), displayPath: file)
        request.sheet = sheet
        request.mapping = mapping.map { (URL(fileURLWithPath: $0), $0) }
        let plan: SpreadsheetImporter.Plan
        do throws(DiagnosticsError) {
            plan = try importer.plan(request)
            if !plan.warnings.isEmpty { DiagnosticPrinter.print(plan.warnings) }
            if dryRun {
                print(plan.changes, terminator: "")
            } else {
                try importer.write(plan)
            }
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            DiagnosticPrinter.printError("导入失败，\(Self.dataFile(kind, content: content)) 未改动\n")
            throw ExitCode(1)
        }
        print(Self.summary(plan, dryRun: dryRun))
    }

    static func dataFile(_ kind: RecordSchema.Kind, content: String) -> String {
        "\(SourceOptions.display(content))/data/\(kind == .members ? "members" : "sites").yaml"
    }

    static func summary(_ plan: SpreadsheetImporter.Plan, dryRun: Bool) -> String {
        var text =
            "\(plan.path)：新增 \(plan.added.count) 条，更新 \(plan.updated.count) 条，未变 \(plan.unchanged.count) 条"
        if !plan.notInSheet.isEmpty {
            let shown = plan.notInSheet.prefix(20).joined(separator: "、")
            text += "\n表格中没有的 \(plan.notInSheet.count) 条保留未动：\(shown)\(plan.notInSheet.count > 20 ? " …" : "")"
        }
        if dryRun { text += "\n试运行：没有写入任何文件" }
        return text
    }
}

struct ImportMembers: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "members",
        abstract: "Merges party-member shop owners into data/members.yaml by id.",
        discussion: """
            Headers: 编号, 姓名, 店铺, 所属区, 所属站点, 入党时间, 承诺, 联系电话, 身份证号, 备注 \
            (and synonyms such as 店铺名称, 商户名称, 区, 示范点, 手机号). A row without 编号 updates the record \
            with the same 姓名 and 店铺, or is added as the next m-NNN.
            """)

    @OptionGroup var options: ImportOptions

    func run() throws { try options.run(.members) }
}

struct ImportSites: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sites",
        abstract: "Merges demonstration sites and liaison points into data/sites.yaml by id.",
        discussion: """
            Headers: 编号, 名称, 类型, 所属区, 类别, 地址, 设立年份, 党组织, and 六有 (the items met, such as \
            场所、设施) or one column per item (场所 … 制度, 是/否). A row without 编号 updates the site with the \
            same 名称, or is added as the next site-NN.
            """)

    @OptionGroup var options: ImportOptions

    func run() throws { try options.run(.sites) }
}
