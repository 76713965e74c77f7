import ArgumentParser
import Content
import Core
import Foundation

/// `portal new case|course|page|site|member`: a new file that passes the checks, or a record
/// added to a data file.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Starts a new case, course or page as a draft, or adds a site or a member.",
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

    /// Today in the portal's time zone (China Standard Time), whatever the machine's.
    static var today: Day {
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
    @Option(name: .long, help: "The content folder.")
    var content: String = "content"

    func path(_ relative: String) -> String {
        "\(SourceOptions.display(content))/\(relative)"
    }
}

/// The front matter a new case takes from the command line: `portal new case` and
/// `portal import case`.
struct CaseFields: ParsableArguments {
    @Option(help: "A district of portal.yaml.") var district: String
    @Option(help: "A category of portal.yaml: 小微企业, 个体工商户 or 专业市场.") var category: String
    @Option(help: "Tags, separated by commas.") var tags: String?
    @Option(help: "Ids of sites.yaml, separated by commas.") var sites: String?
    @Option(help: "The author; by default the publisher of portal.yaml.") var author: String?
    @Option(help: "The address name; by default the date and a number, such as 2026-11-25-1.") var slug: String?

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
        commandName: "case", abstract: "Writes content/cases/<slug>.md, a draft with every front-matter key.")

    @Argument(help: "The title, such as \"东湖区水产市场：党群服务中心让红色引擎转起来\".") var title: String
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
        commandName: "course", abstract: "Writes content/courses/<slug>.md, a draft with every front-matter key.")

    @Argument(help: "The title.") var title: String
    @Option(help: "The trainer; by default the publisher of portal.yaml.") var trainer: String?
    @Option(help: "Who the course is for, such as 专业市场党组织书记.") var audience = "党组织书记"
    @Option(help: "Class hours, 0.5 or more.") var hours = 2.0
    @Option(help: "The address name; by default the date and a number.") var slug: String?
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
        commandName: "page", abstract: "Writes content/pages/<slug>.md, a draft published at /<slug>/.")

    @Argument(help: "The title.") var title: String
    @Option(help: "The address name: the page is published at /<slug>/.") var slug: String
    @OptionGroup var content: ContentOption

    func run() throws {
        try NewCommand.scaffold(content.content) { scaffolder throws(DiagnosticsError) in
            content.path(try scaffolder.createPage(title: title, slug: slug))
        }
    }
}

struct NewSite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site", abstract: "Adds a demonstration site or liaison point to the end of data/sites.yaml.")

    @Option(help: "A new id, such as site-12.") var id: String
    @Option(help: "The name.") var name: String
    @Option(help: "示范点 or 联系点.") var kind: String
    @Option(help: "A district of portal.yaml.") var district: String
    @Option(help: "A category of portal.yaml.") var category: String
    @Option(help: "The address.") var address = ""
    @Option(help: "The year it was set up.") var since: Int
    @Option(help: "The party organization.") var organization = ""
    @Option(help: "The 六有 items met, separated by commas: 场所,设施,标志,党旗,书报,制度.") var liuyou: String?
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
        commandName: "member", abstract: "Adds a party-member shop owner to the end of data/members.yaml.")

    @Option(help: "A new id, such as m-120.") var id: String
    @Option(help: "The name.") var name: String
    @Option(help: "The shop.") var shop: String
    @Option(help: "A district of portal.yaml.") var district: String
    @Option(help: "The id of the member's site in sites.yaml.") var site: String
    @Option(help: "The year the member joined the party.") var joined: Int
    @Option(help: "The public commitment (亮承诺).") var commitment = "亮身份、亮职责、亮承诺。"
    @Option(help: "A phone number: kept private, never published.") var phone: String?
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
