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
        // 1899-12-30 is 25,569 days before 1970-01-01.
        return Day(daysSince1970: days - 25569)
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
