import Core
import Foundation

/// Reads a spreadsheet export, CSV or XLSX by its ending, into the sheet to import.
public enum SpreadsheetFile {
    /// Larger files are refused: a city's register of tens of thousands of rows is a few MB.
    public static let sizeLimit = 256 * 1024 * 1024

    /// - Parameters:
    ///   - displayPath: the path as the user wrote it, for messages.
    ///   - sheet: an XLSX sheet's name; the first sheet when nil. CSV files have one sheet.
    public static func read(_ url: URL, displayPath: String, sheet: String? = nil) throws(DiagnosticsError) -> Sheet {
        let kind = url.pathExtension.lowercased()
        guard ["csv", "tsv", "txt", "xlsx", "xlsm"].contains(kind) else {
            throw DiagnosticsError([
                .error(
                    at: SourceLocation(path: displayPath), "不支持的文件类型 '.\(kind)'",
                    hint: "导入 .xlsx 或 .csv 文件；旧的 .xls 和 WPS 的 .et 文件请先另存为 .xlsx")
            ])
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw DiagnosticsError([
                .error(at: SourceLocation(path: displayPath), "找不到文件 \(displayPath)", hint: "检查文件名和所在的文件夹")
            ])
        }
        let bytes: [UInt8]
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            if let size = attributes[.size] as? Int, size > sizeLimit {
                throw DiagnosticsError([
                    .error(
                        at: SourceLocation(path: displayPath), "文件过大（\(size / 1024 / 1024) MB，上限 \(sizeLimit / 1024 / 1024) MB）")
                ])
            }
            bytes = [UInt8](try Data(contentsOf: url))
        } catch let error as DiagnosticsError {
            throw error
        } catch {
            throw DiagnosticsError([.error(at: SourceLocation(path: displayPath), "无法读取文件：\(error.localizedDescription)")])
        }
        if kind == "xlsx" || kind == "xlsm" {
            return try XLSXReader(bytes, path: displayPath).read(sheet: sheet)
        }
        if let sheet {
            throw DiagnosticsError([
                .error(at: SourceLocation(path: displayPath), "CSV 文件没有工作表，不能用 --sheet \(sheet)", hint: "去掉 --sheet")
            ])
        }
        return try CSVReader.read(bytes, path: displayPath)
    }

    /// Reads CSV text already in memory (tests, standard input).
    public static func csv(_ text: String, displayPath: String) throws(DiagnosticsError) -> Sheet {
        try CSVReader.parse(text, path: displayPath)
    }
}
