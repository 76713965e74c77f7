import ArgumentParser
import Build
import Core
import Foundation
import Writers

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "为另一网站的某个路径构建门户，打包成一个 zip 文件（专栏）。",
        discussion: """
            例：portal export --zip xgz.zip --base-path /zhuanlan/xgz/
            zip 里是构建好的门户，解压到局网站的这个路径下。
            """
    )

    @OptionGroup var sources: SourceOptions

    @Option(name: .long, help: "要写的 zip 文件；构建通过后才整个写出。")
    var zip: String

    @Option(name: .long, help: "门户所在的网站路径，如 /zhuanlan/xgz/。")
    var basePath: String?

    @Flag(name: .long, help: "链接写到 index.html 文件，供从磁盘打开的副本使用。")
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
