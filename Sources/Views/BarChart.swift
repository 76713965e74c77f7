import Charts
import Model
import Mustache

/// A dashboard table drawn as horizontal bars that fill the column (`ChartSVG.fluidBars`): its
/// first column labels the rows, each of the chart's value columns gives a series of bars.
enum BarChart {
    static func svg(for table: Dashboard.Table) -> String? {
        guard let chart = table.chart, !table.rows.isEmpty, !chart.valueColumns.isEmpty,
            chart.valueColumns.allSatisfy(table.columns.indices.contains)
        else { return nil }
        let series = chart.valueColumns.map { column in
            ChartData.Series(
                name: table.columns[column],
                values: table.rows.map { row in
                    row.indices.contains(column) ? Double(row[column].replacingOccurrences(of: "%", with: "")) ?? 0 : 0
                })
        }
        return ChartSVG.fluidBars(
            ChartData(
                labels: table.rows.map { $0.first ?? "" }, series: series, unit: chart.unit,
                target: chart.target.map(Double.init), targetLabel: chart.targetLabel))
    }
}
