import Core
import Model

/// Reads a Markdown file's front matter into a `PageSource`.
struct PageDecoder {
    let lookup: TaxonLookup
    /// Whether draft and review pages are built too (`portal build --drafts`); then a stale
    /// approval on them stops the build as it does on published pages.
    var includeUnpublished = false
    /// Whether approvals are checked against the body. `portal approve` reads without: approving
    /// again is how a stale approval is put right.
    var verifiesApprovals = true

    func decode(_ file: SourceFile, kind: PageKind, relativePath: String, diagnostics: inout Diagnostics) -> PageSource? {
        let frontMatter: FrontMatter
        switch FrontMatter.split(file) {
        case .success(let value): frontMatter = value
        case .failure(let error):
            diagnostics.append(contentsOf: error.diagnostics)
            return nil
        }
        let root: YAMLValue?
        switch YAMLReader.parse(frontMatter.yaml, path: file.path, firstLine: frontMatter.yamlFirstLine) {
        case .success(let value): root = value
        case .failure(let error):
            diagnostics.append(contentsOf: error.diagnostics)
            return nil
        }
        guard let root else {
            diagnostics.error(
                at: frontMatter.location, "前置元数据是空的", hint: "在两行 --- 之间写上 title: … 等各项")
            return nil
        }
        var reader = RecordReader(root, recordName: kind.noun, diagnostics: &diagnostics)
        let fileSlug = String(relativePath.split(separator: "/").last!.dropLast(3))
        let slug = reader.string("slug", required: false) ?? fileSlug
        let status = readStatus(&reader)
        let approvals = readApprovals(&reader, status: status, frontMatter: frontMatter, file: file, diagnostics: &diagnostics)
        if verifiesApprovals, status == .published {
            checkRequiredReviews(
                approvals, kind: kind, at: reader.has("status") ? reader.location(of: "status") : frontMatter.location,
                file: file, diagnostics: &diagnostics)
        }
        let title = reader.string("title")
        let metadata: PageSource.Metadata?
        switch kind {
        case .caseStudy:
            metadata = decodeCase(&reader, title: title, diagnostics: &diagnostics)
        case .course:
            let date = reader.day("date")
            let trainer = reader.string("trainer")
            let audience = reader.string("audience")
            let hours = reader.decimal("hours", in: 0.5...200)
            let summary = reader.string("summary", required: false)
            let objectives = reader.stringList("objectives")
            let lessons = Self.lessons(reader.nested("lessons", required: false), hours: hours, diagnostics: &diagnostics)
            if let title, let date, let trainer, let audience, let hours {
                metadata = .course(
                    .init(
                        title: title, date: date, trainer: trainer, audience: audience, hours: hours, summary: summary,
                        objectives: objectives, lessons: lessons))
            } else {
                metadata = nil
            }
        case .page:
            let summary = reader.string("summary", required: false)
            metadata = title.map { .page(title: $0, summary: summary) }
        case .news:
            metadata = decodeNews(&reader, title: title, diagnostics: &diagnostics)
        case .notice:
            metadata = decodeNotice(&reader, title: title, diagnostics: &diagnostics)
        case .policy:
            metadata = decodePolicy(&reader, title: title, diagnostics: &diagnostics)
        }
        reader.finish()
        diagnostics.append(contentsOf: reader.diagnostics)

        if !Slug.isValid(slug) {
            let isFromFile = !reader.has("slug")
            let suggestion = Slug.suggestion(for: slug)
            diagnostics.error(
                at: isFromFile ? frontMatter.location : reader.location(of: "slug"),
                isFromFile ? "文件名 '\(fileSlug)' 不能用作网址" : "slug '\(slug)' 不能用作网址",
                hint:
                    "只用小写英文字母、数字和 -：给文件改名，或加一行 slug: \(suggestion.isEmpty ? "my-page" : suggestion)"
            )
            return nil
        }
        if kind == .page, Routes.reservedNames.contains(slug) {
            diagnostics.error(
                at: reader.has("slug") ? reader.location(of: "slug") : frontMatter.location,
                "页面地址 '/\(slug)/' 已被门户使用", hint: "给这个页面换一个 slug")
            return nil
        }
        guard let metadata, let status else { return nil }
        return PageSource(
            kind: kind, relativePath: relativePath, file: file, body: frontMatter.body,
            bodyFirstLine: frontMatter.bodyFirstLine, slug: slug, status: status, approvals: approvals, metadata: metadata,
            location: frontMatter.location)
    }

