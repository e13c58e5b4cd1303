import ArgumentParser
import Foundation
import TrellisCore
import TrellisServices

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage people.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a person with a password read from standard input (e.g. the first district admin).",
            discussion: "Example: printf '%s' \"$PASSWORD\" | trellis user create --org cascade --email a@b.org --name 'Ada Lovelace' --role district_admin")

        @Option(help: "The district's slug.") var org: String
        @Option(help: "Email address used to sign in.") var email: String
        @Option(help: "Display name.") var name: String
        @Option(name: .customLong("role"), help: "educator, coach, leader or district_admin; repeat for several.") var roles: [String] = []
        @Option(help: "The school's exact name (optional).") var school: String?

        func run() async throws {
            try await reportingFailures {
                guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                    throw CommandFailure("no password on standard input: pipe it in, e.g. printf '%s' \"$PASSWORD\" | trellis user create ...")
                }
                try await Runtime.with(label: "trellis.user") { runtime in
                    let operators = OperatorService(runtime.environment)
                    let organization = try await operators.organization(slug: org)
                    var schoolID = ""
                    if let school {
                        guard let found = try await operators.school(named: school, in: organization) else {
                            throw FieldErrors("school", "No school named \(school) in \(organization.name).")
                        }
                        schoolID = found.id.rawValue
                    }
                    let person = try await operators.createPerson(
                        in: organization, form: PersonForm(displayName: name, email: email, schoolID: schoolID, roles: roles), password: line)
                    print("Created \(person.displayName) <\(person.email)> in \(organization.name) as \(person.sortedRoles.map(\.label).joined(separator: ", ")).")
                }
            }
        }
    }
}
