import Foundation
import Testing

/// Help screens and argument errors are in Chinese (option names stay as they are), with
/// ArgumentParser's exit codes; option mistakes are reported as the option's.
@Suite struct ChineseCommandLineTests {
    static let commands = [
        [], ["build"], ["check"], ["serve"], ["new"], ["new", "case"], ["new", "course"], ["new", "page"], ["new", "site"],
        ["new", "member"], ["import"], ["import", "members"], ["import", "sites"], ["export"], ["approve"], ["render"],
    ]

    static func hasChinese(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    @Test(arguments: commands)
    func writesEveryHelpScreenInChinese(command: [String]) throws {
        let result = try PortalProcess.run(command + ["--help"])
        #expect(result.status == 0)
        let help = result.standardOutput
        #expect(help.contains("用法：portal"))
        for heading in ["OVERVIEW:", "USAGE:", "ARGUMENTS:", "OPTIONS:", "SUBCOMMANDS:", "See '", "(default:", "Show help"] {
            #expect(!help.contains(heading), "\(command): \(heading)")
        }
        #expect(help.contains("选项：") && help.contains("显示帮助信息。"))
        // Every argument, option and subcommand has a Chinese description (its first line).
        // A long name puts its description on the next line.
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() where line.hasPrefix("  ") && !line.hasPrefix("   ") {
            guard !line.hasPrefix("  运行") else { continue }
            let next = number + 1 < lines.count && lines[number + 1].hasPrefix("      ") ? lines[number + 1] : ""
            #expect(Self.hasChinese(line) || Self.hasChinese(next), "\(command): \(line)")
        }
        // The abstract.
        #expect(Self.hasChinese(help.split(separator: "\n").first ?? ""), "\(command)")
    }

    @Test(arguments: [
        (["new", "case"], "错误：缺少参数 '<title>'"),
        (["new", "case", "标题", "--category", "专业市场"], "错误：缺少选项 '--district <district>'"),
        (["build", "--timing"], "错误：未知的选项 '--timing'，是不是 '--timings'？"),
        (["build", "--distrct", "x"], "错误：未知的选项 '--distrct'"),
        (["new", "case", "标题", "--category", "专业市场", "--district"], "错误：选项 '--district <district>' 缺少值"),
        (["serve", "--port", "x"], "错误：值 'x' 对 '--port <port>' 无效"),
        (["build", "extra"], "错误：多余的参数 'extra'"),
        (["build", "--format", "xml"], "错误：值 'xml' 对 '--format <format>' 无效，可选：'text'和'json'"),
    ])
    func reportsArgumentErrorsInChineseWithExitCode64(arguments: [String], message: String) throws {
        let result = try PortalProcess.run(arguments)
        #expect(result.status == 64)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.first == message)
        #expect(lines.contains { $0.hasPrefix("用法：portal ") })
        #expect(lines.last?.hasPrefix("  运行 'portal ") == true && lines.last?.hasSuffix(" --help' 查看说明。") == true)
        #expect(!result.standardError.contains("Error:") && !result.standardError.contains("Usage:"))
    }

    @Test func reportsAWrongDistrictAsTheOptionsMistake() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-options-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: PortalProcess.packageRoot.appendingPathComponent("content"), to: folder.appendingPathComponent("content"))
        let result = try PortalProcess.run(["new", "case", "标题", "--district", "东湖", "--category", "专业市场"], in: folder)
        #expect(result.status == 1)
        #expect(
            result.standardError == """
                error: 选项 --district：未知的区 '东湖'
                  hint: 是不是 '东湖区'？可用的区：东湖区、西津区、南浦区、北塘区、临江区、云溪区
                1 个错误

                """)
    }

    @Test func reportsAWrongRoleAsTheOptionsMistakeWithExitCode64() throws {
        let result = try PortalProcess.run(["approve", "content/pages/about.md", "--by", "张三", "--role", "终身"])
        #expect(result.status == 64)
        #expect(
            result.standardError == """
                error: 选项 --role：未知的审核角色 '终身'
                  hint: 是不是 '终审'？可用的审核角色：初审、复审、终审
                1 个错误

                """)
    }
}
