import ArgumentParser
import Foundation
import TrellisCore
import TrellisServices

/// `trellis token create`: an API token for district IT to hand to an integration, or for the API's contract test.
/// It is made as the named person, so their roles decide which scopes it may have, and its secret is printed once.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "Make API tokens.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make an API token as a person and print its secret (shown only now).",
            discussion: "Example: trellis token create --org cascade --email hr@cascade.org --name 'HR sync' --scopes people:read,plans:read --service")

        // `--org` as in every other command; `--organization` is accepted too.
        @Option(name: [.customLong("org"), .customLong("organization")], help: "The district's slug.") var organization: String
        @Option(help: "The email of the person the token acts as (for --service, a district admin).") var email: String
        @Option(help: "What the token is for, e.g. 'HR sync'.") var name: String
        @Option(help: "Comma-separated scopes: \(APIScope.allCases.map(\.rawValue).joined(separator: ", ")).") var scopes: String
        @Option(help: "Days until it expires (1 to \(APITokenService.longestLifeDays)); without it, it never expires.") var expiresDays: Int?
        @Flag(help: "A district service token instead of the person's own.") var service = false

        func run() async throws {
            try await reportingFailures {
                guard let chosen = APIScope.parseList(scopes) else {
                    throw CommandFailure("--scopes \"\(scopes)\" names something that is not a scope; the scopes are \(APIScope.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                try await Runtime.with(label: "trellis.token") { runtime in
                    let district = try await OperatorService(runtime.environment).organization(slug: organization)
                    let form = APITokenService.Form(name: name, scopes: chosen.sorted().map(\.rawValue),
                                                    expiresInDays: expiresDays.map(String.init) ?? "")
                    let created = try await APITokenService(runtime.environment)
                        .create(forPersonWithEmail: email, in: district, kind: service ? .service : .personal, form: form)
                    // The secret alone on standard output, so scripts can capture it; the rest goes to standard error.
                    FileHandle.standardError.write(Data("Made the \(service ? "service" : "personal") token “\(created.token.name)” (\(created.token.sortedScopes.map(\.rawValue).joined(separator: " "))); it is shown only now.\n".utf8))
                    print(created.secret)
                }
            }
        }
    }
}
