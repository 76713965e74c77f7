import Model
import Testing

@testable import Templates

@Suite struct BarChartTests {
    let table = Dashboard.Table(
        id: "sites", title: "各区示范点", note: "", columns: ["区", "示范点"],
        rows: [["东湖区", "4"], ["<西津区>", "2"], ["南浦区", "0"]],
        chart: Dashboard.Chart(valueColumn: 1, target: 3, targetLabel: "最低 3 个", unit: "个"))

    @Test func drawsABarPerRowScaledToTheLargestValueWithTheTargetLine() throws {
        let svg = try #require(BarChart.svg(for: table))
        #expect(svg.hasPrefix("<svg class=\"chart\" viewBox=\"0 0 320 138\""))
        #expect(svg.contains("aria-hidden=\"true\""), "the table beside it is what assistive technology reads")
        // 4 is the largest value: its bar spans the whole 250 units, 2 half of it, 0 none.
        #expect(svg.contains("<rect x=\"0\" y=\"37\" width=\"250\""))
        #expect(svg.contains("<rect x=\"0\" y=\"77\" width=\"125\""))
        #expect(svg.contains("<rect x=\"0\" y=\"117\" width=\"0\""))
        #expect(svg.contains(">4个</text>"))
        // The target, 3, at three quarters.
        #expect(svg.contains("<line x1=\"187\" y1=\"14\" x2=\"187\" y2=\"138\""))
        #expect(svg.contains(">最低 3 个</text>"))
        #expect(svg.contains("&lt;西津区&gt;"), "labels are escaped")
        #expect(!svg.contains("style="), "no inline style, which a content security policy blocks")
    }

    @Test func drawsNothingForATableWithoutAChartOrRows() {
        var plain = table
        plain.chart = nil
        #expect(BarChart.svg(for: plain) == nil)
        var empty = table
        empty.rows = []
        #expect(BarChart.svg(for: empty) == nil)
    }
}
