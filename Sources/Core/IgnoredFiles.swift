/// Files that editors and operating systems leave beside real ones (`.DS_Store`, `~$x.docx`,
/// `a.md.swp`, `Thumbs.db`): never read as content, never copied to the output.
public enum IgnoredFiles {
    public static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("~$") || name.hasSuffix("~") || name.hasSuffix(".swp")
            || name.hasSuffix(".swo") || name == "Thumbs.db" || name == "desktop.ini"
    }
}
