import Core
import Model

/// Reads `data/assessment.yaml`: the scoring scheme of the annual assessment (考核) and the
/// scores entered by hand, per year and district.
enum AssessmentDecoder {
    static func decode(
        _ root: YAMLValue?, lookup: TaxonLookup, config: PortalConfig, today: Day, diagnostics: inout Diagnostics
    ) -> AssessmentScheme? {
        guard let root else { return nil }
        var reader = RecordReader(root, recordName: "考核方案", diagnostics: &diagnostics)
        let dimensionsValue = reader.nested("dimensions")
        let scoresValue = reader.nested("scores", required: false)
        reader.finish()
        diagnostics.append(contentsOf: reader.diagnostics)
        guard let dimensionsValue else { return nil }
        guard let dimensions = decodeDimensions(dimensionsValue, config: config, diagnostics: &diagnostics) else {
            return nil
        }
        let entries = scoresValue.flatMap {
            decodeScores($0, dimensions: dimensions, lookup: lookup, today: today, diagnostics: &diagnostics)
        }
        guard let entries else { return nil }
        return AssessmentScheme(dimensions: dimensions, entries: entries)
    }

    private static func decodeDimensions(
        _ value: YAMLValue, config: PortalConfig, diagnostics: inout Diagnostics
    ) -> [AssessmentScheme.Dimension]? {
        guard case .sequence(let items, _) = value, !items.isEmpty else {
            diagnostics.error(
                at: value.location, "'dimensions' 应为考核项目的列表",
                hint: "每项以 - name: … 开头，写 weight（权重）和 measure（计分方式）")
            return nil
        }
        var dimensions: [AssessmentScheme.Dimension] = []
        var seen: [String: SourceLocation] = [:]
        var failed = false
        for item in items {
            var reader = RecordReader(item, recordName: "考核项目", diagnostics: &diagnostics)
            let name = reader.string("name")
            let weight = reader.integer("weight", in: 1...100)
            let measureText = reader.string("measure")
            let target = reader.integer("target", required: false, in: 1...1_000_000)
            let basis = reader.string("basis")
            reader.finish()
            diagnostics.append(contentsOf: reader.diagnostics)
            var problems = reader.diagnostics.hasErrors
            var measure: AssessmentScheme.Measure?
            if let measureText {
                measure = AssessmentScheme.Measure(rawValue: measureText)
                if measure == nil {
                    diagnostics.error(
                        at: reader.location(of: "measure"), "未知的计分方式 '\(measureText)'",
                        hint: "measure 写 " + AssessmentScheme.Measure.allCases.map(\.rawValue).joined(separator: "、") + " 之一")
                    problems = true
                }
            }
            if let name {
                if let first = seen[name] {
                    diagnostics.error(
                        at: reader.location(of: "name"), "考核项目 '\(name)' 重复，第一次出现在第 \(first.line) 行",
                        hint: "每个考核项目只写一次")
                    problems = true
                } else {
                    seen[name] = reader.location(of: "name")
                }
            }
            var resolvedTarget = target
            if let measure {
                if measure == .manual, target != nil {
                    diagnostics.error(
                        at: reader.location(of: "target"), "手工打分的考核项目不写 target",
                        hint: "target 只用于由门户数据计算的项目；删掉这一行")
                    problems = true
                } else if measure == .coverage, let target, target > 100 {
                    diagnostics.error(
                        at: reader.location(of: "target"), "组织覆盖率的 target 是百分数，\(target) 超过 100",
                        hint: "写覆盖率达到多少（%）得满分，如 target: 60")
                    problems = true
                } else if measure.isComputed, target == nil {
                    if measure == .demonstrationSites, let minimum = config.targets.demonstrationSitesPerDistrict {
                        resolvedTarget = minimum
                    } else {
                        diagnostics.error(
                            at: item.location, "考核项目 '\(name ?? "")' 按\(measure.rawValue)计分，缺少 target",
                            hint: "加一行 target: …，写达到多少\(measure.unit)得满分")
                        problems = true
                    }
                }
            }
            guard let name, let weight, let measure, let basis, !problems else {
                failed = true
                continue
            }
            dimensions.append(
                AssessmentScheme.Dimension(
                    name: name, weight: weight, measure: measure, target: resolvedTarget, basis: basis, source: item.location))
        }
        if !failed {
            let total = dimensions.reduce(0) { $0 + $1.weight }
            if total != 100 {
                diagnostics.error(
                    at: value.location,
                    "考核各项权重合计 \(total)，应为 100（" + dimensions.map { "\($0.name) \($0.weight)" }.joined(separator: "、") + "）",
                    hint: "调整各项的 weight，使合计为 100")
                failed = true
            }
        }
        return failed ? nil : dimensions
    }

