import Core
import Model

extension PrivacyGuard {
    /// What the scan of one attachment's text found: personal information, or that the text
    /// could not be read (a damaged file, `pdftotext` missing), which is never passed over.
    public struct AttachmentScan: Sendable {
        var file: MediaFile
        var findings: [PrivacyFinding]
        var failure: String?

        /// The scan of `file`, published as `bytes`, when it is an attachment whose text is read
        /// and it has findings or cannot be read; nil otherwise.
        public static func of(_ file: MediaFile, bytes: [UInt8], scanner: PrivacyScanner) -> AttachmentScan? {
            guard AttachmentText.readExtensions.contains(file.fileExtension) else { return nil }
            switch AttachmentText.text(of: bytes, at: file.sourceFile, fileExtension: file.fileExtension) {
            case .success(let text):
                let findings = scanner.findings(in: text)
                return findings.isEmpty ? nil : AttachmentScan(file: file, findings: findings)
            case .failure(let failure):
                return AttachmentScan(file: file, findings: [], failure: failure.reason)
            }
        }
    }

    /// An error at every link to each attachment of `attachments`: one per value found (masked),
    /// or one saying the text could not be read. An attachment no Markdown file links to (a
    /// template's) is reported at the file itself.
    public func diagnose(attachments: [AttachmentScan]) -> [Diagnostic] {
        guard !attachments.isEmpty else { return [] }
        let locator = AttachmentLinkLocator(content: content, contentDisplay: contentDisplay)
        var diagnostics: [Diagnostic] = []
        for scan in attachments {
            var links = locator.links(to: scan.file.relativePath)
            if links.isEmpty {
                let path =
                    contentDisplay.isEmpty || contentDisplay == "."
                    ? scan.file.relativePath : contentDisplay + "/" + scan.file.relativePath
                links = [AttachmentLinkLocator.Link(location: SourceLocation(path: path), address: scan.file.relativePath)]
            }
            for link in links {
                if let failure = scan.failure {
                    diagnostics.append(
                        .error(
                            at: link.location, "无法读取附件 \(link.address) 的文字，不能检查其中的个人信息：\(failure)",
                            hint: "用 WPS 或 Office 打开附件另存一份后替换；PDF 请从原文档重新导出"))
                    continue
                }
                // Each value once per link, in the order of the text.
                var seen: Set<String> = []
                for finding in scan.findings where seen.insert("\(finding.kind.rawValue) \(finding.masked)").inserted {
                    diagnostics.append(
                        .error(
                            at: link.location, "附件 \(link.address) 中有\(finding.kind.name) \(finding.masked)",
                            hint: "个人信息不能公开：在附件中删除它或改写为打码形式 \(finding.masked)，重新导出后替换；或者不再链接这个附件"))
                }
            }
        }
        return diagnostics.sorted()
    }
}
