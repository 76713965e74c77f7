import Foundation

extension Day {
    /// The current date where the clock is `utcOffsetHours` ahead of UTC.
    public static func today(utcOffsetHours: Int) -> Day {
        let seconds = Int(Date().timeIntervalSince1970.rounded(.down)) + utcOffsetHours * 3600
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        return Day(daysSince1970: days) ?? Day(year: 2000, month: 1, day: 1)!
    }
}
