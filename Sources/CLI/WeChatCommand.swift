import ArgumentParser
import Build
import Content
import Core
import Foundation
import Model
import Mustache
import Privacy
import Views

/// `portal wechat content/cases/x.md > x.html`: a published case as a 公众号 article, styled
/// inline, for staff to paste into the account's editor.
struct WeChatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wechat",
        abstract: "把一篇已发布的案例写成可以粘贴到微信公众号编辑器的文章（只用内联样式），写到标准输出。",
        discussion: """
            例：portal wechat content/cases/nanpu-auto-repair-street.md > 汽修一条街.html
            用浏览器打开写出的文件，从标题选到“来源”一行，复制后粘贴到公众号编辑器：标题、加粗、列表、表格、\
            图片和图注都保留。文中的链接改为文末注释；图片从门户的正式网址加载，文件开头列出需要手动上传的图片。\
            只能转换已发布的案例；文中出现手机号码、身份证号码时不写出。构建网站时，每篇案例的这种文件也写在 \
            site/wechat/ 下（不从公开页面链接）。
            """
    )

    @OptionGroup var sources: SourceOptions

    @Argument(help: "案例的 Markdown 文件，如 content/cases/x.md。")
    var file: String

    @Option(name: .long, help: "写到这个文件，而不是标准输出。")
    var out: String?

    func run() async throws {
        do throws(DiagnosticsError) {
            let (html, pictures, warnings) = try await Self.article(of: file, sources: sources)
            DiagnosticPrinter.print(warnings)
            if let out {
                do {
                    try Data(html.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
                } catch {
                    throw DiagnosticsError([
                        .error(at: SourceLocation(path: out), "无法写入：\(error.localizedDescription)", hint: "检查路径是否存在、是否有写权限")
                    ])
                }
            } else {
                FileHandle.standardOutput.write(Data(html.utf8))
            }
            if pictures > 0 {
                DiagnosticPrinter.printError("文中有 \(pictures) 张图片；编辑器没有自动取到时，按文件开头的清单上传\n")
            }
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            DiagnosticPrinter.printError("没有写出公众号文章\n")
            throw ExitCode(1)
        }
    }

    static func article(of file: String, sources: SourceOptions) async throws(DiagnosticsError)
        -> (html: String, pictures: Int, warnings: [Diagnostic])
    {
        let place = SourceLocation(path: file)
        let casesFolder = URL(fileURLWithPath: sources.content).appendingPathComponent("cases").standardizedFileURL
        let path = URL(fileURLWithPath: file).standardizedFileURL
        guard path.pathExtension == "md", path.deletingLastPathComponent().path == casesFolder.path else {
            throw DiagnosticsError([
                .error(
                    at: place, "不是 \(SourceOptions.display(sources.content))/cases/ 中的案例",
                    hint: "写案例的 Markdown 文件，如 \(SourceOptions.display(sources.content))/cases/x.md")
            ])
        }
        guard FileManager.default.fileExists(atPath: path.path) else {
            throw DiagnosticsError([.error(at: place, "文件不存在", hint: "检查文件名；案例都在 cases/ 下")])
        }
        let library = try TemplateLibrary(
            directory: URL(fileURLWithPath: sources.templates), displayRoot: SourceOptions.display(sources.templates),
            knownVariables: ViewVocabulary.names)
        var loader = ContentLoader(
            directory: URL(fileURLWithPath: sources.content), displayRoot: SourceOptions.display(sources.content))
        loader.today = NewCommand.today
        let loaded = try await loader.load()
        let slug = path.deletingPathExtension().lastPathComponent
        guard let caseStudy = loaded.portal.cases.first(where: { $0.slug == slug }) else {
            throw DiagnosticsError([
                .error(
                    at: place, "这篇案例还没有发布（草稿或待审核），不能发到公众号",
                    hint: "审核通过后发布：portal approve \(file)，并把 status 改为 published")
            ])
        }
        let config = loaded.portal.config
        let address = config.baseURL + Routes.caseStudy(slug).urlPath
        let views = PageViews(index: PortalIndex(loaded.portal), today: NewCommand.today)
        let context = views.wechatArticle(caseStudy, mediaBase: address)
        let html = library.render(context, with: "wechat")
        let findings = PrivacyScanner(allowedEmails: config.allowedEmails).findings(in: WeChatArticle.readableText(html))
        guard findings.isEmpty else {
            throw DiagnosticsError(
                findings.map {
                    .error(at: place, "文章中有\($0.kind.name) \($0.masked)", hint: "个人信息不能发布：从案例中删去")
                })
        }
        return (html, context["pictureCount"] as? Int ?? 0, loaded.warnings)
    }
}
