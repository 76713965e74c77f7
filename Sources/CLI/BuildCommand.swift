import ArgumentParser
import Build
import Core
import Foundation

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "把门户构建到输出目录；有任何错误时目录保持原样。"
    )

    @OptionGroup var sources: SourceOptions

    @Option(
        name: .long,
        help: "输出目录。已有的目录在整个构建通过后只更新有变化的文件。")
    var output: String = "site"

    @Flag(name: .long, help: "整个替换输出目录，而不是只更新有变化的文件。")
    var clean = false

    @Flag(name: .long, help: "打印每个阶段的用时。")
    var timings = false

    @Flag(
        name: .long,
        help: "同时构建草稿和待审核页面（页顶有横幅）；须用 --output 指定 site 以外的目录。")
    var drafts = false

    @Flag(
        name: .long,
        help: "链接写到各目录的 index.html，直接从磁盘打开也能用（U 盘、培训教室的电脑）。")
    var relative = false

    @Flag(name: .long, help: "只打印问题：不显示进度和汇总。")
    var quiet = false

    @OptionGroup var report: ReportOptions

    /// The folder a normal build publishes to; drafts are never built into it.
    static let defaultOutput = "site"

    func run() async throws {
        var options = sources.builderOptions
        options.includeUnpublished = drafts
        options.updatesInPlace = !clean
        options.linksToFiles = relative
        let progress = quiet || report.format != .text ? nil : ProgressPrinter()
        if let progress { options.progress = { progress.handle($0) } }
        defer { progress?.finish() }
        let builder = SiteBuilder(options: options)
        do throws(DiagnosticsError) {
            if drafts && Self.isDefaultOutput(output) {
                throw DiagnosticsError([
                    .error(
                        at: .commandLine("--output"), "--drafts 不能构建到默认输出目录 \(Self.defaultOutput)/",
                        hint: "草稿只用于审核预览：用 --output 指定另一个目录，如 portal build --drafts --output preview")
                ])
            }
            let result = try await builder.publish(to: URL(fileURLWithPath: output))
            progress?.finish()
            DiagnosticPrinter.print(result.warnings, format: report.format)
            if timings {
                TimingPrinter.print(result.timings)
                let media = result.media
                print("photos: \(media.resized) resized, \(media.fromCache) from the cache; \(media.copied) files copied")
            }
            if report.format == .text && !quiet {
                let changes =
                    result.changedFiles == result.fileCount && result.removedFiles == 0
                    ? "" : "，更新 \(result.changedFiles) 个、删除 \(result.removedFiles) 个"
                print(
                    "已构建 \(result.pageCount) 个页面（共 \(result.fileCount) 个文件\(changes)）到 \(SourceOptions.display(output))/")
            }
        } catch {
            progress?.finish()
            DiagnosticPrinter.print(error.diagnostics, format: report.format)
            DiagnosticPrinter.printError("构建失败，\(SourceOptions.display(output))/ 未改动\n")
            throw ExitCode(1)
        }
    }

    static func isDefaultOutput(_ output: String) -> Bool {
        func resolved(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
        return resolved(output) == resolved(defaultOutput)
    }
}

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "像 build 一样读取并检查全部内容，不写任何文件。"
    )

    @OptionGroup var sources: SourceOptions

    @OptionGroup var report: ReportOptions

    /// The output whose resized photos `check` reads instead of resizing them again.
    static let publishedOutput = BuildCommand.defaultOutput

    func run() async throws {
        let builder = SiteBuilder(options: sources.builderOptions)
        do {
            let result = try await builder.build(into: DiscardingSink(), photosOf: URL(fileURLWithPath: Self.publishedOutput))
            DiagnosticPrinter.print(result.warnings, format: report.format)
            if report.format == .text { print("检查通过：\(result.pageCount) 个页面") }
        } catch {
            DiagnosticPrinter.print(error.diagnostics, format: report.format)
            throw ExitCode(1)
        }
    }
}

enum TimingPrinter {
    static func print(_ timings: StageTimings) {
        for stage in timings.stages {
            Swift.print("\(stage.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(milliseconds(stage.duration)) ms")
        }
        Swift.print("\("total".padding(toLength: 10, withPad: " ", startingAt: 0)) \(milliseconds(timings.total)) ms")
        for note in timings.notes { Swift.print(note) }
        guard !timings.details.isEmpty else { return }
        Swift.print("processor time, all cores together:")
        for detail in timings.details {
            Swift.print("  \(detail.name.padding(toLength: 13, withPad: " ", startingAt: 0)) \(milliseconds(detail.duration)) ms")
        }
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.1f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
}
