import ArgumentParser
import Content
import Core
import Foundation
import Import

/// `portal import members|sites|liaison|coverage|scores FILE`: spreadsheet exports merged into
/// the data files;
/// `portal import case FILE`: a Word document made a draft case.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "把党员经营户、示范点、联系点活动、两个覆盖统计或考核分数的表格（CSV 或 XLSX）合并进 data/ 下的数据文件，或把 Word 稿件（.docx）变成案例草稿。",
        subcommands: [
            ImportMembers.self, ImportSites.self, ImportLiaison.self, ImportCoverage.self, ImportScores.self, ImportCase.self,
        ]
    )
}

struct ImportOptions: ParsableArguments {
    @Argument(help: "表格文件：.xlsx，或 UTF-8、GB18030/GBK 编码的 .csv。") var file: String
    @Option(help: "把其他列名对应到字段的 YAML 文件，每行一个 `列名: 字段`。") var mapping: String?
    @Option(help: "要读取的 XLSX 工作表；默认第一个。") var sheet: String?
    @Flag(name: .customLong("dry-run"), help: "列出对数据文件的改动，不写任何文件。") var dryRun = false
    @Option(name: .long, help: "内容目录：portal.yaml、data/。") var content: String = "content"

    func run(_ kind: RecordSchema.Kind, asOf: Day? = nil) throws {
        let loader = ContentLoader(
            directory: URL(fileURLWithPath: content), displayRoot: SourceOptions.display(content), parallelism: 1)
        let importer = SpreadsheetImporter(loader: loader)
        var request = SpreadsheetImporter.Request(kind: kind, file: URL(fileURLWithPath: file), displayPath: file)
        request.sheet = sheet
        request.mapping = mapping.map { (URL(fileURLWithPath: $0), $0) }
        request.asOf = asOf
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
        "\(SourceOptions.display(content))/\(RecordSchema.schema(for: kind).dataPath)"
    }

    static func summary(_ plan: SpreadsheetImporter.Plan, dryRun: Bool) -> String {
        var text =
            "\(plan.path)：新增 \(plan.added.count) 条，更新 \(plan.updated.count) 条，未变 \(plan.unchanged.count) 条"
        if !plan.notInSheet.isEmpty {
            let shown = plan.notInSheet.prefix(20).joined(separator: "、")
            text += "\n表格中没有的 \(plan.notInSheet.count) 条保留未动：\(shown)\(plan.notInSheet.count > 20 ? " …" : "")"
        }
        for note in plan.notes { text += "\n" + note }
        if dryRun { text += "\n试运行：没有写入任何文件" }
        return text
    }
}

struct ImportMembers: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "members",
        abstract: "按编号把党员经营户合并进 data/members.yaml。",
        discussion: """
            列名：编号、姓名、店铺、所属区、所属站点、入党时间、承诺、联系电话、身份证号、备注\
            （也认店铺名称、商户名称、区、示范点、手机号等同义列名）。没有编号的行更新姓名和店铺相同的记录，\
            否则作为下一个 m-NNN 加入。
            """)

    @OptionGroup var options: ImportOptions

    func run() throws { try options.run(.members) }
}

struct ImportSites: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sites",
        abstract: "按编号把示范点和联系点合并进 data/sites.yaml。",
        discussion: """
            列名：编号、名称、类型、所属区、类别、地址、设立年份、党组织，以及六有（已达到的项，如场所、设施）\
            或每项一列（场所 … 制度，是/否）。没有编号的行更新名称相同的示范点，否则作为下一个 site-NN 加入。
            """)

    @OptionGroup var options: ImportOptions

    func run() throws { try options.run(.sites) }
}

struct ImportLiaison: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liaison",
        abstract: "把联系领导的履职活动加进 data/liaison.yaml。",
        discussion: """
            列名：联系点（sites.yaml 中联系点的 id 或完整名称）、日期、类型（调研、党课、主题党日、解决困难）、\
            摘要、案例（可不写，写案例的网址名）。每行一次活动，加在所属联系点的 activities 末尾；\
            日期、类型和摘要都相同的活动已经记过，不再重复添加。联系点须已在 liaison.yaml 中写有联系领导。
            """)

    @OptionGroup var options: ImportOptions

    func run() throws { try options.run(.liaison) }
}

struct ImportCoverage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "把一次两个覆盖统计（各区各类市场主体的户数，或集聚区）合并进 data/coverage.yaml。",
        discussion: """
            列名：所属区、类别（小微企业、个体工商户、专业市场）、户数、单独建、联合建、挂靠建、有党员的户数、党员人数、\
            指导员覆盖，可加一列统计截止日。每行按所属区和类别更新这次统计中的一行，或加入新的一行。\
            文件中还没有这一天的统计时，新建一段统计，集聚区先沿用上一次的记录。
            加 --clusters 时导入集聚区：类型（园区、楼宇、商圈、专业市场）、名称、所属区、党员人数、已建党组织（是/否），\
            按名称更新。
            """)

    @OptionGroup var options: ImportOptions
    @Option(name: .customLong("as-of"), help: "统计截止日，如 2026-11-30；表格中有“统计截止日”列时可不写。") var asOf: String?
    @Flag(help: "表格是集聚区（园区、楼宇、商圈、专业市场）的名单。") var clusters = false

    func validate() throws {
        if let asOf, Day(parsing: asOf) == nil {
            throw ValidationError("--as-of '\(asOf)' 不是有效的日期，写成 YYYY-MM-DD，如 2026-11-30")
        }
    }

    func run() throws { try options.run(clusters ? .clusters : .coverage, asOf: asOf.flatMap(Day.init(parsing:))) }
}

struct ImportScores: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scores",
        abstract: "把考核组手工打分的分数合并进 data/assessment.yaml。",
        discussion: """
            列名：年度、所属区，以及 assessment.yaml 中每个“手工打分”项目的名称（如 体制机制）。\
            每行按年度和所属区更新一条分数，或加入新的一条；由门户计算的项目不导入。
            """)

    @OptionGroup var options: ImportOptions

    func run() throws { try options.run(.scores) }
}
