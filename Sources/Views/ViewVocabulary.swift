import Core
import Model
import Mustache

/// Every name a view context can hold, found by building each kind of page for a small sample
/// portal in which every optional value is present (a draft, a newer and an older case, a
/// district short of its target, a second page of a list). A template naming anything else has
/// a typo; `TemplateLibrary` reports it. Derived from the view models themselves, it cannot
/// drift from them.
public enum ViewVocabulary {
    public static let names: Set<String> = {
        let views = PageViews(index: PortalIndex(samplePortal), today: Day(year: 2026, month: 1, day: 1)!)
        let portal = samplePortal
        var contexts: [Any] = [
            views.home(), views.caseList(.all, page: 1), views.siteDirectory(), views.members(), views.courseIndex(),
            views.notFound(), views.register(), views.dashboard(), views.liaison(), views.coverage(), views.assessment(),
            views.search(),
            views.pagination(count: 1000, number: 25, list: Routes.cases, from: Routes.cases),
        ]
        contexts += PageViews.TaxonomyKind.allCases.map { views.taxonomy($0) }
        contexts.append(views.districtIndex())
        contexts += portal.config.districts.map { views.districtColumn($0) }
        contexts += portal.cases.map { views.caseStudy($0) }
        contexts += portal.cases.map { views.wechatArticle($0) }
        contexts.append(
            views.booklet(
                portal.cases, title: "", subtitle: "", a5: false, pages: nil, printedOn: Day(year: 2026, month: 1, day: 1)!))
        contexts += portal.sites.map { views.site($0) }
        contexts += portal.sites.map { views.sitePlate($0) }
        contexts += portal.members.map { views.member($0) }
        contexts += portal.members.map { views.memberPlate($0) }
        contexts += portal.courses.map { views.course($0) }
        contexts += portal.pages.map { views.page($0) }
        contexts += ArticleKind.allCases.map { views.articleList($0, page: 1) }
        contexts += portal.news.map { views.newsItem($0) }
        contexts += portal.notices.map { views.notice($0) }
        contexts += portal.policies.map { views.policy($0) }
        var names: Set<String> = []
        var pending = contexts
        while let value = pending.popLast() {
            if let context = value as? ViewContext {
                names.formUnion(context.keys)
                pending.append(contentsOf: context.values)
            } else if let list = value as? [Any] {
                pending.append(contentsOf: list)
            } else if let list = value as? [ViewContext] {
                pending.append(contentsOf: list.map { $0 as Any })
            }
        }
        return names
    }()

