extension Policy {
    /// The follow-through dashboards: a school's for the leaders of that school, and for district admins (who see every
    /// school's and the district's across schools). They show where plans stand (status and dates); what a plan says
    /// is decided per plan by `.plan`, and coaching only ever as counts (`.coachingCounts`).
    static func canDashboard(_ actor: Actor, _ action: Action, schoolID: School.ID?) -> Bool {
        guard action == .read else { return false }
        if actor.has(.districtAdmin) { return true }
        return actor.has(.leader) && schoolID != nil && schoolID == actor.schoolID
    }
}
