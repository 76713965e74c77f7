import ArgumentParser
import Build
import Content
import Core
import Foundation
import Model
import Writers

/// `portal report --period 2026`: the summary tables (汇总表) the bureau reports upward, as one
/// workbook or one CSV file per table, from the checked content.
struct ReportCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case xlsx, csv
    }

    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "写出上报用的汇总表：两个覆盖、示范点和联系点、联系点履职、教育培训、典型案例、考核得分。",
        discussion: """
            例：portal report --period 2026
                portal report --period 2026 --format csv --out 汇总表-2026
            xlsx 是一个工作簿，每张表一个工作表，数字、百分比和日期都按数值写入，可直接求和、作图；\
            csv 是一个文件夹，每张表一个 CSV 文件。内容有错误时不写任何文件。
            """
    )

    @OptionGroup var sources: SourceOptions

    @Option(name: .long, help: "统计年度，如 2026。")
    var period: Int

    @Option(name: .long, help: "文件格式：xlsx（默认）或 csv。")
    var format: Format = .xlsx

    @Option(name: .long, help: "要写的文件（xlsx）或文件夹（csv）；默认 汇总表-年度.xlsx 或 汇总表-年度/。")
    var out: String?

    func run() async throws {
        let today = NewCommand.today
        guard (2000...today.year).contains(period) else {
            DiagnosticPrinter.printError(
                "error: 统计年度 \(period) 不对：应在 2000 到今年（\(today.year)）之间\nhint: 写要上报的年度，如 --period \(today.year)\n")
            throw ExitCode(1)
        }
        var loader = ContentLoader(
            directory: URL(fileURLWithPath: sources.content), displayRoot: SourceOptions.display(sources.content))
        loader.today = today
        let loaded: ContentLoader.Loaded
        do throws(DiagnosticsError) {
            loaded = try await loader.load()
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            DiagnosticPrinter.printError("内容有错误，汇总表未写出\n")
            throw ExitCode(1)
        }
        DiagnosticPrinter.print(loaded.warnings)
        let report = SummaryReport(portal: loaded.portal, period: period)
        let target = out ?? (format == .xlsx ? "汇总表-\(period).xlsx" : "汇总表-\(period)")
        do {
            switch format {
            case .xlsx:
                try Self.writeWhole(Data(try SummaryWorkbook.xlsx(report)), to: URL(fileURLWithPath: target))
            case .csv:
                let folder = URL(fileURLWithPath: target)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                for file in SummaryWorkbook.csvFiles(report) {
                    try Self.writeWhole(Data(file.bytes), to: folder.appendingPathComponent(file.name))
                }
            }
        } catch {
            DiagnosticPrinter.printError(
                "\(target): error: 无法写入汇总表：\(error.localizedDescription)\nhint: 检查路径是否存在、是否有写权限，或用 --out 换一个位置\n")
            throw ExitCode(1)
        }
        print("已写出 \(period) 年度汇总表（\(report.tables.map(\.name).joined(separator: "、"))）到 \(target)")
    }

    /// Written beside the target and renamed, so an open copy is never half-replaced.
    private static func writeWhole(_ data: Data, to url: URL) throws {
        try data.write(to: url, options: .atomic)
    }
}
