import Core
import Testing

@Suite struct DayTests {
    @Test func parsesISODates() {
        let day = Day(parsing: "2024-02-29")
        #expect(day?.description == "2024-02-29")
        #expect(day?.chinese == "2024年2月29日")
        #expect(day?.rfc3339 == "2024-02-29T00:00:00+08:00")
    }

    @Test(arguments: ["2024-02-30", "2023-02-29", "2024-2-3", "2024/02/03", "24-02-03", "2024-13-01", "2024-00-10", "２０２４-01-01"])
    func rejectsMalformedOrImpossibleDates(_ text: String) {
        #expect(Day(parsing: text) == nil)
    }

    @Test func ordersByCalendar() throws {
        let earlier = try #require(Day(parsing: "2023-12-31"))
        let later = try #require(Day(parsing: "2024-01-01"))
        #expect(earlier < later)
    }

    @Test func countsDaysSince1970BothWays() throws {
        #expect(Day(daysSince1970: 0) == Day(year: 1970, month: 1, day: 1))
        #expect(Day(daysSince1970: -1) == Day(year: 1969, month: 12, day: 31))
        #expect(Day(daysSince1970: 19_782) == Day(year: 2024, month: 2, day: 29))
        #expect(Day(daysSince1970: -800_000) == nil, "before the year 1")
        for days in stride(from: -719_162, through: 2_932_896, by: 997) {
            #expect(try #require(Day(daysSince1970: days)).daysSince1970 == days)
        }
    }
}
