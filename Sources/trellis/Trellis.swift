import ArgumentParser

/// The `trellis` command: runs the server and does an operator's chores.
@main
struct Trellis: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trellis",
        abstract: "Professional growth plans and instructional coaching for school districts.",
        discussion: "Configuration comes from TRELLIS_* environment variables; see the README.",
        subcommands: [Serve.self, Migrate.self, Demo.self, UserCommand.self, OrgCommand.self, ImportCommand.self, ExportCommand.self, JobsCommand.self, BackupCommand.self, RestoreCommand.self, TokenCommand.self])
}
