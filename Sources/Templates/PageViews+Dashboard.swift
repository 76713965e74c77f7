import Core
import Model

extension PageViews {
    /// The targets dashboard (目标进度): each table of `Dashboard` with its chart and a link to
    /// its spreadsheet.
    public func dashboard() -> ViewContext {
        let path = Routes.dashboard
        var context = layout(at: path, title: "目标进度", section: Routes.dashboard, breadcrumbs: [("目标进度", path)])
        context["tables"] = Dashboard(index: index).tables.map { table in
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
