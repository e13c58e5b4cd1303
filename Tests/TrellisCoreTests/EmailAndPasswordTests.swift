import Testing
import TrellisCore

@Suite struct EmailAndPasswordTests {
    @Test(arguments: ["ada@school.org", "  Ada.Lovelace@School.ORG ", "nguyen.hong+pgp@cascade.k12.wa.us"])
    func acceptsAndNormalisesRealAddresses(_ text: String) throws {
        // run
        let email = try #require(EmailAddress(text))
        // check
        #expect(email.value == email.value.lowercased())
        #expect(!email.value.contains(" "))
    }

    @Test(arguments: ["", "ada", "ada@", "@school.org", "ada@school", "ada lovelace@school.org", "a@b@c.org", "ada@school..org", "<script>@x.org"])
    func refusesWhatIsNotAnAddress(_ text: String) {
        #expect(EmailAddress(text) == nil)
    }

    @Test func passwordRulesExplainWhatIsWrong() {
        let email = EmailAddress("ada@school.org")!
        #expect(PasswordRules.problem(with: "short", email: email) == "Use at least 10 characters.")
        #expect(PasswordRules.problem(with: String(repeating: "é", count: 40), email: email)?.contains("72") == true)
        #expect(PasswordRules.problem(with: "ADA@school.org", email: email) != nil)
        #expect(PasswordRules.problem(with: "correct horse battery", email: email) == nil)
    }
}
