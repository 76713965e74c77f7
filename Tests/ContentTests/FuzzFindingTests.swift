import Core
import Testing

@testable import Content

/// What the fuzzer (`make fuzz`, Sources/FuzzPortal) found, kept as regression tests.
@Suite struct FuzzFindingTests {
    @Test func aFileAtTheTopOfContentLinksFromTheTop() {
        #expect(LinkResolver.join(folderOf: "", "cases/a.md") == "cases/a.md")
        #expect(LinkResolver.join(folderOf: "", "../a.md") == nil)
    }

    @Test(arguments: [
        ("cases/a.md", "courses/c.md"), ("cases/a.md", "cases/b.md"), ("cases/a.md", "\u{7FD}x.md"),
        ("cases/\u{301}a/b.md", "cases/c.md"),
    ])
    func aRelativeLinkLeadsBackToItsTarget(_ source: String, _ target: String) {
        let link = LinkResolver.relativeLink(from: source, to: target)
        #expect(LinkResolver.join(folderOf: source, link) == target)
    }

    @Test func aSlashBeforeACombiningMarkSeparatesFolders() {
        #expect(LinkResolver.join(folderOf: "cases/a.md", "../\u{7FD}x.md") == "\u{7FD}x.md")
    }

    @Test func nestedAliasesAreRefusedWithoutBeingExpanded() throws {
        // Expanded, the last line stands for 10^9 scalars.
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (name, previous) in zip("bcdefghi", "abcdefgh") {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        guard case .failure(let error) = YAMLReader.parse(yaml, path: "content/data/sites.yaml") else {
            Issue.record("anchors were accepted")
            return
        }
        let messages = Set(error.diagnostics.map(\.message))
        #expect(messages == ["不支持 YAML 锚点和别名（& 与 *）"])
    }

    @Test(arguments: ["\u{85}", "\u{2028}", "\u{2029}"])
    func aUnicodeLineSeparatorDoesNotMoveMessagesDown(_ separator: String) {
        // libyaml (YAML 1.1) ends a line there; editors do not.
        func lines(_ yaml: String) -> [Int] {
            guard case .failure(let error) = YAMLReader.parse(yaml, path: "content/cases/a.md", firstLine: 2) else {
                return []
            }
            return error.diagnostics.map(\.location.line)
        }
        let expected = lines("title: 东湖 西津\nhours: [1\n")
        #expect(!expected.isEmpty)
        #expect(lines("title: 东湖\(separator)西津\nhours: [1\n") == expected)
    }

    @Test func aUnicodeLineSeparatorInAValueIsReadAsASpace() throws {
        guard case .success(.some(.mapping(let entries, _))) = YAMLReader.parse("title: 东湖\u{2028}西津\n", path: "a.yaml"),
            case .scalar(let title) = try #require(entries.first).value
        else {
            Issue.record("not a mapping")
            return
        }
        #expect(title.text == "东湖 西津")
    }

    @Test func aLongHeadingBecomesAnAnchorInLinearTime() {
        // Quadratic before: 11 s for 1 MB.
        let text = String(repeating: "AbC-Def ", count: 100_000)
        let segment = Slug.segment(from: text)
        #expect(segment.utf8.count == 100_000 * 8 - 1)
        #expect(segment.hasPrefix("abc-def-abc-def"))
    }
}
