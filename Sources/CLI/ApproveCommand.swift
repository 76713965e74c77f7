import ArgumentParser
import Content
import Core
import Foundation
import Model

struct ApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "在页面的前置元数据里记录一次审核（初审、复审或终审）和正文的哈希值。",
        discussion: """
            只改动前置元数据的 approvals: 各行，正文、注释和换行符保持原样。同一审级的新记录替换旧的。\
            有错误的文件不予记录。之后正文若有改动，build 和 check 会对该页报错，直到重新审核。
            """
    )

    @Argument(help: "Markdown 文件，如 content/cases/donghu-market.md。")
    var file: String

    @Option(name: .long, help: "审核人：写入发布登记的姓名。")
    var by: String

    @Option(name: .long, help: "审级：初审、复审或终审。")
    var role: String = ReviewRole.final.rawValue

    /// The time recorded, `2025-06-01T10:20:00+08:00`: for tests and for entering an approval
    /// given on paper. Without it, the clock's time in China Standard Time.
    @Option(name: .long, help: .hidden)
    var at: String?

    @OptionGroup var report: ReportOptions

    /// A wrong value is a usage error (exit 64), printed as the option's.
    func validate() throws {
        var problems: [Diagnostic] = []
        if ReviewRole(rawValue: role) == nil {
            let roles = ReviewRole.allCases.map(\.rawValue)
            problems.append(
                .error(
                    at: .commandLine("--role"), "未知的审核角色 '\(role)'",
                    hint: (Suggestion.didYouMean(role, in: roles) ?? "") + "可用的审核角色：\(roles.joined(separator: "、"))"))
        }
        if let at, Timestamp(parsing: at) == nil {
            problems.append(
                .error(at: .commandLine("--at"), "不是有效的时间：'\(at)'", hint: "写成 2025-06-01T10:20:00+08:00"))
        }
        guard problems.isEmpty else {
            DiagnosticPrinter.print(problems, format: report.format)
            throw ExitCode.validationFailure
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
