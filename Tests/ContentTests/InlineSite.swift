import Content
import Core
import Foundation

/// A small portal written into a temporary folder from a table of files, as Hugo's txtar
/// tests do: the base is a complete valid site, and each test replaces or removes the files
/// it is about.
struct InlineSite {
    static let base: [String: String] = [
        "portal.yaml": """
        title: 测试门户
        base_url: https://example.gov.cn/xgz/
        districts:
          - {name: 东湖区, slug: donghu}
          - {name: 西津区, slug: xijin}
        categories:
          - {name: 小微企业, slug: xiaowei}
          - {name: 个体工商户, slug: getihu}
          - {name: 专业市场, slug: shichang}
        targets:
          demonstration_sites: {total: 50, per_district: 3, deadline: 2027-12-31}
          liaison_points: {minimum: 10}
        review: {required: []}

        """,
        "data/sites.yaml": """
        - id: site-01
          name: 东湖市场党群服务中心
          kind: 示范点
          district: 东湖区
          category: 专业市场
          address: 滨江路88号
          since: 2021
          organization: 东湖市场党委
          liuyou: {场所: true, 设施: true, 标志: true, 党旗: true, 书报: false, 制度: true}

        """,
        "data/members.yaml": """
        - id: m-001
          name: 陈秀英
          shop: 秀英水产档
          district: 东湖区
          site: site-01
          joined: 2008
          commitment: 诚信经营
          phone: "13800000001"

        """,
        "cases/a.md": """
        ---
        title: 东湖市场“红色引擎”
        date: 2025-03-18
        district: 东湖区
        category: 专业市场
        tags: [六有, 三亮]
        sites: [site-01]
        author: 东湖区市场监管局
        ---

        推进**“六有”标准化阵地建设**，详见[另一案例](b.md#主要做法)。

        ## 主要做法

        党员亮身份。

        """,
        "cases/b.md": """
        ---
        title: 西津个体户党建
        date: 2024-06-01
        district: 西津区
        category: 个体工商户
        tags: [三亮]
        sites: []
        author: 李明
        summary: 个体户亮身份。
        ---

        ## 主要做法

        个体户党员亮身份、亮职责、亮承诺。

        """,
        "courses/c.md": """
        ---
        title: 书记轮训第一讲
        date: 2025-06-10
        trainer: 王建华
        audience: 专业市场党组织书记
        hours: 3
        ---

        ## 案例研讨

        - [东湖市场](../cases/a.md)

        """,
        "pages/about.md": """
        ---
        title: 关于本站
        ---

        本站展示典型案例。

        """,
    ]

    /// The day the site is loaded on: activities after it are in the future.
    static let today = Day(year: 2026, month: 12, day: 3)!

    let root: URL

    /// Writes the base site with `changes` applied: a string replaces or adds a file, nil removes it.
    init(_ changes: [String: String?] = [:]) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("portal-content-\(UUID().uuidString)")
            .appendingPathComponent("content")
        var files = Self.base
        for (path, text) in changes { files[path] = text }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: root.appendingPathComponent(path))
    }

    func load() async throws(DiagnosticsError) -> ContentLoader.Loaded {
        var loader = ContentLoader(directory: root, displayRoot: "content")
        loader.today = Self.today
        return try await loader.load()
    }

    /// The errors and warnings of loading, as printed.
    func diagnostics() async -> [String] {
        do {
            return try await load().warnings.map(\.description)
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: root.deletingLastPathComponent())
    }
}
