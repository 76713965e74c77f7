import Model
import Testing

@testable import Templates

@Suite struct BarChartTests {
    @Test func drawsTheValueColumnOfADashboardTable() throws {
        let table = Dashboard.Table(
            id: "liuyou", title: "各区“六有”落实情况", note: "", columns: ["区", "站点", "达标率"],
            rows: [["东湖区", "3", "67%"], ["西津区", "2", "100%"]],
            chart: Dashboard.Chart(valueColumn: 2, target: 100, targetLabel: "100%", unit: "%"))
        let svg = try #require(BarChart.svg(for: table))
        #expect(svg.contains(">67%</text>") && svg.contains(">100%</text>"))
        #expect(svg.contains("<rect x=\"0\" y=\"37\" width=\"167\""), "67% of the 250 units")
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