    private static func decodeScores(
        _ value: YAMLValue, dimensions: [AssessmentScheme.Dimension], lookup: TaxonLookup, today: Day,
        diagnostics: inout Diagnostics
    ) -> [AssessmentScheme.Entry]? {
        guard case .sequence(let items, _) = value else {
            diagnostics.error(
                at: value.location, "'scores' 应为列表，这里是 \(value.kindDescription)",
                hint: "每区每年一条，以 - year: … 开头，写 district 和各手工打分项目的得分")
            return nil
        }
        let manual = dimensions.filter { $0.measure == .manual }
        let computed = Dictionary(
            dimensions.filter(\.measure.isComputed).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var entries: [AssessmentScheme.Entry] = []
        var seen: [String: SourceLocation] = [:]
        var firstOfYear: [Int: SourceLocation] = [:]
        var failed = false
        for item in items {
            var reader = RecordReader(item, recordName: "考核分数", diagnostics: &diagnostics)
            let year = reader.integer("year", in: 2000...2100)
            let districtName = reader.string("district")
            var scores: [String: Double] = [:]
            var problems = false
            for dimension in manual {
                guard let score = reader.decimal(dimension.name, in: 0...1000) else { continue }
                if score > Double(dimension.weight) {
                    diagnostics.error(
                        at: reader.location(of: dimension.name),
                        "'\(dimension.name)' 得分 \(reader.rawText(dimension.name) ?? "\(score)") 超过该项权重 \(dimension.weight)",
                        hint: "得分在 0 到 \(dimension.weight) 之间")
                    problems = true
                }
                scores[dimension.name] = score
            }
            for key in reader.keys {
                guard let dimension = computed[key] else { continue }
                reader.accept(key)
                diagnostics.error(
                    at: reader.location(of: key), "'\(key)' 由门户按\(dimension.measure.rawValue)计算，不手工录入",
                    hint: "删掉这一行；要手工打分，把该项目的 measure 改为 手工打分")
                problems = true
            }
            reader.finish()
            diagnostics.append(contentsOf: reader.diagnostics)
            problems = problems || reader.diagnostics.hasErrors
            let district = lookup.district(districtName, at: reader.location(of: "district"), diagnostics: &diagnostics)
            if let year, year > today.year {
                diagnostics.error(
                    at: reader.location(of: "year"), "考核年度 \(year) 晚于今年（\(today.year)）",
                    hint: "只录入已经开展的考核")
                problems = true
            }
            if let year, let district {
                let key = "\(year) \(district.slug)"
                if let first = seen[key] {
                    diagnostics.error(
                        at: reader.location(of: "district"), "\(district.name) \(year) 年的考核分数重复，第一次出现在第 \(first.line) 行",
                        hint: "每区每年只写一条")
                    problems = true
                } else {
                    seen[key] = reader.location(of: "district")
                }
                if firstOfYear[year] == nil { firstOfYear[year] = item.location }
            }
            guard let year, let district, !problems else {
                failed = true
                continue
            }
            entries.append(AssessmentScheme.Entry(year: year, district: district, scores: scores, source: item.location))
        }
        // A year is ranked only when every district is scored.
        for (year, location) in firstOfYear.sorted(by: { $0.key < $1.key }) {
            let scored = Set(entries.filter { $0.year == year }.map(\.district.slug))
            let missing = lookup.config.districts.filter { !scored.contains($0.slug) }
            guard !failed, !missing.isEmpty else { continue }
            diagnostics.error(
                at: location, "\(year) 年缺少 " + missing.map(\.name).joined(separator: "、") + " 的考核分数",
                hint: "每个区都要有一条 - year: \(year)，否则排名不完整")
            failed = true
        }
        return failed ? nil : entries
    }
}
