import Core

extension ChartSVG {
    /// Horizontal bars that fill the width of their column and whose text follows the page's
    /// font size, for the dashboard: lengths across are percentages of the width, lengths down
    /// `em` of the font size, and the text has no size of its own (the stylesheet's `.chart-fluid`
    /// sets it, so 大字版 enlarges it and the rows with it). There is no `viewBox`: one would
    /// scale the text with the width, 36 px labels in a wide column and 11 px ones on a phone.
    /// Each row's label is on a line of its own, its bars below, so long names fit a phone.
    public static func fluidBars(_ data: ChartData) -> String {
        let seriesCount = max(1, data.series.count)
        let barStep = 1.3
        let rowHeight = 1.7 + barStep * Double(seriesCount) + 0.3
        let legendHeight = data.series.count > 1 ? 1.6 : 0
        let top = legendHeight + (data.target == nil ? 0 : 1.5)
        let height = top + Double(data.labels.count) * rowHeight
        let largest = max(1, (data.series.flatMap(\.values) + [data.target ?? 0]).max() ?? 1)
        /// The longest bar takes 80% of the width; the rest is for its value.
        func x(_ value: Double) -> Double { max(0, value) * 80 / largest }

        var svg = "<svg class=\"chart chart-fluid\" width=\"100%\" height=\"\(em(height))\""
        svg += " aria-hidden=\"true\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">"
        if data.series.count > 1 {
            var across = 0.0
            for (number, series) in data.series.enumerated() {
                svg += "<rect x=\"\(em(across))\" y=\"0.3em\" width=\"0.8em\" height=\"0.8em\" fill=\"\(fluidColour(number))\"/>"
                svg += fluidText(series.name, x: em(across + 1.1), y: em(1.05), className: "legend")
                across += 1.1 + Double(series.name.count) * 0.95 + 1.2
            }
        }
        for (row, label) in data.labels.enumerated() {
            let y = top + Double(row) * rowHeight
            svg += fluidText(label, x: "0", y: em(y + 1.2), className: "label")
            for (number, series) in data.series.enumerated() {
                let value = row < series.values.count ? series.values[row] : 0
                let barY = y + 1.7 + Double(number) * barStep
                let length = value > 0 ? max(0.4, x(value)) : 0
                svg +=
                    "<rect x=\"0\" y=\"\(em(barY))\" width=\"\(percent(length))\" height=\"1em\" fill=\"\(fluidColour(number))\"/>"
                svg += fluidText(
                    format(value) + data.unit, x: percent(length), y: em(barY + 0.85), className: "value", dx: "0.3em")
            }
        }
        if let target = data.target {
            let line = x(target)
            svg += "<line x1=\"\(percent(line))\" y1=\"\(em(legendHeight + 1.3))\" x2=\"\(percent(line))\" y2=\"\(em(height))\""
            svg += " stroke=\"#333333\" stroke-width=\"1\" stroke-dasharray=\"4 3\"/>"
            svg += fluidText(
                data.targetLabel, x: percent(line), y: em(legendHeight + 1.05), className: "target",
                anchor: line > 50 ? "end" : "start")
        }
        return svg + "</svg>"
    }

    private static func fluidColour(_ number: Int) -> String { colours[number % colours.count] }

    /// `1.5em`, with at most two decimals.
    private static func em(_ value: Double) -> String { format(value) + "em" }

    private static func percent(_ value: Double) -> String { format(value) + "%" }

    private static func fluidText(
        _ content: String, x: String, y: String, className: String, dx: String? = nil, anchor: String = "start"
    ) -> String {
        let shifted = dx.map { " dx=\"\($0)\"" } ?? ""
        let anchored = anchor == "start" ? "" : " text-anchor=\"\(anchor)\""
        return "<text class=\"\(className)\" x=\"\(x)\" y=\"\(y)\"\(shifted)\(anchored) fill=\"#222222\">"
            + MarkupText.escaped(content) + "</text>"
    }
}
