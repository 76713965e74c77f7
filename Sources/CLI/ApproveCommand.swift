import ArgumentParser
import Content
import Core
import Foundation
import Model

struct ApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Records an approval (初审, 复审 or 终审) with a hash of the body in a page's front matter.",
        discussion: """
            Only the approvals: lines of the front matter change; the body, comments and line ends \
            stay as they were. An approval of the same role replaces the earlier one. A file with \
            errors is refused. If the body changes later, build and check fail for the page until \
            it is approved again.
            """
    )

    @Argument(help: "The Markdown file, e.g. content/cases/donghu-market.md.")
    var file: String

    @Option(name: .long, help: "Who approves: the name as it goes into the register.")
    var by: String

    @Option(name: .long, help: "The level of review: 初审, 复审 or 终审.")
    var role: String = ReviewRole.final.rawValue

    /// The time recorded, `2025-06-01T10:20:00+08:00`: for tests and for entering an approval
    /// given on paper. Without it, the clock's time in China Standard Time.
    @Option(name: .long, help: .hidden)
    var at: String?

    @OptionGroup var report: ReportOptions

    func validate() throws {
        guard ReviewRole(rawValue: role) != nil else {
            throw ValidationError("未知的审核角色 '\(role)'：--role 只能是 \(ReviewRole.allCases.map(\.rawValue).joined(separator: "、"))")
        }
        if let at, Timestamp(parsing: at) == nil {
            throw ValidationError("--at 不是有效的时间：'\(at)'，应写成 2025-06-01T10:20:00+08:00")
        }
    }

    func run() async throws {
        let time = at.flatMap(Timestamp.init(parsing:)) ?? Self.now()
        let recorder = ApprovalRecorder(file: URL(fileURLWithPath: file), displayPath: file)
        do {
            let outcome = try await recorder.approve(by: by, role: ReviewRole(rawValue: role) ?? .final, at: time)
            DiagnosticPrinter.print([], format: report.format)
            if report.format == .text {
                let approval = outcome.approval
                let replaced = outcome.replaced.map { "（替换了 \($0.by) \($0.at) 的\($0.role.rawValue)记录）" } ?? ""
                print("已记录\(approval.role.rawValue)：\(approval.by)，\(approval.at)\(replaced)")
            }
        } catch {
            DiagnosticPrinter.print(error.diagnostics, format: report.format)
            DiagnosticPrinter.printError("未记录审核，\(file) 未改动\n")
            throw ExitCode(1)
        }
    }

    static func now() -> Timestamp {
        Timestamp(secondsSince1970: Int(Date().timeIntervalSince1970.rounded(.down)), utcOffsetMinutes: 8 * 60)
    }
}
