import ArgumentParser
import Build
import Core
import Foundation
import Preview

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "在 127.0.0.1 上预览含草稿的门户：每次保存都重新构建，打开的页面自动刷新。",
        discussion: """
            构建错误显示在终端和浏览器页面上；改好之前预览保持上次成功的构建。从不改动 site/。
            """
    )

    @OptionGroup var sources: SourceOptions

    @Option(name: .long, help: "127.0.0.1 上的端口（0 表示任取一个空闲端口）。")
    var port: UInt16 = 8080

    @Flag(name: .long, help: "打印每次构建各阶段的用时。")
    var timings = false

    @Option(
        name: .long,
        help: "预览构建到哪里（默认：系统临时目录中它自己的目录）；不能是 site。")
    var output: String?

    func run() async throws {
        let options = sources.builderOptions
        let folder =
            output.map { URL(fileURLWithPath: $0) }
            ?? PreviewSite.defaultOutput(content: options.content, templates: options.templates)
        if let output, BuildCommand.isDefaultOutput(output) {
            DiagnosticPrinter.print([
                .error(
                    at: .commandLine("--output"), "预览不能构建到默认输出目录 \(BuildCommand.defaultOutput)/",
                    hint: "预览包含草稿；去掉 --output 使用临时目录，或指定另一个目录")
            ])
            throw ExitCode(1)
        }
        // A busy port is told before the first build, not after it.
        do {
            try PreviewServer.checkPortIsFree(port)
        } catch {
            throw Self.explain(error, port: port)
        }
        let site = PreviewSite(options: options, output: folder)
        // Watching starts before the first build, so a save made while it runs is not missed.
        let changes = SourceWatcher(roots: [options.content, options.templates]).changes()
        say("正在构建预览（含草稿）…")
        let started = ContinuousClock.now
        report(await site.rebuild(), started: started)

        do {
            try await PreviewServer(site: site, port: port).run { port in
                say("预览：http://127.0.0.1:\(port)/  （保存文件即自动更新；Ctrl-C 结束）")
                for await _ in changes {
                    let started = ContinuousClock.now
                    report(await site.rebuild(), started: started)
                }
            }
        } catch {
            throw Self.explain(error, port: port)
        }
    }

    /// A server that could not start, as a diagnostic.
    static func explain(_ error: any Error, port: UInt16) -> any Error {
        let problem: Diagnostic =
            PreviewServer.isAddressInUse(error)
            ? .error(
                at: .commandLine("--port"), "端口 \(port) 已被占用",
                hint: "另一个预览或程序正在使用它：用 --port 换一个端口，如 portal serve --port \(port == 65535 ? 8081 : port + 1)")
            : .error(at: .commandLine("--port"), "无法在端口 \(port) 上启动预览：\(error.localizedDescription)")
        DiagnosticPrinter.print([problem])
        return ExitCode(1)
    }

    private func report(_ outcome: PreviewSite.Outcome, started: ContinuousClock.Instant) {
        let time = Self.clock()
        switch outcome {
        case .built(let result):
            DiagnosticPrinter.print(result.warnings)
            let elapsed = ContinuousClock.now - started
            say("[\(time)] 已构建 \(result.pageCount) 个页面，更新 \(result.changedFiles) 个文件（\(Self.milliseconds(elapsed)) ms）")
            if timings {
                TimingPrinter.print(result.timings)
                fflush(nil)
            }
        case .unchanged:
            say("[\(time)] 没有变化")
        case .failed(let problems):
            DiagnosticPrinter.print(problems)
            say("[\(time)] 构建失败：浏览器里显示上面的问题，预览仍是上次成功构建的页面")
        }
    }

    private static func clock() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: Date())
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }
}

/// Prints a line on standard output at once, for a terminal or a program reading it.
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
