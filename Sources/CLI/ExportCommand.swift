import ArgumentParser
import Build
import Core
import Foundation

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Builds the portal for a path of another website and packs it as a zip file (a column, 专栏).",
        discussion: """
            Example: portal export --zip xgz.zip --base-path /zhuanlan/xgz/
            The zip holds the built portal, to be unpacked under that path of the bureau's website.
            """
    )

    @OptionGroup var sources: SourceOptions

    @Option(name: .long, help: "The zip file to write; written whole, only when the build passed.")
    var zip: String

    @Option(name: .long, help: "The path the portal is served under, such as /zhuanlan/xgz/.")
    var basePath: String?

    @Flag(name: .long, help: "Link to index.html files, for a copy opened from disk.")
    var relative = false

    @OptionGroup var report: ReportOptions

    func run() async throws {
        var options = sources.builderOptions
        options.basePath = basePath
        options.linksToFiles = relative
        options.updatesInPlace = false
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do throws(DiagnosticsError) {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let output = folder.appendingPathComponent("site")
            let result = try await SiteBuilder(options: options).publish(to: output)
            try SitePackage.zip(output, to: URL(fileURLWithPath: zip))
            DiagnosticPrinter.print(result.warnings, format: report.format)
            if report.format == .text {
                print("已打包 \(result.pageCount) 个页面到 \(zip)\(basePath.map { "，网站路径 \($0)" } ?? "")")
            }
        } catch {
            DiagnosticPrinter.print(error.diagnostics, format: report.format)
            DiagnosticPrinter.printError("导出失败，\(zip) 未写入\n")
            throw ExitCode(1)
        }
    }
}
