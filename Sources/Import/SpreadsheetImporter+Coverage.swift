import Content
import Core
import Foundation
import Model

extension SpreadsheetImporter {
    /// `portal import coverage` and `portal import coverage --clusters`: the sheet's rows merged
    /// into the snapshot of `data/coverage.yaml` as of the sheet's date: a district's category,
    /// or a cluster, already there is updated, a new one added. A date the file has no snapshot
    /// for starts one, after the last earlier one, keeping that one's clusters until they are
    /// imported too.
    func planCoverage(
        _ records: [ImportedRecord], problems rowProblems: [Diagnostic], place: SheetPlace, schema: RecordSchema,
        asOf requested: Day?, file: (path: String, url: URL, text: String), root: YAMLValue?
    ) throws(DiagnosticsError) -> Plan {
        var problems = rowProblems + Self.missingValues(records, schema: schema, place: place, reported: rowProblems)
        let asOf = Self.statisticsDate(records, requested: requested, place: place, problems: &problems)
        if let asOf, asOf > loader.today {
            problems.append(
                .error(
                    at: place.location(row: 1, column: 1), "统计截止日 \(asOf) 晚于今天（\(loader.today)）",
                    hint: "写这次统计实际截止的日期"))
        }
        if problems.contains(where: \.isError) { throw DiagnosticsError(problems) }
        guard let asOf else { throw DiagnosticsError(problems) }

        let lines = YAMLLines(text: file.text)
        var snapshots: [(day: String, entries: [YAMLEntry], start: Int, dashIndent: Int)] = []
        if case .sequence(let items, _)? = root {
            for item in items {
                guard case .mapping(let entries, let location) = item else { continue }
                let day = entries.first { $0.key == "as_of" }.flatMap { entry -> String? in
                    guard case .scalar(let scalar) = entry.value else { return nil }
                    return scalar.text.trimmingWhitespace
                }
                snapshots.append((day ?? "", entries, location.line - 1, max(0, location.column - 3)))
            }
        }
        let clusters = schema.kind == .clusters
        let listKey = clusters ? "clusters" : "rows"
        let fieldOrder = schema.keys.filter { $0 != "as_of" }
        let name: ([String: String]) -> String =
            clusters ? { $0["name"] ?? "" } : { "\($0["district"] ?? "") \($0["category"] ?? "")" }
        var outcome: FlowTable.Outcome
        var notes: [String] = []

        if let index = snapshots.firstIndex(where: { $0.day == asOf.description }) {
            let snapshot = snapshots[index]
            let end = index + 1 < snapshots.count ? snapshots[index + 1].start : lines.lines.count
            let keyIndent = snapshot.dashIndent + 2
            // The list ends where the snapshot's next key starts.
            let listEnd =
                snapshot.entries.first { $0.key == listKey }.flatMap { entry in
                    snapshot.entries.map { $0.keyLocation.line - 1 }.filter { $0 > entry.keyLocation.line - 1 }.min()
                } ?? end
            let table = FlowTable(
                key: listKey, in: snapshot.entries, keyIndent: keyIndent,
                missingAt: lines.lastContentLine(from: end - 1, above: snapshot.start) + 1, lines: lines, end: listEnd)
            outcome = table.merge(records, keys: schema.matchKeys, fieldOrder: fieldOrder, complete: fieldOrder, name: name)
        } else {
            guard !clusters else {
                throw DiagnosticsError(
                    problems + [
                        .error(
                            at: place.location(row: 1, column: 1), "coverage.yaml 中还没有截至 \(asOf) 的统计",
                            hint: "先导入这次统计的各区户数（portal import coverage 表格 --as-of \(asOf)），再导入集聚区")
                    ])
            }
            let dashIndent = snapshots.first?.dashIndent ?? 0
            let earlier = snapshots.indices.last { Day(parsing: snapshots[$0].day).map { $0 < asOf } ?? false }
            let position: Int
            if let earlier {
                let end = earlier + 1 < snapshots.count ? snapshots[earlier + 1].start : lines.lines.count
                position = lines.lastContentLine(from: end - 1, above: snapshots[earlier].start) + 1
            } else {
                position = snapshots.first?.start ?? lines.lines.count
            }
            let table = FlowTable(
                key: "rows", in: [], keyIndent: dashIndent + 2, missingAt: position, lines: lines, end: position)
            outcome = table.merge(records, keys: schema.matchKeys, fieldOrder: fieldOrder, complete: fieldOrder, name: name)
            // The clusters do not change with each count: the last snapshot's stand until imported.
            var kept: [String] = []
            if let earlier, let entry = snapshots[earlier].entries.first(where: { $0.key == "clusters" }) {
                let end = earlier + 1 < snapshots.count ? snapshots[earlier + 1].start : lines.lines.count
                let next = snapshots[earlier].entries.map { $0.keyLocation.line - 1 }.filter { $0 > entry.keyLocation.line - 1 }
                    .min()
                let last = lines.lastContentLine(from: (next ?? end) - 1, above: entry.keyLocation.line - 1)
                kept = Array(lines.lines[(entry.keyLocation.line - 1)...last])
                notes.append(
                    "新的统计（截至 \(asOf)）沿用 \(snapshots[earlier].day) 的 \(kept.count - 1) 个集聚区；"
                        + "有变化时用 portal import coverage 表格 --clusters --as-of \(asOf) 导入")
            }
            var edit = outcome.edits[0]
            edit.lines = [String(repeating: " ", count: dashIndent) + "- as_of: \(asOf)"] + edit.lines + kept
            edit.origins = [nil] + edit.origins + kept.map { _ in nil }
            outcome.edits = [edit]
        }
        for (record, missing) in outcome.incomplete {
            let labels = missing.map { key in schema.fields.first { $0.key == key }?.label ?? key }
            problems.append(
                .error(
                    at: place.location(row: record.row, column: record.firstCell.column),
                    place.describe(row: record.row, header: nil)
                        + "\(name(record.values.mapValues(\.meaning))) 在截至 \(asOf) 的统计中还没有，"
                        + "新加的一行缺少\(labels.map { "“\($0)”" }.joined(separator: "、"))",
                    hint: "新加的行要写全各列；只有更新文件中已有的行时才可以少写几列"))
        }
        // The decoders would only say the same of the lines lacking values.
        if !outcome.incomplete.isEmpty { throw DiagnosticsError(problems) }
        var plan = try finish(outcome, schema: schema, place: place, file: file, problems: problems)
        plan.notes = notes
        return plan
    }

