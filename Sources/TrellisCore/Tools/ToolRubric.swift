/// How a coach and an educator judged a tool for their students, criterion by criterion (ISTE Standards for
/// Coaches 3b): a rating and a comment for each. A criterion not judged yet has no rating.
public struct ToolRubric: Sendable, Hashable, Codable {
    public enum Criterion: String, Sendable, Hashable, Codable, CaseIterable {
        case culturalRelevance = "cultural_relevance"
        case developmentalAppropriateness = "developmental_appropriateness"
        case standardsAlignment = "standards_alignment"

        public var label: String {
            switch self {
            case .culturalRelevance: "Cultural relevance"
            case .developmentalAppropriateness: "Developmental appropriateness"
            case .standardsAlignment: "Alignment to standards"
            }
        }

        /// The question a rating answers, shown beside the choice.
        public var question: String {
            switch self {
            case .culturalRelevance: "Do our students see themselves, their languages and communities in it?"
            case .developmentalAppropriateness: "Does it fit the age, reading level and attention of these students?"
            case .standardsAlignment: "Does it teach or practise the standards the goal is about?"
            }
        }
    }

    public enum Rating: String, Sendable, Hashable, Codable, CaseIterable {
        case strong
        case partial
        case weak

        public var label: String {
            switch self {
            case .strong: "Strong"
            case .partial: "Partly"
            case .weak: "Weak"
            }
        }
    }

    /// One criterion's judgement.
    public struct Judgement: Sendable, Hashable, Codable {
        public var rating: Rating?
        public var comment: String

        public init(rating: Rating? = nil, comment: String = "") {
            self.rating = rating
            self.comment = comment
        }
    }

    public var culturalRelevance: Judgement
    public var developmentalAppropriateness: Judgement
    public var standardsAlignment: Judgement

    public init(culturalRelevance: Judgement = .init(), developmentalAppropriateness: Judgement = .init(),
                standardsAlignment: Judgement = .init()) {
        self.culturalRelevance = culturalRelevance
        self.developmentalAppropriateness = developmentalAppropriateness
        self.standardsAlignment = standardsAlignment
    }

    public subscript(criterion: Criterion) -> Judgement {
        get {
            switch criterion {
            case .culturalRelevance: culturalRelevance
            case .developmentalAppropriateness: developmentalAppropriateness
            case .standardsAlignment: standardsAlignment
            }
        }
        set {
            switch criterion {
            case .culturalRelevance: culturalRelevance = newValue
            case .developmentalAppropriateness: developmentalAppropriateness = newValue
            case .standardsAlignment: standardsAlignment = newValue
            }
        }
    }

    /// How many criteria have a rating.
    public var ratedCount: Int { Criterion.allCases.filter { self[$0].rating != nil }.count }
}
