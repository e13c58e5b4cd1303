/// Why a use case was refused. Form mistakes are reported as `FieldErrors` instead.
public enum ServiceError: Error, Hashable, Sendable {
    /// The thing does not exist in the actor's district (or may not be known to exist).
    case notFound
    /// The thing exists, but the policy does not allow this actor this action.
    case forbidden
    /// The request conflicts with the state of things; the message is fit for the person.
    case conflict(String)
}
