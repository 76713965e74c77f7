import CQRencode

/// A QR code: the dark and light modules of the symbol libqrencode encodes for a text, drawn as
/// SVG when a page is rendered, so a printed plate needs no picture file and nothing from
/// another host.
public struct QRCode: Sendable, Hashable {
    /// How much of the symbol may be lost (a scratch, a smudge on a plate) and still be read.
    public enum Correction: Sendable {
        case low, medium, quartile, high

        fileprivate var level: QRecLevel {
            switch self {
            case .low: QR_ECLEVEL_L
            case .medium: QR_ECLEVEL_M
            case .quartile: QR_ECLEVEL_Q
            case .high: QR_ECLEVEL_H
            }
        }
    }

    /// Modules per side.
    public let size: Int
    /// Row by row, true for a dark module.
    public let modules: [Bool]

    /// The smallest symbol holding `text` as bytes (UTF-8), or nil when it is too long for any.
    public init?(encoding text: String, correction: Correction = .medium) {
        // libqrencode owns the symbol it returns; it is copied into Swift values and freed here.
        guard let symbol = QRcode_encodeString8bit(text, 0, correction.level) else { return nil }
        defer { QRcode_free(symbol) }
        let width = Int(symbol.pointee.width)
        size = width
        // The low bit of each byte is the module's colour; the others say what part it is.
        modules = (0..<width * width).map { symbol.pointee.data[$0] & 1 == 1 }
    }

    public func isDark(row: Int, column: Int) -> Bool { modules[row * size + column] }

    /// The symbol as an SVG image `points` wide (with the four-module quiet zone readers need),
    /// one path of the dark modules' rows, and a title saying what it links to.
    public func svg(points: Int, title: String) -> String {
        let quiet = 4
        let side = size + 2 * quiet
        var path = ""
        for row in 0..<size {
            var column = 0
            while column < size {
                guard isDark(row: row, column: column) else {
                    column += 1
                    continue
                }
                let start = column
                while column < size && isDark(row: row, column: column) { column += 1 }
                path += "M\(start + quiet) \(row + quiet)h\(column - start)v1h-\(column - start)z"
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" width="\(points)" height="\(points)" \
            role="img" aria-label="\(Self.escaped(title))" shape-rendering="crispEdges"><title>\(Self.escaped(title))</title>\
            <rect width="\(side)" height="\(side)" fill="#fff"/><path fill="#000" d="\(path)"/></svg>
            """
    }

    private static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
