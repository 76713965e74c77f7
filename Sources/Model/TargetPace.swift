import Core

/// Where a target stands on a given day: met, on pace, behind or overdue.
///
/// The pace rule: by day `today` of the window from `start` to `deadline`, the expected value is
/// `goal × (today − start) / (deadline − start)`. A target is behind when its current value falls
/// short of that by more than the tolerance, a twentieth of the goal (5%): on a target of 50
/// sites, up to 2.5 sites under the straight line still counts as on pace, so that a site opened
/// a few weeks late does not turn the tile red. It is met when the current value reaches the
/// goal, whatever the day, and overdue when the deadline has passed and it is still short.
/// Without a start and a deadline there is no pace, and a target short of its goal is only
/// unmet.
public struct TargetPace: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case met = "达标"
        case onPace = "进度正常"
        case behind = "落后于进度"
        case overdue = "已逾期"
        /// Short of the goal, with no window to measure a pace against.
        case unmet = "未达标"

        /// The class name of the status on pages.
        public var slug: String {
            switch self {
            case .met: return "met"
            case .onPace: return "on-pace"
            case .behind: return "behind"
            case .overdue: return "overdue"
            case .unmet: return "unmet"
            }
        }
    }

    /// The tolerance as a fraction of the goal: 1/20.
    public static let toleranceDivisor = 20

    public let status: Status
    /// What the straight line from start to deadline expects by today, rounded down; nil
    /// without a window.
    public let expected: Int?

    public init(current: Int, goal: Int, start: Day?, deadline: Day?, today: Day) {
        guard current < goal else {
            self.status = .met
            self.expected = start != nil && deadline != nil ? goal : nil
            return
        }
        if let deadline, today > deadline {
            self.status = .overdue
            self.expected = goal
            return
        }
        guard let start, let deadline, start < deadline else {
            self.status = .unmet
            self.expected = nil
            return
        }
        let window = deadline.daysSince1970 - start.daysSince1970
        let elapsed = min(window, max(0, today.daysSince1970 - start.daysSince1970))
        // current < goal × elapsed / window − goal / 20, multiplied through by 20 × window so
        // that the boundary is exact.
        let divisor = Self.toleranceDivisor
        let isBehind = divisor * current * window + goal * window < divisor * goal * elapsed
        self.status = isBehind ? .behind : .onPace
        self.expected = goal * elapsed / window
    }
}
