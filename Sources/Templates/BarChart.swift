import Charts
import Model

/// A dashboard table drawn as horizontal bars (`ChartSVG.bars`): its first column labels the
/// rows, the chart's value column gives the bars.
enum BarChart {
    static func svg(for table: Dashboard.Table) -> String? {
        guard let chart = table.chart, !table.rows.isEmpty, table.columns.indices.contains(chart.valueColumn) else {
            return nil
        }
        let values = table.rows.map { row in
            row.indices.contains(chart.valueColumn)
                ? Double(row[chart.valueColumn].replacingOccurrences(of: "%", with: "")) ?? 0 : 0
        }
        return ChartSVG.bars(
            ChartData(
                labels: table.rows.map { $0.first ?? "" },
                series: [ChartData.Series(name: table.columns[chart.valueColumn], values: values)], unit: chart.unit,
                target: chart.target.map(Double.init), targetLabel: chart.targetLabel))
    }
}
