import Core

/// Where every page of the portal is published. Content uses it to rewrite links between
/// Markdown files, the build to name output files; nothing else invents URLs.
public enum Routes {
    public static let home = SitePath.root
    public static let feed = SitePath.file("feed.xml")
    public static let sitemap = SitePath.file("sitemap.xml")
    public static let notFound = SitePath.file("404.html")
    public static let assets = SitePath.folder("assets")

    public static let cases = SitePath.folder("cases")
    public static let districts = SitePath.folder("districts")
    public static let categories = SitePath.folder("categories")
    public static let tags = SitePath.folder("tags")
    public static let years = SitePath.folder("years")
    public static let sites = SitePath.folder("sites")
    public static let members = SitePath.folder("members")
    public static let courses = SitePath.folder("courses")
    /// 工作动态, 通知公告 and 政策文件: see `ArticleKind`.
    public static let news = SitePath.folder("news")
    public static let notices = SitePath.folder("notices")
    public static let policies = SitePath.folder("policies")
    /// The search page; the index files it loads are in the same folder.
    public static let search = SitePath.folder("search")
    /// The publishing register (发布登记) for staff: not linked from the portal, not in the sitemap.
    public static let register = SitePath.folder("register")
    public static let registerCSV = SitePath.file("register", "register.csv")
    /// The targets dashboard (目标进度), and each of its tables as a spreadsheet.
    public static let dashboard = SitePath.folder("dashboard")
    /// Each liaison point's duties this year (联系点履职情况).
    public static let liaison = SitePath.folder("liaison")
    /// Organisation and work coverage by district and category (两个覆盖).
    public static let coverage = SitePath.folder("coverage")
    /// The assessment scorecards of the districts, year by year (年度考核).
    public static let assessment = SitePath.folder("assessment")
    public static func dashboardTable(_ id: String) -> SitePath { SitePath.file("dashboard", "\(id).csv") }

    /// First-level names the portal uses itself; a standalone page may not take one.
    public static let reservedNames: Set<String> = [
        "cases", "districts", "categories", "tags", "years", "sites", "members", "courses", "assets",
        "search", "dashboard", "liaison", "coverage", "assessment", "register", "news", "notices", "policies",
        "wechat", "feed.xml", "sitemap.xml", "404.html",
        "index.html",
    ]

    public static func caseStudy(_ slug: String) -> SitePath { cases.appending(slug) }
    public static func course(_ slug: String) -> SitePath { courses.appending(slug) }
    public static func page(_ slug: String) -> SitePath { SitePath.folder(slug) }
    public static func site(_ id: String) -> SitePath { sites.appending(id) }
    /// A party-member shop's own page, where the QR code of its plate leads (扫码看承诺).
    public static func member(_ id: String) -> SitePath { members.appending(id) }
    /// The print pages of the plates (公示牌) and the member's service card (党员服务卡).
    public static func memberPlate(_ id: String) -> SitePath { member(id).appending("plate") }
    public static func sitePlate(_ id: String) -> SitePath { site(id).appending("plate") }
    /// A case as a 公众号 article for staff to paste (复制到公众号), linked from no public page.
    public static let wechat = SitePath.folder("wechat")
    public static func wechatArticle(_ slug: String) -> SitePath { wechat.appending(slug) }
    /// A district's column (区县专栏): its gap, sites, members, training and latest cases.
    public static func district(_ district: Taxon) -> SitePath { districts.appending(district.slug) }
    public static func category(_ category: Taxon) -> SitePath { categories.appending(category.slug) }
    /// The lists narrowed to a district or a category live below its page, where no slug of a
    /// case or id of a site can take their names.
    public static func districtCases(_ district: Taxon) -> SitePath { Routes.district(district).appending("cases") }
    public static func districtCases(_ district: Taxon, in category: Taxon) -> SitePath {
        districtCases(district).appending(category.slug)
    }
    public static func districtSites(_ district: Taxon) -> SitePath { Routes.district(district).appending("sites") }
    public static func districtMembers(_ district: Taxon) -> SitePath { Routes.district(district).appending("members") }
    public static func categorySites(_ category: Taxon) -> SitePath { Routes.category(category).appending("sites") }
    public static func categoryMembers(_ category: Taxon) -> SitePath { Routes.category(category).appending("members") }
    public static func tag(_ tag: String) -> SitePath { tags.appending(Slug.segment(from: tag)) }
    public static func year(_ year: Int) -> SitePath { years.appending(String(year)) }

    /// Page `number` of a paginated list: the first page is the list itself, later ones
    /// `page/2/`, `page/3/` below it.
    public static func page(_ number: Int, of list: SitePath) -> SitePath {
        number <= 1 ? list : list.appending("page").appending(String(number))
    }
}
