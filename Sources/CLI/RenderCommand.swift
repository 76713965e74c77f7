import ArgumentParser
import Foundation
import Markdown

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "把标准输入的 Markdown 渲染成 HTML 片段，写到标准输出。",
        discussion: """
            默认得到门户页面用的片段：标题锚点、适合中文的强调，省略原始 HTML。--commonmark 输出 cmark \
            的原样结果（供 CommonMark 规范测试用）；--cjk-emphasis 再加上中文强调修正。
            """
    )

    @Flag(name: .long, help: "原样的 CommonMark 输出：没有标题锚点，没有中文强调修正。")
    var commonmark = false

    @Flag(name: .long, help: "让原始 HTML 通过；门户页面从不使用。")
    var unsafe = false

    @Flag(
        name: .long,
        help: "原样的 cmark 输出，加上 GitHub 的扩展（表格、删除线、自动链接、任务列表、标签过滤），与 cmark-gfm 的输出相同。"
    )
    var gfm = false

    @Flag(name: .long, help: "中文标点旁的强调也配对（不加 --commonmark 时默认开启）。")
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
