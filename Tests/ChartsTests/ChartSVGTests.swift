import Charts
import Testing

@Suite struct ChartSVGTests {
    let districts = ChartData(
        labels: ["东湖区", "<西津区>", "南浦区"], series: [ChartData.Series(name: "示范点", values: [4, 2, 0])], unit: "个",
        target: 3, targetLabel: "最低 3 个")

    @Test func drawsABarPerRowScaledToTheLargestValueWithTheTargetLine() {
        let svg = ChartSVG.bars(districts)
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

    @Test func drawsABarForEachSeriesWithALegend() {
        let data = ChartData(
            labels: ["东湖区", "西津区"],
            series: [ChartData.Series(name: "2022年", values: [10, 20]), ChartData.Series(name: "2024年", values: [15, 40])])
        let svg = ChartSVG.bars(data)
        #expect(svg.components(separatedBy: "<rect").count - 1 == 2 + 4, "two legend keys and four bars")
        #expect(svg.contains(">2022年</text>") && svg.contains(">2024年</text>"))
        #expect(svg.contains("fill=\"#b3261e\"") && svg.contains("fill=\"#1a5fb4\""))
    }

    @Test func drawsALineThroughEveryPoint() {
        let years = ChartData(
            labels: ["2022年", "2023年", "2024年"], series: [ChartData.Series(name: "投诉", values: [418, 300, 233])])
        let svg = ChartSVG.lines(years)
        #expect(svg.contains("<polyline points=\"20,"))
        #expect(svg.components(separatedBy: "<circle").count - 1 == 3)
        #expect(svg.contains(">418</text>") && svg.contains(">233</text>"))
        // The largest value reaches the top of the plot, 18 units down.
        #expect(svg.contains("cy=\"18\""))
    }

    @Test(arguments: [(12.0, "12"), (3.5, "3.5"), (0.25, "0.25"), (-1.5, "-1.5"), (2.004, "2"), (1e6, "1000000")])
    func writesNumbersAsPeopleDo(_ example: (Double, String)) {
        #expect(ChartSVG.format(example.0) == example.1)
    }
}
