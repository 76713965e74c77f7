import Build
import Foundation
import SeededRandom
import Testing

/// Seeded sequences of edits of every kind a staffer makes, each followed by an update of the
/// output in place, which must equal a clean build of the edited sources (`Workspace`): the
/// same seed gives the same edits, so a difference found is found again.
@Suite struct RandomEditTests {
    typealias Random = SplitMix64

    /// One edit: what it is, for messages, and what it does to the workspace.
    struct Edit: Sendable {
        let name: String
        let apply: @Sendable (IncrementalBuildTests.Workspace, inout Random) throws -> Void
    }

    static let districts = ["东湖区", "西津区", "南浦区"]
    static let categories = ["小微企业", "个体工商户", "专业市场"]
    static let tags = ["党建引领", "六有", "三亮", "诚信经营"]

    /// The published cases of the workspace, by file name.
    static func cases(in workspace: IncrementalBuildTests.Workspace) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: workspace.content.appendingPathComponent("cases").path)
            .filter { $0.hasPrefix("case-") && $0.hasSuffix(".md") }.sorted()
    }

    /// Replaces the front-matter line starting `key:` of `text` with `line`.
    static func replacing(_ key: String, in text: String, with line: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasPrefix(key + ":") ? Substring(line) : $0
        }.joined(separator: "\n")
    }

    /// Adds a case, a copy of one of the fixture's under another title, and returns its file.
    @discardableResult
    static func addCase(to workspace: IncrementalBuildTests.Workspace, _ random: inout Random) throws -> String {
        let source = try cases(in: workspace).randomElement(using: &random)!
        let name = "case-\(2000 + random.next() % 1000).md"
        let text = try String(contentsOf: workspace.content.appendingPathComponent("cases/\(source)"), encoding: .utf8)
        try replacing("title", in: text, with: "title: \"新增案例\(name)\"").write(
            to: workspace.content.appendingPathComponent("cases/\(name)"), atomically: true, encoding: .utf8)
        return name
    }

    /// A case an edit added, after adding one when there is none.
    static func addedCase(of workspace: IncrementalBuildTests.Workspace, _ random: inout Random) throws -> String {
        let added = try cases(in: workspace).filter { $0.count == "case-2000.md".count }
        return try added.randomElement(using: &random) ?? addCase(to: workspace, &random)
    }

    static let edits: [Edit] = [
        Edit(name: "a body") { workspace, random in
            let file = try cases(in: workspace).randomElement(using: &random)!
            try workspace.edit("content/cases/\(file)") { $0 + "\n新增一段经验做法，编号\(random.next() % 1000)。\n" }
        },
        Edit(name: "a title") { workspace, random in
            let file = try cases(in: workspace).randomElement(using: &random)!
            let number = random.next() % 1000
            try workspace.edit("content/cases/\(file)") { replacing("title", in: $0, with: "title: \"改过的标题\(number)\"") }
        },
        Edit(name: "a date") { workspace, random in
            let file = try cases(in: workspace).randomElement(using: &random)!
            let day = String(format: "2025-%02d-%02d", 1 + random.next() % 12, 1 + random.next() % 28)
            try workspace.edit("content/cases/\(file)") { replacing("date", in: $0, with: "date: \(day)") }
        },
        Edit(name: "a district and category") { workspace, random in
            let file = try cases(in: workspace).randomElement(using: &random)!
            let district = districts.randomElement(using: &random)!
            let category = categories.randomElement(using: &random)!
            try workspace.edit("content/cases/\(file)") {
                let text = replacing("district", in: $0, with: "district: \(district)")
                return replacing("category", in: text, with: "category: \(category)") + "\n<!-- \(random.next()) -->\n"
            }
        },
        Edit(name: "the tags") { workspace, random in
            let file = try cases(in: workspace).randomElement(using: &random)!
            let chosen = tags.shuffled(using: &random).prefix(Int(1 + random.next() % 2))
            try workspace.edit("content/cases/\(file)") {
                replacing("tags", in: $0, with: "tags: [\(chosen.joined(separator: ", "))]") + "\n<!-- \(random.next()) -->\n"
            }
        },
        Edit(name: "a new case") { workspace, random in try addCase(to: workspace, &random) },
        // Only cases the edits added are renamed or deleted: the fixture's cases link to each
        // other, and a broken link stops the build.
        Edit(name: "a case renamed") { workspace, random in
            let file = try addedCase(of: workspace, &random)
            try workspace.move("content/cases/\(file)", to: "content/cases/case-\(5000 + random.next() % 1000).md")
        },
        Edit(name: "a case deleted") { workspace, random in
            let file = try addedCase(of: workspace, &random)
            try FileManager.default.removeItem(at: workspace.content.appendingPathComponent("cases/\(file)"))
        },
        Edit(name: "a list template") { workspace, random in
            let template = ["case-list", "site", "district", "taxonomy"].randomElement(using: &random)!
            try workspace.edit("templates/\(template).mustache") {
                $0.replacingOccurrences(of: "{{/content}}", with: "<p>第\(random.next() % 1000)版</p>\n{{/content}}")
            }
        },
        Edit(name: "the stylesheet") { workspace, random in
            try workspace.edit("templates/assets/portal.css") { $0 + "\n.note-\(random.next() % 1000) { color: #333; }\n" }
        },
        Edit(name: "a site's name") { workspace, random in
            let number = random.next() % 1000
            try workspace.edit("content/data/sites.yaml") {
                $0.split(separator: "\n", omittingEmptySubsequences: false).map {
                    $0.contains("name: 西津古街党员服务站") ? "  name: 西津古街党员服务站\(number)" : $0
                }.joined(separator: "\n")
            }
        },
    ]

    @Test(arguments: [1, 2] as [UInt64])
    func everyEditKeepsTheUpdatedOutputEqualToACleanBuild(seed: UInt64) async throws {
        let workspace = try IncrementalBuildTests.Workspace(keepingState: seed % 2 == 0)
        defer { workspace.fixture.remove() }
        _ = try await workspace.updateAndCompare(after: "the first build")
        var random = Random(state: seed)
        var kinds: Set<String> = []
        var slow: [String] = []
        for step in 1...14 {
            // Every kind once in the first rounds, then at random.
            let edit = step <= Self.edits.count ? Self.edits[step - 1] : Self.edits.randomElement(using: &random)!
            try edit.apply(workspace, &random)
            kinds.insert(edit.name)
            let report = try await workspace.updateAndCompare(after: "edit \(step) of seed \(seed), \(edit.name)")
            if !report.wasQuick { slow.append(edit.name) }
        }
        #expect(kinds.count == Self.edits.count)
        // What only changes what pages read (not which pages there are) renders just those.
        let quick: Set = ["a body", "a title", "a list template", "the stylesheet"]
        #expect(quick.isDisjoint(with: slow), "full builds after: \(slow)")
    }
}
