import ArgumentParser
import Content
import Core
import Foundation

/// `portal new case|course|page|site|member`: a new file that passes the checks, or a record
/// added to a data file.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "新建案例、课程或页面的草稿，或添加示范点、党员经营户。",
        subcommands: [NewCase.self, NewCourse.self, NewPage.self, NewSite.self, NewMember.self]
    )

    /// Runs `work` with a scaffolder of the content folder, and prints what it did or why not.
    static func scaffold(_ content: String, _ work: (Scaffolder) throws(DiagnosticsError) -> String) throws {
        let loader = ContentLoader(
            directory: URL(fileURLWithPath: content), displayRoot: SourceOptions.display(content), parallelism: 1)
        do throws(DiagnosticsError) {
            print(try work(Scaffolder(loader: loader)))
        } catch {
            DiagnosticPrinter.print(error.diagnostics, format: .text)
            throw ExitCode(1)
        }
    }

    /// Today in the portal's time zone (China Standard Time), whatever the machine's; or the
    /// day `PORTAL_TODAY` names (`2026-12-03`), to build the portal as of that day: the
    /// dashboard's pace and the liaison points' duties of the year are measured on it.
    static var today: Day {
        if let named = ProcessInfo.processInfo.environment["PORTAL_TODAY"], let day = Day(parsing: named) { return day }
        let parts = Calendar(identifier: .gregorian).dateComponents(
            in: TimeZone(secondsFromGMT: 8 * 3600)!, from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    static func list(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }).map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
    }
}

struct ContentOption: ParsableArguments {
    @Option(name: .long, help: "内容目录。")
    var content: String = "content"

    func path(_ relative: String) -> String {
        "\(SourceOptions.display(content))/\(relative)"
    }
}

/// The front matter a new case takes from the command line: `portal new case` and
/// `portal import case`.
struct CaseFields: ParsableArguments {
    @Option(help: "portal.yaml 中的一个区。") var district: String
    @Option(help: "portal.yaml 中的一个类别：小微企业、个体工商户或专业市场。") var category: String
    @Option(help: "标签，用逗号分隔。") var tags: String?
    @Option(help: "sites.yaml 中的编号，用逗号分隔。") var sites: String?
    @Option(help: "作者；默认为 portal.yaml 的 publisher。") var author: String?
    @Option(help: "网址名；默认为日期加序号，如 2026-11-25-1。") var slug: String?

    func draft(title: String) -> Scaffolder.NewCase {
        var new = Scaffolder.NewCase(title: title, district: district, category: category)
        new.tags = NewCommand.list(tags)
        new.sites = NewCommand.list(sites)
        new.author = author
        new.slug = slug
        return new
    }
}

struct NewCase: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: "写出 content/cases/<slug>.md：含全部前置元数据的草稿。")

    @Argument(help: "标题，如 \"东湖区水产市场：党群服务中心让红色引擎转起来\"。") var title: String
    @OptionGroup var fields: CaseFields
    @OptionGroup var content: ContentOption

    func run() throws {
        let new = fields.draft(title: title)
        try NewCommand.scaffold(content.content) { scaffolder throws(DiagnosticsError) in
            content.path(try scaffolder.create(new, today: NewCommand.today))
        }
    }
}

struct NewCourse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course", abstract: "写出 content/courses/<slug>.md：含全部前置元数据的草稿。")

    @Argument(help: "标题。") var title: String
    @Option(help: "授课人；默认为 portal.yaml 的 publisher。") var trainer: String?
    @Option(help: "培训对象，如 专业市场党组织书记。") var audience = "党组织书记"
    @Option(help: "学时，不少于 0.5。") var hours = 2.0
    @Option(help: "网址名；默认为日期加序号。") var slug: String?
    @OptionGroup var content: ContentOption

    func run() throws {
        var new = Scaffolder.NewCourse(title: title)
        new.trainer = trainer
        new.audience = audience
        new.hours = hours
        new.slug = slug
        try NewCommand.scaffold(content.content) { scaffolder throws(DiagnosticsError) in
            content.path(try scaffolder.create(new, today: NewCommand.today))
        }
    }
}

struct NewPage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "page", abstract: "写出 content/pages/<slug>.md：发布在 /<slug>/ 的草稿。")

    @Argument(help: "标题。") var title: String
    @Option(help: "网址名：页面发布在 /<slug>/。") var slug: String
    @OptionGroup var content: ContentOption

    func run() throws {
        try NewCommand.scaffold(content.content) { scaffolder throws(DiagnosticsError) in
            content.path(try scaffolder.createPage(title: title, slug: slug))
        }
    }
}

struct NewSite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site", abstract: "在 data/sites.yaml 末尾添加一个示范点或联系点。")

    @Option(help: "新的编号，如 site-12。") var id: String
    @Option(help: "名称。") var name: String
    @Option(help: "示范点或联系点。") var kind: String
    @Option(help: "portal.yaml 中的一个区。") var district: String
    @Option(help: "portal.yaml 中的一个类别。") var category: String
    @Option(help: "地址。") var address = ""
    @Option(help: "设立年份。") var since: Int
    @Option(help: "党组织。") var organization = ""
    @Option(help: "已达到的“六有”项，用逗号分隔：场所,设施,标志,党旗,书报,制度。") var liuyou: String?
    @OptionGroup var content: ContentOption

    func run() throws {
        var new = Scaffolder.NewSite(id: id, name: name, kind: kind, district: district, category: category, since: since)
        new.address = address
        new.organization = organization
        new.liuyou = NewCommand.list(liuyou)
        try NewCommand.scaffold(content.content) { scaffolder throws(DiagnosticsError) in
            let added = try scaffolder.add(new)
            return "\(content.path(added.path)):\(added.line)"
        }
    }
}

struct NewMember: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member", abstract: "在 data/members.yaml 末尾添加一名党员经营户。")

    @Option(help: "新的编号，如 m-120。") var id: String
    @Option(help: "名称。") var name: String
    @Option(help: "店铺。") var shop: String
    @Option(help: "portal.yaml 中的一个区。") var district: String
    @Option(help: "所属示范点/联系点在 sites.yaml 中的编号。") var site: String
    @Option(help: "入党年份。") var joined: Int
    @Option(help: "公开承诺（亮承诺）。") var commitment = "亮身份、亮职责、亮承诺。"
    @Option(help: "电话号码：不公开，从不发布。") var phone: String?
    @OptionGroup var content: ContentOption

    func run() throws {
        var new = Scaffolder.NewMember(id: id, name: name, shop: shop, district: district, site: site, joined: joined)
        new.commitment = commitment
        new.phone = phone
        try NewCommand.scaffold(content.content) { scaffolder throws(DiagnosticsError) in
            let added = try scaffolder.add(new)
            return "\(content.path(added.path)):\(added.line)"
        }
    }
}
