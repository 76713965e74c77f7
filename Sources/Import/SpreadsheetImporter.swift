import Content
import Core
import Foundation
import Spreadsheets

/// `portal import members|sites FILE`: reads a spreadsheet export, maps its columns by their
/// headers, and merges its rows into `data/members.yaml` or `data/sites.yaml` by id. Every row
/// is checked by the same decoders that load the portal — the merged file is checked whole,
/// before anything is written — and each problem is reported at its cell.
public struct SpreadsheetImporter: Sendable {
    public let loader: ContentLoader

    public init(loader: ContentLoader) {
        self.loader = loader
    }

    public struct Request: Sendable {
        public var kind: RecordSchema.Kind
        public var file: URL
        /// The spreadsheet's path as the user wrote it, for messages.
        public var displayPath: String
        /// An XLSX sheet's name; the first sheet when nil.
        public var sheet: String?
        /// A YAML file mapping other headers to fields.
        public var mapping: (url: URL, displayPath: String)?
        /// The date a coverage count is as of, when the sheet does not say.
        public var asOf: Day?

        public init(kind: RecordSchema.Kind, file: URL, displayPath: String) {
            self.kind = kind
            self.file = file
            self.displayPath = displayPath
        }
    }

    /// What an import would do, checked, before it is written.
    public struct Plan: Sendable {
        /// The data file, as messages name it: `content/data/members.yaml`.
        public var path: String
        public var url: URL
        public var oldText: String
        public var newText: String
        /// Ids of the records added, updated, found the same, and in the file but not the sheet.
        public var added: [String]
        public var updated: [String]
        public var unchanged: [String]
        public var notInSheet: [String]
        /// The changes, listed like `diff -u`; empty when there are none.
        public var changes: String
        public var warnings: [Diagnostic]
        /// What else the import did that its user should know, one sentence each.
        public var notes: [String] = []
    }

    /// Reads, maps, checks and merges; throws every problem found, with nothing written.
    public func plan(_ request: Request) throws(DiagnosticsError) -> Plan {
        let schema = request.kind == .scores ? try scoresSchema() : RecordSchema.schema(for: request.kind)
        let mapping = try request.mapping.map { mapping throws(DiagnosticsError) in
            try ColumnMap.readMapping(mapping.url, displayPath: mapping.displayPath, schema: schema)
        }
        let sheet = try SpreadsheetFile.read(request.file, displayPath: request.displayPath, sheet: request.sheet)
        let place = SheetPlace(path: request.displayPath, sheet: sheet.name)
        let (map, headerProblems) = ColumnMap.read(sheet, schema: schema, mapping: mapping ?? [:], place: place)
        guard let map else { throw DiagnosticsError(headerProblems) }
        var (records, rowProblems) = RecordRows.read(sheet, map: map, schema: schema, place: place)
        rowProblems = headerProblems + rowProblems + ColumnMap.unnamedColumns(sheet, map: map, place: place)

        // The files as they are must load: an import builds on them.
        let sites = try loader.records().sites
        let relative = schema.dataFile.rawValue
        let url = loader.directory.appendingPathComponent(relative)
        let path = loader.displayRoot.isEmpty || loader.displayRoot == "." ? relative : "\(loader.displayRoot)/\(relative)"
        var oldText = ""
        if FileManager.default.fileExists(atPath: url.path) {
            switch SourceFile.read(url, displayPath: path, sizeLimit: SourceFile.dataSizeLimit) {
            case .success(let file): oldText = file.text
            case .failure(let error): throw error
            }
        }
        let root: YAMLValue?
        switch YAMLReader.parse(oldText, path: path) {
        case .success(let value): root = value
        case .failure(let error): throw error
        }

        if schema.kind == .liaison {
            return try planLiaison(
                records, problems: rowProblems, place: place, sites: sites, file: (path, url, oldText), root: root)
        }
        switch schema.kind {
        case .coverage, .clusters:
            return try planCoverage(
                records, problems: rowProblems, place: place, schema: schema, asOf: request.asOf,
                file: (path, url, oldText), root: root)
        case .scores:
            return try planScores(
                records, problems: rowProblems, place: place, schema: schema, file: (path, url, oldText), root: root)
        case .members, .sites, .liaison: break
        }
        let merger = RecordMerger(schema: schema, place: place)
        let (merged, mergeProblems) = merger.merge(records, into: oldText, root: root)
        guard let merged else { throw DiagnosticsError(rowProblems + mergeProblems) }
        let checked = loader.checkRecords(replacing: [schema.dataFile: merged.text])
        let problems =
            rowProblems
            + relocate(checked, path: path, origins: merged.origins, reported: rowProblems, place: place, schema: schema)
        if problems.contains(where: \.isError) { throw DiagnosticsError(problems) }
        return Plan(
            path: path, url: url, oldText: oldText, newText: merged.text, added: merged.added, updated: merged.updated,
            unchanged: merged.unchanged, notInSheet: merged.notInSheet,
            changes: ChangeListing.listing(path: path, old: oldText, edits: merged.edits), warnings: problems)
    }

