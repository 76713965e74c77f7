import Content
import Core
import Foundation
import Model

extension SpreadsheetImporter {
    /// `portal import liaison`: each row one activity of a liaison point's leader, added to the
    /// point's log in `data/liaison.yaml`. A row already logged (same day, kind and summary) is
    /// left as it is; a point must already be in the file, since its leader comes from there.
    func planLiaison(
        _ records: [ImportedRecord], problems rowProblems: [Diagnostic], place: SheetPlace, sites: [Site],
        file: (path: String, url: URL, text: String), root: YAMLValue?
    ) throws(DiagnosticsError) -> Plan {
        let log = LiaisonLog(text: file.text, root: root)
        let liaisonSites = sites.filter { $0.kind == .liaison }
        let cases = caseSlugs()
        var problems = rowProblems
        var seen: [String: Int] = [:]
        var additions: [Int: [[String]]] = [:]
        var added: [String] = []
        var unchanged: [String] = []

        for record in records {
            func cell(_ key: String) -> CellOrigin {
                record.values[key]?.cells.first?.origin ?? record.columns[key] ?? record.firstCell
            }
            func problem(_ key: String, _ message: String, hint: String?) {
                let origin = cell(key)
                problems.append(
                    .error(
                        at: place.location(row: origin.row, column: origin.column),
                        place.describe(row: origin.row, header: origin.header) + message, hint: hint))
            }
            var failed = false
            for key in ["site", "date", "kind", "summary"] where record.values[key] == nil {
                // A cell already reported (a date that does not exist) is not reported as missing.
                let origin = cell(key)
                if rowProblems.contains(where: { $0.location.line == origin.row && $0.location.column == origin.column }) {
                    failed = true
                    continue
                }
                let label = RecordSchema.liaison.field(named: key)?.label ?? key
                problem(key, "缺少\(label)", hint: "每行写上联系点、日期、类型和摘要")
                failed = true
            }
            var pointIndex: Int?
            if let name = record.values["site"]?.meaning {
                if let site = sites.first(where: { $0.id == name }) ?? sites.first(where: { $0.name == name }) {
                    if site.kind != .liaison {
                        problem("site", "'\(name)' 是\(site.kind.rawValue)，不是联系点", hint: "只导入 sites.yaml 中 kind: 联系点 的站点的活动")
                    } else if let index = log.points.firstIndex(where: { $0.siteID == site.id }) {
                        pointIndex = index
                    } else {
                        problem(
                            "site", "联系点 '\(site.id)'（\(site.name)）在 liaison.yaml 中还没有记录",
                            hint: "先在 data/liaison.yaml 中加一条 - site: \(site.id)，写上联系领导（leader），再导入活动")
                    }
                } else {
                    problem(
                        "site", "未知的联系点 '\(name)'",
                        hint: Suggestion.didYouMean(name, in: liaisonSites.map(\.id) + liaisonSites.map(\.name))
                            ?? "写 sites.yaml 中联系点的 id（如 \(liaisonSites.first?.id ?? "site-01")）或完整名称")
                }
            }
            if let kind = record.values["kind"]?.meaning, LiaisonActivity.Kind(rawValue: kind) == nil {
                problem("kind", "未知的活动类型 '\(kind)'", hint: "类型写 调研、党课、主题党日 或 解决困难")
                failed = true
            }
            if let date = record.values["date"].flatMap({ Day(parsing: $0.meaning) }), date > loader.today {
                problem("date", "活动日期 \(date) 晚于今天（\(loader.today)）", hint: "只记已经开展的活动；计划中的活动等开展后再写")
                failed = true
            }
            if let slug = record.values["case"]?.meaning, !cases.contains(slug) {
                problem(
                    "case", "案例 '\(slug)' 不存在",
                    hint: Suggestion.didYouMean(slug, in: cases.sorted()) ?? "写 cases/ 中案例的网址名（文件名去掉 .md）")
                failed = true
            }
            guard let pointIndex, !failed, let date = record.values["date"], let kind = record.values["kind"],
                let summary = record.values["summary"]
            else { continue }
            let point = log.points[pointIndex]
            let key = LiaisonLog.key(date: date.meaning, kind: kind.meaning, summary: summary.meaning)
            let name = "\(point.siteID) \(date.meaning) \(kind.meaning)"
            if let earlier = seen[point.siteID + "|" + key] {
                problem("date", "与第 \(earlier) 行是同一次活动", hint: "每次活动只写一行；删去重复的行")
                continue
            }
            seen[point.siteID + "|" + key] = record.row
            if point.logged.contains(key) {
                unchanged.append(name)
                continue
            }
            var lines = ["- date: \(date.yaml)", "kind: \(kind.yaml)", "summary: \(YAMLText.scalar(summary.meaning))"]
            if let slug = record.values["case"] { lines.append("case: \(slug.yaml)") }
            additions[pointIndex, default: []].append(lines)
            added.append(name)
        }
        if problems.contains(where: \.isError) { throw DiagnosticsError(problems) }

        let edits = additions.keys.sorted().map { log.edit(adding: additions[$0]!, to: $0) }
        let newText = edits.isEmpty ? file.text : log.file.applying(edits).text
        // What the decoders and the proofreader say of the file as it would be written.
        problems += loader.checkRecords(replacing: [.liaison: newText])
        if problems.contains(where: \.isError) { throw DiagnosticsError(problems) }
        return Plan(
            path: file.path, url: file.url, oldText: file.text, newText: newText, added: added, updated: [],
            unchanged: unchanged, notInSheet: [],
            changes: ChangeListing.listing(path: file.path, old: file.text, edits: edits), warnings: problems)
    }

    /// The slugs of the cases an activity may name: the Markdown files of `cases/`.
    private func caseSlugs() -> Set<String> {
        let folder = loader.directory.appendingPathComponent("cases")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return Set(names.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) })
    }
}
