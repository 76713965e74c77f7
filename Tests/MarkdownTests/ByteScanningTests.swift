import Core
import Testing

/// The word-at-a-time scans of Core (tested beside the Markdown code that uses them most)
/// must find exactly what a byte-by-byte loop finds.
@Suite struct ByteScanningTests {
    @Test func findsTheSameBytesAsALoop() {
        var generator = CJKEmphasisDifferentialTests.Generator(state: 7)
        // Bytes around the boundaries that matter: line ends, `*`, the sentinel's lead byte.
        let alphabet: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x0E, 0x20, 0x2A, 0x2B, 0x7F, 0x80, 0xE2, 0xE4, 0xFF]
        for _ in 0..<2_000 {
            let count = Int(generator.next() % 40)
            let bytes = (0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let start = count == 0 ? 0 : Int(generator.next() % UInt64(count + 1))
            bytes.withUnsafeBufferPointer { buffer in
                for target: UInt8 in [0x2A, 0xE2, 0x0A] {
                    let expected = bytes[start...].firstIndex(of: target) ?? count
                    #expect(ByteScanning.firstIndex(of: target, in: buffer, from: start) == expected)
                }
                let expected = bytes[start...].firstIndex(where: { $0 < 0x0E }) ?? count
                #expect(ByteScanning.firstIndex(below: 0x0E, in: buffer, from: start) == expected)
            }
        }
    }
}
