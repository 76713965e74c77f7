import Core
import Foundation

/// One sheet of a spreadsheet as it was read: its non-empty rows, each cell with the row and
/// column number a person sees in Excel or WPS, so that every complaint can point at it.
public struct Sheet: Sendable, Hashable {
    /// The sheet's name in an XLSX workbook; nil for a CSV file, which has one unnamed sheet.
    public var name: String?
    public var rows: [SheetRow]

    public init(name: String?, rows: [SheetRow]) {
        self.name = name
        self.rows = rows
    }
}

public struct SheetRow: Sendable, Hashable {
    /// 1-based, as the row headers show it; for CSV, the record's number (a field with a line
    /// break inside still counts as one row).
    public var number: Int
    /// Sorted by column; empty cells are left out.
    public var cells: [Cell]

    public init(number: Int, cells: [Cell]) {
        self.number = number
        self.cells = cells
    }

    public func cell(at column: Int) -> Cell? {
        cells.first { $0.column == column }
    }
}

public struct Cell: Sendable, Hashable {
    /// 1-based: column A is 1.
    public var column: Int
    public var value: CellValue

    public init(column: Int, value: CellValue) {
        self.column = column
        self.value = value
    }
}

/// What a cell holds. CSV cells are always text; XLSX cells are typed by the workbook.
public enum CellValue: Sendable, Hashable {
    case text(String)
    /// A number, and its digits as the file stores them (`13800000001`, `2008`, `1.5`).
    case number(Double, digits: String)
    /// A number formatted as a date in the workbook (Excel stores dates as day counts).
    case date(Day)
    case boolean(Bool)
    /// A formula error such as `#N/A`.
    case error(String)

    /// The value as a person reads it in the cell.
    public var text: String {
        switch self {
        case .text(let text): return text
        case .number(_, let digits): return NumberText.plain(digits)
        case .date(let day): return day.description
        case .boolean(let value): return value ? "TRUE" : "FALSE"
        case .error(let code): return code
        }
    }
}

/// Column letters as the spreadsheet shows them: 1 is A, 27 is AA.
public enum ColumnName {
    public static func letters(_ column: Int) -> String {
        var number = column
        var letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }

    /// The column of a reference such as `C5` or `AA12`; nil when it has no letters.
    static func number(ofReference reference: Substring) -> Int? {
        var column = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"): column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
            default: return column > 0 && column <= 16384 ? column : nil
            }
            if column > 16384 { return nil }
        }
        return column > 0 ? column : nil
    }
}

/// Numbers as the file stores them, written the way a person types them: Excel keeps a phone
/// number typed into a number cell as `13800000001` or `1.3800000001E10`.
enum NumberText {
    static func plain(_ digits: String) -> String {
        guard digits.contains(where: { $0 == "E" || $0 == "e" }), let value = Double(digits) else { return digits }
        if value == value.rounded(), abs(value) < 1e21 { return String(format: "%.0f", value) }
        return digits
    }
}
