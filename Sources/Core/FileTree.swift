#if canImport(Glibc)
    import Glibc
#endif

/// The files below a folder, found with one `readdir` pass per folder: the kind of each entry
/// comes with its name, so a tree of tens of thousands of files is listed without a `stat`
/// per file (Foundation's enumerator asks for one).
public enum FileTree {
    /// Paths relative to `root`, `/`-separated and sorted. Symbolic links are listed as files,
    /// whatever they lead to, and never followed: the caller decides whether to trust them. Entries
    /// whose name `skips` are left out, and so is everything below a skipped folder.
    public static func files(below root: String, skipping skips: (String) -> Bool = { _ in false }) -> [String] {
        var files: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            guard let folder = opendir(relative.isEmpty ? root : root + "/" + relative) else { continue }
            defer { closedir(folder) }
            while let entry = readdir(folder) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                    String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard name != ".", name != "..", !skips(name) else { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                switch kind(of: entry.pointee.d_type, at: root + "/" + path) {
                case .folder: pending.append(path)
                case .file: files.append(path)
                case .other: continue
                }
            }
        }
        return files.sorted()
    }

    private enum Kind { case folder, file, other }

    private static func kind(of type: UInt8, at path: String) -> Kind {
        switch Int32(type) {
        case Int32(DT_DIR): return .folder
        case Int32(DT_REG), Int32(DT_LNK): return .file
        case Int32(DT_UNKNOWN):
            // Some file systems do not say; ask.
            var status = stat()
            guard lstat(path, &status) == 0 else { return .other }
            switch status.st_mode & S_IFMT {
            case S_IFDIR: return .folder
            case S_IFREG, S_IFLNK: return .file
            default: return .other
            }
        default: return .other
        }
    }
}
