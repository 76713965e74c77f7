import Core
import Model

/// Spreadsheets for staff: UTF-8 with a byte-order mark and CRLF line ends (RFC 4180), so that
/// Excel and WPS open the Chinese text as it is.
public enum SpreadsheetWriter {
    static func csv(_ rows: [[String]]) -> [UInt8] {
        let text = rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }

    /// `/register/register.csv`: the publishing register.
    /// Each role's approver and the time of the approval, so that every approval is on record.
    static let registerColumns =
        ["标题", "类型", "网址", "作者"] + ReviewRole.allCases.flatMap { [$0.rawValue, "\($0.rawValue)时间"] } + ["发布日期"]

    public static func csv(_ register: PublishingRegister, baseURL: String) -> [UInt8] {
        var rows = [registerColumns]
        for entry in register.entries {
            rows.append(
                [entry.title, entry.kind, baseURL + entry.path.urlPath, entry.author]
                    + ReviewRole.allCases.flatMap { [entry.approver($0), entry.approvedAt($0)] }
                    + [entry.date?.description ?? ""])
        }
        return csv(rows)
    }

    /// `/dashboard/<table>.csv`: each table of the targets dashboard.
    public static func csv(_ table: Dashboard.Table) -> [UInt8] {
        csv([table.columns] + table.rows)
    }

    /// RFC 4180: a field with a comma, quote or line end is quoted, its quotes doubled. A field
    /// that Excel or WPS would run as a formula (`=HYPERLINK(…)`, `+1+1`, `@SUM`, a leading tab
    /// or carriage return) starts with `'` instead, which they show as text; a number such as
    /// `-3` stays a number.
    static func field(_ text: String) -> String {
        let text = neutralized(text)
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D })
        else {
            return text
        }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    static func neutralized(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        if first == "-" || first == "+", Double(text) != nil { return text }
        return "'" + text
    }
}
