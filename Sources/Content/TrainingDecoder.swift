import Core
import Model

/// Reads `data/training.yaml`: the classes of the rotating training of party-organization
/// heads (轮训), each naming the course taught by its slug.
enum TrainingDecoder {
    /// The classes, oldest first; `courses` are the slugs of every course file.
    static func decode(
        _ root: YAMLValue?, file: SourceFile, lookup: TaxonLookup, courses: Set<String>, diagnostics: inout Diagnostics
    ) -> [TrainingSession] {
        guard let root else { return [] }
        guard case .sequence(let items, _) = root else {
            diagnostics.error(at: root.location, "training.yaml 应为列表", hint: "每期培训班以 - course: … 开头")
            return []
        }
        var sessions: [TrainingSession] = []
        for item in items {
            var reader = RecordReader(item, recordName: "培训班", diagnostics: &diagnostics)
            let course = reader.string("course")
            let date = reader.day("date")
            let districtName = reader.string("district")
            let trainees = reader.integer("trainees", in: 1...100_000)
            let orgHeads = reader.integer("org_heads", in: 0...100_000)
            reader.finish()
            diagnostics.append(contentsOf: reader.diagnostics)
            let district = lookup.district(districtName, at: reader.location(of: "district"), diagnostics: &diagnostics)
            if let course, !courses.contains(course) {
                diagnostics.error(
                    at: reader.location(of: "course"), "未知的课程 '\(course)'",
                    hint: Suggestion.didYouMean(course, in: courses.sorted())
                        ?? "course 写 courses/ 中课程的网址名（文件名去掉 .md）")
            }
            if let trainees, let orgHeads, orgHeads > trainees {
                diagnostics.error(
                    at: reader.location(of: "org_heads"), "党组织书记人数（\(orgHeads)）多于参训人数（\(trainees)）",
                    hint: "org_heads 是参训人员中党组织书记的人数")
            }
            guard let course, courses.contains(course), let date, let district, let trainees, let orgHeads,
                orgHeads <= trainees
            else { continue }
            sessions.append(
                TrainingSession(
                    course: course, date: date, district: district, trainees: trainees, orgHeads: orgHeads,
                    source: item.location))
        }
        return sessions.sorted { ($0.date, $0.course) < ($1.date, $1.course) }
    }
}
