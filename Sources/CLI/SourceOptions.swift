import ArgumentParser
import Build
import Foundation

/// The folders every command that reads the portal takes.
struct SourceOptions: ParsableArguments {
    @Option(name: .long, help: "内容目录：portal.yaml、cases/、courses/、pages/、data/。")
    var content: String = "content"

    @Option(name: .long, help: "模板目录：*.mustache 和 assets/。")
    var templates: String = "templates"

    var builderOptions: SiteBuilder.Options {
        SiteBuilder.Options(
            content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: templates),
            contentDisplay: Self.display(content), templatesDisplay: Self.display(templates), today: NewCommand.today)
    }

    /// The folder as the user wrote it, without a trailing slash: `content`, `../x/content`.
    static func display(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
