import Core

/// Figures as a chart: one label per row (a district, a year) and one or more series of values.
public struct ChartData: Sendable, Equatable {
    public struct Series: Sendable, Equatable {
        public var name: String
        public var values: [Double]

        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    public var labels: [String]
    public var series: [Series]
    /// Written after each value: `%` for rates, `人` for people; empty for plain counts.
    public var unit: String
    /// A value every bar should reach, drawn as a dashed line, and what to call it.
    public var target: Double?
    public var targetLabel: String

    public init(labels: [String], series: [Series], unit: String = "", target: Double? = nil, targetLabel: String = "") {
        self.labels = labels
        self.series = series
        self.unit = unit
        self.target = target
        self.targetLabel = targetLabel
    }
}

/// Charts drawn in SVG when the portal is built: no script and no chart library in the browser.
/// A chart only repeats the table printed with it, which screen readers, printouts and
/// spreadsheets use, so it is hidden from assistive technology. Colours are presentation
/// attributes, not `style`, which a `default-src 'self'` policy would block. Charts are 320
/// units wide, a phone's width, and scale with the page.
public enum ChartSVG {
    static let width = 320
    static let barSpan = 250
    /// Series colours, each with a contrast of 4.5:1 or more on white.
    static let colours = ["#b3261e", "#1a5fb4", "#26734d", "#8a5a00", "#6d3fa0", "#00626f"]

    /// Horizontal bars: each row's label on a line of its own, its bars below, so long names
    /// fit a phone's width.
    public static func bars(_ data: ChartData) -> String {
        let seriesCount = max(1, data.series.count)
        let rowHeight = 26 + 14 * seriesCount
        let legendHeight = data.series.count > 1 ? 20 : 0
        let top = legendHeight + (data.target == nil ? 0 : 18)
        let height = top + data.labels.count * rowHeight
        let largest = max(1, (data.series.flatMap(\.values) + [data.target ?? 0]).max() ?? 1)
        func x(_ value: Double) -> Int { Int(max(0, value) * Double(barSpan) / largest) }

        var svg = open(height: height)
        svg += legend(data)
        for (row, label) in data.labels.enumerated() {
            let y = top + row * rowHeight
            svg += text(label, x: 0, y: y + 14, size: 13)
            for (number, series) in data.series.enumerated() {
                let value = row < series.values.count ? series.values[row] : 0
                let barY = y + 19 + number * 14
                let length = max(value > 0 ? 2 : 0, x(value))
                svg += "<rect x=\"0\" y=\"\(barY)\" width=\"\(length)\" height=\"12\" rx=\"2\" fill=\"\(colour(number))\"/>"
                svg += text(format(value) + data.unit, x: length + 4, y: barY + 11, size: 11)
            }
        }
        if let target = data.target {
            let line = x(target)
            svg += "<line x1=\"\(line)\" y1=\"\(legendHeight + 14)\" x2=\"\(line)\" y2=\"\(height)\" stroke=\"#333333\""
            svg += " stroke-width=\"1\" stroke-dasharray=\"4 3\"/>"
            svg += text(data.targetLabel, x: line, y: legendHeight + 11, size: 11, anchor: line > width / 2 ? "end" : "start")
        }
        return svg + "</svg>"
    }

    /// Lines over the rows (years, months), one per series, with a dot and the value at each
    /// point.
    public static func lines(_ data: ChartData) -> String {
        let legendHeight = data.series.count > 1 ? 20 : 0
        let plot = (left: 8, right: width - 8, top: legendHeight + 18, bottom: legendHeight + 168)
        let height = plot.bottom + 24
        let largest = max(1, (data.series.flatMap(\.values) + [data.target ?? 0]).max() ?? 1)
        let steps = max(1, data.labels.count - 1)
        func x(_ index: Int) -> Int {
            data.labels.count == 1 ? (plot.left + plot.right) / 2 : plot.left + 12 + index * (plot.right - plot.left - 24) / steps
        }
        func y(_ value: Double) -> Int { plot.bottom - Int(max(0, value) * Double(plot.bottom - plot.top) / largest) }

        var svg = open(height: height)
        svg += legend(data)
        svg += "<line x1=\"\(plot.left)\" y1=\"\(plot.bottom)\" x2=\"\(plot.right)\" y2=\"\(plot.bottom)\" stroke=\"#595959\""
        svg += " stroke-width=\"1\"/>"
        // Every label when they fit, else every second or third.
        let every = max(1, (data.labels.count + 7) / 8)
        for (index, label) in data.labels.enumerated() where index % every == 0 || index == data.labels.count - 1 {
            svg += text(label, x: x(index), y: plot.bottom + 18, size: 11, anchor: "middle")
        }
        if let target = data.target {
            svg += "<line x1=\"\(plot.left)\" y1=\"\(y(target))\" x2=\"\(plot.right)\" y2=\"\(y(target))\" stroke=\"#333333\""
            svg += " stroke-width=\"1\" stroke-dasharray=\"4 3\"/>"
            svg += text(data.targetLabel, x: plot.right, y: y(target) - 4, size: 11, anchor: "end")
        }
        for (number, series) in data.series.enumerated() {
            let points = series.values.indices.filter { $0 < data.labels.count }.map { (x($0), y(series.values[$0])) }
            svg += "<polyline points=\"\(points.map { "\($0.0),\($0.1)" }.joined(separator: " "))\" fill=\"none\""
            svg += " stroke=\"\(colour(number))\" stroke-width=\"2\"/>"
            for (index, point) in points.enumerated() {
                svg += "<circle cx=\"\(point.0)\" cy=\"\(point.1)\" r=\"3\" fill=\"\(colour(number))\"/>"
                if data.series.count == 1 {
                    svg += text(format(series.values[index]) + data.unit, x: point.0, y: point.1 - 7, size: 11, anchor: "middle")
                }
            }
        }
        return svg + "</svg>"
    }

    /// A whole number as is, others with up to two decimals: `12`, `3.5`, `0.25`.
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var text = String(Int((value * 100).rounded()))
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        while text.count < 3 { text = "0" + text }
        var result = String(text.dropLast(2)) + "." + String(text.suffix(2))
        while result.hasSuffix("0") { result.removeLast() }
        if result.hasSuffix(".") { result.removeLast() }
        return (negative && result != "0" ? "-" : "") + result
    }

    private static func open(height: Int) -> String {
        "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\""
            + " aria-hidden=\"true\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">"
    }

    private static func legend(_ data: ChartData) -> String {
        guard data.series.count > 1 else { return "" }
        var svg = ""
        var x = 0
        for (number, series) in data.series.enumerated() {
            svg += "<rect x=\"\(x)\" y=\"3\" width=\"10\" height=\"10\" fill=\"\(colour(number))\"/>"
            svg += text(series.name, x: x + 14, y: 12, size: 11)
            x += 26 + 12 * series.name.count
        }
        return svg
    }

    private static func colour(_ number: Int) -> String { colours[number % colours.count] }

    private static func text(_ content: String, x: Int, y: Int, size: Int, anchor: String = "start") -> String {
        let anchored = anchor == "start" ? "" : " text-anchor=\"\(anchor)\""
        return
            "<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\" fill=\"#222222\"\(anchored)>\(MarkupText.escaped(content))</text>"
    }
}
