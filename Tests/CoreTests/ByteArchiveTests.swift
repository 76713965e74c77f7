import Core
import Testing

@Suite struct ByteArchiveTests {
    @Test func whatIsWrittenReadsBackTheSame() throws {
        var writer = ByteWriter()
        let numbers = [0, 1, -1, 63, -64, 64, 127, 128, Int.max, Int.min, 1_732_000_000_123_456_789]
        writer.write(numbers)
        writer.write(["", "高新区宏达日用百货商业街", "a\u{0}b", "🇨🇳"])
        writer.write(UInt64.max)
        writer.write(true)
        writer.write(String?.none)
        writer.write("党建引领" as String?)
        let diagnostic = Diagnostic.warning(
            at: SourceLocation(path: "content/cases/x.md", line: 12, column: 3), "表述不规范", hint: "改为“两个覆盖”")
        diagnostic.write(to: &writer)
        try writer.writeJSON(["key": [1, 2]])

        var reader = ByteReader(writer.bytes)
        #expect(try reader.ints() == numbers)
        #expect(try reader.strings() == ["", "高新区宏达日用百货商业街", "a\u{0}b", "🇨🇳"])
        #expect(try reader.unsigned() == UInt64.max)
        #expect(try reader.bool())
        #expect(try reader.optionalString() == nil)
        #expect(try reader.optionalString() == "党建引领")
        #expect(try Diagnostic(from: &reader) == diagnostic)
        #expect(try reader.json([String: [Int]].self) == ["key": [1, 2]])
        #expect(reader.isAtEnd)
    }

    @Test func aCutOrDamagedArchiveThrowsRatherThanReadingWrongly() throws {
        var writer = ByteWriter()
        writer.write(["第一条", "第二条"])
        writer.write(42)
        let bytes = writer.bytes
        for length in 0..<bytes.count {
            var reader = ByteReader(Array(bytes.prefix(length)))
            #expect(throws: ByteReader.Malformed.self) {
                _ = try reader.strings()
                _ = try reader.int()
            }
        }
        // A count larger than what is left is refused before anything is reserved.
        var huge = ByteWriter()
        huge.write(UInt64(1) << 60)
        var reader = ByteReader(huge.bytes)
        #expect(throws: ByteReader.Malformed.self) { _ = try reader.strings() }
        // A Boolean is one byte, 0 or 1.
        var boolean = ByteReader([2])
        #expect(throws: ByteReader.Malformed.self) { _ = try boolean.bool() }
    }
}
