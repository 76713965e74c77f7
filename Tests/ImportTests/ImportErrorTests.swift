import Core
import Foundation
import Import
import Testing

/// One small sheet per error message: each problem is reported at its cell, named by its row
/// and column header, and nothing is written.
@Suite struct ImportErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var kind: RecordSchema.Kind = .members
        var asOf: Day?
        var csv: String
        var mapping: String?
        /// `m.csv:row:column`
        var location: String
        var message: String
        var hint: String?

        var testDescription: String { name }
    }

    static let members = "编号,姓名,店铺,所属区,所属站点,入党时间,联系电话,身份证号\n"

    static let liaison = "联系点,日期,类型,摘要,案例\n"

    static let coverage = "所属区,类别,户数,单独建,联合建,挂靠建,有党员的户数,党员人数,指导员覆盖\n"

    static let countDay = Day(year: 2026, month: 11, day: 30)

    static let cases: [Case] = [
        Case(
            name: "unknown header", csv: "编号,姓名,户主,店铺,所属区,所属站点,入党时间\n", location: "m.csv:1:3",
            message: "第 1 行“户主”列：不认识的列名“户主”"),
        Case(
            name: "missing column", csv: "编号,姓名,所属区,所属站点,入党时间\nm-1,张三,东湖区,site-01,2001\n",
            location: "m.csv:1:1", message: "表格第 1 行（列名行）缺少“店铺”列",
            hint: "加一列，列名写 “店铺”或“店铺名称”或“商户名称”或“商铺名称”或“字号”；列名不同时用 --mapping 文件对应到 shop"),
        Case(
            name: "two columns for one field", csv: "编号,姓名,店铺,店铺名称,所属区,所属站点,入党时间\n", location: "m.csv:1:4",
            message: "第 1 行“店铺名称”列：与第 3 列“店铺”都对应“店铺”"),
        Case(
            name: "unknown district", csv: members + "m-101,张三,张三小卖部,高新区,site-01,2001\n", location: "m.csv:2:4",
            message: "第 2 行“所属区”列：未知的区 '高新区'",
            hint: "district 须是 portal.yaml 中的一个：东湖区、西津区、南浦区、北塘区、临江区、云溪区"),
        Case(
            name: "missing site", csv: members + "m-101,张三,张三小卖部,东湖区,site-99,2001\n", location: "m.csv:2:5",
            message: "第 2 行“所属站点”列：党员经营户 '张三' 所属的示范点/联系点 'site-99' 不存在", hint: "是不是 'site-01'？"),
        Case(
            name: "date that does not exist", csv: members + "m-101,张三,张三小卖部,东湖区,site-01,2001-02-30\n",
            location: "m.csv:2:6", message: "第 2 行“入党时间”列：日期 '2001-02-30' 不存在"),
        Case(
            name: "year that is not a number", csv: members + "m-101,张三,张三小卖部,东湖区,site-01,两千零一年\n",
            location: "m.csv:2:6", message: "第 2 行“入党时间”列：'joined' 应为整数，这里是 '两千零一年'",
            hint: "写年份，如 2008，或日期，如 2008-05-01"),
        Case(
            name: "year out of range", csv: members + "m-101,张三,张三小卖部,东湖区,site-01,1900\n", location: "m.csv:2:6",
            message: "第 2 行“入党时间”列：'joined' 的值 1900 超出范围 1921–2100"),
        Case(
            name: "phone of the wrong shape", csv: members + "m-101,张三,张三小卖部,东湖区,site-01,2001,138abc\n",
            location: "m.csv:2:7", message: "第 2 行“联系电话”列：phone 格式不正确",
            hint: "只写号码，数字之间可以用 - 或空格，如 13800000000"),
        Case(
            name: "ID number whose check digit is wrong",
            csv: members + "m-101,张三,张三小卖部,东湖区,site-01,2001,,110105194912310021\n", location: "m.csv:2:8",
            message: "第 2 行“身份证号”列：id_number 不是有效的身份证号码", hint: "18 位，最后一位是数字或 X；核对有没有输错或漏输"),
        Case(
            name: "empty required cell", csv: members + "m-101,张三,,东湖区,site-01,2001\n", location: "m.csv:2:3",
            message: "第 2 行“店铺”列：党员经营户缺少必填项 'shop'"),
        Case(
            name: "invisible character in an id", csv: members + "m-1\u{200B}01,张三,张三小卖部,东湖区,site-01,2001\n",
            location: "m.csv:2:1", message: "第 2 行“编号”列：'id' 中有不可见字符 U+200B"),
        Case(
            name: "duplicate id", csv: members + "m-101,张三,张三小卖部,东湖区,site-01,2001\nm-101,李四,李四五金,东湖区,site-01,2002\n",
            location: "m.csv:3:1", message: "第 3 行“编号”列：编号 'm-101' 与第 2 行重复"),
        Case(
            name: "duplicate of an existing record by name and shop",
            csv: "姓名,店铺,所属区,所属站点,入党时间\n陈秀英,秀英水产档,东湖区,site-01,2008\n陈秀英,秀英水产档,东湖区,site-01,2008\n",
            location: "m.csv:3:1", message: "第 3 行“姓名”列：编号 'm-001' 与第 2 行重复"),
        Case(
            name: "wrong formulation",
            csv: members
                + "m-101,张三,张三小卖部,东湖区,site-01,2001\n".replacingOccurrences(
                    of: "张三小卖部", with: "扫黑险恶小卖部"), location: "m.csv:2:3",
            message: "第 2 行“店铺”列：表述错误：“扫黑险恶”应为“扫黑除恶”"),
        Case(
            name: "unknown field in the mapping", csv: "户主\n", mapping: "户主: nmae\n", location: "mapping.yaml:1:5",
            message: "未知的字段 'nmae'", hint: "是不是 'name'？"),
        Case(
            name: "unknown site kind", kind: .sites,
            csv: "编号,名称,类型,所属区,类别,设立年份,六有\nsite-20,新站,服务站,东湖区,小微企业,2025,场所\n", location: "m.csv:2:3",
            message: "第 2 行“类型”列：未知的类型 '服务站'", hint: "kind 写 示范点 或 联系点"),
        Case(
            name: "unknown liuyou item", kind: .sites,
            csv: "编号,名称,类型,所属区,类别,设立年份,六有\nsite-20,新站,联系点,东湖区,小微企业,2025,场所、设备\n", location: "m.csv:2:7",
            message: "第 2 行“六有”列：未知的“六有”项 '设备'", hint: "是不是 '设施'？"),
        Case(
            name: "liuyou item neither yes nor no", kind: .sites,
            csv: "编号,名称,类型,所属区,类别,设立年份,场所,设施,标志,党旗,书报,制度\nsite-20,新站,联系点,东湖区,小微企业,2025,是,是,待定,是,是,是\n",
            location: "m.csv:2:9", message: "第 2 行“标志”列：'标志' 应为 true 或 false，这里是 '待定'",
            hint: "写 是 或 否"),
        Case(
            name: "incomplete liuyou columns", kind: .sites,
            csv: "编号,名称,类型,所属区,类别,设立年份,场所,设施\n", location: "m.csv:1:1",
            message: "表格的“六有”单项列不全，缺少 标志、党旗、书报、制度"),
        Case(
            name: "unknown liaison point", kind: .liaison, csv: liaison + "site-44,2026-03-01,调研,走访商户,\n",
            location: "m.csv:2:1", message: "第 2 行“联系点”列：未知的联系点 'site-44'", hint: "是不是 'site-04'？"),
        Case(
            name: "a demonstration site as a liaison point", kind: .liaison,
            csv: liaison + "site-01,2026-03-01,调研,走访商户,\n", location: "m.csv:2:1",
            message: "第 2 行“联系点”列：'site-01' 是示范点，不是联系点", hint: "只导入 sites.yaml 中 kind: 联系点 的站点的活动"),
        Case(
            name: "unknown activity kind", kind: .liaison, csv: liaison + "site-04,2026-03-01,座谈,走访商户,\n",
            location: "m.csv:2:3", message: "第 2 行“类型”列：未知的活动类型 '座谈'", hint: "类型写 调研、党课、主题党日 或 解决困难"),
        Case(
            name: "activity date that does not exist", kind: .liaison, csv: liaison + "site-04,2026-02-30,调研,走访商户,\n",
            location: "m.csv:2:2", message: "第 2 行“日期”列：日期 '2026-02-30' 不是有效的日期",
            hint: "写日期，如 2026-03-12，并确认这一天存在"),
        Case(
            name: "activity after today", kind: .liaison, csv: liaison + "site-04,2099-03-01,调研,走访商户,\n",
            location: "m.csv:2:2", message: "第 2 行“日期”列：活动日期 2099-03-01 晚于今天（\(Day.today(utcOffsetHours: 8))）",
            hint: "只记已经开展的活动；计划中的活动等开展后再写"),
        Case(
            name: "activity without summary", kind: .liaison, csv: liaison + "site-04,2026-03-01,调研,,\n",
            location: "m.csv:2:4", message: "第 2 行“摘要”列：缺少摘要", hint: "每行写上联系点、日期、类型和摘要"),
        Case(
            name: "case that does not exist", kind: .liaison,
            csv: liaison + "site-04,2026-03-01,调研,走访商户,beitang-building-material-market\n", location: "m.csv:2:5",
            message: "第 2 行“案例”列：案例 'beitang-building-material-market' 不存在",
            hint: "是不是 'beitang-building-materials-market'？"),
        Case(
            name: "the same activity twice in the sheet", kind: .liaison,
            csv: liaison + "site-04,2026-03-01,调研,走访商户,\n北塘区建材家居市场党支部活动室,2026/3/1,调研,走访商户,\n",
            location: "m.csv:3:2", message: "第 3 行“日期”列：与第 2 行是同一次活动", hint: "每次活动只写一行；删去重复的行"),
        Case(
            name: "coverage count without a date", kind: .coverage, csv: coverage + "东湖区,小微企业,5000,90,200,140,700,1000,1300\n",
            location: "m.csv:1:1", message: "表格没有写统计截止日",
            hint: "加上 --as-of 日期（如 --as-of 2026-11-30），或加一列“统计截止日”"),
        Case(
            name: "coverage count of two dates", kind: .coverage,
            csv: "统计截止日,所属区,类别,户数\n2026-11-30,东湖区,小微企业,5000\n2026-10-31,东湖区,个体工商户,13000\n",
            location: "m.csv:3:1", message: "第 3 行“统计截止日”列：统计截止日 2026-10-31 与第 2 行的 2026-11-30 不同",
            hint: "一次导入一次统计：不同日期的统计分成两个表格导入"),
        Case(
            name: "coverage count after today", kind: .coverage, asOf: Day(year: 2099, month: 1, day: 1),
            csv: coverage + "东湖区,小微企业,5000,90,200,140,700,1000,1300\n", location: "m.csv:1:1",
            message: "统计截止日 2099-01-01 晚于今天（\(Day.today(utcOffsetHours: 8))）"),
        Case(
            name: "coverage row without a category", kind: .coverage, asOf: countDay,
            csv: coverage + "东湖区,,5000,90,200,140,700,1000,1300\n", location: "m.csv:2:2", message: "第 2 行“类别”列：缺少类别"),
        Case(
            name: "coverage count that is not a number", kind: .coverage, asOf: countDay,
            csv: coverage + "东湖区,小微企业,约五千,90,200,140,700,1000,1300\n", location: "m.csv:2:3",
            message: "第 2 行“户数”列：'entities' 应为整数，这里是 '约五千'", hint: "只写数字，如 4820"),
        Case(
            name: "coverage category unknown", kind: .coverage, asOf: countDay,
            csv: coverage + "东湖区,农贸市场,50,9,12,4,26,214,3\n", location: "m.csv:2:2",
            message: "第 2 行“类别”列：未知的类别 '农贸市场'"),
        Case(
            name: "new coverage row without every count", kind: .coverage, asOf: countDay,
            csv: "所属区,类别,户数\n东湖区,农贸市场,50\n", location: "m.csv:2:1",
            message: "第 2 行：东湖区 农贸市场 在截至 2026-11-30 的统计中还没有，新加的一行缺少“单独建”、“联合建”、“挂靠建”、“有党员的户数”、“党员人数”、“指导员覆盖”",
            hint: "新加的行要写全各列；只有更新文件中已有的行时才可以少写几列"),
        Case(
            name: "more organised than entities", kind: .coverage, asOf: countDay,
            csv: coverage + "东湖区,专业市场,28,20,12,4,27,223,2\n", location: "m.csv:2:4",
            message: "第 2 行“单独建”列：建有党组织的户数 36（单独建 20 + 联合建 12 + 挂靠建 4）超过户数 28"),
        Case(
            name: "clusters of a count not in the file", kind: .clusters, asOf: Day(year: 2026, month: 10, day: 31),
            csv: "类型,名称,所属区,党员人数,已建党组织\n楼宇,东湖电商孵化大楼,东湖区,17,是\n", location: "m.csv:1:1",
            message: "coverage.yaml 中还没有截至 2026-10-31 的统计",
            hint: "先导入这次统计的各区户数（portal import coverage 表格 --as-of 2026-10-31），再导入集聚区"),
        Case(
            name: "cluster organised neither yes nor no", kind: .clusters, asOf: countDay,
            csv: "类型,名称,所属区,党员人数,已建党组织\n楼宇,东湖电商孵化大楼,东湖区,17,筹建中\n", location: "m.csv:2:5",
            message: "第 2 行“已建党组织”列：'organized' 应为 true 或 false，这里是 '筹建中'", hint: "写 是 或 否"),
        Case(
            name: "score above its weight", kind: .scores, csv: "年度,所属区,体制机制\n2025,东湖区,25\n", location: "m.csv:2:3",
            message: "第 2 行“体制机制”列：'体制机制' 得分 25 超过该项权重 20"),
    ]

    @Test(arguments: cases)
    func reportsEachProblemAtItsCell(_ test: Case) throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let file = RecordSchema.schema(for: test.kind).dataPath
        let before = try workspace.text(file)
        let mapping = try test.mapping.map { try workspace.file("mapping.yaml", $0) }
        var request = workspace.request(test.kind, try workspace.file("m.csv", test.csv), mapping: mapping)
        request.asOf = test.asOf
        let problems = workspace.problems(request)
        #expect(problems.count == 1, "\(problems)")
        let problem = try #require(problems.first)
        #expect(problem.isError)
        #expect(problem.location.description == test.location)
        #expect(problem.message == test.message)
        if let hint = test.hint { #expect(problem.hint == hint) }
        #expect(try workspace.text(file) == before, "nothing is written")
    }

    @Test func listsEveryProblemOfTheSheet() throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let sheet = try workspace.file(
            "m.csv", Self.members + "m-101,张三,张三小卖部,高新,site-01,2001\nm-102,李四,李四五金,东湖区,site-01,1800,12ab\n")
        let problems = workspace.problems(workspace.request(.members, sheet))
        #expect(problems.map(\.location.description) == ["m.csv:2:4", "m.csv:3:6", "m.csv:3:7"])
    }

    @Test func warnsOfValuesInAColumnWithoutHeaderAndImportsTheRest() throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let sheet = try workspace.file("m.csv", "编号,姓名,店铺,所属区,所属站点,入党时间\nm-101,张三,张三小卖部,东湖区,site-01,2001,多出来的\n")
        let plan = try workspace.importer.plan(workspace.request(.members, sheet))
        #expect(plan.added == ["m-101"])
        #expect(
            plan.warnings.map(\.description) == [
                "m.csv:2:7: warning: 第 2 行：第 7 列（G 列）没有列名，这一列不会导入\n  hint: 在列名行写上列名，或删去这一列"
            ])
    }

    @Test func leavesOutTheColumnOfADimensionThePortalComputes() throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let sheet = try workspace.file("m.csv", "年度,所属区,体制机制,两个覆盖\n2025,东湖区,18,25\n")
        let plan = try workspace.importer.plan(workspace.request(.scores, sheet))
        #expect(plan.unchanged == ["2025 东湖区"])
        #expect(
            plan.warnings.map(\.description) == [
                "m.csv:1:4: warning: 第 1 行“两个覆盖”列：“两个覆盖”的得分由门户按数据算出，这一列不会导入\n  hint: 只导入手工打分项目的得分；算出的得分见考核页"
            ])
    }

    @Test func namesTheSheetOfAWorkbook() throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let problems = workspace.problems(
            workspace.request(.members, ImportWorkspace.fixtures.appendingPathComponent("id-number.xlsx")))
        #expect(
            problems.map(\.description) == [
                """
                id-number.xlsx:2:7: error: 工作表“Sheet”第 2 行“身份证号”列：身份证号被存成了数字，后几位已经丢失（110105194912310000）
                  hint: 把这一列设为“文本”格式后重新填写，或在号码前加英文单引号 '
                """
            ])
    }

    @Test func refusesARowWithoutIdThatMatchesTwoRecords() throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let url = workspace.content.appendingPathComponent("data/members.yaml")
        let copy = "\n- id: m-900\n  name: 陈秀英\n  shop: 秀英水产档\n  district: 东湖区\n  site: site-01\n  joined: 2008\n"
        try Data((try workspace.text("data/members.yaml") + copy).utf8).write(to: url)
        let sheet = try workspace.file("m.csv", "姓名,店铺,所属区,所属站点,入党时间\n陈秀英,秀英水产档,东湖区,site-01,2008\n")
        let problems = workspace.problems(workspace.request(.members, sheet))
        #expect(problems.map(\.message) == ["第 2 行：没有编号，文件中有 2 条记录与它的姓名、店铺相同，无法确定更新哪一条"])
        #expect(problems.first?.hint == "加一列“编号”，写上要更新的记录的 id（m-001、m-900）")
    }
}
