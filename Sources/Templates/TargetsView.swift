import Model

/// Progress toward the bureau's targets at a glance, for the home page: the figures of the
/// dashboard's targets table (`Dashboard.progress`).
struct TargetsView {
    let index: PortalIndex

    func summary() -> [ViewContext] {
        Dashboard(index: index).progress.map { progress in
            var row: ViewContext = [
                "label": progress.label, "current": progress.current, "target": progress.target, "unit": progress.unit,
                "percent": progress.percent, "met": progress.isMet,
            ]
            if let note = progress.note { row["note"] = note }
            return row
        }
    }
}
