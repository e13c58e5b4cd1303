/// What a new password must be. Length is what matters (NIST SP 800-63B); no composition rules.
public enum PasswordRules {
    public static let minimumLength = 10
    /// bcrypt reads at most 72 bytes; longer passwords would be silently cut, so refuse them.
    public static let maximumBytes = 72

    /// A message for the person, or nil when the password is acceptable.
    public static func problem(with password: String, email: EmailAddress? = nil) -> String? {
        if password.count < minimumLength {
            return "Use at least \(minimumLength) characters."
        }
        if password.utf8.count > maximumBytes {
            return "Use at most \(maximumBytes) bytes (about \(maximumBytes) letters)."
        }
        if let email, password.lowercased() == email.value {
            return "Don't use your email address as your password."
        }
        return nil
    }
}
