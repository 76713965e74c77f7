import ArgumentParser
import Build
import Core
import Foundation

/// `portal booklet --tag 六有 --title "…" --out 汇编.pdf`: the 典型案例汇编 for a meeting.
struct BookletCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "booklet",
        abstract: "把选出的已发布案例排成一本典型案例汇编 PDF：封面、带页码的目录、每篇案例另起一页，页脚有页码。",
        discussion: """
            例：portal booklet --tag 六有 --title "“六有”阵地建设典型案例汇编" --out 汇编.pdf
                portal booklet --district 东湖区 --year 2025 --a5 --title "东湖区典型案例" --out 东湖区.pdf
            按 portal.yaml 中区的顺序、再按日期排列。样式在 templates/booklet.mustache 和 \
            templates/assets/booklet.css 中；用无界面的 Chromium 排版（apt install chromium），中文字体嵌入 PDF，\
            图片用网站上最宽的 1600 像素版本。先做一次完整的构建检查，有错误时不排版；只收已发布的案例；\
            PDF 中出现手机号码、身份证号码时不写出。
            """
    )

    @OptionGroup var sources: SourceOptions

    @Option(name: .long, help: "只收带这个标签的案例，如 六有。")
    var tag: String?

    @Option(name: .long, help: "只收这个区的案例（区名或网址名）。")
    var district: String?

    @Option(name: .long, help: "只收这一年的案例，如 2025。")
    var year: Int?

    @Option(name: .long, help: "封面上的标题。")
    var title: String = "典型案例汇编"

    @Flag(name: .long, help: "排成 A5（默认 A4）。")
    var a5 = false

    @Option(name: .long, help: "要写的 PDF 文件。")
    var out: String = "典型案例汇编.pdf"

    func run() async throws {
        var request = CaseBooklet.Request(
            options: sources.builderOptions, title: title, output: URL(fileURLWithPath: out), outputDisplay: out)
        request.tag = tag
        request.district = district
        request.year = year
        request.a5 = a5
        do throws(DiagnosticsError) {
            let outcome = try await CaseBooklet.make(request)
            DiagnosticPrinter.print(outcome.warnings)
            print("已把 \(outcome.cases.count) 篇案例排成 \(outcome.pageCount) 页的\(a5 ? "A5" : "A4")汇编：\(out)")
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            DiagnosticPrinter.printError("没有写出 \(out)\n")
            throw ExitCode(1)
        }
    }
}
