import Core

/// Reads `data/terms.yaml`: a list of `{wrong, right, severity, note}`. Besides the usual
/// checks of a record, it refuses entries that would report correct text: a wrong form written
/// twice, equal to its right form, or found inside any right form of the list.
enum TermsDecoder {
    static func decode(_ root: YAMLValue?, file: SourceFile, diagnostics: inout Diagnostics) -> [Term] {
        guard let root else { return [] }
        guard case .sequence(let items, _) = root else {
            diagnostics.error(at: root.location, "terms.yaml 应为列表", hint: "每一条以 - wrong: … 开头")
            return []
        }
        var terms: [Term] = []
        var firstLine: [String: Int] = [:]
        for item in items {
            var reader = RecordReader(item, recordName: "表述条目", diagnostics: &diagnostics)
            let wrong = reader.identifier("wrong")
            let right = reader.string("right")
            let severityText = reader.string("severity")
            let note = reader.string("note", required: false)
            reader.finish()
            diagnostics.append(contentsOf: reader.diagnostics)

            var severity: Term.Severity?
            if let severityText {
                severity = Term.Severity(rawValue: severityText)
                if severity == nil {
                    diagnostics.error(
                        at: reader.location(of: "severity"), "未知的严重程度 '\(severityText)'",
                        hint: "severity 写 严重（构建失败）或 提示（只提醒）")
                }
            }
            guard let wrong, let right, let severity else { continue }
            let location = reader.location(of: "wrong")
            if let line = firstLine[wrong] {
                diagnostics.error(
                    at: location, "错误表述\(Term.quoted(wrong))重复出现", hint: "第 \(line) 行已有这一条，删去其中一条")
                continue
            }
            firstLine[wrong] = location.line
            if wrong == right {
                diagnostics.error(
                    at: location, "错误表述与正确表述相同：\(Term.quoted(wrong))", hint: "检查 wrong 和 right 是否写错")
                continue
            }
            terms.append(Term(wrong: wrong, right: right, severity: severity, note: note, location: location))
        }
        return withoutWrongFormsInRightForms(terms, diagnostics: &diagnostics)
    }

    /// A wrong form that is part of a right form would be reported in every correct text.
    private static func withoutWrongFormsInRightForms(_ terms: [Term], diagnostics: inout Diagnostics) -> [Term] {
        let matcher = TermsMatcher(terms.map(\.wrong))
        var refused: Set<Int> = []
        for term in terms {
            for match in matcher.allMatches(in: term.right) where refused.insert(match.pattern).inserted {
                let wrong = terms[match.pattern]
                diagnostics.error(
                    at: wrong.location, "错误表述\(Term.quoted(wrong.wrong))是正确表述\(Term.quoted(term.right))的一部分",
                    hint: "这样正确的写法也会被报告为错误；把错误表述写完整，只留下不会出现在正确文字里的写法")
            }
        }
        return terms.indices.filter { !refused.contains($0) }.map { terms[$0] }
    }
}
