import Core
import Model

extension PageDecoder {
    /// Reads `approvals:`, one entry per role, each
    /// `{by: 张三, role: 终审, at: 2025-06-01T10:20:00+08:00, body_sha256: …}`, and checks each
    /// against the body as it is now. An approval whose hash no longer matches is an error on a
    /// page the build publishes, and a warning on a draft or review page it leaves out: the text
    /// changed after it was approved.
    func readApprovals(
        _ reader: inout RecordReader, status: PublicationStatus?, frontMatter: FrontMatter, file: SourceFile,
        diagnostics: inout Diagnostics
    ) -> [Approval] {
        guard let value = reader.nested("approvals", required: false) else { return [] }
        guard case .sequence(let items, _) = value else {
            diagnostics.error(
                at: value.location, "'approvals' 应为列表，这里是 \(value.kindDescription)",
                hint: "审核记录由 portal approve 写入：approvals 下每个角色一项")
            return []
        }
        let bodyHash = SHA256Hash.hex(of: frontMatter.storedBody.utf8)
        let isBuilt = includeUnpublished || (status ?? .published) == .published
        var approvals: [Approval] = []
        var firstOfRole: [ReviewRole: SourceLocation] = [:]
        for item in items {
            guard case .mapping = item else {
                diagnostics.error(
                    at: item.location, "审核记录应为“键: 值”形式的映射，这里是 \(item.kindDescription)",
                    hint: "每项写 by、role、at、body_sha256 四个键；portal approve 会自动写入")
                continue
            }
            var entry = RecordReader(item, recordName: "审核记录", diagnostics: &diagnostics)
            let by = entry.string("by")
            let roleText = entry.string("role")
            let atText = entry.string("at")
            let hash = entry.string("body_sha256")
            entry.finish()
            diagnostics.append(contentsOf: entry.diagnostics)

            var role: ReviewRole?
            if let roleText {
                role = ReviewRole(rawValue: roleText)
                if role == nil {
                    diagnostics.error(
                        at: entry.location(of: "role"), "未知的审核角色 '\(roleText)'",
                        hint: "role 只能是 \(ReviewRole.allCases.map(\.rawValue).joined(separator: "、"))")
                }
            }
            var at: Timestamp?
            if let atText {
                at = Timestamp(parsing: atText)
                if at == nil {
                    diagnostics.error(
                        at: entry.location(of: "at"), "'at' 不是有效的时间：'\(atText)'",
                        hint: "写成 2025-06-01T10:20:00+08:00 的形式（日期、T、时分秒、时区）")
                }
            }
            if let hash, !SHA256Hash.isHex(hash) {
                diagnostics.error(
                    at: entry.location(of: "body_sha256"), "'body_sha256' 应为 64 位小写十六进制数字",
                    hint: "这个值由 portal approve 计算，不要手工填写")
            }
            guard let by, let role, let at, let hash, SHA256Hash.isHex(hash) else { continue }
            if let first = firstOfRole[role] {
                diagnostics.error(
                    at: item.location, "\(role.rawValue)的审核记录重复，第一次出现在 \(first)",
                    hint: "每个角色只保留一条审核记录；portal approve 会替换同一角色的旧记录")
                continue
            }
            firstOfRole[role] = item.location
            if verifiesApprovals && hash != bodyHash {
                diagnostics.append(
                    Diagnostic(
                        isBuilt ? .error : .warning, at: item.location, "正文在\(role.rawValue)（\(by)）之后被修改，需要重新审核",
                        hint: "运行 portal approve \(file.path) --by 姓名 --role \(role.rawValue)"))
            }
            approvals.append(Approval(by: by, role: role, at: at, bodySHA256: hash))
        }
        return approvals
    }

    /// A published page needs an approval of each role `portal.yaml` requires. An approval of an
    /// older body is reported by `readApprovals` at its own entry, so only the roles with no
    /// approval at all are named here: one error for each problem.
    func checkRequiredReviews(
        _ approvals: [Approval], kind: PageKind, at location: SourceLocation, file: SourceFile,
        diagnostics: inout Diagnostics
    ) {
        guard let required = lookup.config.requiredReviews else { return }
        let missing = required.filter { role in !approvals.contains { $0.role == role } }
        guard !missing.isEmpty else { return }
        let commands = missing.map { "portal approve \(file.path) --by 姓名 --role \($0.rawValue)" }
        diagnostics.error(
            at: location, "已发布的\(kind.noun)缺少审核：\(missing.map(\.rawValue).joined(separator: "、"))",
            hint: "审核人读过全文后运行：\(commands.joined(separator: "；"))；审核完成前写 status: review")
    }
}
