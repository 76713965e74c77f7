import Content
import Core
import Model

/// Merges imported records into the text of a data file by id: a record already there gets
/// only the lines of its changed fields rewritten (a comment after a value stays), a new one is
/// added at the end, and everything else — other records, their order, comments, blank lines —
/// is left as it was.
struct RecordMerger {
    /// A replacement of lines `range` of the old text (0-based) by `lines`.
    struct Edit {
        var range: Range<Int>
        var lines: [String]
        var origins: [LineOrigin?]
    }

    /// Where a line of the new text came from in the sheet.
    struct LineOrigin {
        var record: ImportedRecord
        /// The cells the line's values came from, by the 1-based column their YAML starts at.
        var cells: [(column: Int, origin: CellOrigin)]
    }

    struct Outcome {
        var text: String
        var edits: [Edit]
        /// By 1-based line of the new text.
        var origins: [Int: LineOrigin]
        var added: [String] = []
        var updated: [String] = []
        var unchanged: [String] = []
        /// Records of the file that the sheet does not have, kept as they are.
        var notInSheet: [String] = []
    }

    private struct Existing {
        var id: String
        var entries: [YAMLEntry]
        /// 0-based lines: the record's first line, and the line after its last.
        var start: Int
        var end: Int
    }

    let schema: RecordSchema
    let place: SheetPlace

    func merge(_ records: [ImportedRecord], into text: String, root: YAMLValue?) -> (outcome: Outcome?, problems: [Diagnostic]) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let existing = Self.existingRecords(root, lineCount: lines.count)
        var byID: [String: Int] = [:]
        for (index, record) in existing.enumerated() where byID[record.id] == nil { byID[record.id] = index }

        var problems: [Diagnostic] = []
        var claimedBy: [String: Int] = [:]
        var matched: Set<Int> = []
        var edits: [Edit] = []
        var outcome = Outcome(text: "", edits: [], origins: [:])
        var newRecords: [ImportedRecord] = []
        // Problems of a whole record are reported at its first line, which an update may not touch.
        var recordStarts: [Int: LineOrigin] = [:]
        var usedIDs = Set(existing.map(\.id))
        var nextNumber = Self.nextNumber(existing.map(\.id), prefix: schema.idPrefix)

        for var record in records {
            let idCell = record.values["id"]?.cells.first?.origin ?? record.columns["id"] ?? record.firstCell
            var target: Int?
            if let id = record.id {
                target = byID[id]
            } else {
                let candidates = existing.indices.filter { index in
                    schema.matchKeys.allSatisfy { key in
                        record.values[key].map {
                            Self.meaning(existing[index].entries.first { $0.key == key }?.value) == $0.meaning
                        }
                            ?? false
                    }
                }
                if candidates.count > 1 {
                    problems.append(
                        .error(
                            at: place.location(row: record.row, column: idCell.column),
                            place.describe(row: record.row, header: nil)
                                + "没有编号，文件中有 \(candidates.count) 条记录与它的\(schema.matchKeys.map { schema.field(named: $0)?.label ?? $0 }.joined(separator: "、"))相同，无法确定更新哪一条",
                            hint: "加一列“编号”，写上要更新的记录的 id（\(candidates.map { existing[$0].id }.joined(separator: "、"))）"))
                    continue
                }
                target = candidates.first
                var id: String
                if let target {
                    id = existing[target].id
                } else {
                    repeat {
                        id = schema.idPrefix + Self.padded(nextNumber, width: schema.idWidth)
                        nextNumber += 1
                    } while usedIDs.contains(id)
                }
                record.values["id"] = ImportedRecord.Value(yaml: id, meaning: id, cells: [(0, idCell)])
            }
            let id = record.id!
            if let earlier = claimedBy[id] {
                problems.append(
                    .error(
                        at: place.location(row: record.row, column: idCell.column),
                        place.describe(row: record.row, header: idCell.header) + "编号 '\(id)' 与第 \(earlier) 行重复",
                        hint: "每条记录只写一行；删去重复的行，或改正编号"))
                continue
            }
            claimedBy[id] = record.row
            usedIDs.insert(id)
            if let target {
                matched.insert(target)
                let recordEdits = update(existing[target], with: record, lines: lines)
                if recordEdits.isEmpty {
                    outcome.unchanged.append(id)
                } else {
                    outcome.updated.append(id)
                    edits += recordEdits
                }
                recordStarts[existing[target].start] = LineOrigin(record: record, cells: [])
            } else {
                outcome.added.append(id)
                newRecords.append(record)
            }
        }
        outcome.notInSheet = existing.indices.filter { !matched.contains($0) }.map { existing[$0].id }
        if !newRecords.isEmpty { edits.append(append(newRecords, after: lines)) }
        guard problems.isEmpty else { return (nil, problems) }

