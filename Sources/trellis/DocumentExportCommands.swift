import ArgumentParser
import Foundation
import TrellisServices

/// `trellis export verification-forms` and `trellis export clock-hours`: the district's exports for HR, as on the
/// admin's Exports page. Bad dates, an unknown district or a range ending before it starts are printed, exit 1.
extension ExportCommand {
    struct VerificationForms: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verification-forms",
            abstract: "Write the verification forms of the plans verified in a date range as one ZIP of PDFs.")

        @Option(help: "The district's slug.") var org: String
        @Option(help: "The first day, YYYY-MM-DD.") var from: String
        @Option(help: "The last day, YYYY-MM-DD (included).") var to: String
        @Option(help: "The ZIP file to write.") var output: String

        func run() async throws {
            try await reportingFailures {
                try await Runtime.with(label: "trellis.export") { runtime in
                    let operators = OperatorService(runtime.environment)
                    let organization = try await operators.organization(slug: org)
                    let zip = try await operators.verificationForms(of: organization, from: from, to: to)
                    do {
                        try zip.data.write(to: URL(fileURLWithPath: output), options: .atomic)
                    } catch {
                        throw CommandFailure("cannot write \(output): \(error.localizedDescription)")
                    }
                    let forms = zip.itemCount == 1 ? "1 verification form" : "\(zip.itemCount) verification forms"
                    print("Wrote \(forms) of \(organization.name), verified \(from) to \(to), to \(output).")
                }
            }
        }
    }

    struct ClockHours: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clock-hours",
            abstract: "Write the clock-hour ledger entries of a date range as CSV (RFC 4180, UTF-8) to standard output.",
            discussion: "The README lists the columns.")

        @Option(help: "The district's slug.") var org: String
        @Option(help: "The first day, YYYY-MM-DD.") var from: String
        @Option(help: "The last day, YYYY-MM-DD (included).") var to: String
        @Flag(help: "For Excel: a UTF-8 byte order mark, and text cells that would run as formulas start with an apostrophe.")
        var excel = false

        func run() async throws {
            try await reportingFailures {
                try await Runtime.with(label: "trellis.export") { runtime in
                    let operators = OperatorService(runtime.environment)
                    let organization = try await operators.organization(slug: org)
                    let csv = try await operators.clockHours(of: organization, from: from, to: to, excel: excel)
                    FileHandle.standardOutput.write(csv.data)
                }
            }
        }
    }
}
