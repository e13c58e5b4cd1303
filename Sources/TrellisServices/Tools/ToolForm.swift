import Foundation
import TrellisCore

/// What a person typed into the propose or change form of a tool, kept as typed so nothing is lost on a mistake.
public struct ToolForm: Sendable, Hashable {
    public var name = ""
    public var link = ""
    public var kind = ""
    /// Comma- or line-separated, as typed.
    public var subjects = ""
    public var gradeBands: [String] = []
    /// One standard identifier per line or comma-separated.
    public var standards = ""
    public var privacyStatus = PrivacyAgreement.Status.none.rawValue
    public var privacyExpiresOn = ""
    public var licenceStatus = Licence.Status.none.rawValue
    public var licenceRenewsOn = ""
    public var costPerSeat = ""
    public var owner = ""
    public var version: Int?

    public init() {}

    public init(_ tool: DigitalTool) {
        name = tool.name
        link = tool.link.absoluteString
        kind = tool.kind.rawValue
        subjects = tool.subjects.joined(separator: ", ")
        gradeBands = tool.gradeBands.map(\.rawValue)
        standards = tool.standards.joined(separator: "\n")
        privacyStatus = tool.privacy.status.rawValue
        privacyExpiresOn = tool.privacy.expiresOn?.iso ?? ""
        licenceStatus = tool.licence.status.rawValue
        licenceRenewsOn = tool.licence.renewsOn?.iso ?? ""
        costPerSeat = tool.costPerSeat.map(Quantity.text) ?? ""
        owner = tool.owner
    }

    static let lineLimit = 200

    /// Writes the form into `tool`, or throws every mistake at its field. A past privacy expiry is not a mistake:
    /// the tool's warnings show it.
    func apply(to tool: inout DigitalTool) throws {
        var errors = FieldErrors()
        let name = name.trimmingWhitespace()
        if name.isEmpty { errors["name"] = "Enter the tool's name, e.g. “Number Line Studio”." }
        else if name.count > Self.lineLimit { errors["name"] = "Keep the name under \(Self.lineLimit) characters." }
        let link = DigitalTool.link(self.link)
        if link == nil {
            errors["link"] = self.link.trimmingWhitespace().isEmpty ? "Enter the tool's web address, starting https://."
                : "Enter a web address starting https://, e.g. https://numberline.example. Plain http is not accepted."
        }
        let kind = DigitalTool.Kind(rawValue: kind)
        if kind == nil { errors["kind"] = "Choose what kind of tool it is." }
        let bands = gradeBands.compactMap(GradeBand.init(rawValue:))
        if bands.count != gradeBands.count { errors["grade_bands"] = "Choose grade bands from the list." }
        let privacy = PrivacyAgreement.Status(rawValue: privacyStatus)
        if privacy == nil { errors["privacy_status"] = "Choose the privacy agreement's status." }
        let expires = Self.date(privacyExpiresOn, field: "privacy_expires_on", into: &errors)
        if privacy == .onFile, expires == nil, errors["privacy_expires_on"] == nil {
            errors["privacy_expires_on"] = "Enter the day the agreement on file expires."
        }
        let licence = Licence.Status(rawValue: licenceStatus)
        if licence == nil { errors["licence_status"] = "Choose the licence's status." }
        let renews = Self.date(licenceRenewsOn, field: "licence_renews_on", into: &errors)
        var cost: Decimal?
        let costText = costPerSeat.trimmingWhitespace().replacingOccurrences(of: "$", with: "")
        if !costText.isEmpty {
            cost = Quantity.number(costText)
            if cost == nil || cost! < 0 { errors["cost_per_seat"] = "Enter the cost per seat as a number, e.g. 4.50, or leave it empty." }
        }
        let owner = owner.trimmingWhitespace()
        if owner.count > Self.lineLimit { errors["owner"] = "Keep the owner under \(Self.lineLimit) characters." }
        let subjects = Self.list(subjects)
        if subjects.contains(where: { $0.count > 80 }) { errors["subjects"] = "Keep each subject under 80 characters." }
        let standards = Self.list(standards)
        if standards.contains(where: { $0.count > 120 }) { errors["standards"] = "Keep each standard identifier under 120 characters." }
        try errors.throwIfAny()
        tool.name = name
        tool.link = link!
        tool.kind = kind!
        tool.subjects = subjects
        tool.gradeBands = Array(Set(bands)).sorted()
        tool.standards = standards
        tool.privacy = PrivacyAgreement(status: privacy!, expiresOn: expires)
        tool.licence = Licence(status: licence!, renewsOn: renews)
        tool.costPerSeat = cost
        tool.owner = owner
    }

    /// A list typed with commas or one per line, without blanks or repeats, in the order typed.
    static func list(_ text: String) -> [String] {
        var seen = Set<String>()
        return text.split(whereSeparator: { $0 == "," || $0.isNewline }).map { String($0).trimmingWhitespace() }
            .filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }

    /// An optional date: nil when empty, a message when it is not one.
    static func date(_ text: String, field: String, into errors: inout FieldErrors) -> CalendarDate? {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        guard let date = CalendarDate(iso: trimmed) else {
            errors[field] = "Enter the date as YYYY-MM-DD, e.g. 2027-06-30."
            return nil
        }
        return date
    }
}

/// Which part of the catalogue a person is looking for (the catalogue's GET parameters).
public struct CatalogueFilter: Sendable, Hashable {
    public var search = ""
    public var kind = ""
    public var subject = ""
    public var gradeBand = ""

    public init(search: String = "", kind: String = "", subject: String = "", gradeBand: String = "") {
        self.search = search
        self.kind = kind
        self.subject = subject
        self.gradeBand = gradeBand
    }

    /// Whether `tool` is one the filter lets through; a value that is not a kind or band filters nothing.
    public func admits(_ tool: DigitalTool) -> Bool {
        if let kind = DigitalTool.Kind(rawValue: kind), tool.kind != kind { return false }
        if let band = GradeBand(rawValue: gradeBand), !tool.gradeBands.contains(band) { return false }
        if !subject.isEmpty, !tool.covers(subject: subject) { return false }
        return tool.matches(search: search)
    }
}