        // The new text, and where each of its lines came from.
        var result: [String] = []
        var position = 0
        func copy(upTo end: Int) {
            while position < end {
                if let origin = recordStarts[position] { outcome.origins[result.count + 1] = origin }
                result.append(lines[position])
                position += 1
            }
        }
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            copy(upTo: edit.range.lowerBound)
            for (line, origin) in zip(edit.lines, edit.origins) {
                if let origin { outcome.origins[result.count + 1] = origin }
                result.append(line)
            }
            position = edit.range.upperBound
        }
        copy(upTo: lines.count)
        outcome.text = result.isEmpty ? "" : result.joined(separator: "\n") + "\n"
        outcome.edits = edits.sorted { $0.range.lowerBound < $1.range.lowerBound }
        return (outcome, [])
    }

    // MARK: Existing records

    private static func existingRecords(_ root: YAMLValue?, lineCount: Int) -> [Existing] {
        guard case .sequence(let items, _)? = root else { return [] }
        var records: [Existing] = []
        for item in items {
            guard case .mapping(let entries, let location) = item,
                case .scalar(let id)? = entries.first(where: { $0.key == "id" })?.value
            else { continue }
            records.append(Existing(id: id.text.trimmingWhitespace, entries: entries, start: location.line - 1, end: lineCount))
        }
        for index in records.indices.dropLast() { records[index].end = records[index + 1].start }
        return records
    }

    /// The value as the decoders read it: a scalar's text, a 六有 mapping's items in order.
    static func meaning(_ value: YAMLValue?) -> String? {
        switch value {
        case .scalar(let scalar)?: return scalar.isNull ? nil : scalar.text.trimmingWhitespace
        case .mapping(let entries, _)?:
            return LiuyouChecklist.items.map { item in
                let text: String
                if case .scalar(let scalar)? = entries.first(where: { $0.key == item })?.value {
                    text = scalar.text
                } else {
                    text = "?"
                }
                return "\(item):\(text)"
            }.joined(separator: ",")
        default: return nil
        }
    }

    private static func nextNumber(_ ids: [String], prefix: String) -> Int {
        let numbers = ids.compactMap { id -> Int? in
            guard id.hasPrefix(prefix) else { return nil }
            return Int(id.dropFirst(prefix.count))
        }
        return (numbers.max() ?? 0) + 1
    }

    private static func padded(_ number: Int, width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    // MARK: Edits

    /// The edits that bring an existing record to the imported values; none when every value
    /// is the same. Fields the sheet has no value for are left as they are.
    private func update(_ existing: Existing, with record: ImportedRecord, lines: [String]) -> [Edit] {
        var edits: [Edit] = []
        var inserted: [String] = []
        var insertedOrigins: [LineOrigin?] = []
        let indent =
            existing.entries.dropFirst().first.map { String(repeating: " ", count: max(0, $0.keyLocation.column - 1)) } ?? "  "
        for key in schema.keys where key != "id" {
            guard let value = record.values[key] else { continue }
            guard let entry = existing.entries.first(where: { $0.key == key }) else {
                let prefix = "\(indent)\(key): "
                inserted.append(prefix + value.yaml)
                insertedOrigins.append(origin(of: value, record: record, prefixLength: prefix.unicodeScalars.count))
                continue
            }
            guard Self.meaning(entry.value) != value.meaning else { continue }
            let keyLine = entry.keyLocation.line - 1
            let line = lines[keyLine]
            let span = valueSpan(from: keyLine, keyColumn: entry.keyLocation.column, in: lines, end: existing.end)
            let prefix = Self.prefix(of: line, keyColumn: entry.keyLocation.column) + " "
            let comment = span.count == 1 ? Self.trailingComment(of: line, after: prefix.count) : ""
            edits.append(
                Edit(
                    range: span, lines: [prefix + value.yaml + comment],
                    origins: [origin(of: value, record: record, prefixLength: prefix.unicodeScalars.count)]))
        }
        if !inserted.isEmpty {
            var last = existing.end - 1
            while last > existing.start {
                let trimmed = lines[last].trimmingWhitespace
                if !trimmed.isEmpty && !trimmed.hasPrefix("#") { break }
                last -= 1
            }
            edits.append(Edit(range: last + 1..<last + 1, lines: inserted, origins: insertedOrigins))
        }
        return edits
    }

    private func origin(of value: ImportedRecord.Value, record: ImportedRecord, prefixLength: Int) -> LineOrigin {
        LineOrigin(record: record, cells: value.cells.map { (prefixLength + $0.offset + 1, $0.origin) })
    }

    /// New records after the last line, each after a blank line, fields in the schema's order.
    private func append(_ records: [ImportedRecord], after lines: [String]) -> Edit {
        var added: [String] = []
        var origins: [LineOrigin?] = []
        if let last = lines.last, !last.trimmingWhitespace.isEmpty {
            added.append("")
            origins.append(nil)
        }
        for (index, record) in records.enumerated() {
            if index > 0 {
                added.append("")
                origins.append(nil)
            }
            var first = true
            for key in schema.keys {
                guard let value = record.values[key] else { continue }
                let prefix = first ? "- \(key): " : "  \(key): "
                added.append(prefix + value.yaml)
                var lineOrigin = origin(of: value, record: record, prefixLength: prefix.unicodeScalars.count)
                // The first line is where the decoders report problems of the whole record.
                if first { lineOrigin.cells = [] }
                origins.append(lineOrigin)
                first = false
            }
        }
        return Edit(range: lines.count..<lines.count, lines: added, origins: origins)
    }

    /// The lines a value takes from its key's line: one, or more for a block or a text that
    /// goes on below (they end before the next line indented no deeper than the key).
    private func valueSpan(from keyLine: Int, keyColumn: Int, in lines: [String], end: Int) -> Range<Int> {
        var next = keyLine + 1
        while next < end {
            let line = lines[next]
            let trimmed = line.trimmingWhitespace
            if trimmed.isEmpty || trimmed.hasPrefix("#") { break }
            let indentation = line.prefix { $0 == " " }.count
            if indentation < keyColumn - 1 || line.hasPrefix("-") { break }
            if indentation == keyColumn - 1 { break }
            next += 1
        }
        return keyLine..<next
    }

    /// The line up to and including the colon after the key.
    private static func prefix(of line: String, keyColumn: Int) -> String {
        let characters = Array(line)
        var index = min(max(0, keyColumn - 1), characters.count)
        var quote: Character?
        while index < characters.count {
            let character = characters[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == ":" {
                return String(characters[...index])
            }
            index += 1
        }
        return line
    }

    /// A comment after the value on the same line (`  # year`), kept when the value changes.
    private static func trailingComment(of line: String, after start: Int) -> String {
        let characters = Array(line)
        var index = min(start, characters.count)
        while index < characters.count && characters[index] == " " { index += 1 }
        var quote: Character?
        var depth = 0
        var previous: Character = " "
        while index < characters.count {
            let character = characters[index]
            defer { previous = character }
            if let open = quote {
                if character == "\\" && open == "\"" {
                    index += 2
                    continue
                }
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "{" || character == "[" {
                depth += 1
            } else if character == "}" || character == "]" {
                depth -= 1
            } else if character == "#" && previous == " " && depth <= 0 {
                var commentStart = index
                while commentStart > 0 && characters[commentStart - 1] == " " { commentStart -= 1 }
                return String(characters[commentStart...])
            }
            index += 1
        }
        return ""
    }
}
