import Core

/// The annual performance assessment (考核) of `data/assessment.yaml`: the dimensions each
/// district is scored on, with their weights (adding up to 100) and how each is measured, and
/// the scores the assessment group entered by hand.
public struct AssessmentScheme: Sendable, Hashable, Codable {
    public struct Dimension: Sendable, Hashable, Codable {
        /// 体制机制, 两个覆盖, 典型示范, 教育培训: the scheme's own words.
        public var name: String
        public var weight: Int
        public var measure: Measure
        /// The figure that earns the full weight, for a measure computed from the portal's data:
        /// a coverage rate in percent, or a number of sites, heads trained or cases. For
        /// demonstration sites it defaults to `portal.yaml`'s minimum per district.
        public var target: Int?
        /// What the dimension assesses, in a sentence, shown under the scorecard.
        public var basis: String
        public var source: SourceLocation

        public init(name: String, weight: Int, measure: Measure, target: Int?, basis: String, source: SourceLocation) {
            self.name = name
            self.weight = weight
            self.measure = measure
            self.target = target
            self.basis = basis
            self.source = source
        }
    }

    /// How a dimension's score is found: entered by hand, or computed from the data at build time.
    public enum Measure: String, Sendable, Hashable, CaseIterable, Codable {
        case manual = "手工打分"
        /// The district's 组织覆盖率 in its latest coverage snapshot of the year.
        case coverage = "组织覆盖率"
        /// Its demonstration sites set up by the end of the year.
        case demonstrationSites = "示范点数"
        /// The party-organisation heads of its training classes of the year.
        case trainedHeads = "轮训书记人数"
        /// Its cases published with a date in the year.
        case cases = "发布案例数"

        public var isComputed: Bool { self != .manual }

        /// A figure of the measure as the scorecard writes it: `35.2%`, `3 个`, `30 人`.
        public func figure(_ value: Double) -> String {
            self == .coverage ? Scorecard.points(value) + "%" : "\(Scorecard.points(value)) \(unit)"
        }

        /// What the target counts, after its figure: `%`, `个`, `人`, `篇`.
        public var unit: String {
            switch self {
            case .manual: return "分"
            case .coverage: return "%"
            case .demonstrationSites: return "个"
            case .trainedHeads: return "人"
            case .cases: return "篇"
            }
        }
    }

    /// The hand-entered scores of one district for one year, by dimension name.
    public struct Entry: Sendable, Hashable, Codable {
        public var year: Int
        public var district: Taxon
        public var scores: [String: Double]
        public var source: SourceLocation

        public init(year: Int, district: Taxon, scores: [String: Double], source: SourceLocation) {
            self.year = year
            self.district = district
            self.scores = scores
            self.source = source
        }
    }

    public var dimensions: [Dimension]
    public var entries: [Entry]

    public init(dimensions: [Dimension], entries: [Entry]) {
        self.dimensions = dimensions
        self.entries = entries
    }

    /// The years scored, newest first.
    public var years: [Int] { Set(entries.map(\.year)).sorted(by: >) }
}
