/// A moment written as RFC 3339 with seconds and a UTC offset, `2025-06-01T10:20:00+08:00`, as
/// approvals record it. The text is kept as written (the register shows it so); comparison is
/// by the instant, so `10:20:00+08:00` and `02:20:00Z` are equal in order.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public let day: Day
    public let hour: Int
    public let minute: Int
    public let second: Int
    /// Minutes east of UTC: 480 for China Standard Time.
    public let utcOffsetMinutes: Int

    /// Parses `YYYY-MM-DDTHH:MM:SS` followed by `Z` or `±HH:MM`; anything else is nil.
    public init?(parsing text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || bytes.count == 25, bytes[10] == UInt8(ascii: "T"),
            let day = Day(parsing: String(decoding: bytes[0..<10], as: UTF8.self)),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let hour = Self.number(bytes[11..<13]), let minute = Self.number(bytes[14..<16]),
            let second = Self.number(bytes[17..<19]), hour < 24, minute < 60, second < 60
        else { return nil }
        var offset = 0
        if bytes.count == 20 {
            guard bytes[19] == UInt8(ascii: "Z") else { return nil }
        } else {
            guard bytes[19] == UInt8(ascii: "+") || bytes[19] == UInt8(ascii: "-"), bytes[22] == UInt8(ascii: ":"),
                let offsetHours = Self.number(bytes[20..<22]), let offsetMinutes = Self.number(bytes[23..<25]),
                offsetHours < 24, offsetMinutes < 60
            else { return nil }
            offset = (offsetHours * 60 + offsetMinutes) * (bytes[19] == UInt8(ascii: "-") ? -1 : 1)
        }
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.utcOffsetMinutes = offset
    }

    /// The moment `secondsSince1970` (Unix time) as a clock at `utcOffsetMinutes` shows it.
    public init(secondsSince1970: Int, utcOffsetMinutes: Int) {
        let local = secondsSince1970 + utcOffsetMinutes * 60
        let days = Int((Double(local) / 86_400).rounded(.down))
        let seconds = local - days * 86_400
        self.day = Day(daysSince1970: days)!
        self.hour = seconds / 3600
        self.minute = seconds % 3600 / 60
        self.second = seconds % 60
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSince1970: Int {
        day.daysSince1970 * 86_400 + hour * 3600 + minute * 60 + second - utcOffsetMinutes * 60
    }

    public var description: String {
        let offset: String
        if utcOffsetMinutes == 0 {
            offset = "Z"
        } else {
            let size = abs(utcOffsetMinutes)
            offset = (utcOffsetMinutes < 0 ? "-" : "+") + Self.pad(size / 60) + ":" + Self.pad(size % 60)
        }
        return "\(day)T\(Self.pad(hour)):\(Self.pad(minute)):\(Self.pad(second))\(offset)"
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.secondsSince1970, lhs.description) < (rhs.secondsSince1970, rhs.description)
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
