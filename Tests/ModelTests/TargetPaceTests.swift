import Core
import Model
import Testing

/// The pace rule of the dashboard's tiles (`TargetPace`).
@Suite struct TargetPaceTests {
    static let start = Day(parsing: "2025-01-01")!
    static let deadline = Day(parsing: "2027-12-31")!

    func status(_ current: Int, of goal: Int = 50, on today: String) -> TargetPace.Status {
        TargetPace(current: current, goal: goal, start: Self.start, deadline: Self.deadline, today: Day(parsing: today)!)
            .status
    }

    @Test func fourOfFiftyWithAYearLeftOfThreeIsBehind() {
        #expect(status(4, on: "2026-12-31") == .behind)
        #expect(TargetPace.Status.behind.rawValue == "落后于进度")
    }

    @Test func aTargetAlongTheLineIsOnPace() {
        // Half the window gone, 25 of 50 expected: 25 and 23 are on pace.
        let halfway = Day(daysSince1970: (Self.start.daysSince1970 + Self.deadline.daysSince1970) / 2)!
        #expect(status(25, on: halfway.description) == .onPace)
        #expect(status(23, on: halfway.description) == .onPace)
        #expect(status(0, on: "2025-01-01") == .onPace, "nothing is expected on the first day")
        #expect(status(0, on: "2024-06-01") == .onPace, "nor before the start")
    }

    @Test func behindOnlyWhenShortByMoreThanATwentiethOfTheGoal() {
        // A window of 1,000 days; on day 200 a fifth of the goal is expected.
        let start = Self.start
        let deadline = Day(daysSince1970: start.daysSince1970 + 1000)!
        let day200 = Day(daysSince1970: start.daysSince1970 + 200)!
        func status(_ current: Int, of goal: Int) -> TargetPace.Status {
            TargetPace(current: current, goal: goal, start: start, deadline: deadline, today: day200).status
        }
        // 10 of 50 expected, a tolerance of 2.5: 8 is on pace, 7 behind.
        #expect(status(8, of: 50) == .onPace)
        #expect(status(7, of: 50) == .behind)
        // 4 of 20 expected, a tolerance of 1: 3, exactly on the boundary, is on pace; 2 is behind.
        #expect(status(3, of: 20) == .onPace)
        #expect(status(2, of: 20) == .behind)
    }

    @Test func aTargetReachedIsMetWhateverTheDay() {
        #expect(status(50, on: "2025-02-01") == .met)
        #expect(status(51, on: "2030-01-01") == .met, "met after the deadline too")
    }

    @Test func aTargetShortAfterItsDeadlineIsOverdue() {
        #expect(status(49, on: "2028-01-01") == .overdue)
        #expect(status(40, on: "2027-12-31") == .behind, "the deadline itself is the last day")
        #expect(status(48, on: "2027-12-31") == .onPace, "within the tolerance on the last day")
        #expect(
            TargetPace(current: 1, goal: 2, start: nil, deadline: Self.deadline, today: Day(parsing: "2028-01-01")!)
                .status == .overdue)
    }

    @Test func aTargetWithoutAWindowIsOnlyMetOrUnmet() {
        let today = Day(parsing: "2026-01-01")!
        #expect(TargetPace(current: 3, goal: 10, start: nil, deadline: nil, today: today).status == .unmet)
        #expect(TargetPace(current: 10, goal: 10, start: nil, deadline: nil, today: today).status == .met)
        #expect(TargetPace(current: 3, goal: 10, start: nil, deadline: nil, today: today).expected == nil)
    }

    @Test func expectsTheStraightLineRoundedDown() {
        let pace = TargetPace(
            current: 4, goal: 50, start: Self.start, deadline: Self.deadline, today: Day(parsing: "2026-12-31")!)
        #expect(pace.expected == 33)
    }
}
