/// What the trials of the district say about each tool, side by side: every trial's verdict and result change, and
/// how many trials reached each verdict. Pure, so the adoption view, its CSV and the tests read the same numbers.
public struct TrialSummary: Sendable, Hashable {
    /// One trial as the adoption view shows it.
    public struct Line: Sendable, Hashable {
        public let trialID: EfficacyTrial.ID
        public let question: String
        public let measure: String
        public let baseline: Quantity?
        public let result: Quantity?
        public let change: Quantity?
        public let verdict: EfficacyTrial.Verdict?
        public let studentCount: Int?
        public let startsOn: CalendarDate
        public let endsOn: CalendarDate?
    }

    /// One tool's trials.
    public struct ToolLine: Sendable, Hashable {
        public let toolID: DigitalTool.ID
        /// Finished trials first, the latest start first within each group.
        public let trials: [Line]
        public let verdictCounts: [EfficacyTrial.Verdict: Int]
        public let running: Int
        public let students: Int

        public func count(_ verdict: EfficacyTrial.Verdict) -> Int { verdictCounts[verdict] ?? 0 }
    }

    public let tools: [DigitalTool.ID: ToolLine]

    public init(_ trials: [EfficacyTrial]) {
        var tools: [DigitalTool.ID: ToolLine] = [:]
        for (toolID, group) in Dictionary(grouping: trials, by: \.toolID) {
            let ordered = group.sorted { lhs, rhs in
                if lhs.isFinished != rhs.isFinished { return lhs.isFinished }
                if lhs.startsOn != rhs.startsOn { return lhs.startsOn > rhs.startsOn }
                return lhs.id < rhs.id
            }
            var counts: [EfficacyTrial.Verdict: Int] = [:]
            for verdict in group.compactMap(\.verdict) { counts[verdict, default: 0] += 1 }
            tools[toolID] = ToolLine(
                toolID: toolID,
                trials: ordered.map { trial in
                    Line(trialID: trial.id, question: trial.question, measure: trial.measure, baseline: trial.baseline, result: trial.result,
                         change: trial.change, verdict: trial.verdict, studentCount: trial.studentCount, startsOn: trial.startsOn,
                         endsOn: trial.endsOn)
                },
                verdictCounts: counts, running: group.filter { !$0.isFinished }.count,
                students: group.compactMap(\.studentCount).reduce(0, +))
        }
        self.tools = tools
    }

    /// The tool's line; an empty one for a tool nobody has tried.
    public func line(for tool: DigitalTool.ID) -> ToolLine {
        tools[tool] ?? ToolLine(toolID: tool, trials: [], verdictCounts: [:], running: 0, students: 0)
    }
}
