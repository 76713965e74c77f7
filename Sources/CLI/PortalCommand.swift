import ArgumentParser
import Foundation

/// `portal`: one executable, one subcommand per task.
public struct PortalCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "portal",
        abstract: "由 content/ 和 templates/ 生成“小个专”党建宣传和培训门户。",
        subcommands: [
            BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, ImportCommand.self, ExportCommand.self,
            ApproveCommand.self, ReportCommand.self, PlatesCommand.self, BookletCommand.self, WeChatCommand.self,
            RenderCommand.self,
        ]
    )

    public init() {}
}

extension PortalCommand {
    /// Parses the process's arguments and runs the command they name; the program's entry point.
    /// Help and argument errors are ArgumentParser's, put into Chinese (`ChineseUsage`), with its
    /// exit codes: 0 for help, 64 for a usage error.
    public static func runFromCommandLine() async {
        await run(Array(CommandLine.arguments.dropFirst()))
    }

    static func run(_ arguments: [String]) async {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withChinese: error)
        }
    }

    private static func exit(withChinese error: any Error) -> Never {
        let code = exitCode(for: error)
        let message = fullMessage(for: error)
        if !message.isEmpty {
            let text = ChineseUsage.translate(message) + "\n"
            if code == .success {
                FileHandle.standardOutput.write(Data(text.utf8))
            } else {
                FileHandle.standardError.write(Data(text.utf8))
            }
        }
        Foundation.exit(code.rawValue)
    }
}
