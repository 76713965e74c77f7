import Core
import Model

/// A dashboard table drawn as horizontal bars in SVG, made at build time: no script and no
/// chart library in the browser. Each row is its label on one line and its bar below, so long
/// names fit a phone's width; a dashed line marks the target. The chart only repeats its table,
/// which screen readers and printouts use, so it is hidden from assistive technology. Colours
/// are presentation attributes, not `style`, which a `default-src 'self'` policy would block.
enum BarChart {
    static let width = 320
    static let barStart = 0
    static let barSpan = 250
    static let rowHeight = 40

    static func svg(for table: Dashboard.Table) -> String? {
        guard let chart = table.chart, !table.rows.isEmpty else { return nil }
        let values = table.rows.map { row in
            row.indices.contains(chart.valueColumn) ? Int(row[chart.valueColumn].replacingOccurrences(of: "%", with: "")) ?? 0 : 0
        }
        let largest = max(1, values.max() ?? 0, chart.target ?? 0)
        let top = chart.target == nil ? 0 : 18
        let height = top + table.rows.count * rowHeight
        func x(_ value: Int) -> Int { barStart + value * barSpan / largest }

        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\""
        svg += " aria-hidden=\"true\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">"
        for (row, value) in values.enumerated() {
            let y = top + row * rowHeight
            let label = MarkupText.escaped(table.rows[row].first ?? "")
            svg += "<text x=\"0\" y=\"\(y + 14)\" font-size=\"13\" fill=\"#222222\">\(label)</text>"
            let length = max(value > 0 ? 2 : 0, x(value) - barStart)
            svg += "<rect x=\"\(barStart)\" y=\"\(y + 19)\" width=\"\(length)\" height=\"14\" rx=\"2\" fill=\"#b3261e\"/>"
            svg += "<text x=\"\(barStart + length + 4)\" y=\"\(y + 31)\" font-size=\"12\" fill=\"#222222\">"
            svg += "\(value)\(MarkupText.escaped(chart.unit))</text>"
        }
        if let target = chart.target {
            let line = x(target)
            svg += "<line x1=\"\(line)\" y1=\"14\" x2=\"\(line)\" y2=\"\(height)\" stroke=\"#333333\" stroke-width=\"1\""
            svg += " stroke-dasharray=\"4 3\"/>"
            let anchor = line > width / 2 ? "end" : "start"
            svg += "<text x=\"\(line)\" y=\"11\" font-size=\"11\" fill=\"#333333\" text-anchor=\"\(anchor)\">"
            svg += "\(MarkupText.escaped(chart.targetLabel))</text>"
        }
        svg += "</svg>"
        return svg
    }
}
