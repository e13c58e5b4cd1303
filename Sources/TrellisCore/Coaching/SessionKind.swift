/// The kinds of coaching contact Trellis logs. An informal contact is the one a log usually misses: a word in the
/// hallway, an email, a phone call.
public enum SessionKind: String, Sendable, Hashable, Codable, CaseIterable {
    case planning
    case observation
    case modeling
    case coTeaching = "co_teaching"
    case feedback
    case plcFacilitation = "plc_facilitation"
    case informal

    public var label: String {
        switch self {
        case .planning: "Planning conversation"
        case .observation: "Observation"
        case .modeling: "Modeling (demonstration lesson)"
        case .coTeaching: "Co-teaching"
        case .feedback: "Feedback conversation"
        case .plcFacilitation: "PLC facilitation"
        case .informal: "Informal contact"
        }
    }

    /// The "learn" part of a cycle: seeing practice, the coach's or the educator's.
    public var isLearning: Bool { self == .observation || self == .modeling || self == .coTeaching }

    /// The kinds scheduled as sessions (the informal contact has its own short form).
    public static let scheduled: [SessionKind] = allCases.filter { $0 != .informal }
}

/// How an informal contact happened.
public enum ContactChannel: String, Sendable, Hashable, Codable, CaseIterable {
    case hallway
    case email
    case phone
    case video
    case message

    public var label: String {
        switch self {
        case .hallway: "In person, in passing"
        case .email: "Email"
        case .phone: "Phone"
        case .video: "Video call"
        case .message: "Text or chat message"
        }
    }
}
