import ArgumentParser
import Foundation
import Markdown

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Renders Markdown from standard input to an HTML fragment on standard output.",
        discussion: """
            By default the fragment is what a portal page gets: heading anchors and Chinese-aware \
            emphasis, raw HTML omitted. --commonmark prints plain cmark output (for the CommonMark \
            spec suite); --cjk-emphasis adds the emphasis fix back to it.
            """
    )

    @Flag(name: .long, help: "Plain CommonMark output: no heading anchors, no Chinese emphasis fix.")
    var commonmark = false

    @Flag(name: .long, help: "Let raw HTML through. Never used for portal pages.")
    var unsafe = false

    @Flag(
        name: .long,
        help:
            "Plain cmark output with GitHub's extensions (tables, strikethrough, autolinks, task lists, tag filter), as cmark-gfm writes it."
    )
    var gfm = false

    @Flag(name: .long, help: "Pair emphasis next to Chinese punctuation (on by default without --commonmark).")
    var cjkEmphasis = false

    func run() throws {
        let input = FileHandle.standardInput.readDataToEndOfFile()
        let text = String(decoding: input, as: UTF8.self)
        let options = MarkdownOptions(
            unsafe: unsafe, portalAdditions: !commonmark && !gfm, cjkEmphasis: !(commonmark || gfm) || cjkEmphasis,
            gitHubExtensions: !commonmark)
        let document = MarkdownRenderer(options: options).render(text)
        FileHandle.standardOutput.write(Data(document.html.utf8))
    }
}
