import Core
import Foundation
import Model

/// Starts a new write-up, course or page from every front-matter key with today's date and
/// `status: draft`, or adds a site or a member to the end of its YAML file, keeping the comments
/// and layout above (`portal new`). Names are checked against `portal.yaml` and the records
/// first, with a hint for each mistake; a file is never overwritten.
public struct Scaffolder {
    public let loader: ContentLoader

    public init(loader: ContentLoader) {
        self.loader = loader
    }

    public struct NewCase {
        public var title: String
        public var district: String
        public var category: String
        public var tags: [String] = []
        public var sites: [String] = []
        /// By default the portal's publisher (`portal.yaml`).
        public var author: String?
        public var slug: String?

        public init(title: String, district: String, category: String) {
            self.title = title
            self.district = district
            self.category = category
        }
    }

    public struct NewCourse {
        public var title: String
        /// By default the portal's publisher (`portal.yaml`).
        public var trainer: String?
        public var audience = "党组织书记"
        public var hours = 2.0
        public var slug: String?

        public init(title: String) {
            self.title = title
        }
    }

    public struct NewSite {
        public var id: String
        public var name: String
        public var kind: String
        public var district: String
        public var category: String
        public var address = ""
        public var since: Int
        public var organization = ""
        /// The 六有 items met (`场所`, `设施` …); the others are written as not met.
        public var liuyou: [String] = []

        public init(id: String, name: String, kind: String, district: String, category: String, since: Int) {
            self.id = id
            self.name = name
            self.kind = kind
            self.district = district
            self.category = category
            self.since = since
        }
    }

    public struct NewMember {
        public var id: String
        public var name: String
        public var shop: String
        public var district: String
        public var site: String
        public var joined: Int
        public var commitment = "亮身份、亮职责、亮承诺。"
        /// Private: checked, never published.
        public var phone: String?

        public init(id: String, name: String, shop: String, district: String, site: String, joined: Int) {
            self.id = id
            self.name = name
            self.shop = shop
            self.district = district
            self.site = site
            self.joined = joined
        }
    }

    /// A write-up's body and the files that go beside it in `cases/<slug>/`, as an imported
    /// Word document gives them.
    public struct Body {
        public var text: String
        /// Names inside `cases/<slug>/` (`图片1.jpg`) and their bytes.
        public var files: [(name: String, bytes: [UInt8])]

        public init(text: String, files: [(name: String, bytes: [UInt8])] = []) {
            self.text = text
            self.files = files
        }
    }

    /// Writes `cases/<slug>.md` and returns its content-relative path.
    public func create(_ new: NewCase, today: Day) throws(DiagnosticsError) -> String {
        try create(new, today: today) { _ in Body(text: "## 基本情况\n\n## 主要做法\n\n## 工作成效\n") }
    }

    /// Checks the names of a new case as `create` does, writing nothing; throws with every problem.
    public func check(_ new: NewCase, today: Day) throws(DiagnosticsError) {
        _ = try checked(new, today: today)
    }

    /// Writes `cases/<slug>.md` with the body `body(slug)` makes, and its files into
    /// `cases/<slug>/`, which must not exist yet; returns the write-up's content-relative path.
    public func create(_ new: NewCase, today: Day, body: (_ slug: String) -> Body) throws(DiagnosticsError) -> String {
        let (config, slug) = try checked(new, today: today)
        let body = body(slug)
        let folder = "cases/\(slug)"
        if !body.files.isEmpty && FileManager.default.fileExists(atPath: loader.directory.appendingPathComponent(folder).path) {
            throw DiagnosticsError([
                .error(at: SourceLocation(path: display(folder + "/")), "文件夹已存在，不会覆盖", hint: "用 --slug 另取一个名字")
            ])
        }
        let text = """
            ---
            title: \(YAMLText.quoted(new.title))
            date: \(today)
            district: \(new.district)
            category: \(new.category)
            tags: [\(new.tags.map(YAMLText.quoted).joined(separator: ", "))]
            sites: [\(new.sites.joined(separator: ", "))]
            author: \(YAMLText.quoted(new.author ?? Self.publisher(of: config)))
            summary: ""
            slug: \(slug)
            status: draft
            # 图片放在 cases/\(slug)/ 里，单独一行写 ![图片内容](\(slug)/photo.jpg "图为……")，引号里的图注显示在图片下方。
            # 表格：第一行 | 指标 | 2024年 | 2025年 |，第二行 | --- | ---: | ---: |，再往下每行一组数据。
            # 写完把 status 改为 review 交审；初审、终审通过后才能改为 published。
            ---


            """
        let path = try write(Data((text + body.text).utf8), to: "cases/\(slug).md")
        for file in body.files {
            _ = try write(Data(file.bytes), to: "\(folder)/\(file.name)")
        }
        return path
    }

