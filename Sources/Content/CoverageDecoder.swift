import Core
import Model

/// Reads `data/coverage.yaml`: the 两个覆盖 snapshots, each as of a day, with a row of counts
/// per district and category and the named clusters. Every count is checked against the
/// others of its row, so that a rate above 100% cannot be published.
enum CoverageDecoder {
    /// The count keys of a row, in the order they are written and imported.
    static let countKeys = ["entities", "standalone", "joint", "affiliated", "with_members", "members", "instructed"]

    /// The snapshots, oldest first, and a warning at each district whose coverage fell between
    /// the last two.
    static func decode(
        _ root: YAMLValue?, lookup: TaxonLookup, today: Day, diagnostics: inout Diagnostics
    ) -> [CoverageSnapshot] {
        guard let root else { return [] }
        guard case .sequence(let items, _) = root else {
            diagnostics.error(at: root.location, "coverage.yaml 应为列表", hint: "每次统计以 - as_of: YYYY-MM-DD 开头，下面写 rows 和 clusters")
            return []
        }
        var snapshots: [CoverageSnapshot] = []
        var seen: [Day: SourceLocation] = [:]
        for item in items {
            var reader = RecordReader(item, recordName: "两个覆盖统计", diagnostics: &diagnostics)
            let asOf = reader.day("as_of")
            let rowsValue = reader.nested("rows")
            let clustersValue = reader.nested("clusters", required: false)
            reader.finish()
            diagnostics.append(contentsOf: reader.diagnostics)
            var valid = !reader.diagnostics.hasErrors
            if let asOf {
                let location = reader.location(of: "as_of")
                if asOf > today {
                    diagnostics.error(
                        at: location, "统计日期 \(asOf) 晚于今天（\(today)）", hint: "as_of 写数据统计截止的那一天，只记已经统计完成的数据")
                    valid = false
                } else if let first = seen[asOf] {
                    diagnostics.error(
                        at: location, "统计日期 \(asOf) 重复，第一次出现在第 \(first.line) 行",
                        hint: "同一天的数据写在同一个 as_of 下；删掉或改正这一个")
                    valid = false
                } else {
                    seen[asOf] = location
                }
            }
            let rows = rowsValue.flatMap { decodeRows($0, lookup: lookup, diagnostics: &diagnostics) }
            let clusters =
                clustersValue.map { decodeClusters($0, lookup: lookup, diagnostics: &diagnostics) } ?? []
            guard valid, let asOf, let rows, let clusters else { continue }
            snapshots.append(CoverageSnapshot(asOf: asOf, rows: rows, clusters: clusters, source: item.location))
        }
        snapshots.sort { $0.asOf < $1.asOf }
        for loss in CoverageLoss.all(snapshots, districts: lookup.config.districts) {
            diagnostics.warning(at: loss.source, lossMessage(loss), hint: lossHint(loss))
        }
        return snapshots
    }

    static func lossMessage(_ loss: CoverageLoss) -> String {
        let before = loss.previous
        let after = loss.latest
        // Fewer organisations is the loss even where the rate rose with fewer entities.
        let what = after.organized < before.organized ? "建有党组织的户数减少" : "组织覆盖率下降"
        return
            "\(loss.district.name)\(what)：\(loss.previousAsOf) 为 \(before.organized) 户（覆盖率 \(CoverageCounts.percent(before.organizationRate))），"
            + "\(loss.latestAsOf) 为 \(after.organized) 户（覆盖率 \(CoverageCounts.percent(after.organizationRate))）"
    }

    static func lossHint(_ loss: CoverageLoss) -> String {
        "核对\(loss.district.name)各行的户数和单独建、联合建、挂靠建户数；数据无误时，该区须查明党组织减少的原因并补建"
    }