    private func readStatus(_ reader: inout RecordReader) -> PublicationStatus? {
        guard let text = reader.string("status", required: false) else { return .published }
        if let status = PublicationStatus(rawValue: text) { return status }
        reader.appendDiagnostic(
            .error(
                at: reader.location(of: "status"), "未知的状态 '\(text)'",
                hint: "status 只能是 \(PublicationStatus.allCases.map(\.rawValue).joined(separator: "、"))"))
        return nil
    }

    private func decodeCase(_ reader: inout RecordReader, title: String?, diagnostics: inout Diagnostics) -> PageSource.Metadata?
    {
        let date = reader.day("date")
        let districtName = reader.string("district")
        let categoryName = reader.string("category")
        let tags = reader.stringList("tags")
        let siteIDs = reader.locatedStringList("sites")
        let author = reader.string("author")
        let summary = reader.string("summary", required: false)
        let (cover, coverAlternativeText) = readCover(&reader, diagnostics: &diagnostics)
        let district = lookup.district(districtName, at: reader.location(of: "district"), diagnostics: &diagnostics)
        let category = lookup.category(categoryName, at: reader.location(of: "category"), diagnostics: &diagnostics)
        var uniqueTags: [String] = []
        for tag in tags where !uniqueTags.contains(tag) {
            if Slug.segment(from: tag).isEmpty {
                diagnostics.error(
                    at: reader.location(of: "tags"), "标签 '\(tag)' 没有文字或数字", hint: "标签里至少要有一个字或数字")
                continue
            }
            uniqueTags.append(tag)
        }
        guard let title, let date, let district, let category, let author else { return nil }
        return .caseStudy(
            .init(
                title: title, date: date, district: district, category: category, tags: uniqueTags,
                siteIDs: siteIDs.map { ($0.text, $0.location) }, author: author, summary: summary, cover: cover,
                coverAlternativeText: coverAlternativeText))
    }

    /// `lessons:` of a course, a list of `{title, hours, cases, sites}`; their hours must add up
    /// to the course's.
    static func lessons(_ value: YAMLValue?, hours: Double?, diagnostics: inout Diagnostics) -> [PageSource.LessonMetadata] {
        guard let value else { return [] }
        guard case .sequence(let items, _) = value else {
            diagnostics.error(
                at: value.location, "'lessons' 应为列表，这里是 \(value.kindDescription)",
                hint: "每个课时以 - title: … 开头，写 hours，可写 cases 和 sites")
            return []
        }
        var lessons: [PageSource.LessonMetadata] = []
        for item in items {
            var reader = RecordReader(item, recordName: "课时", diagnostics: &diagnostics)
            let title = reader.string("title")
            let lessonHours = reader.decimal("hours", in: 0.25...200)
            let cases = reader.locatedStringList("cases")
            let sites = reader.locatedStringList("sites")
            reader.finish()
            diagnostics.append(contentsOf: reader.diagnostics)
            guard let title, let lessonHours else { continue }
            lessons.append(
                PageSource.LessonMetadata(
                    title: title, hours: lessonHours, cases: cases.map { ($0.text, $0.location) },
                    sites: sites.map { ($0.text, $0.location) }))
        }
        let total = lessons.reduce(0) { $0 + $1.hours }
        if let hours, lessons.count == items.count, !lessons.isEmpty, abs(total - hours) > 0.001 {
            diagnostics.error(
                at: value.location, "各课时合计 \(Course.hours(total)) 学时，与 hours: \(Course.hours(hours)) 不符",
                hint: "改正 hours 或各课时的 hours，使两者相等")
        }
        return lessons
    }
}
