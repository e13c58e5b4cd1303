import TrellisCore
import TrellisServices

/// The cohort page: the vision (current beside ideal), the themes with the statements behind them, and every PLC
/// with its goal and roll-up. Built from `CohortService.Overview` alone.
struct CohortOverviewView {
    struct Card {
        let text: String
        /// The author's name, or "Without a name".
        let author: String
    }

    struct ThemeLine {
        let title: String
        let studentOutcome: String
        let teacherAction: String
        let statements: [Card]
        let hasStatements: Bool
    }

    struct PLCLine {
        let name: String
        let path: String
        let theme: String?
        let goal: String?
        let rollUp: RollUpView
    }

    struct Link {
        let label: String
        let path: String
    }

    let name: String
    let facilitator: String
    let year: String
    let memberCount: String
    let current: [Card]
    let ideal: [Card]
    let hasVision: Bool
    let visionNote: String
    let themes: [ThemeLine]
    let hasThemes: Bool
    let plcs: [PLCLine]
    let hasPLCs: Bool
    let openRound: String?
    let visioningPath: String
    let setup: [Link]
    let isFacilitator: Bool

    init(_ overview: CohortService.Overview) {
        let cohort = overview.cohort.cohort
        let names = overview.names
        func card(_ statement: VisioningStatement) -> Card {
            Card(text: statement.text, author: statement.authorID.flatMap { names[$0] } ?? "Without a name")
        }
        name = cohort.name
        facilitator = names[cohort.facilitatorID] ?? ""
        year = cohort.schoolYear.label
        memberCount = Plural.count(cohort.members.count, "member")
        current = overview.statements.filter { $0.kind == .current }.map(card)
        ideal = overview.statements.filter { $0.kind == .ideal }.map(card)
        hasVision = !overview.statements.isEmpty
        visionNote = overview.cohort.isFacilitator ? "Every statement members posted." : "The statements behind the cohort’s themes."
        let byID = Dictionary(overview.statements.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        themes = overview.themes.map { theme in
            let cards = theme.statementIDs.compactMap { byID[$0] }.map(card)
            return ThemeLine(title: theme.title, studentOutcome: theme.studentOutcome, teacherAction: theme.teacherAction,
                             statements: cards, hasStatements: !cards.isEmpty)
        }
        hasThemes = !themes.isEmpty
        let roles = Dictionary(cohort.members.map { ($0.personID, $0.role) }, uniquingKeysWith: { first, _ in first })
        let titles = Dictionary(overview.themes.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        plcs = overview.plcs.map { entry in
            PLCLine(name: entry.plc.name, path: SiteRoute.plc(cohort.id, entry.plc.id).path, theme: entry.plc.themeID.flatMap { titles[$0] },
                    goal: entry.plc.goal?.statement, rollUp: RollUpView(entry.rollUp, names: names, roles: roles))
        }
        hasPLCs = !plcs.isEmpty
        openRound = overview.rounds.first(where: \.isOpen)?.prompt
        visioningPath = SiteRoute.cohortSection(cohort.id, "visioning").path
        isFacilitator = overview.cohort.isFacilitator
        setup = isFacilitator ? [Link(label: "Members and PLCs", path: SiteRoute.cohortSection(cohort.id, "members").path),
                                 Link(label: "Visioning rounds", path: visioningPath),
                                 Link(label: "Group statements into themes", path: SiteRoute.cohortSection(cohort.id, "themes").path)] : []
    }
}
