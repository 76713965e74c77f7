import Core
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The diagnostic of a failed write to the output: a full disk says so and what to do, in
/// Chinese, rather than only the system's words.
enum WriteFailure {
    static func diagnostic(_ failure: String, _ error: Error, at path: String) -> Diagnostic {
        let error = error as NSError
        let code = error.domain == NSPOSIXErrorDomain ? Int32(error.code) : 0
        let full =
            code == ENOSPC || code == EDQUOT
            || (error.domain == NSCocoaErrorDomain && error.code == CocoaError.fileWriteOutOfSpace.rawValue)
        if full {
            return .error(
                at: SourceLocation(path: path), "\(failure)：磁盘空间不足（\(error.localizedDescription)）",
                hint: "腾出磁盘空间，或用 --output 换到空间足够的目录，再构建一次；已发布的网站不受影响")
        }
        return .error(
            at: SourceLocation(path: path), "\(failure)：\(error.localizedDescription)",
            hint: "检查输出目录所在的磁盘是否可写，再构建一次；已发布的网站不受影响")
    }
}
