import Content
import Core

/// The lines of a data file as an import edits them: where a list item ends, so that an edit
/// takes the item's lines and nothing of the comments or blank lines after it.
struct YAMLLines {
    var lines: [String]

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
    }

    /// 0-based: the line after an item that starts on 1-based `line`: it goes on while the
    /// lines are indented deeper than its dash.
    func endOfItem(from line: Int, dashIndent: Int, end: Int) -> Int {
        var next = line
        while next < end {
            let text = lines[next]
            let trimmed = text.trimmingWhitespace
            if !trimmed.isEmpty && !trimmed.hasPrefix("#") && text.prefix(while: { $0 == " " }).count <= dashIndent { break }
            next += 1
        }
        return lastContentLine(from: next - 1, above: line - 1) + 1
    }

    /// 0-based: the last line at or above `line` that is not blank nor a comment.
    func lastContentLine(from line: Int, above start: Int) -> Int {
        var last = line
        while last > start {
            let trimmed = lines[last].trimmingWhitespace
            if !trimmed.isEmpty && !trimmed.hasPrefix("#") { break }
            last -= 1
        }
        return last
    }

    /// The text after `edits`, and where each of its lines came from in the sheet.
    func applying(_ edits: [RecordMerger.Edit]) -> (text: String, origins: [Int: RecordMerger.LineOrigin]) {
        var result: [String] = []
        var origins: [Int: RecordMerger.LineOrigin] = [:]
        var position = 0
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            result += lines[position..<edit.range.lowerBound]
            for (line, origin) in zip(edit.lines, edit.origins) {
                if let origin { origins[result.count + 1] = origin }
                result.append(line)
            }
            position = edit.range.upperBound
        }
        result += lines[position...]
        return (result.isEmpty ? "" : result.joined(separator: "\n") + "\n", origins)
    }
}

/// A list of one-line records — coverage rows, clusters, scores — as an import merges a sheet
/// into it: a row updates the item with the same key fields, rewritten as one line
/// `- {key: value, …}` with its other values kept, or goes after the last item.
struct FlowTable {
    struct Item {
        /// 0-based lines: the item's first line, and the line after its last.
        var start: Int
        var end: Int
        /// Each value as YAML writes it: `4820`, `东湖区`, `"东湖区 “两新”党建"`.
        var entries: [(key: String, yaml: String, meaning: String)]
    }

    struct Outcome {
        var edits: [RecordMerger.Edit] = []
        var added: [String] = []
        var updated: [String] = []
        var unchanged: [String] = []
        var notInSheet: [String] = []
        /// New items without a value of `complete`, and the keys they lack.
        var incomplete: [(record: ImportedRecord, missing: [String])] = []
    }

    var items: [Item]
    /// Where new items go (0-based lines; empty unless a key line is replaced), and the indent
    /// of their dash.
    var insertion: Range<Int>
    var dashIndent: Int
    /// The key written before the first new item, when the list is not in the file yet.
    var keyLine: String?

    /// The items of the list under `key`, which ends before 0-based line `end` (the next
    /// entry of its parent). A list not in the file yet goes at 0-based line `missingAt`, and one
    /// written empty (`clusters:` or `clusters: []`) replaces its key line.
    init(key: String, in entries: [YAMLEntry], keyIndent: Int, missingAt: Int, lines: YAMLLines, end: Int) {
        items = []
        dashIndent = keyIndent + 2
        insertion = 0..<0
        guard let entry = entries.first(where: { $0.key == key }) else {
            insertion = missingAt..<missingAt
            keyLine = String(repeating: " ", count: keyIndent) + key + ":"
            return
        }
        let keyIndex = entry.keyLocation.line - 1
        guard case .sequence(let values, _) = entry.value, !values.isEmpty else {
            insertion = keyIndex..<keyIndex + 1
            keyLine = String(repeating: " ", count: keyIndent) + key + ":"
            return
        }
        let starts = values.map { $0.location.line - 1 }
        for (index, value) in values.enumerated() {
            // Every item's first key stands two columns after its dash.
            let indent = max(0, value.location.column - 3)
            let limit = index + 1 < starts.count ? starts[index + 1] : end
            let itemEnd = lines.endOfItem(from: value.location.line, dashIndent: indent, end: limit)
            var entries: [(String, String, String)] = []
            if case .mapping(let pairs, _) = value {
                for pair in pairs {
                    guard case .scalar(let scalar) = pair.value else { continue }
                    let text = scalar.text.trimmingWhitespace
                    entries.append((pair.key, scalar.isQuoted ? YAMLText.quoted(text) : text, text))
                }
            }
            items.append(Item(start: starts[index], end: itemEnd, entries: entries))
            dashIndent = indent
            insertion = itemEnd..<itemEnd
        }
    }

