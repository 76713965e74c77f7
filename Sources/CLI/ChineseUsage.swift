/// Puts the texts swift-argument-parser writes in English (its help screen's headings, usage
/// lines, argument errors) into Chinese; option names, values and suggestions stay as they are.
///
/// ArgumentParser has no way to localize its messages, so the finished text is rewritten, line
/// by line, by patterns that match each sentence its `ErrorMessageGenerator` and
/// `HelpGenerator` write (swift-argument-parser 1.5 and 1.6). A sentence no pattern knows is
/// left in English rather than dropped; the tests run every kind of mistake through the
/// binary, so a new wording shows up there.
enum ChineseUsage {
    static func translate(_ text: String) -> String {
        var result = text
        for (pattern, replacement) in whole {
            result = result.replacing(pattern) { match in replacement(match.output) }
        }
        return result.split(separator: "\n", omittingEmptySubsequences: false).map { translateLine(String($0)) }
            .joined(separator: "\n")
    }

    private typealias Rule = (Regex<AnyRegexOutput>, (AnyRegexOutput) -> String)

    private static func capture(_ output: AnyRegexOutput, _ index: Int) -> String {
        output[index].substring.map(String.init) ?? ""
    }

    /// Rules over the whole text: what help wraps over two lines.
    private static var whole: [Rule] {
        [
            (try! Regex(#"\(default:(\s+)([^)]*)\)"#), { "（默认：\(capture($0, 2))）" }),
            (try! Regex(#"\(values:(\s+)([^)]*)\)"#), { "（可选：\(capture($0, 2))）" }),
        ]
    }

    /// Rules for one line, the first that matches wins; each keeps what is around its match.
    private static var lines: [Rule] {
        [
            (try! Regex(#"^OVERVIEW: "#), { _ in "简介：" }),
            (try! Regex(#"^USAGE: "#), { _ in "用法：" }),
            (try! Regex(#"^ARGUMENTS:$"#), { _ in "参数：" }),
            (try! Regex(#"^OPTIONS:$"#), { _ in "选项：" }),
            (try! Regex(#"^SUBCOMMANDS:$"#), { _ in "子命令：" }),
            (
                try! Regex(#"^  See '(.+) <subcommand>' for detailed help\.$"#),
                {
                    "  运行 '\(capture($0, 1)) <子命令>' 查看子命令的说明。"
                }
            ),
            (try! Regex(#"Show help information\.$"#), { _ in "显示帮助信息。" }),
            (try! Regex(#"Show subcommand help information\.$"#), { _ in "显示子命令的帮助信息。" }),
            (try! Regex(#"Show the version\.$"#), { _ in "显示版本。" }),
            (try! Regex(#"^Usage: "#), { _ in "用法：" }),
            (try! Regex(#"^  See '(.+)' for more information\.$"#), { "  运行 '\(capture($0, 1))' 查看说明。" }),
            (try! Regex(#"^Help:  "#), { _ in "说明：" }),
            (try! Regex(#"^Error: "#), { _ in "错误：" }),
        ]
    }

    /// The error sentences, after the `Error: ` that starts them has become `错误：`.
    private static var errors: [Rule] {
        [
            (
                try! Regex(#"Unknown option '([^']+)'\. Did you mean '([^']+)'\?"#),
                {
                    "未知的选项 '\(capture($0, 1))'，是不是 '\(capture($0, 2))'？"
                }
            ),
            (try! Regex(#"Unknown option '([^']+)'"#), { "未知的选项 '\(capture($0, 1))'" }),
            (try! Regex(#"Invalid option: (.+)$"#), { "无效的选项：\(capture($0, 1))" }),
            (try! Regex(#"Missing value for '([^']+)'"#), { "选项 '\(capture($0, 1))' 缺少值" }),
            (
                try! Regex(#"Missing expected argument '([^']+)'"#),
                {
                    let name = capture($0, 1)
                    return "缺少\(name.hasPrefix("-") ? "选项" : "参数") '\(name)'"
                }
            ),
            (try! Regex(#"Missing one of: (.+)$"#), { "缺少其中一项：\(capture($0, 1))" }),
            (try! Regex(#"Missing required subcommand\."#), { _ in "缺少子命令。" }),
            (try! Regex(#"^(\d+) unexpected arguments: (.+)$"#), { "多余的参数（\(capture($0, 1)) 个）：\(capture($0, 2))" }),
            (try! Regex(#"Unexpected argument '(.+)'$"#), { "多余的参数 '\(capture($0, 1))'" }),
            (
                try! Regex(#"The option '([^']+)' does not take any value, but '(.*)' was specified\."#),
                {
                    "选项 '\(capture($0, 1))' 不带值，却给了 '\(capture($0, 2))'"
                }
            ),
            (
                try! Regex(#"Value to be set with (.+) had already been set with (.+)$"#),
                {
                    "\(capture($0, 1)) 重复设置了 \(capture($0, 2)) 已设置的值"
                }
            ),
            (
                try! Regex(#"The value '(.*)' is invalid for '([^']+)'\. Please provide one of (.+)\.$"#),
                {
                    "值 '\(capture($0, 1))' 对 '\(capture($0, 2))' 无效，可选：\(choices(capture($0, 3)))"
                }
            ),
            (
                try! Regex(#"The value '(.*)' is invalid for '([^']+)'(: )?(.*)$"#),
                {
                    let reason = capture($0, 4)
                    return "值 '\(capture($0, 1))' 对 '\(capture($0, 2))' 无效" + (reason.isEmpty ? "" : "：\(reason)")
                }
            ),
            (
                try! Regex(#"Command '(.+)' is not a parent of the current command\."#),
                {
                    "命令 '\(capture($0, 1))' 不是当前命令的上级"
                }
            ),
        ]
    }

    private static func choices(_ list: String) -> String {
        list.replacing(", ", with: "、").replacing(" or ", with: "或").replacing(" and ", with: "和")
    }

    private static func translateLine(_ line: String) -> String {
        var line = line
        for (pattern, replacement) in lines {
            if let match = line.firstMatch(of: pattern) {
                line.replaceSubrange(match.range, with: replacement(match.output))
                break
            }
        }
        guard line.hasPrefix("错误：") else { return line }
        for (pattern, replacement) in errors {
            if let match = line.firstMatch(of: pattern) {
                line.replaceSubrange(match.range, with: replacement(match.output))
                break
            }
        }
        return line
    }
}
