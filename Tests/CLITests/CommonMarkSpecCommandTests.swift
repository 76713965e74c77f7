import CommonMarkSpec
import Foundation
import Testing

/// All 652 examples of the CommonMark 0.30 spec through the `portal render` command, as the
/// issue tracker and users run it: plain, and with the Chinese emphasis fix switched on.
@Suite struct CommonMarkSpecCommandTests {
    @Test(arguments: [["render", "--commonmark", "--unsafe"], ["render", "--commonmark", "--unsafe", "--cjk-emphasis"]])
    func passesEveryExampleThroughTheRenderCommand(_ arguments: [String]) async throws {
        let spec = try CommonMarkSpec.load()
        #expect(spec.examples.count == 652)
        // Two processes at a time: one per core of the machines this runs on.
        let failures = try await withThrowingTaskGroup(of: [String].self) { group in
            for lane in 0..<2 {
                group.addTask {
                    var failures: [String] = []
                    for example in spec.examples where example.number % 2 == lane {
                        let result = try PortalProcess.run(arguments, input: example.markdown)
                        if result.status != 0 || result.standardOutput != example.html {
                            failures.append(
                                "\(example): expected \(example.html.debugDescription), got \(result.standardOutput.debugDescription)"
                            )
                        }
                    }
                    return failures
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(failures.isEmpty, "\(failures.count) examples failed:\n\(failures.prefix(10).joined(separator: "\n"))")
    }

    /// The 24 extension examples of the GFM spec (cmark-gfm's) through `portal render --gfm`.
    @Test func passesEveryGitHubExtensionExampleThroughTheRenderCommand() throws {
        let examples = try CommonMarkSpec.loadGitHub().examples.filter { $0.extensionName != nil }
        #expect(examples.count == 24)
        for example in examples {
            let result = try PortalProcess.run(["render", "--gfm", "--unsafe"], input: example.markdown)
            #expect(result.standardOutput == example.html, "\(example)")
        }
    }
}
