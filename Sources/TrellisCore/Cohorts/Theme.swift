/// An emerging theme the facilitator finds in a cohort's vision: what should change for students, what teachers
/// will do to bring it about, and the statements it grew from.
public struct Theme: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Identifier<Theme>

    public var id: ID
    public var cohortID: Cohort.ID
    /// e.g. "Students create, not only consume".
    public var title: String
    /// Required: a theme is about students first.
    public var studentOutcome: String
    public var teacherAction: String
    /// The statements behind the theme, in the facilitator's order.
    public var statementIDs: [VisioningStatement.ID]

    public init(id: ID, cohortID: Cohort.ID, title: String, studentOutcome: String, teacherAction: String = "",
                statementIDs: [VisioningStatement.ID] = []) {
        self.id = id
        self.cohortID = cohortID
        self.title = title
        self.studentOutcome = studentOutcome
        self.teacherAction = teacherAction
        self.statementIDs = statementIDs
    }
}
