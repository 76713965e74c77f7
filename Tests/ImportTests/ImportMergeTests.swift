import Build
import Content
import Core
import Foundation
import Import
import Testing

/// What an import does to the data files: records merged by id, changed lines only, comments
/// and other records kept, new ones at the end.
@Suite struct ImportMergeTests {
    @Test func updatesChangedLinesOnlyAndAddsNewMembersAtTheEnd() async throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let before = try workspace.text("data/members.yaml")
        let plan = try workspace.run(workspace.request(.members, ImportWorkspace.fixtures.appendingPathComponent("members.xlsx")))
        #expect(plan.added == ["m-021"])
        #expect(plan.updated == ["m-001"])
        #expect(plan.unchanged == ["m-002"])
        #expect(plan.notInSheet.count == 18)

        let after = try workspace.text("data/members.yaml")
        let oldLines = before.split(separator: "\n", omittingEmptySubsequences: false)
        let newLines = after.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(newLines.prefix(2) == oldLines.prefix(2), "the comments at the top stay")
        let changed = zip(oldLines, newLines).enumerated().filter { $0.element.0 != $0.element.1 }
        #expect(changed.map(\.offset) == [8], "only m-001's commitment line is rewritten")
        #expect(newLines[8] == "  commitment: \"亮身份、亮职责、亮承诺：秤准货真，足斤足两。\"")
        var expected = oldLines.dropLast()
        expected[8] = newLines[8]
        #expect(after.hasPrefix(expected.joined(separator: "\n") + "\n"), "everything else is kept in its order")
        #expect(
            after.hasSuffix(
                """
                  phone: "13800000020"

                - id: m-021
                  name: "王小明"
                  shop: "小明早餐店"
                  district: 西津区
                  site: site-02
                  joined: 2019
                  commitment: "诚信经营，童叟无欺。"
                  phone: "13912345678"
                  note: "2026年新发展"

                """))

        let (_, _, members) = try workspace.loader.records()
        #expect(members.count == 21)
        #expect(members.last?.joined == 2019)
    }

    @Test func keepsACommentAfterAChangedValue() throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let url = workspace.content.appendingPathComponent("data/members.yaml")
        let text = try workspace.text("data/members.yaml")
            .replacingOccurrences(of: "  joined: 2008\n", with: "  joined: 2007   # 待核实\n")
        try Data(text.utf8).write(to: url)
        let sheet = try workspace.file("m.csv", "编号,姓名,店铺,所属区,所属站点,入党时间\nm-001,陈秀英,秀英水产档,东湖区,site-01,2008\n")
        let plan = try workspace.run(workspace.request(.members, sheet))
        #expect(plan.updated == ["m-001"])
        #expect(try workspace.text("data/members.yaml").contains("\n  joined: 2008   # 待核实\n"))
    }

    @Test func keepsTheByteOrderMarkAndCRLFLineEndsOfTheFile() throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let url = workspace.content.appendingPathComponent("data/members.yaml")
        let original = try workspace.text("data/members.yaml")
        try Data(([0xEF, 0xBB, 0xBF] as [UInt8]) + Array(original.replacingOccurrences(of: "\n", with: "\r\n").utf8)).write(
            to: url)
        let sheet = try workspace.file("m.csv", "编号,姓名,店铺,所属区,所属站点,入党时间\nm-001,陈秀英,秀英水产档,东湖区,site-01,2009\n")
        try workspace.run(workspace.request(.members, sheet))
        let written = [UInt8](try Data(contentsOf: url))
        #expect(written.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: written.dropFirst(3), as: UTF8.self)
        #expect(
            text
                == original.replacingOccurrences(of: "joined: 2008", with: "joined: 2009").replacingOccurrences(
                    of: "\n", with: "\r\n"))
    }

    @Test func addsAFieldTheRecordLackedAfterItsLastLine() throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let sheet = try workspace.file("m.csv", "编号,姓名,店铺,所属区,所属站点,入党时间,备注\nm-020,,,,,,已走访\n")
        let before = try workspace.text("data/members.yaml")
        // Empty cells leave the values there as they are.
        try workspace.run(workspace.request(.members, sheet))
        #expect(try workspace.text("data/members.yaml") == before + "  note: \"已走访\"\n")
    }

    @Test func matchesRowsWithoutIdByNameAndShopSoASecondImportChangesNothing() throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let sheet = try workspace.file(
            "m.csv", "姓名,店铺,所属区,所属站点,入党时间\n陈秀英,秀英水产档,东湖区,site-01,2008\n刘新,新开的店,云溪区,site-06,2021\n")
        let first = try workspace.run(workspace.request(.members, sheet))
        #expect(first.unchanged == ["m-001"])
        #expect(first.added == ["m-021"], "the next number after the highest m-NNN")
        let text = try workspace.text("data/members.yaml")
        let second = try workspace.run(workspace.request(.members, sheet))
        #expect(second.added.isEmpty && second.updated.isEmpty && second.unchanged == ["m-001", "m-021"])
        #expect(try workspace.text("data/members.yaml") == text)
        #expect(second.changes.isEmpty)
    }

    @Test func dryRunListsTheChangesAndWritesNothing() throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let before = try workspace.text("data/members.yaml")
        let plan = try workspace.importer.plan(
            workspace.request(.members, ImportWorkspace.fixtures.appendingPathComponent("members.xlsx")))
        #expect(try workspace.text("data/members.yaml") == before)
        #expect(plan.changes.hasPrefix("--- content/data/members.yaml\n+++ content/data/members.yaml\n@@ -7,5 +7,5 @@\n"))
        #expect(
            plan.changes.contains("\n-  commitment: \"亮身份、亮职责、亮承诺：秤准货真，死鱼不冒充活鱼卖。\"\n+  commitment: \"亮身份、亮职责、亮承诺：秤准货真，足斤足两。\"\n"))
        #expect(plan.changes.contains("@@ -180,2 +180,12 @@\n"))
        #expect(plan.changes.contains("\n+- id: m-021\n"))
    }

    @Test(arguments: ["members-bom.csv", "members-gb18030.csv"])
    func importsCSVInEitherEncoding(_ name: String) throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let plan = try workspace.run(workspace.request(.members, ImportWorkspace.fixtures.appendingPathComponent(name)))
        #expect(plan.updated == ["m-002"] && plan.added == ["m-101"])
        let text = try workspace.text("data/members.yaml")
        #expect(text.contains("  commitment: \"亮身份、亮职责、亮承诺：冷链进货，\\\"票证\\\"齐全。\"\n"))
        #expect(text.contains("- id: m-101\n  name: \"赵红梅\"\n  shop: \"红梅裁缝铺\"\n  district: 南浦区\n"))
        #expect(text.contains("  phone: \"139-0000-0101\"\n"))
    }

    @Test func mapsOtherHeadersThroughAMappingFile() throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let mapping = try workspace.file("mapping.yaml", "户主: name\n经营场所: 店铺\n辖区街道: district\n性别: 忽略\n")
        let sheet = try workspace.file(
            "m.csv", "编号,户主,性别,经营场所,辖区街道,所属站点,入党时间\nm-300,周强,男,周记粮油,北塘区,site-04,2001\n")
        let plan = try workspace.run(workspace.request(.members, sheet, mapping: mapping))
        #expect(plan.added == ["m-300"])
        let member = try #require(try workspace.loader.records().members.last)
        #expect(member.name == "周强" && member.shop == "周记粮油" && member.district.name == "北塘区")
    }

    @Test func importsSitesWithOneColumnPerLiuyouItem() throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let plan = try workspace.run(workspace.request(.sites, ImportWorkspace.fixtures.appendingPathComponent("sites.xlsx")))
        #expect(plan.updated == ["site-04"], "书报 is now 是")
        #expect(plan.added.count == 1)
        let site = try #require(try workspace.loader.records().sites.first { $0.id == plan.added[0] })
        #expect(site.name == "云溪区夜市党员先锋岗")
        #expect(site.liuyou.met == [true, false, true, true, false, true])
        #expect(
            try workspace.text("data/sites.yaml").contains(
                "  liuyou: {场所: true, 设施: false, 标志: true, 党旗: true, 书报: false, 制度: true}\n"))
    }

    @Test func importsSitesWithTheLiuyouItemsInOneColumn() throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let sheet = try workspace.file(
            "s.csv", "编号,名称,类型,所属区,类别,设立年份,六有\nsite-04,北塘区建材家居市场党支部活动室,联系点,北塘区,专业市场,2023,场所、设施、标志、党旗、书报、制度\n")
        let before = try workspace.text("data/sites.yaml")
        let plan = try workspace.run(workspace.request(.sites, sheet))
        #expect(plan.updated == ["site-04"])
        let after = try workspace.text("data/sites.yaml")
        #expect(
            before.replacingOccurrences(
                of: "书报: false, 制度: true}\n\n- id: site-05", with: "书报: true, 制度: true}\n\n- id: site-05") == after)
    }

    @Test func replacesAValueWrittenOverSeveralLines() throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let url = workspace.content.appendingPathComponent("data/sites.yaml")
        let block = "  liuyou:\n    场所: true\n    设施: true\n    标志: true\n    党旗: true\n    书报: false   # 在订\n    制度: true\n"
        let text = try workspace.text("data/sites.yaml").replacingOccurrences(
            of: "  liuyou: {场所: true, 设施: true, 标志: true, 党旗: true, 书报: false, 制度: true}\n", with: block)
        try Data(text.utf8).write(to: url)
        let sheet = try workspace.file(
            "s.csv", "编号,名称,类型,所属区,类别,设立年份,六有\nsite-04,北塘区建材家居市场党支部活动室,联系点,北塘区,专业市场,2023,场所、设施、标志、党旗、书报、制度\n")
        let plan = try workspace.run(workspace.request(.sites, sheet))
        #expect(plan.updated == ["site-04"])
        #expect(
            try workspace.text("data/sites.yaml")
                == text.replacingOccurrences(
                    of: block, with: "  liuyou: {场所: true, 设施: true, 标志: true, 党旗: true, 书报: true, 制度: true}\n"))
    }

    @Test func theContentStillBuildsAfterAnImport() async throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        try workspace.run(workspace.request(.sites, ImportWorkspace.fixtures.appendingPathComponent("sites.xlsx")))
        try workspace.run(workspace.request(.members, ImportWorkspace.fixtures.appendingPathComponent("members.xlsx")))
        let options = SiteBuilder.Options(
            content: workspace.content, templates: ImportWorkspace.packageRoot.appendingPathComponent("templates"),
            contentDisplay: "content", templatesDisplay: "templates", parallelism: 2,
            today: Day(year: 2026, month: 12, day: 3)!)
        let sink = MemorySink()
        _ = try await SiteBuilder(options: options).build(into: sink)
        let files = await sink.files
        let siteLists = files.filter { $0.key.hasPrefix("sites/") && $0.key.hasSuffix(".html") }
        #expect(siteLists.values.contains { String(decoding: $0, as: UTF8.self).contains("云溪区夜市党员先锋岗") })
        #expect(!files.values.contains { String(decoding: $0, as: UTF8.self).contains("13912345678") }, "phones stay private")
    }
}