    /// `portal import scores`: a row per district and year, merged into the `scores` of
    /// `data/assessment.yaml`; a column per dimension scored by hand.
    func planScores(
        _ records: [ImportedRecord], problems rowProblems: [Diagnostic], place: SheetPlace, schema: RecordSchema,
        file: (path: String, url: URL, text: String), root: YAMLValue?
    ) throws(DiagnosticsError) -> Plan {
        let problems = rowProblems + Self.missingValues(records, schema: schema, place: place, reported: rowProblems)
        if problems.contains(where: \.isError) { throw DiagnosticsError(problems) }
        let lines = YAMLLines(text: file.text)
        var entries: [YAMLEntry] = []
        if case .mapping(let rootEntries, _)? = root { entries = rootEntries }
        let scores = entries.first { $0.key == "scores" }
        let end = scores.flatMap { entry in
            entries.map { $0.keyLocation.line - 1 }.filter { $0 > entry.keyLocation.line - 1 }.min()
        }
        let table = FlowTable(
            key: "scores", in: entries, keyIndent: 0, missingAt: lines.lines.count, lines: lines,
            end: end ?? lines.lines.count)
        var outcome = table.merge(records, keys: schema.matchKeys, fieldOrder: schema.keys) {
            "\($0["year"] ?? "") \($0["district"] ?? "")"
        }
        // A new list at the end of the file stands after a blank line, as the example's does.
        if scores == nil, var edit = outcome.edits.first, !lines.lines.isEmpty {
            edit.lines.insert("", at: 0)
            edit.origins.insert(nil, at: 0)
            outcome.edits[0] = edit
        }
        return try finish(outcome, schema: schema, place: place, file: file, problems: problems)
    }

