import Core
import Model

/// The front matter of news reports, notices and policy documents.
extension PageDecoder {
    /// The picture endings a news report's cover may have.
    static let coverExtensions: Set<String> = ["jpg", "jpeg", "png", "webp"]

    func decodeNews(_ reader: inout RecordReader, title: String?, diagnostics: inout Diagnostics) -> PageSource.Metadata? {
        let date = reader.day("date")
        let summary = reader.string("summary")
        let districtName = reader.string("district", required: false)
        let district = districtName.flatMap {
            lookup.district($0, at: reader.location(of: "district"), diagnostics: &diagnostics)
        }
        let (cover, alternativeText) = readCover(&reader, diagnostics: &diagnostics)
        guard let title, let date, let summary, districtName == nil || district != nil else { return nil }
        return .news(
            .init(
                title: title, date: date, summary: summary, district: district, cover: cover,
                coverAlternativeText: alternativeText))
    }

    func decodeNotice(_ reader: inout RecordReader, title: String?, diagnostics: inout Diagnostics) -> PageSource.Metadata? {
        let date = reader.day("date")
        let summary = reader.string("summary")
        let until = reader.day("until", required: false)
        if let date, let until, until < date {
            diagnostics.error(
                at: reader.location(of: "until"), "截止日期 \(until) 早于发布日期 \(date)",
                hint: "until 写通知不再适用前的最后一天，不能早于 date")
        }
        guard let title, let date, let summary else { return nil }
        return .notice(.init(title: title, date: date, summary: summary, until: until))
    }

    func decodePolicy(_ reader: inout RecordReader, title: String?, diagnostics: inout Diagnostics) -> PageSource.Metadata? {
        let number = reader.string("number")
        let issuer = reader.string("issuer")
        let date = reader.day("date")
        let summary = reader.string("summary", required: false)
        let attachment = fileReference(&reader, "attachment")
        if let number {
            switch DocumentNumber.check(number) {
            case .valid: break
            case .miswritten(let corrected):
                diagnostics.error(
                    at: reader.location(of: "number"), "文号 '\(number)' 写法不规范",
                    hint: "年份用六角括号〔〕，序号不加 0：写成 \(corrected)")
            case .malformed:
                diagnostics.error(
                    at: reader.location(of: "number"), "文号 '\(number)' 不是“机关代字〔年份〕序号号”的格式",
                    hint: "如 X市监党〔2025〕3号：机关代字，六角括号〔〕中的四位年份，序号后加“号”")
            }
        }
        if let attachment {
            let ending = SitePath.fileExtension(of: attachment.path)
            if !Attachment.formats.contains(where: { $0.fileExtension == ending }) {
                diagnostics.error(
                    at: attachment.location, "附件 '\(attachment.path)' 不是公文原件的格式",
                    hint: "附件用 \(Attachment.formats.map { "." + $0.fileExtension }.joined(separator: "、")) 文件，放在本文件旁边")
            }
        }
        // A miswritten number is reported but kept, so that the original it names is not also
        // reported as unused.
        guard let title, let number, let issuer, let date else { return nil }
        return .policy(
            .init(title: title, number: number, issuer: issuer, date: date, summary: summary, attachment: attachment))
    }

    /// `cover:` and `cover_alt:` of a news report or a case: the picture shown on its card.
    func readCover(
        _ reader: inout RecordReader, diagnostics: inout Diagnostics
    ) -> (cover: PageSource.FileReference?, alternativeText: String?) {
        let cover = fileReference(&reader, "cover")
        let alternativeText = reader.string("cover_alt", required: false)
        if let cover, !Self.coverExtensions.contains(SitePath.fileExtension(of: cover.path)) {
            diagnostics.error(
                at: cover.location, "封面 '\(cover.path)' 不是照片", hint: "封面用 .jpg、.jpeg、.png 或 .webp 图片，放在本文件旁边")
        }
        if alternativeText != nil, cover == nil {
            diagnostics.error(
                at: reader.location(of: "cover_alt"), "写了 cover_alt 却没有 cover", hint: "加一行 cover: 图片文件名，或者删除 cover_alt")
        }
        return (cover, alternativeText)
    }

    private func fileReference(_ reader: inout RecordReader, _ key: String) -> PageSource.FileReference? {
        reader.string(key, required: false).map { PageSource.FileReference(path: $0, location: reader.location(of: key)) }
    }
}
