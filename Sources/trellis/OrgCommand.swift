import ArgumentParser
import TrellisServices

struct OrgCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "org", abstract: "Manage districts.", subcommands: [Create.self, List.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a district.")
        @Option(help: "Short name for the command line, e.g. cascade.") var slug: String
        @Option(help: "Full name, e.g. 'Cascade School District'.") var name: String

        func run() async throws {
            try await reportingFailures {
                try await Runtime.with(label: "trellis.org") { runtime in
                    let organization = try await OperatorService(runtime.environment).createOrganization(slug: slug, name: name)
                    print("Created \(organization.name) (\(organization.slug)).")
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List districts.")

        func run() async throws {
            try await reportingFailures {
                try await Runtime.with(label: "trellis.org") { runtime in
                    for organization in try await OperatorService(runtime.environment).organizations() {
                        print("\(organization.slug)\t\(organization.name)")
                }
                }
            }
        }
    }
}
