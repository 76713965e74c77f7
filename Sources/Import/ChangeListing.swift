/// The changes an import makes to a data file, listed like `diff -u`: hunks with two lines of
/// context, `-` for a line taken out, `+` for a line put in.
enum ChangeListing {
    static let context = 2

    static func listing(path: String, old: String, edits: [RecordMerger.Edit]) -> String {
        guard !edits.isEmpty else { return "" }
        var lines = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var output = "--- \(path)\n+++ \(path)\n"
        // Edits close enough to share context go into one hunk.
        var groups: [[RecordMerger.Edit]] = []
        for edit in edits {
            if let last = groups.last?.last, edit.range.lowerBound - last.range.upperBound <= 2 * context {
                groups[groups.count - 1].append(edit)
            } else {
                groups.append([edit])
            }
        }
        var shift = 0
        for group in groups {
            let start = max(0, group[0].range.lowerBound - context)
            let end = min(lines.count, group[group.count - 1].range.upperBound + context)
            var body: [String] = []
            var position = start
            var oldCount = 0
            var newCount = 0
            for edit in group {
                while position < edit.range.lowerBound {
                    body.append(" " + lines[position])
                    position += 1
                    oldCount += 1
                    newCount += 1
                }
                for index in edit.range {
                    body.append("-" + lines[index])
                    oldCount += 1
                }
                for line in edit.lines {
                    body.append("+" + line)
                    newCount += 1
                }
                position = edit.range.upperBound
            }
            while position < end {
                body.append(" " + lines[position])
                position += 1
                oldCount += 1
                newCount += 1
            }
            let oldStart = oldCount == 0 ? start : start + 1
            let newStart = newCount == 0 ? start + shift : start + shift + 1
            output += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            output += body.map { $0 + "\n" }.joined()
            shift += newCount - oldCount
        }
        return output
    }
}
