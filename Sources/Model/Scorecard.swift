import Core

/// One district's assessment (考核) for one year: each dimension of the scheme scored, from the
/// hand-entered score or from the portal's own data, with the evidence that counted, and its
/// rank among the districts. Computed at build time, never typed twice.
public struct Scorecard: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public var dimension: AssessmentScheme.Dimension
        /// Out of the dimension's weight, to one decimal.
        public var score: Double
        /// The figure reached, for a computed measure: the rate in percent, or the count.
        public var measured: Double?
        /// The cases, sites, training classes or coverage snapshot that the score counts.
        public var evidence: [Evidence]
    }

    public enum Evidence: Sendable, Hashable {
        case site(Site)
        case caseStudy(CaseStudy)
        case training(TrainingSession)
        /// The coverage snapshot the rate was read from.
        case coverage(asOf: Day)
    }

    public var year: Int
    public var district: Taxon
    public var items: [Item]
    /// 1 for the highest total; districts with equal totals share a rank.
    public var rank: Int

    public var total: Double { Self.tenths(items.reduce(0) { $0 + $1.score }) }

    /// The scorecards of every year that has scores, newest first, each year's ranked.
    public static func all(_ portal: Portal) -> [(year: Int, cards: [Scorecard])] {
        guard let scheme = portal.assessment else { return [] }
        return scheme.years.map { year in
            let entries = scheme.entries.filter { $0.year == year }
            let unranked = portal.config.districts.compactMap { district -> Scorecard? in
                guard let entry = entries.first(where: { $0.district == district }) else { return nil }
                let items = scheme.dimensions.map { dimension in
                    item(dimension, district: district, year: year, entry: entry, portal: portal)
                }
                return Scorecard(year: year, district: district, items: items, rank: 0)
            }
            return (year, ranked(unranked))
        }
    }

    /// Highest total first; equal totals keep the order of `portal.yaml` and share a rank.
    static func ranked(_ cards: [Scorecard]) -> [Scorecard] {
        let sorted = cards.enumerated().sorted { ($1.element.total, $0.offset) < ($0.element.total, $1.offset) }
            .map(\.element)
        var result: [Scorecard] = []
        for (position, var card) in sorted.enumerated() {
            card.rank = result.last.map { $0.total == card.total ? $0.rank : position + 1 } ?? 1
            result.append(card)
        }
        return result
    }

    private static func item(
        _ dimension: AssessmentScheme.Dimension, district: Taxon, year: Int, entry: AssessmentScheme.Entry, portal: Portal
    ) -> Item {
        let weight = Double(dimension.weight)
        func scored(_ measured: Double, _ evidence: [Evidence]) -> Item {
            let target = Double(dimension.target ?? 0)
            let share = target > 0 ? min(1, measured / target) : 0
            return Item(dimension: dimension, score: tenths(weight * share), measured: measured, evidence: evidence)
        }
        switch dimension.measure {
        case .manual:
            return Item(dimension: dimension, score: entry.scores[dimension.name] ?? 0, measured: nil, evidence: [])
        case .coverage:
            guard let (rate, asOf) = organisationRate(of: district, in: year, portal: portal) else { return scored(0, []) }
            return scored(rate, [.coverage(asOf: asOf)])
        case .demonstrationSites:
            let sites = portal.sites.filter { $0.kind == .demonstration && $0.district == district && $0.since <= year }
            return scored(Double(sites.count), sites.map(Evidence.site))
        case .trainedHeads:
            let sessions = portal.training.filter { $0.district == district && $0.date.year == year }
            return scored(Double(sessions.reduce(0) { $0 + $1.orgHeads }), sessions.map(Evidence.training))
        case .cases:
            let cases = portal.cases.filter {
                $0.district == district && $0.date.year == year && $0.publication.status == .published
            }
            return scored(Double(cases.count), cases.map(Evidence.caseStudy))
        }
    }

    static func tenths(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    /// A score as the scorecard prints it: `18`, `27.5`.
    public static func points(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