    /// What the decoders say of the file as it would be written, said of the cells the values
    /// came from; a problem of a line the sheet did not write stays where it is. Cells already
    /// reported are not reported again.
    func relocate(
        _ diagnostics: [Diagnostic], path: String, origins: [Int: RecordMerger.LineOrigin], reported: [Diagnostic],
        place: SheetPlace, schema: RecordSchema
    ) -> [Diagnostic] {
        let reportedCells = Set(reported.map { "\($0.location.line):\($0.location.column)" })
        var problems: [Diagnostic] = []
        for diagnostic in diagnostics {
            guard diagnostic.location.path == path, let origin = origins[diagnostic.location.line] else {
                problems.append(diagnostic)
                continue
            }
            let cell = Self.cell(for: diagnostic, origin: origin)
            guard !reportedCells.contains("\(cell.row):\(cell.column)") else { continue }
            let field =
                schema.field(forHeader: cell.header)
                ?? schema.fields.first { $0.key == (origin.record.columns.first { $0.value == cell }?.key ?? "") }
            problems.append(
                Diagnostic(
                    diagnostic.severity, at: place.location(row: cell.row, column: cell.column),
                    place.describe(row: cell.row, header: cell.header) + diagnostic.message,
                    hint: Self.hint(diagnostic.hint, for: field)))
        }
        return problems
    }

    /// Writes the merged file in one rename, so that a reader never sees half of it; refuses
    /// when the file changed since it was read.
    public func write(_ plan: Plan) throws(DiagnosticsError) {
        guard plan.newText != plan.oldText else { return }
        var current = ""
        if FileManager.default.fileExists(atPath: plan.url.path),
            case .success(let file) = SourceFile.read(plan.url, displayPath: plan.path, sizeLimit: SourceFile.dataSizeLimit)
        {
            current = file.text
        }
        guard current == plan.oldText else {
            throw DiagnosticsError([
                .error(at: SourceLocation(path: plan.path), "文件在导入期间被修改过，没有写入", hint: "重新运行导入")
            ])
        }
        // A file saved with a byte-order mark or CRLF line ends keeps them.
        let raw = FileManager.default.contents(atPath: plan.url.path) ?? Data()
        var bytes = raw.starts(with: [0xEF, 0xBB, 0xBF]) ? Data([0xEF, 0xBB, 0xBF]) : Data()
        let usesCRLF = raw.firstRange(of: Data("\r\n".utf8)) != nil
        bytes.append(contentsOf: Data((usesCRLF ? plan.newText.replacingOccurrences(of: "\n", with: "\r\n") : plan.newText).utf8))
        do {
            try FileManager.default.createDirectory(at: plan.url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try bytes.write(to: plan.url, options: .atomic)
        } catch {
            throw DiagnosticsError([.error(at: SourceLocation(path: plan.path), "无法写入：\(error.localizedDescription)")])
        }
    }

    /// The decoders' hints say how to write YAML (`只写数字，不加引号，如 joined: 1921`); for a
    /// cell, what to type in it says more.
    static func hint(_ hint: String?, for field: RecordSchema.Field?) -> String? {
        guard let hint, let field, hint.contains("引号") || hint.contains("\(field.key):") else { return hint }
        switch field.value {
        case .year: return "写年份，如 2008，或日期，如 2008-05-01"
        case .digits where field.key == "phone": return "只写号码，数字之间可以用 - 或空格，如 13800000000"
        case .digits: return "18 位，最后一位是数字或 X；核对有没有输错或漏输"
        case .liuyouItem, .liuyouList, .flag: return "写 是 或 否"
        case .number: return "只写数字，如 4820"
        case .day: return "写日期，如 2026-03-12"
        case .text, .name: return hint
        }
    }

    /// The cell a decoder's problem is about: the cell of the value at its column, or for a
    /// problem of the whole record (a duplicate id), the column its message names.
    private static func cell(for diagnostic: Diagnostic, origin: RecordMerger.LineOrigin) -> CellOrigin {
        if !origin.cells.isEmpty {
            return origin.cells.last { $0.column <= diagnostic.location.column }?.origin ?? origin.cells[0].origin
        }
        let record = origin.record
        for (key, cell) in record.columns where diagnostic.message.contains("'\(key)'") { return cell }
        return record.firstCell
    }
}
