import Core
import Testing

@Suite struct TimestampTests {
    @Test func parsesTheFormApprovalsAreWrittenIn() throws {
        let time = try #require(Timestamp(parsing: "2025-06-01T10:20:00+08:00"))
        #expect(time.description == "2025-06-01T10:20:00+08:00")
        #expect(time.secondsSince1970 == 1_748_744_400)
        #expect(Timestamp(parsing: "2025-06-01T02:20:00Z")?.secondsSince1970 == 1_748_744_400)
        #expect(Timestamp(parsing: "2025-05-31T21:20:00-05:00")?.description == "2025-05-31T21:20:00-05:00")
    }

    @Test(arguments: [
        "2025-06-01", "2025-06-01 10:20:00+08:00", "2025-06-01T10:20+08:00", "2025-02-30T10:20:00+08:00",
        "2025-06-01T24:00:00+08:00", "2025-06-01T10:20:00", "2025-06-01T10:20:00+0800", "2025-06-01T10:20:00.5+08:00",
    ])
    func refusesAnythingElse(text: String) {
        #expect(Timestamp(parsing: text) == nil)
    }

    @Test func showsAnInstantOnTheClockOfAnOffset() {
        #expect(Timestamp(secondsSince1970: 1_748_744_400, utcOffsetMinutes: 480).description == "2025-06-01T10:20:00+08:00")
        #expect(Timestamp(secondsSince1970: 1_748_744_400, utcOffsetMinutes: 0).description == "2025-06-01T02:20:00Z")
        #expect(Timestamp(secondsSince1970: 951_782_400, utcOffsetMinutes: 480).description == "2000-02-29T08:00:00+08:00")
        #expect(Timestamp(secondsSince1970: -1, utcOffsetMinutes: 0).description == "1969-12-31T23:59:59Z")
    }

    @Test func ordersByInstantWhateverTheOffset() throws {
        let beijing = try #require(Timestamp(parsing: "2025-06-01T10:20:00+08:00"))
        let utc = try #require(Timestamp(parsing: "2025-06-01T03:00:00Z"))
        #expect(beijing < utc)
    }
}
