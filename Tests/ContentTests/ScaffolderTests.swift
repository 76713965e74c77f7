import Content
import Core
import Foundation
import Model
import Testing

/// `portal new`: every file it writes loads without a problem, every record it adds too, and
/// every mistake is one error with a hint.
@Suite struct ScaffolderTests {
    static let today = Day(year: 2026, month: 11, day: 26)!

    /// A copy of the example portal's content.
    struct Workspace {
        let root: URL
        var content: URL { root.appendingPathComponent("content") }
        var scaffolder: Scaffolder {
            Scaffolder(loader: ContentLoader(directory: content, displayRoot: "content", parallelism: 1))
        }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-new-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: ProofreadingTests.packageRoot.appendingPathComponent("content"), to: content)
        }

        func text(_ relative: String) throws -> String {
            try String(contentsOf: content.appendingPathComponent(relative), encoding: .utf8)
        }

        func load() async throws -> Portal {
            try await ContentLoader(directory: content, displayRoot: "content", parallelism: 2, includeUnpublished: true)
                .load().portal
        }
    }

    @Test func writesDraftsThatLoadWithEveryKey() async throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        var new = Scaffolder.NewCase(title: "东湖区“红色驿站”：\"引号\"也无妨", district: "东湖区", category: "专业市场")
        new.tags = ["六有", "三亮"]
        new.sites = ["site-01"]
        let path = try workspace.scaffolder.create(new, today: Self.today)
        #expect(path == "cases/2026-11-26-1.md")
        #expect(try workspace.scaffolder.create(new, today: Self.today) == "cases/2026-11-26-2.md", "the next number")
        let text = try workspace.text(path)
        for key in ["title", "date", "district", "category", "tags", "sites", "author", "summary", "slug", "status"] {
            #expect(text.contains("\n\(key): "), "\(key)")
        }
        #expect(
            try workspace.scaffolder.create(Scaffolder.NewCourse(title: "新课程"), today: Self.today) == "courses/2026-11-26-1.md")
        #expect(try workspace.scaffolder.createPage(title: "办事指南", slug: "guide") == "pages/guide.md")

        let portal = try await workspace.load()
        let written = try #require(portal.cases.first { $0.slug == "2026-11-26-1" })
        #expect(written.title == "东湖区“红色驿站”：\"引号\"也无妨")
        #expect(written.publication.status == .draft)
        #expect(written.date == Self.today)
        #expect(written.tags == ["六有", "三亮"])
        #expect(written.author == portal.config.publisher)
        #expect(portal.courses.contains { $0.slug == "2026-11-26-1" && $0.publication.status == .draft })
        #expect(portal.pages.contains { $0.slug == "guide" && $0.publication.status == .draft })
    }

    @Test func addsSitesAndMembersKeepingTheFileAbove() async throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let sitesBefore = try workspace.text("data/sites.yaml")
        let membersBefore = try workspace.text("data/members.yaml")
        var site = Scaffolder.NewSite(
            id: "site-99", name: "云溪区茶叶市场党员服务站", kind: "联系点", district: "云溪区", category: "专业市场", since: 2026)
        site.liuyou = ["场所", "党旗"]
        let added = try workspace.scaffolder.add(site)
        #expect(added.path == "data/sites.yaml")
        var member = Scaffolder.NewMember(id: "m-999", name: "李四", shop: "李四茶行", district: "云溪区", site: "site-99", joined: 2010)
        member.phone = "13800000999"
        _ = try workspace.scaffolder.add(member)

        let sites = try workspace.text("data/sites.yaml")
        #expect(sites.hasPrefix(sitesBefore), "comments and records above are kept as they were")
        #expect(sites.split(separator: "\n", omittingEmptySubsequences: false)[added.line - 1] == "- id: site-99")
        #expect(try workspace.text("data/members.yaml").hasPrefix(membersBefore))

        let portal = try await workspace.load()
        let loaded = try #require(portal.sites.first { $0.id == "site-99" })
        #expect(loaded.kind == .liaison)
        #expect(loaded.liuyou.met == [true, false, false, true, false, false])
        #expect(portal.members.contains { $0.id == "m-999" && $0.siteID == "site-99" })
    }

    /// One case per message: what is wrong, where (the option), and a hint.
    @Test func refusesEachMistakeWithAHint() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let scaffolder = workspace.scaffolder
        func problems(_ work: () throws(DiagnosticsError) -> Any) -> [String] {
            do throws(DiagnosticsError) {
                _ = try work()
                return []
            } catch {
                return error.diagnostics.map(\.description)
            }
        }
        var unknown = Scaffolder.NewCase(title: "标题", district: "东湖", category: "市场")
        unknown.sites = ["site-1"]
        #expect(
            problems { () throws(DiagnosticsError) in try scaffolder.create(unknown, today: Self.today) }
                == [
                    "error: 选项 --district：未知的区 '东湖'\n  hint: 是不是 '东湖区'？可用的区：东湖区、西津区、南浦区、北塘区、临江区、云溪区",
                    "error: 选项 --category：未知的类别 '市场'\n  hint: 可用的类别：小微企业、个体工商户、专业市场",
                    "error: 选项 --sites：未知的示范点/联系点 'site-1'\n  hint: 是不是 'site-01'？"
                        + "可用的示范点/联系点：site-01、site-02、site-03、site-04、site-05、site-06、site-07、site-08",
                ].sorted())
        var slug = Scaffolder.NewCase(title: " ", district: "东湖区", category: "专业市场")
        slug.slug = "Donghu Market"
        #expect(
            problems { () throws(DiagnosticsError) in try scaffolder.create(slug, today: Self.today) } == [
                "error: 选项 --slug：网址名 'Donghu Market' 只能用小写英文字母、数字、- 和 _\n  hint: 如 donghu-market",
                "error: 参数 <title>：不能为空，也不能换行\n  hint: 写一行文字",
            ])
        slug.title = "标题"
        slug.slug = "donghu-market-red-station"
        #expect(
            problems { () throws(DiagnosticsError) in try scaffolder.create(slug, today: Self.today) } == [
                "error: 选项 --slug：网址名 'donghu-market-red-station' 已被 cases/ 中的文件使用\n  hint: 换一个，或不写 --slug，由日期和序号生成"
            ])
        var course = Scaffolder.NewCourse(title: "课程")
        course.hours = 0.25
        #expect(
            problems { () throws(DiagnosticsError) in try scaffolder.create(course, today: Self.today) } == [
                "error: 选项 --hours：学时应不少于 0.5：0.25\n  hint: 如 --hours 3"
            ])
        #expect(
            problems { () throws(DiagnosticsError) in try scaffolder.createPage(title: "搜索", slug: "search") } == [
                "error: 选项 --slug：网址 /search/ 是门户自己使用的名字\n  hint: 换一个，如 search-info"
            ])
        var site = Scaffolder.NewSite(id: "site-01", name: "x", kind: "示范", district: "东湖区", category: "专业市场", since: 2026)
        site.liuyou = ["场地"]
        #expect(
            problems { () throws(DiagnosticsError) in try scaffolder.add(site) }
                == [
                    "error: 选项 --id：编号 'site-01' 已经有了\n  hint: 换一个没有用过的编号",
                    "error: 选项 --kind：未知的类型 '示范'\n  hint: 是不是 '示范点'？可用的类型：示范点、联系点",
                    "error: 选项 --liuyou：未知的“六有”项 '场地'\n  hint: 是不是 '场所'？可用的“六有”项：场所、设施、标志、党旗、书报、制度",
                ].sorted())
        let member = Scaffolder.NewMember(id: "M 1", name: "李四", shop: "店", district: "东湖区", site: "site-01", joined: 2000)
        #expect(
            problems { () throws(DiagnosticsError) in try scaffolder.add(member) } == [
                "error: 选项 --id：编号 'M 1' 只能用小写英文字母、数字、- 和 _\n  hint: 如 m-1"
            ])
    }

    @Test func neverOverwritesAFile() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        try FileManager.default.createDirectory(
            at: workspace.content.appendingPathComponent("pages"), withIntermediateDirectories: true)
        let existing = workspace.content.appendingPathComponent("pages/guide.md")
        try Data("不能丢的内容".utf8).write(to: existing)
        #expect(throws: DiagnosticsError.self) { try workspace.scaffolder.createPage(title: "指南", slug: "guide") }
        #expect(try String(contentsOf: existing, encoding: .utf8) == "不能丢的内容")
    }
}
