import Core
import Model

/// Reads `data/liaison.yaml`: for each liaison point of `sites.yaml`, its paired leader and
/// the activity log of the leader's visits.
enum LiaisonDecoder {
    /// Keys that would publish a way to reach a leader privately; refused wherever they appear.
    static func isContactKey(_ key: String) -> Bool {
        let lowered = key.lowercased()
        return ["phone", "mobile", "tel", "电话", "手机", "联系方式"].contains { lowered.contains($0) }
    }

    /// The points, in the order written, and the sites whose entries had errors (whose
    /// missing activities are not reported again). `sites` are those of `sites.yaml`;
    /// `brokenSiteIDs` those whose records had errors; `cases` the slugs of every case file.
    static func decode(
        _ root: YAMLValue?, sites: [Site], brokenSiteIDs: Set<String>, cases: Set<String>, today: Day,
        diagnostics: inout Diagnostics
    ) -> (points: [LiaisonPoint], broken: Set<String>) {
        var broken: Set<String> = []
        guard let root else { return ([], broken) }
        guard case .sequence(let items, _) = root else {
            diagnostics.error(at: root.location, "liaison.yaml 应为列表", hint: "每个联系点以 - site: … 开头")
            return ([], Set(sites.map(\.id)))
        }
        let sitesByID = Dictionary(sites.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var points: [LiaisonPoint] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            var reader = RecordReader(item, recordName: "联系点履职记录", diagnostics: &diagnostics)
            refuseContacts(&reader)
            let siteID = reader.identifier("site")
            let leaderValue = reader.nested("leader")
            let activitiesValue = reader.nested("activities", required: false)
            reader.finish()
            diagnostics.append(contentsOf: reader.diagnostics)
            let leader = leaderValue.flatMap { decodeLeader($0, diagnostics: &diagnostics) }
            // Nil when the log had errors; no log at all is an empty one.
            let activities =
                activitiesValue.map { decodeActivities($0, cases: cases, today: today, diagnostics: &diagnostics) } ?? []
            var siteIsValid = false
            if let siteID {
                let location = reader.location(of: "site")
                if let site = sitesByID[siteID] {
                    if site.kind != .liaison {
                        diagnostics.error(
                            at: location, "'\(siteID)' 是\(site.kind.rawValue)，不是联系点",
                            hint: "liaison.yaml 只记 sites.yaml 中 kind: 联系点 的站点")
                    } else if let first = seen[siteID] {
                        diagnostics.error(
                            at: location, "联系点 '\(siteID)' 重复，第一次出现在第 \(first.line) 行",
                            hint: "把两条记录的 activities 合并到第一条，删掉这一条")
                    } else {
                        seen[siteID] = location
                        siteIsValid = true
                    }
                } else if !brokenSiteIDs.contains(siteID) {
                    let liaisonIDs = sites.filter { $0.kind == .liaison }.map(\.id)
                    diagnostics.error(
                        at: location, "未知的联系点 '\(siteID)'",
                        hint: Suggestion.didYouMean(siteID, in: liaisonIDs) ?? "site 写 sites.yaml 中联系点的 id")
                }
            }
            guard let siteID, siteIsValid, let leader, let activities else {
                if let siteID { broken.insert(siteID) }
                continue
            }
            points.append(
                LiaisonPoint(
                    siteID: siteID, leader: leader, activities: activities.sorted { $0.date < $1.date },
                    source: item.location))
        }
        return (points, broken)
    }

    /// A leader is published; a phone number of theirs must never be.
    private static func refuseContacts(_ reader: inout RecordReader) {
        for key in reader.keys where isContactKey(key) {
            reader.accept(key)
            reader.appendDiagnostic(
                Diagnostic(
                    .error, at: reader.location(of: key), "\(reader.recordName)不能写电话号码（'\(key)'）",
                    hint: "门户只公开联系领导的职务和姓名；删掉这一项"))
        }
    }

    /// `{title: 副局长, name: 王某某}`.
    private static func decodeLeader(_ value: YAMLValue, diagnostics: inout Diagnostics) -> LiaisonLeader? {
        var reader = RecordReader(value, recordName: "联系领导", diagnostics: &diagnostics)
        refuseContacts(&reader)
        let title = reader.string("title")
        let name = reader.string("name")
        reader.finish()
        diagnostics.append(contentsOf: reader.diagnostics)
        guard let title, let name, !reader.diagnostics.hasErrors else { return nil }
        return LiaisonLeader(title: title, name: name)
    }

    private static func decodeActivities(
        _ value: YAMLValue, cases: Set<String>, today: Day, diagnostics: inout Diagnostics
    ) -> [LiaisonActivity]? {
        guard case .sequence(let items, _) = value else {
            diagnostics.error(
                at: value.location, "'activities' 应为列表，这里是 \(value.kindDescription)",
                hint: "每次活动以 - date: … 开头，写 kind 和 summary，可写 case")
            return nil
        }
        var activities: [LiaisonActivity] = []
        var failed = false
        for item in items {
            var reader = RecordReader(item, recordName: "履职活动", diagnostics: &diagnostics)
            refuseContacts(&reader)
            let date = reader.day("date")
            let kindText = reader.string("kind")
            let summary = reader.string("summary")
            let caseSlug = reader.identifier("case", required: false)
            reader.finish()
            diagnostics.append(contentsOf: reader.diagnostics)
            var problems = reader.diagnostics.hasErrors
            if let date, date > today {
                diagnostics.error(
                    at: reader.location(of: "date"), "活动日期 \(date) 晚于今天（\(today)）",
                    hint: "只记已经开展的活动；计划中的活动等开展后再写")
                problems = true
            }
            var kind: LiaisonActivity.Kind?
            if let kindText {
                kind = LiaisonActivity.Kind(rawValue: kindText)
                if kind == nil {
                    diagnostics.error(
                        at: reader.location(of: "kind"), "未知的活动类型 '\(kindText)'",
                        hint: "kind 写 调研、党课、主题党日 或 解决困难")
                }
            }
            if let caseSlug, !cases.contains(caseSlug) {
                diagnostics.error(
                    at: reader.location(of: "case"), "案例 '\(caseSlug)' 不存在",
                    hint: Suggestion.didYouMean(caseSlug, in: cases.sorted()) ?? "case 写 cases/ 中案例的网址名（文件名去掉 .md）")
                problems = true
            }
            guard let date, let kind, let summary, !problems else {
                failed = true
                continue
            }
            activities.append(
                LiaisonActivity(date: date, kind: kind, summary: summary, caseSlug: caseSlug, source: item.location))
        }
        return failed ? nil : activities
    }
}
