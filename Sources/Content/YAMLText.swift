import Foundation

/// Text written into YAML by the portal itself (`portal approve`, `portal new`, `portal import`):
/// plain when YAML reads it back unchanged as text, double-quoted otherwise.
public enum YAMLText {
    public static func scalar(_ text: String) -> String {
        isPlain(text) ? text : quoted(text)
    }

    /// Letters and digits of any script, with `·`, `.`, `-`, `_` and single spaces between them:
    /// names such as 张三, 阿依古丽·买买提 or Li Ming. Anything else is quoted rather than risked.
    private static func isPlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            isWordCharacter(first), isWordCharacter(last),
            !["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "~"].contains(text),
            !text.contains("  ")
        else { return false }
        return text.unicodeScalars.allSatisfy { isWordCharacter($0) || " ·.-_".unicodeScalars.contains($0) }
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// A YAML double-quoted string; line breaks and other control characters are escaped.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": continue
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += String(format: "\\x%02X", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
