import Core
import Model

/// Reads `portal.yaml`.
enum ConfigDecoder {
    static func decode(_ root: YAMLValue?, file: SourceFile, diagnostics: inout Diagnostics) -> PortalConfig? {
        guard let root else {
            diagnostics.error(
                at: SourceLocation(path: file.path), "portal.yaml 是空的",
                hint: "至少要有 title、base_url、districts 和 categories")
            return nil
        }
        var reader = RecordReader(root, recordName: "门户配置", diagnostics: &diagnostics)
        let title = reader.string("title")
        let description = reader.string("description", required: false) ?? ""
        let publisher = reader.string("publisher", required: false) ?? ""
        var baseURL = reader.string("base_url")
        if let url = baseURL {
            if !(url.hasPrefix("https://") || url.hasPrefix("http://")) || url.contains(" ") {
                reader.appendDiagnostic(
                    .error(
                        at: reader.location(of: "base_url"), "base_url 应为完整网址：'\(url)'",
                        hint: "写门户发布的完整网址，如 https://xgz.example.gov.cn/"))
                baseURL = nil
            } else if !url.hasSuffix("/") {
                baseURL = url + "/"
            }
        }
        let districts = taxa(reader.nested("districts"), key: "districts", what: "区", diagnostics: &diagnostics)
        let categories = taxa(reader.nested("categories"), key: "categories", what: "类别", diagnostics: &diagnostics)
        let targets =
            reader.nested("targets", required: false).map { targetsValue in
                decodeTargets(targetsValue, diagnostics: &diagnostics)
            } ?? Targets()
        let allowedEmails =
            reader.nested("privacy", required: false).map { privacyValue in
                decodeAllowedEmails(privacyValue, diagnostics: &diagnostics)
            } ?? []
        let requiredReviews = reader.nested("review", required: false).map { reviewValue in
            decodeReview(reviewValue, diagnostics: &diagnostics)
        }
        let footer = reader.nested("footer", required: false).map { footerValue in
            decodeFooter(footerValue, diagnostics: &diagnostics)
        }
        reader.finish()
        diagnostics.append(contentsOf: reader.diagnostics)
        guard let title, let baseURL, !districts.isEmpty, !categories.isEmpty else { return nil }
        var config = PortalConfig(
            title: title, description: description, baseURL: baseURL, publisher: publisher,
            districts: districts, categories: categories, targets: targets, allowedEmails: allowedEmails,
            requiredReviews: requiredReviews)
        config.footer = footer ?? SiteFooter(organizer: publisher.isEmpty ? nil : publisher)
        return config
    }

    /// `privacy: {allowed_emails: [office@example.gov.cn]}`: the addresses that may be published.
    private static func decodeAllowedEmails(_ value: YAMLValue, diagnostics: inout Diagnostics) -> [String] {
        var reader = RecordReader(value, recordName: "隐私设置", diagnostics: &diagnostics)
        let emails = reader.stringList("allowed_emails")
        reader.finish()
        diagnostics.append(contentsOf: reader.diagnostics)
        return emails
    }

    /// `review: {required: [初审, 终审]}`: the roles whose approval a published page needs,
    /// each once, in the order of review.
    private static func decodeReview(_ value: YAMLValue, diagnostics: inout Diagnostics) -> [ReviewRole] {
        var reader = RecordReader(value, recordName: "审核设置", diagnostics: &diagnostics)
        // Not a mapping is reported as such, not as a missing 'required' too.
        let isMapping = if case .mapping = value { true } else { false }
        let named = reader.locatedStringList("required", required: isMapping)
        reader.finish()
        diagnostics.append(contentsOf: reader.diagnostics)
        let roleNames = ReviewRole.allCases.map(\.rawValue)
        var roles: [ReviewRole] = []
        var firstOfRole: [ReviewRole: SourceLocation] = [:]
        for (text, location) in named {
            guard let role = ReviewRole(rawValue: text) else {
                diagnostics.error(
                    at: location, "未知的审核角色 '\(text)'",
                    hint: Suggestion.didYouMean(text, in: roleNames) ?? "required 只能列出 \(roleNames.joined(separator: "、"))")
                continue
            }
            if let first = firstOfRole[role] {
                diagnostics.error(
                    at: location, "审核角色 '\(text)' 重复，第一次出现在 \(first)", hint: "每个审核角色只列一次")
                continue
            }
            firstOfRole[role] = location
            roles.append(role)
        }
        return roles.sorted()
    }

