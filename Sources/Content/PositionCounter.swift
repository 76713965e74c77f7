/// Line and column of byte offsets asked for in increasing order, counting on from the last
/// one: a file is walked once however many hits it has.
struct PositionCounter {
    let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var line = 1
    /// The column of the character at `offset`.
    private var column = 1

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// 1-based line, and 1-based column in characters (Unicode scalars, as YAML errors count them).
    mutating func position(ofByte target: Int) -> (line: Int, column: Int) {
        while offset < target {
            if bytes[offset] == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if bytes[offset] & 0xC0 != 0x80 {
                column += 1
            }
            offset += 1
        }
        return (line, column)
    }
}
