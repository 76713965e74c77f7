import Core
import Model
import Mustache

extension PageViews {
    /// The targets dashboard (目标进度): a tile per target first, the day its figures are as
    /// of, then each table of `Dashboard` with its chart, the table itself folded under it, and
    /// a link to its spreadsheet.
    public func dashboard() -> ViewContext {
        let path = Routes.dashboard
        let dashboard = Dashboard(index: wholeIndex, today: today)
        var context = layout(at: path, title: "目标进度", section: Routes.dashboard, breadcrumbs: [("目标进度", path)])
        context["tiles"] = TargetsView(dashboard: dashboard).tiles()
        context["liaison"] = liaisonSummary(from: path)
        context["assessment"] = assessmentSummary(from: path)
        context["coverage"] = coverageSummary(from: path)
        context["asOf"] = ["text": dashboard.asOf.chinese, "iso": dashboard.asOf.description] as ViewContext
        context["tables"] = dashboard.tables.map { table in
            var view: ViewContext = [
                "id": table.id, "title": table.title, "note": table.note,
                "columns": table.columns.map { ["name": $0] as ViewContext },
                "rows": table.rows.map { row in
                    ["cells": row.enumerated().map { ["text": $1, "isRowHeader": $0 == 0] as ViewContext }] as ViewContext
                },
                "csvHref": Routes.dashboardTable(table.id).fileHref(from: path),
                "hasChart": false,
            ]
            if let chart = BarChart.svg(for: table) {
                view["chart"] = SafeHTML(chart)
                view["hasChart"] = true
            }
            return view
        }
        return context
    }
}