    private func checked(_ new: NewCase, today: Day) throws(DiagnosticsError) -> (PortalConfig, String) {
        let (config, sites, _) = try loader.records()
        var problems = Diagnostics()
        check(new.district, among: config.districts.map(\.name), option: "--district", what: "区", into: &problems)
        check(new.category, among: config.categories.map(\.name), option: "--category", what: "类别", into: &problems)
        for id in new.sites {
            check(id, among: sites.map(\.id), option: "--sites", what: "示范点/联系点", into: &problems)
        }
        checkText(new.title, option: "<title>", into: &problems)
        let slug = try slug(new.slug, in: "cases", today: today, problems: &problems)
        return (config, slug)
    }

    /// Writes `courses/<slug>.md` and returns its content-relative path.
    public func create(_ new: NewCourse, today: Day) throws(DiagnosticsError) -> String {
        let config = try loader.records().config
        var problems = Diagnostics()
        checkText(new.title, option: "<title>", into: &problems)
        if !(new.hours >= 0.5) {
            problems.error(at: .commandLine("--hours"), "学时应不少于 0.5：\(new.hours)", hint: "如 --hours 3")
        }
        let slug = try slug(new.slug, in: "courses", today: today, problems: &problems)
        let text = """
            ---
            title: \(YAMLText.quoted(new.title))
            date: \(today)
            trainer: \(YAMLText.quoted(new.trainer ?? Self.publisher(of: config)))
            audience: \(YAMLText.quoted(new.audience))
            hours: \(new.hours == new.hours.rounded() ? String(Int(new.hours)) : String(new.hours))
            slug: \(slug)
            status: draft
            ---

            ## 教学目标

            ## 案例研讨

            """
        return try write(text, to: "courses/\(slug).md")
    }

    /// Writes `pages/<slug>.md` and returns its content-relative path; a page needs a slug of
    /// its own, as it is published at `/<slug>/`.
    public func createPage(title: String, slug: String) throws(DiagnosticsError) -> String {
        _ = try loader.records()
        var problems = Diagnostics()
        checkText(title, option: "title", into: &problems)
        if Routes.reservedNames.contains(slug) {
            problems.error(
                at: .commandLine("--slug"), "网址 /\(slug)/ 是门户自己使用的名字", hint: "换一个，如 \(slug)-info")
        }
        let slug = try self.slug(slug, in: "pages", today: nil, problems: &problems)
        let text = """
            ---
            title: \(YAMLText.quoted(title))
            slug: \(slug)
            status: draft
            ---

            """
        return try write(text, to: "pages/\(slug).md")
    }

    /// Adds the site to the end of `data/sites.yaml`; returns the file's content-relative path
    /// and the line the new record starts at.
    public func add(_ new: NewSite) throws(DiagnosticsError) -> (path: String, line: Int) {
        let (config, sites, _) = try loader.records()
        var problems = Diagnostics()
        checkID(new.id, option: "--id", existing: sites.map(\.id), into: &problems)
        check(new.kind, among: Site.Kind.allCases.map(\.rawValue), option: "--kind", what: "类型", into: &problems)
        check(new.district, among: config.districts.map(\.name), option: "--district", what: "区", into: &problems)
        check(new.category, among: config.categories.map(\.name), option: "--category", what: "类别", into: &problems)
        for item in new.liuyou {
            check(item, among: LiuyouChecklist.items, option: "--liuyou", what: "“六有”项", into: &problems)
        }
        checkText(new.name, option: "--name", into: &problems)
        if problems.hasErrors { throw DiagnosticsError(problems.all) }
        let liuyou = LiuyouChecklist.items.map { "\($0): \(new.liuyou.contains($0))" }.joined(separator: ", ")
        let record = """
            - id: \(new.id)
              name: \(YAMLText.quoted(new.name))
              kind: \(new.kind)
              district: \(new.district)
              category: \(new.category)
              address: \(YAMLText.quoted(new.address))
              since: \(new.since)
              organization: \(YAMLText.quoted(new.organization))
              liuyou: {\(liuyou)}

            """
        return try append(record, to: "data/sites.yaml")
    }

    /// Adds the member to the end of `data/members.yaml`; returns the file's content-relative
    /// path and the line the new record starts at.
    public func add(_ new: NewMember) throws(DiagnosticsError) -> (path: String, line: Int) {
        let (config, sites, members) = try loader.records()
        var problems = Diagnostics()
        checkID(new.id, option: "--id", existing: members.map(\.id), into: &problems)
        check(new.district, among: config.districts.map(\.name), option: "--district", what: "区", into: &problems)
        check(new.site, among: sites.map(\.id), option: "--site", what: "示范点/联系点", into: &problems)
        checkText(new.name, option: "--name", into: &problems)
        checkText(new.shop, option: "--shop", into: &problems)
        if problems.hasErrors { throw DiagnosticsError(problems.all) }
        var record = """
            - id: \(new.id)
              name: \(YAMLText.quoted(new.name))
              shop: \(YAMLText.quoted(new.shop))
              district: \(new.district)
              site: \(new.site)
              joined: \(new.joined)
              commitment: \(YAMLText.quoted(new.commitment))

            """
        if let phone = new.phone { record += "  phone: \(YAMLText.quoted(phone))\n" }
        return try append(record, to: "data/members.yaml")
    }

    // MARK: Checks

