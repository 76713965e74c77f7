import ArgumentParser
import Build
import Core
import Foundation
import Views

/// `portal plates --district 东湖区 --out 东湖区公示牌.pdf`: a district's plates (or service
/// cards) in one PDF, one a page, for the print shop.
struct PlatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plates",
        abstract: "把一个区的共产党员经营户和示范点、联系点公示牌（或党员服务卡）印成一个 PDF，每块一页。",
        discussion: """
            例：portal plates --district 东湖区 --out 东湖区公示牌.pdf
                portal plates --district 东湖区 --size card --out 东湖区党员服务卡.pdf
            样式来自 templates/plate.mustache 和 templates/assets/plate.css，与网站上的打印页相同；\
            二维码指向门户上经营户或站点的页面。用无界面的 Chromium 排版（apt install chromium），中文字体嵌入 PDF。\
            只印已发布的内容；PDF 中出现手机号码、身份证号码时不写出。
            """
    )

    enum Size: String, ExpressibleByArgument, CaseIterable {
        case a4, a5, card
    }

    enum Only: String, ExpressibleByArgument, CaseIterable {
        case members, sites
    }

    @OptionGroup var sources: SourceOptions

    @Option(name: .long, help: "区的名称或网址名，如 东湖区。")
    var district: String

    @Option(name: .long, help: "尺寸：a4（默认）、a5，或 card（85.6×54 毫米党员服务卡，只有经营户）。")
    var size: Size = .a4

    @Option(name: .long, help: "只印 members（党员经营户）或 sites（示范点和联系点）。")
    var only: Only?

    @Option(name: .long, help: "要写的 PDF 文件；默认 区名公示牌.pdf。")
    var out: String?

    func run() async throws {
        let target = out ?? "\(district)\(size == .card ? "党员服务卡" : "公示牌").pdf"
        var request = PrintedPlates.Request(
            content: URL(fileURLWithPath: sources.content), templates: URL(fileURLWithPath: sources.templates),
            contentDisplay: SourceOptions.display(sources.content), templatesDisplay: SourceOptions.display(sources.templates),
            district: district, output: URL(fileURLWithPath: target), outputDisplay: target, today: NewCommand.today)
        request.size = PageViews.PlateSize(rawValue: size.rawValue) ?? .a4
        if let only { request.kinds = [only == .members ? .members : .sites] }
        if size == .card { request.kinds = [.members] }
        do throws(DiagnosticsError) {
            let outcome = try await PrintedPlates.print(request)
            DiagnosticPrinter.print(outcome.warnings)
            print("已把\(outcome.district)的 \(outcome.plates) 块\(request.size.label)印到 \(target)")
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            DiagnosticPrinter.printError("没有写出 \(target)\n")
            throw ExitCode(1)
        }
    }
}