    static let samplePortal: Portal = {
        let district = Taxon(name: "东湖区", slug: "donghu")
        let category = Taxon(name: "专业市场", slug: "shichang")
        let body = RenderedBody(
            html: "<p>正文</p>",
            tableOfContents: [
                TableOfContentsEntry(level: 2, title: "做法", anchor: "做法"),
                TableOfContentsEntry(level: 3, title: "成效", anchor: "成效"),
            ],
            firstParagraph: "正文", readableCharacters: 2)
        let source = SourceLocation(path: "sample.md")
        let approvals = ReviewRole.allCases.map {
            Approval(by: "审核人", role: $0, at: Timestamp(parsing: "2025-01-01T09:00:00+08:00")!, bodySHA256: "0")
        }
        let cases = (1...3).map { number in
            CaseStudy(
                slug: "case-\(number)", title: "案例\(number)", date: Day(year: 2025, month: 1, day: number)!, district: district,
                category: category, tags: ["六有"], siteIDs: ["site-1"], author: "作者", summary: "摘要", body: body,
                source: source,
                publication: Publication(status: number == 2 ? .draft : .published, approvals: approvals))
        }
        let site = Site(
            id: "site-1", name: "党群服务中心", kind: .demonstration, district: district, category: category, address: "地址",
            since: 2020, organization: "党委", liuyou: LiuyouChecklist(met: [true, true, true, true, true, false]), source: source)
        let liaisonSite = Site(
            id: "site-2", name: "联系点", kind: .liaison, district: district, category: category, address: "地址",
            since: 2022, organization: "支部", liuyou: LiuyouChecklist(met: [true, true, true, true, true, true]), source: source)
        let liaisonPoint = LiaisonPoint(
            siteID: "site-2", leader: LiaisonLeader(title: "副局长", name: "姓名"),
            activities: [
                LiaisonActivity(
                    date: Day(year: 2025, month: 6, day: 1)!, kind: .survey, summary: "调研", caseSlug: "case-1", source: source)
            ], source: source)
        // Two snapshots, the later with fewer organisations, so that the page shows a loss.
        let coverage = [(2025, 40), (2026, 30)].map { year, organized in
            CoverageSnapshot(
                asOf: Day(year: year, month: 12, day: 31)!,
                rows: [
                    CoverageRow(
                        district: district, category: category,
                        counts: CoverageCounts(
                            entities: 100, standalone: organized, joint: 5, affiliated: 5, withMembers: 60, members: 80,
                            instructed: 20), source: source)
                ],
                clusters: [
                    CoverageCluster(kind: .park, name: "园区", district: district, members: 8, isOrganized: false, source: source)
                ], source: source)
        }
        let member = Member(
            id: "m-1", name: "姓名", shop: "店铺", district: district, siteID: "site-1", joined: 2000, commitment: "承诺",
            source: source)
        let course = Course(
            slug: "course-1", title: "课程", date: Day(year: 2025, month: 2, day: 1)!, trainer: "主讲", audience: "对象", hours: 2,
            caseSlugs: ["case-1"], objectives: ["目标"],
            lessons: [Lesson(title: "课时", hours: 2, caseSlugs: ["case-1"], siteIDs: ["site-1"])], body: body, source: source,
            publication: Publication(approvals: approvals))
        let page = StandalonePage(slug: "about", title: "关于本站", body: body, source: source)
        var config = PortalConfig(
            title: "门户", description: "介绍", baseURL: "https://example.gov.cn/", publisher: "主办单位", districts: [district],
            categories: [category],
            targets: Targets(
                demonstrationSitesTotal: 50, demonstrationSitesPerDistrict: 3,
                demonstrationSitesDeadline: Day(year: 2027, month: 12, day: 31), liaisonPointsMinimum: 10,
                trainingRotationYears: 5, trainingOrgHeads: 100, demonstrationSitesStart: Day(year: 2025, month: 1, day: 1)))
        config.footer = SiteFooter(
            organizer: "主办单位", undertaker: "承办单位", phone: "0571-87654321", icp: "浙ICP备12345678号",
            publicSecurity: "浙公网安备 33010202000123号", siteCode: "3301000035")
        let session = TrainingSession(
            course: "course-1", date: Day(year: 2025, month: 3, day: 1)!, district: district, trainees: 40, orgHeads: 30,
            source: source)
        let news = NewsItem(
            slug: "news-1", title: "动态", date: Day(year: 2025, month: 4, day: 1)!, summary: "摘要", district: district,
            cover: CoverPicture(
                path: SitePath(file: ["media", "news", "cover.00000000.jpg"]), size: ImageSize(width: 800, height: 600),
                alternativeText: "封面"), body: body, source: source, publication: Publication(status: .draft))
        let notices = [Day(year: 2025, month: 5, day: 1)!, Day(year: 2025, month: 7, day: 1)!].enumerated().map {
            Notice(
                slug: "notice-\($0 + 1)", title: "通知", date: Day(year: 2025, month: 4, day: 1)!, summary: "摘要", until: $1,
                body: body, source: source)
        }
        let policy = PolicyDocument(
            slug: "policy-1", title: "文件", number: "X市监党〔2025〕1号", issuer: "中共X市市场监督管理局党组",
            date: Day(year: 2025, month: 3, day: 1)!, summary: "摘要",
            attachment: Attachment(
                path: SitePath(file: ["media", "policies", "a.00000000.pdf"]), byteCount: 2048, fileExtension: "pdf"),
            body: body, source: source)
        let dimensions = AssessmentScheme.Measure.allCases.enumerated().map { number, measure in
            AssessmentScheme.Dimension(
                name: "项目\(number)", weight: 20, measure: measure, target: measure.isComputed ? 3 : nil, basis: "依据",
                source: source)
        }
        let assessment = AssessmentScheme(
            dimensions: dimensions,
            entries: [AssessmentScheme.Entry(year: 2025, district: district, scores: ["项目0": 18], source: source)])
        return Portal(
            config: config, cases: cases, courses: [course], pages: [page], sites: [site, liaisonSite],
            members: [member], training: [session], news: [news], notices: notices, policies: [policy],
            liaison: [liaisonPoint], coverage: coverage, assessment: assessment)
    }()
}
