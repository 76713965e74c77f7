import Foundation

/// The rules for the parts of URLs that come from authors: page slugs, heading anchors and
/// the folder names of tag pages.
public enum Slug {
    /// A page slug must be lowercase ASCII letters, digits, `-` and `_`, starting with a letter
    /// or digit: safe on every host, with no way to climb out of the output folder and no two
    /// spellings that a case-insensitive file system would merge.
    public static func isValid(_ slug: String) -> Bool {
        guard let first = slug.utf8.first, isLowerAlphanumeric(first) else { return false }
        return slug.utf8.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    /// A suggestion for an invalid slug: lowercased, other characters turned into `-`.
    public static func suggestion(for text: String) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            // A slug cannot start with `_` (found by fuzzing: `_draft` was suggested for itself).
            if scalar.isASCII, let byte = UInt8(exactly: scalar.value),
                isLowerAlphanumeric(byte) || (byte == UInt8(ascii: "_") && !result.isEmpty)
            {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, result.last != "-" {
                result += "-"
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }

    /// An anchor or path segment that keeps Chinese as it is: letters and digits of any script
    /// are kept (ASCII letters lowercased), runs of anything else become one `-`.
    /// `办理流程` stays `办理流程`; `“六有”阵地 建设` becomes `六有-阵地-建设`.
    public static func segment(from text: String) -> String {
        var result = ""
        var pendingDash = false
        // Canonically equal spellings (a precomposed letter or a letter and a combining mark)
        // get one segment, so they cannot become two pages that look like one address.
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType == .decimal {
                if pendingDash, !result.isEmpty { result += "-" }
                pendingDash = false
                // ASCII letters lowercased, one scalar at a time: appending a lowercased String's
                // scalars took time quadratic in the text (found by fuzzing: 11 s for 1 MB).
                let isUpperASCII = scalar.value >= 0x41 && scalar.value <= 0x5A
                result.unicodeScalars.append(isUpperASCII ? Unicode.Scalar(UInt8(scalar.value + 0x20)) : scalar)
            } else if scalar == "_" && !result.isEmpty {
                if pendingDash { result += "-" }
                pendingDash = false
                result += "_"
            } else {
                pendingDash = true
            }
        }
        return result
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}

/// Gives each heading of one page a unique anchor: the second `办理流程` becomes `办理流程-1`.
public struct AnchorNamer: Sendable {
    private var used: Set<String> = []

    public init() {}

    public mutating func anchor(for text: String) -> String {
        var base = Slug.segment(from: text)
        if base.isEmpty { base = "section" }
        var candidate = base
        var counter = 1
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }
}
