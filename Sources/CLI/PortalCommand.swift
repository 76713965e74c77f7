import ArgumentParser

/// `portal`: one executable, one subcommand per task.
public struct PortalCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "portal",
        abstract: "Builds the “小个专”党建 publicity and training portal from content/ and templates/.",
        subcommands: [
            BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, ImportCommand.self, ExportCommand.self,
            ApproveCommand.self,
            RenderCommand.self,
        ]
    )

    public init() {}
}

extension PortalCommand {
    /// Parses the process's arguments and runs the command they name; the program's entry point.
    public static func runFromCommandLine() async {
        await main()
    }
}
