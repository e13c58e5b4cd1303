import Foundation

/// A piece of digital learning content or a tool in the district's catalogue: what it is, whom it is for, what it
/// supports, and the paperwork behind it (a data-privacy agreement, a licence). Educators and coaches propose tools;
/// a district admin approves them, and only approved tools are tried in classrooms.
public struct DigitalTool: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Identifier<DigitalTool>

    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case app
        case platform
        case contentCollection = "content_collection"
        case device

        public var label: String {
            switch self {
            case .app: "App"
            case .platform: "Platform"
            case .contentCollection: "Content collection"
            case .device: "Device"
            }
        }
    }

    /// Where a tool stands in the catalogue.
    public enum Approval: String, Sendable, Hashable, Codable, CaseIterable {
        /// Proposed by an educator or coach, waiting for a district admin.
        case proposed
        case approved
        /// No longer offered; kept so the trials that used it still name it.
        case retired

        public var label: String {
            switch self {
            case .proposed: "Waiting for approval"
            case .approved: "Approved"
            case .retired: "Retired"
            }
        }
    }

    public var id: ID
    public var organizationID: Organization.ID
    public var name: String
    /// Always https: the catalogue never sends people to a page anyone on the network can change on the way.
    public var link: URL
    public var kind: Kind
    /// What a person would call the subjects ("Mathematics", "Reading"), as typed.
    public var subjects: [String]
    public var gradeBands: [GradeBand]
    /// Identifiers of the standards the tool supports, as published ("CCSS.MATH.3.NF.A.1", "ISTE-C 3b").
    public var standards: [String]
    public var privacy: PrivacyAgreement
    public var licence: Licence
    /// What a seat costs a year, when known; exact (a decimal), never a binary fraction.
    public var costPerSeat: Decimal?
    /// Who looks after the tool for the district: a person or an office ("Instructional Technology").
    public var owner: String
    public var approval: Approval
    public var proposedBy: Person.ID
    public var proposedAt: Date

    public init(id: ID, organizationID: Organization.ID, name: String, link: URL, kind: Kind, subjects: [String] = [],
                gradeBands: [GradeBand] = [], standards: [String] = [], privacy: PrivacyAgreement = PrivacyAgreement(),
                licence: Licence = Licence(), costPerSeat: Decimal? = nil, owner: String = "", approval: Approval = .proposed,
                proposedBy: Person.ID, proposedAt: Date) {
        self.id = id
        self.organizationID = organizationID
        self.name = name
        self.link = link
        self.kind = kind
        self.subjects = subjects
        self.gradeBands = gradeBands
        self.standards = standards
        self.privacy = privacy
        self.licence = licence
        self.costPerSeat = costPerSeat
        self.owner = owner
        self.approval = approval
        self.proposedBy = proposedBy
        self.proposedAt = proposedAt
    }

    /// A link the catalogue accepts: https with a host. Anything else (http, javascript:, a bare word) is nil.
    public static func link(_ text: String) -> URL? {
        guard let url = URL(string: text.trimmingWhitespace()), url.scheme?.lowercased() == "https",
              let host = url.host, !host.isEmpty else { return nil }
        return url
    }

    /// Warnings that do not stop anything but that a person must see: an expired privacy agreement, a lapsed licence.
    public func warnings(today: CalendarDate) -> [String] {
        var warnings: [String] = []
        if let warning = privacy.warning(today: today) { warnings.append(warning) }
        if let renews = licence.renewsOn, licence.status == .licensed, renews < today {
            warnings.append("The licence renewal date, \(renews.longForm), has passed. Check the licence is still current.")
        }
        return warnings
    }

    /// Whether the licence comes up for renewal between `today` and `days` days from it, both included.
    public func renewsWithin(days: Int, of today: CalendarDate) -> Bool {
        guard let renews = licence.renewsOn, let last = today.adding(days: days) else { return false }
        return today <= renews && renews <= last
    }

    /// Whether the tool matches a search: every word found in its name, subjects, standards, owner or kind.
    public func matches(search text: String) -> Bool {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return true }
        let haystack = ([name, owner, kind.label] + subjects + standards).joined(separator: " ").lowercased()
        return words.allSatisfy { haystack.contains($0) }
    }

    /// Whether the tool lists `subject`, compared without regard to case.
    public func covers(subject: String) -> Bool {
        subjects.contains { $0.caseInsensitiveCompare(subject) == .orderedSame }
    }
}

/// The grade bands a tool is meant for.
public enum GradeBand: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case primary = "k-2"
    case upperElementary = "3-5"
    case middle = "6-8"
    case high = "9-12"

    public var label: String {
        switch self {
        case .primary: "K–2"
        case .upperElementary: "3–5"
        case .middle: "6–8"
        case .high: "9–12"
        }
    }

    public static func < (lhs: GradeBand, rhs: GradeBand) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The district's data-privacy agreement with the tool's vendor.
public struct PrivacyAgreement: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case onFile = "on_file"
        case pending
        case none

        public var label: String {
            switch self {
            case .onFile: "Agreement on file"
            case .pending: "Agreement in progress"
            case .none: "No agreement"
            }
        }
    }

    public var status: Status
    public var expiresOn: CalendarDate?

    public init(status: Status = .none, expiresOn: CalendarDate? = nil) {
        self.status = status
        self.expiresOn = expiresOn
    }

    /// An expired agreement is worth a warning, not a refusal: the record is still true, and someone must renew it.
    public func warning(today: CalendarDate) -> String? {
        guard status == .onFile, let expiresOn, expiresOn < today else { return nil }
        return "The data-privacy agreement expired on \(expiresOn.longForm). Renew it before students use the tool."
    }

    /// How a person reads it: "Agreement on file until June 30, 2027".
    public func label(today: CalendarDate) -> String {
        guard status == .onFile, let expiresOn else { return status.label }
        return expiresOn < today ? "Agreement expired \(expiresOn.longForm)" : "Agreement on file until \(expiresOn.longForm)"
    }
}

/// The district's licence for a tool.
public struct Licence: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case licensed
        /// Free to use, or free for schools: nothing to renew.
        case free
        case trial
        case none

        public var label: String {
            switch self {
            case .licensed: "Licensed"
            case .free: "Free"
            case .trial: "Vendor trial"
            case .none: "No licence"
            }
        }
    }

    public var status: Status
    public var renewsOn: CalendarDate?

    public init(status: Status = .none, renewsOn: CalendarDate? = nil) {
        self.status = status
        self.renewsOn = renewsOn
    }
}