    /// A list of `{name: 东湖区, slug: donghu}`; names and slugs unique.
    private static func taxa(_ value: YAMLValue?, key: String, what: String, diagnostics: inout Diagnostics) -> [Taxon] {
        guard let value else { return [] }
        guard case .sequence(let items, _) = value, !items.isEmpty else {
            diagnostics.error(
                at: value.location, "'\(key)' 应为非空列表", hint: "每行写一项：- {name: 名称, slug: 英文网址名}")
            return []
        }
        var result: [Taxon] = []
        var seenNames: [String: SourceLocation] = [:]
        var seenSlugs: [String: SourceLocation] = [:]
        for item in items {
            var reader = RecordReader(item, recordName: what, diagnostics: &diagnostics)
            let name = reader.string("name")
            let slug = reader.string("slug")
            reader.finish()
            diagnostics.append(contentsOf: reader.diagnostics)
            guard let name, let slug else { continue }
            if !Slug.isValid(slug) {
                diagnostics.error(
                    at: reader.location(of: "slug"), "slug '\(slug)' 不能用于网址",
                    hint:
                        "只用小写英文字母、数字和 -，如 '\(Slug.suggestion(for: slug).isEmpty ? "donghu" : Slug.suggestion(for: slug))'"
                )
                continue
            }
            if let first = seenNames[name] {
                diagnostics.error(at: reader.location(of: "name"), "\(what) '\(name)' 重复，第一次出现在 \(first)")
                continue
            }
            if let first = seenSlugs[slug] {
                diagnostics.error(at: reader.location(of: "slug"), "slug '\(slug)' 重复，第一次出现在 \(first)")
                continue
            }
            seenNames[name] = reader.location(of: "name")
            seenSlugs[slug] = reader.location(of: "slug")
            result.append(Taxon(name: name, slug: slug))
        }
        return result
    }

    private static func decodeTargets(_ value: YAMLValue, diagnostics: inout Diagnostics) -> Targets {
        var reader = RecordReader(value, recordName: "目标", diagnostics: &diagnostics)
        var targets = Targets()
        if let demo = reader.nested("demonstration_sites", required: false) {
            var inner = RecordReader(demo, recordName: "示范点目标", diagnostics: &diagnostics)
            targets.demonstrationSitesTotal = inner.integer("total", required: false, in: 1...100_000)
            targets.demonstrationSitesPerDistrict = inner.integer("per_district", required: false, in: 0...10_000)
            targets.demonstrationSitesDeadline = inner.day("deadline", required: false)
            targets.demonstrationSitesStart = inner.day("start", required: false)
            inner.finish()
            diagnostics.append(contentsOf: inner.diagnostics)
            checkWindow(
                at: inner.location(of: "start"), start: targets.demonstrationSitesStart,
                deadline: targets.demonstrationSitesDeadline, diagnostics: &diagnostics)
        }
        if let liaison = reader.nested("liaison_points", required: false) {
            var inner = RecordReader(liaison, recordName: "联系点目标", diagnostics: &diagnostics)
            targets.liaisonPointsMinimum = inner.integer("minimum", required: false, in: 0...100_000)
            targets.liaisonPointsStart = inner.day("start", required: false)
            targets.liaisonPointsDeadline = inner.day("deadline", required: false)
            inner.finish()
            diagnostics.append(contentsOf: inner.diagnostics)
            checkWindow(
                at: inner.location(of: "start"), start: targets.liaisonPointsStart,
                deadline: targets.liaisonPointsDeadline, diagnostics: &diagnostics)
        }
        if let training = reader.nested("training", required: false) {
            var inner = RecordReader(training, recordName: "培训目标", diagnostics: &diagnostics)
            targets.trainingRotationYears = inner.integer("rotation_years", required: false, in: 1...20)
            targets.trainingOrgHeads = inner.integer("org_heads", required: false, in: 1...1_000_000)
            targets.trainingStart = inner.day("start", required: false)
            inner.finish()
            diagnostics.append(contentsOf: inner.diagnostics)
        }
        reader.finish()
        diagnostics.append(contentsOf: reader.diagnostics)
        return targets
    }

    /// A target's window must run forward: the pace is measured from `start` to `deadline`.
    private static func checkWindow(
        at location: SourceLocation, start: Day?, deadline: Day?, diagnostics: inout Diagnostics
    ) {
        guard let start, let deadline, start >= deadline else { return }
        diagnostics.error(
            at: location, "目标的开始日期 \(start) 不早于截止日期 \(deadline)",
            hint: "start 是开始推进这项目标的日期，应早于 deadline，如 start: \(deadline.year - 3)-01-01")
    }
}