    /// Nil when any row had an error.
    private static func decodeRows(_ value: YAMLValue, lookup: TaxonLookup, diagnostics: inout Diagnostics) -> [CoverageRow]? {
        guard case .sequence(let items, _) = value else {
            diagnostics.error(
                at: value.location, "'rows' 应为列表，这里是 \(value.kindDescription)",
                hint: "每行以 - district: … 开头，写 category 和各项户数")
            return nil
        }
        var rows: [CoverageRow] = []
        var seen: [String: SourceLocation] = [:]
        var failed = false
        for item in items {
            var reader = RecordReader(item, recordName: "覆盖数据行", diagnostics: &diagnostics)
            let districtName = reader.string("district")
            let categoryName = reader.string("category")
            var numbers: [String: Int] = [:]
            for key in countKeys {
                numbers[key] = reader.integer(key, in: 0...100_000_000)
            }
            reader.finish()
            diagnostics.append(contentsOf: reader.diagnostics)
            var problems = reader.diagnostics.hasErrors
            let district = lookup.district(districtName, at: reader.location(of: "district"), diagnostics: &diagnostics)
            let category = lookup.category(categoryName, at: reader.location(of: "category"), diagnostics: &diagnostics)
            if let district, let category {
                let key = district.slug + "|" + category.slug
                if let first = seen[key] {
                    diagnostics.error(
                        at: reader.location(of: "district"),
                        "\(district.name)\(category.name)的数据在这次统计中重复，第一次出现在第 \(first.line) 行",
                        hint: "每个区县的每个类别只写一行；合并两行的户数，删掉这一行")
                    problems = true
                } else {
                    seen[key] = reader.location(of: "district")
                }
            }
            let values = countKeys.compactMap { numbers[$0] }
            guard let district, let category, values.count == countKeys.count, !problems else {
                failed = true
                continue
            }
            let counts = CoverageCounts(
                entities: values[0], standalone: values[1], joint: values[2], affiliated: values[3], withMembers: values[4],
                members: values[5], instructed: values[6])
            if !check(counts, reader: reader, diagnostics: &diagnostics) {
                failed = true
                continue
            }
            rows.append(CoverageRow(district: district, category: category, counts: counts, source: item.location))
        }
        return failed ? nil : rows
    }

    /// The counts of a row against each other; false when one cannot be.
    private static func check(_ counts: CoverageCounts, reader: RecordReader, diagnostics: inout Diagnostics) -> Bool {
        var valid = true
        if counts.organized > counts.entities {
            diagnostics.error(
                at: reader.location(of: "standalone"),
                "建有党组织的户数 \(counts.organized)（单独建 \(counts.standalone) + 联合建 \(counts.joint) + 挂靠建 \(counts.affiliated)）超过户数 \(counts.entities)",
                hint: "每户只按一种建立方式计一次；核对 entities 和 standalone、joint、affiliated")
            valid = false
        } else if counts.organized + counts.instructed > counts.entities {
            diagnostics.error(
                at: reader.location(of: "instructed"),
                "建有党组织的 \(counts.organized) 户加选派党建指导员的 \(counts.instructed) 户超过户数 \(counts.entities)",
                hint: "instructed 只计没有建立党组织、由党建指导员覆盖的户数")
            valid = false
        }
        if counts.withMembers > counts.entities {
            diagnostics.error(
                at: reader.location(of: "with_members"), "有党员的户数 \(counts.withMembers) 超过户数 \(counts.entities)",
                hint: "with_members 是有党员的经营主体户数，不是党员人数；党员人数写在 members")
            valid = false
        }
        if counts.members < counts.withMembers {
            diagnostics.error(
                at: reader.location(of: "members"), "党员人数 \(counts.members) 少于有党员的户数 \(counts.withMembers)",
                hint: "每个有党员的户至少有一名党员；核对 members 和 with_members")
            valid = false
        }
        return valid
    }

    /// Nil when any cluster had an error.
    private static func decodeClusters(
        _ value: YAMLValue, lookup: TaxonLookup, diagnostics: inout Diagnostics
    ) -> [CoverageCluster]? {
        guard case .sequence(let items, _) = value else {
            diagnostics.error(
                at: value.location, "'clusters' 应为列表，这里是 \(value.kindDescription)",
                hint: "每个集聚区以 - kind: … 开头，写 name、district、members 和 organized")
            return nil
        }
        var clusters: [CoverageCluster] = []
        var failed = false
        for item in items {
            var reader = RecordReader(item, recordName: "集聚区", diagnostics: &diagnostics)
            let kindText = reader.string("kind")
            let name = reader.string("name")
            let districtName = reader.string("district")
            let members = reader.integer("members", in: 0...100_000_000)
            let organized = reader.boolean("organized")
            reader.finish()
            diagnostics.append(contentsOf: reader.diagnostics)
            let district = lookup.district(districtName, at: reader.location(of: "district"), diagnostics: &diagnostics)
            var kind: CoverageCluster.Kind?
            if let kindText {
                kind = CoverageCluster.Kind(rawValue: kindText)
                if kind == nil {
                    diagnostics.error(
                        at: reader.location(of: "kind"), "未知的集聚区类型 '\(kindText)'", hint: "kind 写 园区、楼宇、商圈 或 专业市场")
                }
            }
            guard let kind, let name, let district, let members, let organized, !reader.diagnostics.hasErrors else {
                failed = true
                continue
            }
            clusters.append(
                CoverageCluster(
                    kind: kind, name: name, district: district, members: members, isOrganized: organized,
                    source: item.location))
        }
        return failed ? nil : clusters
    }
}
