import TrellisCore

extension PlanDocument {
    /// Everything the printable plan shows, as plain values a service fills from the plan,
    /// its owner and its signature. Texts are printed exactly as given; empty ones print as
    /// "Not written yet" so a blank is visibly blank.
    public struct Content: Sendable, Hashable {
        public var planTitle: String
        /// As shown to people, e.g. "2026–27".
        public var schoolYear: String
        public var educatorName: String
        public var educatorEmail: String
        public var schoolName: String
        public var districtName: String
        /// Where the plan stands, e.g. "Signed", "In review".
        public var status: String
        public var certificates: [Certificate]
        public var goals: [Goal]
        public var checkIns: [CheckIn]
        public var nextSteps: String
        /// Nil until a reviewer signs.
        public var signature: Signature?
        public var printedOn: CalendarDate

        public init(planTitle: String, schoolYear: String, educatorName: String, educatorEmail: String = "",
                    schoolName: String = "", districtName: String, status: String, certificates: [Certificate] = [],
                    goals: [Goal] = [], checkIns: [CheckIn] = [], nextSteps: String = "", signature: Signature? = nil,
                    printedOn: CalendarDate) {
            self.planTitle = planTitle
            self.schoolYear = schoolYear
            self.educatorName = educatorName
            self.educatorEmail = educatorEmail
            self.schoolName = schoolName
            self.districtName = districtName
            self.status = status
            self.certificates = certificates
            self.goals = goals
            self.checkIns = checkIns
            self.nextSteps = nextSteps
            self.signature = signature
            self.printedOn = printedOn
        }
    }

    /// A certificate the educator holds, e.g. "Professional Teacher", "512345A".
    public struct Certificate: Sendable, Hashable {
        public var type: String
        public var number: String
        public var expires: CalendarDate?

        public init(type: String, number: String, expires: CalendarDate? = nil) {
            self.type = type
            self.number = number
            self.expires = expires
        }
    }

    /// One goal with its SMART parts and everything attached to it.
    public struct Goal: Sendable, Hashable {
        public var statement: String
        public var studentOutcome: String
        public var teacherAction: String
        public var measure: String
        public var baseline: String
        public var target: String
        public var targetDate: CalendarDate?
        /// Renewal focus areas the goal counts toward, e.g. "STEM integration".
        public var focusAreas: [String]
        public var alignment: [AlignedStandard]
        public var actionSteps: [ActionStep]
        public var evidence: [Evidence]
        public var reflection: Reflection?

        public init(statement: String, studentOutcome: String = "", teacherAction: String = "", measure: String = "",
                    baseline: String = "", target: String = "", targetDate: CalendarDate? = nil, focusAreas: [String] = [],
                    alignment: [AlignedStandard] = [], actionSteps: [ActionStep] = [], evidence: [Evidence] = [],
                    reflection: Reflection? = nil) {
            self.statement = statement
            self.studentOutcome = studentOutcome
            self.teacherAction = teacherAction
            self.measure = measure
            self.baseline = baseline
            self.target = target
            self.targetDate = targetDate
            self.focusAreas = focusAreas
            self.alignment = alignment
            self.actionSteps = actionSteps
            self.evidence = evidence
            self.reflection = reflection
        }
    }

    /// A standard the goal is aligned to: its code ("3.1", "W.7.1") and title.
    public struct AlignedStandard: Sendable, Hashable {
        public var code: String
        public var title: String

        public init(code: String, title: String) {
            self.code = code
            self.title = title
        }
    }

    public struct ActionStep: Sendable, Hashable {
        public var what: String
        public var due: CalendarDate?
        /// As shown to people, e.g. "Done".
        public var status: String
        /// The educator's estimate, if any.
        public var hours: Double?

        public init(what: String, due: CalendarDate? = nil, status: String, hours: Double? = nil) {
            self.what = what
            self.due = due
            self.status = status
            self.hours = hours
        }
    }

    public struct Evidence: Sendable, Hashable {
        /// "File", "Link" or "Note".
        public var kind: String
        public var caption: String
        public var date: CalendarDate?
        /// The file's name or the link's address; empty for a note.
        public var reference: String

        public init(kind: String, caption: String, date: CalendarDate? = nil, reference: String = "") {
            self.kind = kind
            self.caption = caption
            self.date = date
            self.reference = reference
        }
    }

    public struct Reflection: Sendable, Hashable {
        public var studentChange: String
        public var practiceChange: String
        public var evidenceThatShowsIt: String

        public init(studentChange: String, practiceChange: String, evidenceThatShowsIt: String = "") {
            self.studentChange = studentChange
            self.practiceChange = practiceChange
            self.evidenceThatShowsIt = evidenceThatShowsIt
        }
    }

    /// One check-in, summarized: `progress` reads e.g. "Goal 1: Making progress; Goal 2: Just started".
    public struct CheckIn: Sendable, Hashable {
        public var date: CalendarDate
        public var progress: String
        public var whatHappened: String
        public var whatsNext: String

        public init(date: CalendarDate, progress: String, whatHappened: String, whatsNext: String = "") {
            self.date = date
            self.progress = progress
            self.whatHappened = whatHappened
            self.whatsNext = whatsNext
        }
    }

    /// The reviewer's signature over a snapshot of the plan.
    public struct Signature: Sendable, Hashable {
        public var reviewerName: String
        public var reviewerCertificateNumber: String
        public var signedOn: CalendarDate
        /// Lower-case hex SHA-256 of the signed snapshot.
        public var snapshotSHA256: String

        public init(reviewerName: String, reviewerCertificateNumber: String, signedOn: CalendarDate, snapshotSHA256: String) {
            self.reviewerName = reviewerName
            self.reviewerCertificateNumber = reviewerCertificateNumber
            self.signedOn = signedOn
            self.snapshotSHA256 = snapshotSHA256
        }
    }
}
