import Core
import Foundation
import Testing

@testable import Content

/// 标点符号用法 (GB/T 15834-2011): each fixture changes one line of the valid base site's case
/// body (file line 15) and expects exactly these warnings, as `portal check` prints them.
@Suite struct PunctuationTests {
    static let a = InlineSite.base["cases/a.md"]!

    static func diagnostics(line: String) async throws -> [String] {
        let site = try InlineSite(["cases/a.md": a.replacingOccurrences(of: "党员亮身份。", with: line)])
        defer { site.remove() }
        return await site.diagnostics()
    }

    static func warning(_ column: Int, _ message: String, _ hint: String, line: Int = 15) -> String {
        "content/cases/a.md:\(line):\(column): warning: \(message)\n  hint: \(hint)"
    }

    @Test(arguments: [
        (",", "逗号", "，"), (".", "句号", "。"), ("!", "叹号", "！"), ("?", "问号", "？"), (";", "分号", "；"),
        (":", "冒号", "："), ("(", "括号", "（"), (")", "括号", "）"),
    ])
    func warnsOfAHalfWidthMarkBetweenChineseCharacters(mark: String, name: String, full: String) async throws {
        #expect(
            try await Self.diagnostics(line: "市场\(mark)商户都亮身份") == [
                Self.warning(3, "中文之间用了半角\(name)“\(mark)”", "改为全角\(name)“\(full)”（GB/T 15834-2011《标点符号用法》）")
            ])
    }

    @Test func looksThroughSpacesAndEmphasisMarks() async throws {
        #expect(
            try await Self.diagnostics(line: "**市场**, 商户") == [
                Self.warning(7, "中文之间用了半角逗号“,”", "改为全角逗号“，”（GB/T 15834-2011《标点符号用法》）")
            ])
    }

    @Test(arguments: [("“", "”", "引号"), ("《", "》", "书名号"), ("（", "）", "括号"), ("【", "】", "方头括号")])
    func warnsOfAnOpeningMarkThatTheParagraphNeverCloses(open: String, close: String, name: String) async throws {
        #expect(
            try await Self.diagnostics(line: "党员\(open)亮身份。\n\n下一段\(close)") == [
                Self.warning(3, "左\(name) \(open) 在本段没有配对的 \(close)", "补上 \(close)，或删去多余的 \(open)"),
                Self.warning(4, "右\(name) \(close) 前面没有配对的 \(open)", "补上 \(open)，或删去多余的 \(close)", line: 17),
            ])
    }

    /// A hostile body of a hundred thousand unclosed quotes gets a hundred warnings and a count.
    @Test func listsAHundredFindingsOfABodyAndCountsTheRest() async throws {
        let warnings = try await Self.diagnostics(line: "党员" + String(repeating: "**“", count: 1_000))
        #expect(warnings.count == 101)
        #expect(warnings.first == Self.warning(5, "左引号 “ 在本段没有配对的 ”", "补上 ”，或删去多余的 “"))
        #expect(
            warnings.last
                == Self.warning(305, "另有 900 处标点问题未逐一列出", "先改正前面列出的 100 处，再构建时会列出其余的"))
    }

    @Test func warnsOfAClosingMarkOfAnotherKind() async throws {
        #expect(
            try await Self.diagnostics(line: "学习《党章”原文") == [
                Self.warning(3, "左书名号 《 在本段没有配对的 》", "补上 》，或删去多余的 《"),
                Self.warning(6, "右引号 ” 前面没有配对的 “", "补上 “，或删去多余的 ”"),
            ])
    }

    @Test func warnsOfAFullWidthParenthesisClosedByAHalfWidthOne() async throws {
        #expect(
            try await Self.diagnostics(line: "成立（联合)党支部") == [
                Self.warning(6, "括号 （ 和 ) 全角半角混用", "中文里两边都用全角括号（）")
            ])
    }

    @Test func warnsOfAHalfWidthParenthesisClosedByAFullWidthOne() async throws {
        #expect(
            try await Self.diagnostics(line: "成立(联合）党支部") == [
                Self.warning(3, "中文之间用了半角括号“(”", "改为全角括号“（”（GB/T 15834-2011《标点符号用法》）"),
                Self.warning(6, "括号 ( 和 ） 全角半角混用", "中文里两边都用全角括号（）"),
            ])
    }

    @Test(arguments: ["。。", "，，", "、、", "；；", "：：", "，。"])
    func warnsOfDoubledPunctuation(marks: String) async throws {
        #expect(
            try await Self.diagnostics(line: "党员亮身份\(marks)好") == [
                Self.warning(6, "标点重复：“\(marks)”", "只留一个标点；省略号写作“……”，破折号写作“——”")
            ])
    }

    @Test(arguments: [
        "真好！！真的吗？？是吗？！", "等等……还有——总之", "价格3.5元，1,000户，10:30开会，比例1:2。",
        "见`市场,商户`和`（`", "见[链接](b.md \"标,题\")和[网站](https://x.cn/(a,b))", "见<https://x.cn/中,文>",
        "网址https://x.cn/市场,商户", "他说“六有”和《党章》（全文）【通知】，(English, too)。", "English, text. Here: (yes)!",
        "第1.2条", "下载file.docx文件", "用\\,号", "行尾有冒号:\n下一行",
    ])
    func leavesCorrectTextCodeLinksAndNumbersAlone(line: String) async throws {
        #expect(try await Self.diagnostics(line: line) == [])
    }

    @Test func leavesFencedIndentedCodeAndReferenceDefinitionsAlone() async throws {
        let line = "党员亮身份。\n\n```\n市场,商户“\n```\n\n    缩进,代码（\n\n[注]: https://x.cn/中,文 \"标题,中\""
        #expect(try await Self.diagnostics(line: line) == [])
    }

    @Test func endsAParagraphAtAHeadingAndAListItem() async throws {
        #expect(
            try await Self.diagnostics(line: "- 第一项“开始\n- 第二项”结束") == [
                Self.warning(6, "左引号 “ 在本段没有配对的 ”", "补上 ”，或删去多余的 “"),
                Self.warning(6, "右引号 ” 前面没有配对的 “", "补上 “，或删去多余的 ”", line: 16),
            ])
    }

    @Test func countsLinesAndColumnsOfTheFileWithItsFrontMatter() async throws {
        let site = try InlineSite([
            "pages/about.md": "---\ntitle: 关于本站\n# 注释\n---\n\n本站展示,典型案例。\n"
        ])
        defer { site.remove() }
        #expect(
            await site.diagnostics() == [
                "content/pages/about.md:6:5: warning: 中文之间用了半角逗号“,”\n  hint: 改为全角逗号“，”（GB/T 15834-2011《标点符号用法》）"
            ])
    }
}
