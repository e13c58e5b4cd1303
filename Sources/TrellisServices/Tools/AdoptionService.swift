import Foundation
import TrellisCore
import TrellisStore

/// The adoption view for leaders and the district: per tool, the shared trial summaries side by side with their
/// verdicts and results, how many plans and goals shortlist it, and its licence and privacy paperwork. Coaching notes
/// stay private: only summaries their people chose to share are read, and never a trial's notes or voices.
public struct AdoptionService: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    public var today: CalendarDate { env.today }

    /// How far ahead "renewal soon" looks.
    public static let renewalWindowDays = 90

    /// The view's GET parameters.
    public struct Filter: Sendable, Hashable {
        public var subject = ""
        public var gradeBand = ""
        public var renewingSoon = false

        public init(subject: String = "", gradeBand: String = "", renewingSoon: Bool = false) {
            self.subject = subject
            self.gradeBand = gradeBand
            self.renewingSoon = renewingSoon
        }
    }

    /// One tool's line.
    public struct Row: Sendable {
        public let tool: DigitalTool
        public let trials: TrialSummary.ToolLine
        public let plans: Int
        public let goals: Int
        public let warnings: [String]
    }

    public static func maySee(_ actor: Actor) -> Bool { Policy.can(actor, .read, .adoption(actor.organizationID)) }

    /// The catalogue's approved and retired tools that match `filter`, by name, each with its shared trials.
    public func rows(_ actor: Actor, _ filter: Filter) async throws -> [Row] {
        guard Self.maySee(actor) else { throw ServiceError.notFound }
        let scope = env.scope(actor)
        let today = today
        let tools = try await scope.digitalTools.all(approvals: [.approved, .retired]).map(\.tool).filter { tool in
            if !filter.subject.isEmpty, !tool.covers(subject: filter.subject) { return false }
            if let band = GradeBand(rawValue: filter.gradeBand), !tool.gradeBands.contains(band) { return false }
            return !filter.renewingSoon || tool.renewsWithin(days: Self.renewalWindowDays, of: today)
        }
        // The policy decides each summary, on top of the store's own choice of shared trials.
        let shared = try await scope.efficacyTrials.sharedTrials().filter { Policy.can(actor, .read, .trial(TrialAccess($0), .summary)) }
        let summary = TrialSummary(shared)
        let use = try await scope.toolShortlists.goalUse()
        return tools.map { tool in
            Row(tool: tool, trials: summary.line(for: tool.id), plans: use[tool.id]?.plans ?? 0, goals: use[tool.id]?.goals ?? 0,
                warnings: tool.warnings(today: today))
        }
    }

    /// The same rows as CSV, one line per tool and shared trial (a tool nobody tried has one line without a trial).
    public func csv(_ actor: Actor, _ filter: Filter) async throws -> Data {
        let rows = try await rows(actor, filter)
        var lines = [AdoptionCSV.columns]
        for row in rows {
            let tool = row.tool
            let toolCells = [tool.name, tool.kind.label, tool.approval.label, tool.subjects.joined(separator: "; "),
                             tool.gradeBands.map(\.label).joined(separator: "; "), tool.licence.status.label, tool.licence.renewsOn?.iso ?? "",
                             tool.privacy.status.label, tool.privacy.expiresOn?.iso ?? "", tool.costPerSeat.map(Quantity.text) ?? "",
                             String(row.plans), String(row.goals)]
            let trials = row.trials.trials
            if trials.isEmpty { lines.append(toolCells + Array(repeating: "", count: AdoptionCSV.trialColumnCount)) }
            for trial in trials {
                lines.append(toolCells + [trial.question, trial.measure, trial.baseline?.spoken() ?? "", trial.result?.spoken() ?? "",
                                          trial.change?.spoken(signed: true) ?? "", trial.verdict?.label ?? "Running",
                                          trial.studentCount.map(String.init) ?? "", trial.startsOn.iso, trial.endsOn?.iso ?? ""])
            }
        }
        return AdoptionCSV.make(lines)
    }
}

/// The adoption view as CSV: RFC 4180 (CRLF, quoted when needed, quotes doubled), UTF-8 with a byte order mark so
/// spreadsheets read names right, and a typed cell that starts like a formula kept as text (an apostrophe first).
enum AdoptionCSV {
    static let columns = ["tool", "kind", "catalogue", "subjects", "grade_bands", "licence", "licence_renews_on", "privacy",
                          "privacy_expires_on", "cost_per_seat", "plans", "goals", "trial_question", "measure", "baseline",
                          "result", "change", "verdict", "students", "starts_on", "ends_on"]
    static let trialColumnCount = 9

    static func make(_ lines: [[String]]) -> Data {
        let text = lines.map { $0.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
    }

    static func cell(_ value: String) -> String {
        var value = value
        // A change such as "+8.5 %" is Trellis's own number, not a formula; anything else starting so is typed text.
        if let first = value.first, "=+-@\t\r".contains(first), value.wholeMatch(of: /[-+][0-9.]+( .*)?/) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
