import Core

/// Excel's dates: a count of days since 1899-12-30 (counting the 29 February 1900 that Lotus
/// 1-2-3 invented and Excel kept), or since 1904-01-01 in workbooks made on old Macs.
public enum ExcelDate {
    public static func day(fromSerial serial: Double, uses1904: Bool = false) -> Day? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        if uses1904 {
            days += 1462
        } else if days < 61 {
            // Before the invented leap day, serial 1 is 1900-01-01.
            guard days >= 1, days != 60 else { return nil }
            days += 1
        }
        // Days since 1899-12-30 to a civil date (Howard Hinnant's algorithm from 1970-01-01).
        let sinceEpoch = days - 25569
        let z = sinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return Day(year: year, month: month, day: day)
    }

    /// Whether a number format shows a date: the built-in date formats, and custom ones with
    /// year or day parts (`yyyy"年"m"月"d"日"`, `yyyy/mm/dd`) outside quotes and brackets.
    static func isDateFormat(id: Int, code: String?) -> Bool {
        if (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id) {
            return true
        }
        guard let code else { return false }
        var inQuote = false
        var inBracket = false
        var previous: Character = " "
        for character in code {
            defer { previous = character }
            if previous == "\\" { continue }
            switch character {
            case "\"": inQuote.toggle()
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            default: if !inQuote && !inBracket && "yYdD".contains(character) { return true }
            }
        }
        return false
    }
}
