import Model
import Mustache

/// Progress toward the bureau's targets at a glance, as tiles: for each target its current
/// value, goal, percentage, deadline and where it stands (`TargetPace`), in words as well as
/// in colour. The dashboard shows them first; the home page shows them too.
struct TargetsView {
    let dashboard: Dashboard

    func tiles() -> [ViewContext] {
        dashboard.progress.map { progress in
            let status = progress.pace.status
            var tile: ViewContext = [
                "label": progress.label, "current": progress.current, "target": progress.target, "unit": progress.unit,
                "percent": progress.percent, "met": progress.isMet, "status": status.rawValue, "statusClass": status.slug,
                "shortfall": progress.shortfall,
            ]
            if let deadline = progress.deadline {
                tile["deadline"] = deadline.chinese
                tile["deadlineISO"] = deadline.description
            }
            if let expected = progress.pace.expected, !progress.isMet, status != .overdue {
                tile["expected"] = "按时间进度此时应达 \(expected) \(progress.unit)"
            }
            if let note = progress.note { tile["note"] = note }
            return tile
        }
    }
}