    /// Merges `records`, each matched on `keys`, written in the order of `fieldOrder`; `name`
    /// says a record in the summary (`东湖区 小微企业`). A new item must have every field of
    /// `complete`, which an update may leave to the file.
    func merge(
        _ records: [ImportedRecord], keys: [String], fieldOrder: [String], complete: [String] = [],
        name: ([String: String]) -> String
    ) -> Outcome {
        var outcome = Outcome()
        var matched: Set<Int> = []
        var appended: [(lines: [String], origins: [RecordMerger.LineOrigin?])] = []
        for record in records {
            let key = keys.map { record.values[$0]?.meaning ?? "" }
            let target = items.indices.first { index in
                !matched.contains(index)
                    && keys.enumerated().allSatisfy { offset, field in
                        items[index].entries.first { $0.key == field }?.meaning == key[offset]
                    }
            }
            var values: [(key: String, yaml: String, origin: CellOrigin?)] = []
            var changed = target == nil
            let existing = target.map { items[$0].entries } ?? []
            for field in fieldOrder {
                let old = existing.first { $0.key == field }
                if let new = record.values[field] {
                    if old.map({ !Self.same($0.meaning, new.meaning) }) ?? true { changed = true }
                    values.append((field, new.yaml, new.cells.first?.origin))
                } else if let old {
                    values.append((field, old.yaml, nil))
                }
            }
            for old in existing where !fieldOrder.contains(old.key) { values.append((old.key, old.yaml, nil)) }
            let label = name(record.values.mapValues(\.meaning))
            guard changed else {
                outcome.unchanged.append(label)
                if let target { matched.insert(target) }
                continue
            }
            var line = String(repeating: " ", count: dashIndent) + "- {"
            var cells: [(column: Int, origin: CellOrigin)] = []
            for (offset, value) in values.enumerated() {
                if offset > 0 { line += ", " }
                line += "\(value.key): "
                if let origin = value.origin { cells.append((line.unicodeScalars.count + 1, origin)) }
                line += value.yaml
            }
            line += "}"
            let origin = RecordMerger.LineOrigin(record: record, cells: cells)
            if let target {
                matched.insert(target)
                outcome.updated.append(label)
                outcome.edits.append(
                    RecordMerger.Edit(range: items[target].start..<items[target].end, lines: [line], origins: [origin]))
            } else {
                outcome.added.append(label)
                appended.append(([line], [origin]))
                let missing = complete.filter { record.values[$0] == nil }
                if !missing.isEmpty { outcome.incomplete.append((record, missing)) }
            }
        }
        if !appended.isEmpty {
            outcome.edits.append(
                RecordMerger.Edit(
                    range: insertion, lines: (keyLine.map { [$0] } ?? []) + appended.flatMap(\.lines),
                    origins: (keyLine.map { _ in [nil] } ?? []) + appended.flatMap(\.origins)))
        }
        for index in items.indices where !matched.contains(index) {
            outcome.notInSheet.append(name(Dictionary(items[index].entries.map { ($0.key, $0.meaning) }) { first, _ in first }))
        }
        return outcome
    }

    /// Numbers compare by value (`18` and `18.0` are one score), anything else by its text.
    private static func same(_ old: String, _ new: String) -> Bool {
        if let a = Double(old), let b = Double(new) { return a == b }
        return old == new
    }
}
