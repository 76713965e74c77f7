import Model
import Testing

@testable import Views

/// A table of contents does not number headings that number themselves, as Chinese reports do
/// (`一、基本情况`), which would read `1. 一、基本情况`.
@Suite struct TableOfContentsTests {
    static func entries(_ titles: [String], level: Int = 2) -> [TableOfContentsEntry] {
        titles.map { TableOfContentsEntry(level: level, title: $0, anchor: $0) }
    }

    @Test(arguments: [
        ["一、基本情况", "二、主要做法", "三、工作成效"],
        ["（一）建强阵地", "（二）亮明身份"],
        ["1. 背景", "2. 做法"],
        ["第一部分：政策解读", "第二部分：案例研讨"],
        ["第三章 组织建设", "十二、附则"],
        ["(1)背景", "(12)做法", "（３）成效"],
        ["２、背景", "10．做法"],
    ])
    func leavesSelfNumberedHeadingsUnnumbered(_ titles: [String]) {
        #expect(PageViews.numbersItself(Self.entries(titles)))
    }

    @Test func numbersOtherHeadings() {
        #expect(!PageViews.numbersItself(Self.entries(["基本情况", "主要做法"])))
        #expect(!PageViews.numbersItself(Self.entries(["一、基本情况", "主要做法"])))
        #expect(!PageViews.numbersItself(Self.entries(["十分重要的事", "一般的事"])))
        #expect(!PageViews.numbersItself(Self.entries(["第一书记", "（）空括号", "2026年工作"])))
        #expect(!PageViews.numbersItself(Self.entries(["第、", "()", "、"])))
        #expect(!PageViews.numbersItself([]))
    }

    @Test func looksAtTheTopLevelOnly() {
        let entries = Self.entries(["一、基本情况", "二、主要做法"]) + Self.entries(["党员先锋岗"], level: 3)
        #expect(PageViews.numbersItself(entries))
    }
}
