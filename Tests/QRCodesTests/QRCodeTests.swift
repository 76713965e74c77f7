import Foundation
import QRCodes
import Testing

/// The QR codes of the plates: read back by a real reader (zbarimg, from Debian's zbar-tools)
/// from a picture of the symbol, and the SVG drawing the same modules.
@Suite struct QRCodeTests {
    static let reader = "/usr/bin/zbarimg"

    @Test(arguments: [
        "https://dj.example.gov.cn/members/m-001/",
        "https://dj.example.gov.cn/sites/site-04/",
        "https://例子.政务.cn/members/m-120/?来源=公示牌",
    ])
    func decodesToTheAddressItWasMadeFor(_ address: String) throws {
        let code = try #require(QRCode(encoding: address))
        let picture = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).pgm")
        defer { try? FileManager.default.removeItem(at: picture) }
        try Self.pgm(code, scale: 6).write(to: picture)
        let result = try Self.run(Self.reader, ["--raw", "-q", picture.path])
        #expect(result.status == 0, "zbarimg found no symbol")
        #expect(result.output == address + "\n")
    }

    @Test func drawsEachRowOfDarkModulesAsOnePathWithTheQuietZone() throws {
        let code = try #require(QRCode(encoding: "https://dj.example.gov.cn/members/m-001/"))
        #expect(code.size == 29, "version 3 holds the 39 bytes at level M")
        let svg = code.svg(points: 120, title: "扫码看承诺 <m-001>")
        #expect(svg.hasPrefix(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 37 37" width="120" height="120""#))
        #expect(svg.contains("<title>扫码看承诺 &lt;m-001&gt;</title>"))
        // The top-left finder pattern: a run of seven dark modules, four modules in from each edge.
        #expect(svg.contains(#"d="M4 4h7v1h-7z"#))
        let dark = code.modules.count(where: { $0 })
        let drawn = svg.components(separatedBy: "v1h-").dropFirst().map { Int($0.prefix { $0.isNumber })! }.reduce(0, +)
        #expect(drawn == dark, "every dark module is drawn once")
        #expect(!svg.contains("http://") || svg.components(separatedBy: "http://").count == 2, "only the SVG namespace")
    }

    @Test func refusesATextTooLongForAnySymbol() {
        #expect(QRCode(encoding: String(repeating: "长", count: 3000)) == nil)
    }

    /// The symbol as a greyscale picture, each module `scale` pixels, with its quiet zone.
    static func pgm(_ code: QRCode, scale: Int) -> Data {
        let side = (code.size + 8) * scale
        var pixels = [UInt8](repeating: 255, count: side * side)
        for row in 0..<code.size {
            for column in 0..<code.size where code.isDark(row: row, column: column) {
                for y in 0..<scale {
                    for x in 0..<scale { pixels[((row + 4) * scale + y) * side + (column + 4) * scale + x] = 0 }
                }
            }
        }
        return Data("P5\n\(side) \(side)\n255\n".utf8) + Data(pixels)
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
