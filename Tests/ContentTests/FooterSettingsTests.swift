import Content
import Core
import Foundation
import Model
import Testing

/// `footer:` in `portal.yaml`: the 主办单位, 承办单位, 联系电话 and filing numbers every page
/// shows, each checked for the shape its register gives it.
@Suite struct FooterSettingsTests {
    static func portal(_ footer: String) -> [String: String?] {
        ["portal.yaml": InlineSite.base["portal.yaml"]! + footer]
    }

    func load(_ footer: String) async throws -> (config: PortalConfig?, problems: [String]) {
        let site = try InlineSite(Self.portal(footer))
        defer { site.remove() }
        let loader = ContentLoader(directory: site.root, displayRoot: "content")
        do {
            let loaded = try await loader.load()
            return (loaded.portal.config, loaded.warnings.map(\.description))
        } catch {
            return (nil, error.diagnostics.map(\.description))
        }
    }

    @Test func readsEveryLineOfTheFooter() async throws {
        let (config, problems) = try await load(
            """
            footer:
              organizer: 江城市市场监督管理局
              undertaker: 江城市市场监督管理局办公室
              phone: 0571-87654321-801
              icp: 浙ICP备12345678号-1
              public_security: 浙公网安备 33010202000123号
              site_code: "3301000035"

            """)
        #expect(problems.isEmpty)
        let footer = try #require(config?.footer)
        #expect(
            footer
                == SiteFooter(
                    organizer: "江城市市场监督管理局", undertaker: "江城市市场监督管理局办公室", phone: "0571-87654321-801",
                    icp: "浙ICP备12345678号-1", publicSecurity: "浙公网安备 33010202000123号", siteCode: "3301000035"))
        #expect(footer.publicSecurityNumber == "33010202000123")
    }

    @Test func acceptsAServiceLineAndANumberInBrackets() async throws {
        for phone in ["12315", "(0571)87654321", "87654321"] {
            let (config, problems) = try await load("footer: {phone: \"\(phone)\"}\n")
            #expect(problems.isEmpty, "\(phone)")
            #expect(config?.footer.phone == phone)
        }
    }

    @Test func withoutAFooterThePublisherIsTheOrganizer() async throws {
        let site = try InlineSite(["portal.yaml": InlineSite.base["portal.yaml"]! + "publisher: 东湖区市场监督管理局\n"])
        defer { site.remove() }
        let config = try await ContentLoader(directory: site.root, displayRoot: "content").load().portal.config
        #expect(config.footer == SiteFooter(organizer: "东湖区市场监督管理局"))
    }

    static let line = InlineSite.base["portal.yaml"]!.split(separator: "\n", omittingEmptySubsequences: false).count

    @Test(arguments: [
        (
            "phone: 13800138000",
            "联系电话不能是手机号：'13800138000'\n  hint: 页脚公开的是单位的办公电话，如 0571-87654321 或 12315；手机号属于个人信息"
        ),
        (
            "phone: 电话待定",
            "联系电话的格式不对：'电话待定'\n  hint: 写区号加号码，如 0571-87654321，可带分机 0571-87654321-801；或服务热线，如 12315"
        ),
        (
            "icp: ICP备12345678号",
            "ICP备案号的格式不对：'ICP备12345678号'\n  hint: 照工信部备案系统里的写法，如 浙ICP备12345678号 或 浙ICP备12345678号-1"
        ),
        (
            "public_security: 浙公网安备 3301020200012号",
            "公安机关备案号的格式不对：'浙公网安备 3301020200012号'\n  hint: 照全国互联网安全管理服务平台里的写法，如 浙公网安备 33010202000123号（14 位数字）"
        ),
        (
            "site_code: 33010000",
            "政府网站标识码的格式不对：'33010000'\n  hint: 标识码是 10 位数字或字母，如 3301000035；见全国政府网站基本信息数据库"
        ),
    ])
    func reportsAMistakenFooterLineAtItsValue(_ setting: String, _ expected: String) async throws {
        let key = setting.prefix { $0 != ":" }
        let (config, problems) = try await load("footer:\n  \(setting)\n")
        #expect(config == nil)
        #expect(problems == ["content/portal.yaml:\(Self.line + 1):\(key.count + 5): error: \(expected)"])
    }

    @Test func reportsAnUnknownFooterKeyWithTheNearestOne() async throws {
        let (_, problems) = try await load("footer:\n  organiser: 江城市市场监督管理局\n")
        #expect(problems == ["content/portal.yaml:\(Self.line + 1):3: error: 页脚设置中有未知的键 'organiser'\n  hint: 是不是 'organizer'？"])
    }
}
