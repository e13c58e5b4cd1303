/// The sentences of a renewal tracker, in one place so every page, export and test reads the
/// same: "37.5 more clock hours, or 2 more growth plans, before June 30, 2029".
struct RenewalWording {
    let deadline: CalendarDate
    /// Once the certificate has expired, the sentence says what was due rather than "before".
    let isPastDeadline: Bool

    /// What the total still needs, with the growth plans that could make it up when the rules
    /// credit them and school years remain to write them in.
    func totalHours(_ shortfall: ClockHours, growthPlansLeft: Int, creditEach: ClockHours) -> String {
        var need = "\(shortfall) more \(clockHours(shortfall))"
        if growthPlansLeft > 0, creditEach > .zero {
            let plansNeeded = (shortfall.hundredths + creditEach.hundredths - 1) / creditEach.hundredths
            if plansNeeded <= growthPlansLeft {
                need += ", or \(Plural.count(plansNeeded, "more growth plan", plural: "more growth plans"))"
            } else {
                let rest = shortfall - creditEach * growthPlansLeft
                need += ", or \(Plural.count(growthPlansLeft, "more growth plan", plural: "more growth plans"))"
                    + " and \(rest) more \(clockHours(rest))"
            }
        }
        return finish(need, commaBeforeDeadline: need.contains(", or"))
    }

    /// What a focus area still needs; `orGoal` when a tagged goal in a growth plan still to come
    /// would meet it.
    func focusHours(_ shortfall: ClockHours, in category: FocusCategory, orGoal: Bool) -> String {
        var need = "\(shortfall) more \(shortfall == ClockHours(1) ? "hour" : "hours") in \(category.inSentence)"
        if orGoal { need += ", or a growth plan goal in \(category.inSentence)" }
        return finish(need, commaBeforeDeadline: orGoal)
    }

    private func clockHours(_ hours: ClockHours) -> String {
        hours == ClockHours(1) ? "clock hour" : "clock hours"
    }

    private func finish(_ need: String, commaBeforeDeadline: Bool) -> String {
        if isPastDeadline { return "\(need)\(commaBeforeDeadline ? "," : "") were due by \(deadline.longForm)" }
        return "\(need)\(commaBeforeDeadline ? "," : "") before \(deadline.longForm)"
    }
}