    /// The schema of the scores sheet: the dimensions `data/assessment.yaml` scores by hand.
    func scoresSchema() throws(DiagnosticsError) -> RecordSchema {
        let relative = ContentLoader.DataFile.assessment.rawValue
        let path = loader.displayRoot.isEmpty || loader.displayRoot == "." ? relative : "\(loader.displayRoot)/\(relative)"
        let url = loader.directory.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw DiagnosticsError([
                .error(
                    at: SourceLocation(path: path), "还没有考核方案文件",
                    hint: "先在 data/assessment.yaml 中写考核项目（dimensions），再导入分数")
            ])
        }
        let text: String
        switch SourceFile.read(url, displayPath: path, sizeLimit: SourceFile.dataSizeLimit) {
        case .success(let file): text = file.text
        case .failure(let error): throw error
        }
        var manual: [String] = []
        var computed: [String] = []
        if case .success(.mapping(let entries, _)?) = YAMLReader.parse(text, path: path),
            case .sequence(let dimensions, _)? = entries.first(where: { $0.key == "dimensions" })?.value
        {
            for case .mapping(let fields, _) in dimensions {
                func text(_ key: String) -> String? {
                    guard case .scalar(let scalar)? = fields.first(where: { $0.key == key })?.value else { return nil }
                    return scalar.text.trimmingWhitespace
                }
                guard let name = text("name") else { continue }
                if text("measure") == AssessmentScheme.Measure.manual.rawValue {
                    manual.append(name)
                } else {
                    computed.append(name)
                }
            }
        }
        guard !manual.isEmpty else {
            throw DiagnosticsError([
                .error(
                    at: SourceLocation(path: path, line: 1, column: 1), "考核方案中没有手工打分的项目，没有分数可导入",
                    hint: "其他项目的得分由门户按数据算出；要手工打分的项目写 measure: \(AssessmentScheme.Measure.manual.rawValue)")
            ])
        }
        return RecordSchema.scores(manualDimensions: manual, computedDimensions: computed)
    }

    /// The date of the count: `--as-of`, or the sheet's own column, which must say one date.
    private static func statisticsDate(
        _ records: [ImportedRecord], requested: Day?, place: SheetPlace, problems: inout [Diagnostic]
    ) -> Day? {
        var first: (day: Day, row: Int)?
        for record in records {
            guard let value = record.values["as_of"], let day = Day(parsing: value.meaning),
                let origin = value.cells.first?.origin
            else { continue }
            func problem(_ message: String, hint: String) {
                problems.append(
                    .error(
                        at: place.location(row: origin.row, column: origin.column),
                        place.describe(row: origin.row, header: origin.header) + message, hint: hint))
            }
            if let requested, day != requested {
                problem("统计截止日 \(day) 与 --as-of \(requested) 不同", hint: "一次导入一次统计：改正这一格，或去掉 --as-of")
            } else if let first, first.day != day {
                problem("统计截止日 \(day) 与第 \(first.row) 行的 \(first.day) 不同", hint: "一次导入一次统计：不同日期的统计分成两个表格导入")
            } else if first == nil {
                first = (day, record.row)
            }
        }
        if requested == nil && first == nil {
            problems.append(
                .error(
                    at: place.location(row: 1, column: 1), "\(place.sheetName)没有写统计截止日",
                    hint: "加上 --as-of 日期（如 --as-of 2026-11-30），或加一列“统计截止日”"))
        }
        return requested ?? first?.day
    }

    /// A row without a value its list cannot do without (a district, a category, a year).
    private static func missingValues(
        _ records: [ImportedRecord], schema: RecordSchema, place: SheetPlace, reported: [Diagnostic]
    ) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for record in records {
            for field in schema.fields where field.required && record.values[field.key] == nil {
                let origin = record.columns[field.key] ?? record.firstCell
                // A cell already reported (a date that does not exist) is not reported as missing.
                guard !reported.contains(where: { $0.location.line == origin.row && $0.location.column == origin.column })
                else { continue }
                problems.append(
                    .error(
                        at: place.location(row: origin.row, column: origin.column),
                        place.describe(row: origin.row, header: origin.header) + "缺少\(field.label)",
                        hint: "每行都要写\(schema.fields.filter(\.required).map(\.label).joined(separator: "、"))"))
            }
        }
        return problems
    }

    /// The merged text, checked as the portal would load it, each problem reported at its cell.
    private func finish(
        _ outcome: FlowTable.Outcome, schema: RecordSchema, place: SheetPlace, file: (path: String, url: URL, text: String),
        problems: [Diagnostic]
    ) throws(DiagnosticsError) -> Plan {
        let edits = outcome.edits.sorted { $0.range.lowerBound < $1.range.lowerBound }
        let (newText, origins) = YAMLLines(text: file.text).applying(edits)
        let checked = loader.checkRecords(replacing: [schema.dataFile: newText])
        let all =
            problems + relocate(checked, path: file.path, origins: origins, reported: problems, place: place, schema: schema)
        if all.contains(where: \.isError) { throw DiagnosticsError(all) }
        return Plan(
            path: file.path, url: file.url, oldText: file.text, newText: newText, added: outcome.added,
            updated: outcome.updated, unchanged: outcome.unchanged, notInSheet: outcome.notInSheet,
            changes: ChangeListing.listing(path: file.path, old: file.text, edits: edits), warnings: all)
    }
}
