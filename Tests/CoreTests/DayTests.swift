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
}
