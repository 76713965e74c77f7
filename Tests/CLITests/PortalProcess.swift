import Foundation

/// Runs the built `portal` executable as a user would, and collects what it prints.
struct PortalProcess {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `portal` built beside this test bundle, or the one `PORTAL_EXECUTABLE` names (to
    /// run a test against another version of the program).
    static let executable: URL = {
        if let named = ProcessInfo.processInfo.environment["PORTAL_EXECUTABLE"] { return URL(fileURLWithPath: named) }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("portal")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return packageRoot.appendingPathComponent(".build/debug/portal")
    }()

    /// The environment every run of the program gets.
    static var environment: [String: String] {
        ProcessInfo.processInfo.environment.merging(["PORTAL_TODAY": "2026-12-03"]) { $1 }
    }

    static func run(_ arguments: [String], input: String = "", in directory: URL = packageRoot) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        // The example portal's data is written as of this day: its liaison points' duties of
        // the year are met on it, whatever year the tests run in.
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Output is read on other threads while input is written, so that neither pipe fills up.
        let output = ReadInBackground(stdout.fileHandleForReading)
        let errors = ReadInBackground(stderr.fileHandleForReading)
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, standardOutput: output.text(),
            standardError: withoutProgress(errors.text()))
    }

    /// `text` without the progress lines a build that runs over a second prints (`读取内容…`,
    /// `生成页面 100/400`), which a slow machine shows and a fast one does not.
    static func withoutProgress(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.filter { line in
            let isStage = line.hasSuffix("…") && !line.contains(":") && !line.contains(" ")
            let isCount = line.wholeMatch(of: /\p{Han}+ \d+\/\d+/) != nil
            return !isStage && !isCount
        }
        return kept.joined(separator: "\n")
    }
}

/// Reads a pipe to its end on a thread of its own.
final class ReadInBackground: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func text() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
