import Model
import Testing

@testable import Views

@Suite struct BarChartTests {
    @Test func drawsTheValueColumnOfADashboardTable() throws {
        let table = Dashboard.Table(
            id: "liuyou", title: "各区“六有”落实情况", note: "", columns: ["区", "站点", "达标率"],
            rows: [["东湖区", "3", "67%"], ["西津区", "2", "100%"]],
            chart: Dashboard.Chart(valueColumn: 2, target: 100, targetLabel: "100%", unit: "%"))
        let svg = try #require(BarChart.svg(for: table))
        #expect(svg.contains(">67%</text>") && svg.contains(">100%</text>"))
        #expect(svg.contains(#"width="53.6%" height="1em""#), "67% of the 80% the longest bar takes")
    }

    @Test func fillsTheColumnWithTextThatFollowsThePageFontSize() throws {
        let table = Dashboard.Table(
            id: "sites", title: "各区示范点与联系点", note: "", columns: ["区", "示范点", "联系点"],
            rows: [["东湖区", "3", "1"], ["西津区", "0", "2"]],
            chart: Dashboard.Chart(valueColumns: [1, 2], target: 3, targetLabel: "示范点最低 3 个", unit: ""))
        let svg = try #require(BarChart.svg(for: table))
        #expect(svg.hasPrefix(#"<svg class="chart chart-fluid" width="100%" height=""#))
        #expect(!svg.contains("font-size"), "the stylesheet sizes the text, so 大字版 enlarges it")
        #expect(!svg.contains("viewBox"), "a viewBox would scale the text with the width")
        #expect(svg.contains(#"<text class="legend""#) && svg.contains(">联系点</text>"), "both series, named")
        #expect(svg.contains(#"<text class="label" x="0""#), "each name on a line of its own")
    }

    @Test func drawsNothingForATableWithoutAChartOrRows() {
        var table = Dashboard.Table(
            id: "t", title: "t", note: "", columns: ["区", "数"], rows: [["东湖区", "1"]],
            chart: Dashboard.Chart(valueColumn: 1, target: nil, targetLabel: "", unit: ""))
        #expect(BarChart.svg(for: table) != nil)
        table.rows = []
        #expect(BarChart.svg(for: table) == nil)
        table.rows = [["东湖区", "1"]]
        table.chart = nil
        #expect(BarChart.svg(for: table) == nil)
    }
}
