import ArgumentParser
import Foundation
import TrellisServices

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import data into a district.", subcommands: [Standards.self])

    struct Standards: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a standards framework from a 1EdTech CASE JSON package (CFPackage). Re-importing updates it in place.")

        @Argument(help: "The CASE JSON file.") var file: String
        @Option(help: "The district's slug.") var org: String

        func run() async throws {
            try await reportingFailures {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw CommandFailure("cannot read \(file): no such file, or not readable")
                }
                try await Runtime.with(label: "trellis.import") { runtime in
                    let operators = OperatorService(runtime.environment)
                    let organization = try await operators.organization(slug: org)
                    let result = try await operators.importStandards(into: organization, data: data)
                    let framework = result.definition.framework
                    print("Imported \(framework.title) (\(framework.identifier)) into \(organization.name): "
                          + (result.outcome.createdFramework ? "new framework, " : "") + result.summary + ".")
                    for note in result.tolerated { print("Note: \(note).") }
                    if result.roles.isEmpty {
                        print("It applies to no role yet, so nobody can align a goal to it: a district admin chooses who uses it at "
                              + "\(runtime.config.baseURL)/frameworks/roles.")
                    }
                }
            }
        }
    }
}

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export data from a district.",
                                                    subcommands: [Standards.self, VerificationForms.self, ClockHours.self])

    struct Standards: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a standards framework as CASE JSON to standard output.")

        @Option(help: "The district's slug.") var org: String
        @Option(help: "The framework's identifier (see the framework's page, or the built-in wa-teacher-criteria, wa-principal-criteria, iste-coaches).")
        var framework: String

        func run() async throws {
            try await reportingFailures {
                try await Runtime.with(label: "trellis.export") { runtime in
                    let operators = OperatorService(runtime.environment)
                    let organization = try await operators.organization(slug: org)
                    let data = try await operators.exportStandards(of: organization, framework: framework, baseURI: runtime.config.baseURL)
                    FileHandle.standardOutput.write(data)
                    FileHandle.standardOutput.write(Data("\n".utf8))
                }
            }
        }
    }
}
