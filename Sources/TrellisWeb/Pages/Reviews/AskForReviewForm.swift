import TrellisCore
import TrellisServices

/// The "Ask for review" form as typed: a colleague from the list, or someone outside Trellis.
struct AskForReviewForm {
    var kind = ""
    var colleague = ""
    var name = ""
    var email = ""
    var certificate = ""
    var version: Int?

    init() {}

    init(_ data: FormData) {
        kind = data["reviewer_kind"]
        colleague = data["reviewer"]
        name = data["reviewer_name"]
        email = data["reviewer_email"]
        certificate = data["reviewer_certificate"]
        version = Int(data["version"])
    }

    /// The choice the service takes. Both parts of the form are always shown, so when the radio button was
    /// left alone, the part that was filled in says which was meant.
    func choice() throws -> ReviewService.ReviewerChoice {
        let outsideTyped = !(name + email + certificate).trimmingWhitespace().isEmpty
        let chosen = kind.isEmpty ? (!colleague.isEmpty ? "member" : outsideTyped ? "outside" : "") : kind
        switch chosen {
        case "member": return .member(Person.ID(colleague))
        case "outside": return .outside(name: name, email: email, certificateNumber: certificate)
        default: throw FieldErrors("reviewer_kind", "Choose who reviews your plan: a colleague in Trellis, or someone outside it.")
        }
    }
}
