import ArgumentParser
import Build
import Core
import Foundation

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Builds the portal into the output folder; on any error the folder stays as it was."
    )

    @OptionGroup var sources: SourceOptions

    @Option(name: .long, help: "The output folder, replaced as a whole when the build succeeds.")
    var output: String = "site"

    @Flag(name: .long, help: "Print the time of each stage.")
    var timings = false

    func run() async throws {
        let builder = SiteBuilder(options: sources.builderOptions)
        do {
            let report = try await builder.publish(to: URL(fileURLWithPath: output))
            DiagnosticPrinter.print(report.warnings)
            if timings { TimingPrinter.print(report.timings) }
            print("已构建 \(report.pageCount) 个页面（共 \(report.fileCount) 个文件）到 \(SourceOptions.display(output))/")
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            DiagnosticPrinter.printError("构建失败，\(SourceOptions.display(output))/ 未改动\n")
            throw ExitCode(1)
        }
    }
}

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Loads and checks everything build would, and writes nothing."
    )

    @OptionGroup var sources: SourceOptions

    func run() async throws {
        let builder = SiteBuilder(options: sources.builderOptions)
        do {
            let report = try await builder.build(into: DiscardingSink())
            DiagnosticPrinter.print(report.warnings)
            print("检查通过：\(report.pageCount) 个页面")
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
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
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.1f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
}
