import TrellisCore
import TrellisServices

/// The district dashboard page: one row per school, linked to its dashboard, and the totals.
struct DistrictDashboardView {
    struct Column {
        let label: String
    }

    struct Row {
        let name: String
        let path: String?
        let people: String
        let cells: [Cell]
        let stalled: String
        let cohorts: String
        let coaching: String
    }

    struct Cell {
        let label: String
        let value: String
    }

    let heading = "District dashboard"
    let intro: String
    let statusColumns: [Column]
    let recencyColumns: [Column]
    let rows: [Row]
    let total: Row
    let csvPath = SiteRoute.districtDashboardCSV.path
    let countsPath = SiteRoute.coachingCounts.path

    init(_ dashboard: DistrictDashboard) {
        intro = "The \(dashboard.year.label) school year as of \(dashboard.today.longForm), school by school: plans by status, check-ins of "
            + "plans under way (the rhythm is every \(dashboard.rhythm.label)), stalled plans, cohorts and coaching sessions. Counts only."
        let statusLabels = DistrictDashboard.statuses.map { $0?.label ?? "No plan yet" }
        let recencyLabels = DistrictDashboard.recency.map { "Check-ins: " + $0.label(rhythm: dashboard.rhythm) }
        statusColumns = statusLabels.map(Column.init)
        recencyColumns = recencyLabels.map(Column.init)
        func row(_ row: DistrictDashboard.Row, linked: Bool) -> Row {
            let labels = statusLabels + recencyLabels
            let values = (row.statuses + row.recency).map(String.init)
            return Row(name: row.name, path: linked ? row.schoolID.map { SiteRoute.schoolDashboard($0).path } : nil, people: String(row.people),
                       cells: zip(labels, values).map(Cell.init), stalled: String(row.stalled), cohorts: String(row.cohorts),
                       coaching: "\(row.coachingSessions) (\(CountsView.hours(row.coachingMinutes)) h)")
        }
        rows = dashboard.rows.map { row($0, linked: true) }
        total = row(dashboard.total, linked: false)
    }
}