    private func check(_ value: String, among known: [String], option: String, what: String, into problems: inout Diagnostics) {
        guard !known.contains(value) else { return }
        problems.error(
            at: .commandLine(option), "未知的\(what) '\(value)'",
            hint: [Suggestion.didYouMean(value, in: known), "可用的\(what)：\(Self.listing(known))"].compactMap { $0 }
                .joined())
    }

    /// The first dozen of `known`, with `…` when there are more.
    private static func listing(_ known: [String]) -> String {
        known.prefix(12).joined(separator: "、") + (known.count > 12 ? "…" : "")
    }

    private func checkID(_ id: String, option: String, existing: [String], into problems: inout Diagnostics) {
        if !Slug.isValid(id) {
            problems.error(
                at: .commandLine(option), "编号 '\(id)' 只能用小写英文字母、数字、- 和 _",
                hint: "如 \(Slug.suggestion(for: id))")
        } else if existing.contains(id) {
            problems.error(at: .commandLine(option), "编号 '\(id)' 已经有了", hint: "换一个没有用过的编号")
        }
    }

    private func checkText(_ text: String, option: String, into problems: inout Diagnostics) {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || text.contains(where: \.isNewline) {
            problems.error(at: .commandLine(option), "不能为空，也不能换行", hint: "写一行文字")
        }
    }

    /// `requested`, checked; or the first free `<yyyy-mm-dd>-<n>`. Throws with every problem
    /// found so far.
    private func slug(_ requested: String?, in folder: String, today: Day?, problems: inout Diagnostics)
        throws(DiagnosticsError) -> String
    {
        let taken = takenSlugs(in: folder)
        var slug = requested ?? ""
        if let requested {
            if !Slug.isValid(requested) {
                problems.error(
                    at: .commandLine("--slug"), "网址名 '\(requested)' 只能用小写英文字母、数字、- 和 _",
                    hint: "如 \(Slug.suggestion(for: requested))")
            } else if taken.contains(requested) {
                problems.error(
                    at: .commandLine("--slug"), "网址名 '\(requested)' 已被 \(folder)/ 中的文件使用",
                    hint: "换一个，或不写 --slug，由日期和序号生成")
            }
        } else if let today {
            var number = 1
            while taken.contains("\(today)-\(number)") { number += 1 }
            slug = "\(today)-\(number)"
        }
        if problems.hasErrors { throw DiagnosticsError(problems.all) }
        return slug
    }

    /// The slugs the Markdown files of `folder` use: their names, and any `slug:` in their front
    /// matter.
    private func takenSlugs(in folder: String) -> Set<String> {
        let root = loader.directory.appendingPathComponent(folder)
        var taken: Set<String> = []
        // A folder of pictures left by an earlier write-up keeps its name taken too.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [] where !name.hasSuffix(".md") {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path, isDirectory: &isFolder),
                isFolder.boolValue
            {
                taken.insert(name)
            }
        }
        for file in FileTree.files(below: root.path, skipping: IgnoredFiles.isIgnored) where file.hasSuffix(".md") {
            taken.insert(String(file.split(separator: "/").last!.dropLast(".md".count)))
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(file).path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            for line in text.split(separator: "\n", maxSplits: 40) where line.hasPrefix("slug:") {
                taken.insert(
                    line.dropFirst("slug:".count).split(separator: "#").first.map(String.init)?.trimmingCharacters(
                        in: .whitespaces) ?? "")
            }
        }
        return taken
    }

    // MARK: Writing

    private func write(_ text: String, to relative: String) throws(DiagnosticsError) -> String {
        try write(Data(text.utf8), to: relative)
    }

    private func write(_ data: Data, to relative: String) throws(DiagnosticsError) -> String {
        let url = loader.directory.appendingPathComponent(relative)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // O_EXCL: an existing file is never overwritten, even one made a moment ago.
            let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            guard descriptor >= 0 else {
                throw DiagnosticsError([
                    .error(at: SourceLocation(path: display(relative)), "文件已存在，不会覆盖", hint: "用 --slug 另取一个名字")
                ])
            }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            try handle.write(contentsOf: data)
            try handle.close()
        } catch let error as DiagnosticsError {
            throw error
        } catch {
            throw DiagnosticsError([.error(at: SourceLocation(path: display(relative)), "无法写入：\(error.localizedDescription)")])
        }
        return relative
    }

    /// Appends `record` after the file's last line, with a blank line between, and returns the
    /// line it starts at.
    private func append(_ record: String, to relative: String) throws(DiagnosticsError) -> (path: String, line: Int) {
        let url = loader.directory.appendingPathComponent(relative)
        var text = FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        if !text.isEmpty && !text.hasSuffix("\n\n") { text += "\n" }
        let line = text.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        do {
            try Data((text + record).utf8).write(to: url, options: .atomic)
        } catch {
            throw DiagnosticsError([.error(at: SourceLocation(path: display(relative)), "无法写入：\(error.localizedDescription)")])
        }
        return (relative, line)
    }

    private func display(_ relative: String) -> String {
        loader.displayRoot.isEmpty ? relative : "\(loader.displayRoot)/\(relative)"
    }

    private static func publisher(of config: PortalConfig) -> String {
        config.publisher.isEmpty ? config.title : config.publisher
    }
}
