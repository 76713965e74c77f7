import Content
import Core

/// The liaison log as `data/liaison.yaml` holds it, read for an import: each point's lines and
/// the activities it has, so that new ones go under their point and one already logged is not
/// added again.
struct LiaisonLog {
    struct Point {
        var siteID: String
        /// 0-based lines: the entry's first line, and the line after its last.
        var start: Int
        var end: Int
        /// The `activities:` key, when the entry has one.
        var activitiesKey: SourceLocation?
        /// The 1-based column of the keys of its activities (`date`, `kind` …), when it has any.
        var activityColumn: Int?
        /// 0-based: the line after the last line of its last activity.
        var activitiesEnd: Int?
        /// `date|kind|summary` of each activity logged.
        var logged: Set<String>
    }

    var file: YAMLLines
    var lines: [String] { file.lines }
    var points: [Point]

    init(text: String, root: YAMLValue?) {
        file = YAMLLines(text: text)
        points = []
        guard case .sequence(let items, _)? = root else { return }
        for item in items {
            guard case .mapping(let entries, let location) = item,
                case .scalar(let site)? = entries.first(where: { $0.key == "site" })?.value
            else { continue }
            var point = Point(
                siteID: site.text.trimmingWhitespace, start: location.line - 1, end: lines.count, logged: [])
            if let activities = entries.first(where: { $0.key == "activities" }) {
                point.activitiesKey = activities.keyLocation
                if case .sequence(let activityItems, _) = activities.value {
                    for activity in activityItems {
                        guard case .mapping(let fields, let activityLocation) = activity else { continue }
                        point.activityColumn = activityLocation.column
                        point.activitiesEnd = activityLocation.line
                        func text(_ key: String) -> String {
                            guard case .scalar(let scalar)? = fields.first(where: { $0.key == key })?.value else { return "" }
                            return scalar.text.trimmingWhitespace
                        }
                        point.logged.insert(Self.key(date: text("date"), kind: text("kind"), summary: text("summary")))
                    }
                }
            }
            points.append(point)
        }
        for index in points.indices.dropLast() { points[index].end = points[index + 1].start }
        for index in points.indices {
            if let last = points[index].activitiesEnd, let column = points[index].activityColumn {
                points[index].activitiesEnd = file.endOfItem(from: last, dashIndent: column - 3, end: points[index].end)
            }
        }
    }

    static func key(date: String, kind: String, summary: String) -> String { "\(date)|\(kind)|\(summary)" }

    /// The edits that add `activities` (each its YAML lines, `- date: …` first, unindented)
    /// under the point at `index`.
    func edit(adding activities: [[String]], to index: Int) -> RecordMerger.Edit {
        let point = points[index]
        var added: [String] = []
        if let column = point.activityColumn, let end = point.activitiesEnd {
            for activity in activities { added += indented(activity, dashIndent: column - 3) }
            return RecordMerger.Edit(range: end..<end, lines: added, origins: added.map { _ in nil })
        }
        // No activities yet: an `activities:` key (replacing an empty one), then the list.
        let keyIndent = point.activitiesKey.map { $0.column - 1 } ?? 2
        added.append(String(repeating: " ", count: keyIndent) + "activities:")
        for activity in activities { added += indented(activity, dashIndent: keyIndent + 2) }
        let range: Range<Int>
        if let key = point.activitiesKey {
            range = key.line - 1..<key.line
        } else {
            let end = file.lastContentLine(from: point.end - 1, above: point.start) + 1
            range = end..<end
        }
        return RecordMerger.Edit(range: range, lines: added, origins: added.map { _ in nil })
    }

    private func indented(_ activity: [String], dashIndent: Int) -> [String] {
        activity.enumerated().map { offset, line in
            String(repeating: " ", count: dashIndent + (offset == 0 ? 0 : 2)) + line
        }
    }
}
