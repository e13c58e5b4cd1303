// trellis-doc-bench: how fast Trellis typesets its documents.
//
//   trellis-doc-bench                     1,000 verification forms into a ZIP (forms/s) and a
//                                         large plan 50 times (ms per PDF)
//   trellis-doc-bench --samples DIR       also writes one plan, one form and the ZIP to DIR
//
// Targets (issue 17): at least 300 forms/s, the large plan under 50 ms, in a release build.
import Foundation
import TrellisCore
import TrellisDocuments

let arguments = CommandLine.arguments
let samplesDirectory = arguments.firstIndex(of: "--samples").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }

func seconds(_ work: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try work()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

let forms = (0..<1000).map { BenchSamples.form(number: $0) }
let plan = BenchSamples.largePlan()

// Warm up fontconfig and Pango's font caches once, as a running server would have.
_ = try VerificationForm.render(forms[0])
_ = try PlanDocument.render(plan)

let renderSeconds = try seconds { for form in forms { _ = try VerificationForm.render(form) } }
print(String(format: "verification forms rendered alone: %.0f forms/s", Double(forms.count) / renderSeconds))

var zip = Data()
let zipSeconds = try seconds { zip = try VerificationFormArchive.make(forms) }
print(String(format: "verification forms: %d into a %.1f MB ZIP in %.2f s = %.0f forms/s (target >= 300)",
             forms.count, Double(zip.count) / 1_048_576, zipSeconds, Double(forms.count) / zipSeconds))

let rounds = 50
var planPDF = Data()
let planSeconds = try seconds { for _ in 0..<rounds { planPDF = try PlanDocument.render(plan) } }
print(String(format: "large plan: %d goals, %d KB PDF, %.1f ms per PDF over %d renders (target < 50 ms)",
             plan.goals.count, planPDF.count / 1024, planSeconds * 1000 / Double(rounds), rounds))

if let samplesDirectory {
    let directory = URL(fileURLWithPath: samplesDirectory, isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try planPDF.write(to: directory.appendingPathComponent("large-plan.pdf"))
    try VerificationForm.render(forms[0]).write(to: directory.appendingPathComponent("verification-form.pdf"))
    var unsigned = BenchSamples.largePlan()
    unsigned.signature = nil
    unsigned.goals = Array(unsigned.goals.prefix(1))
    try PlanDocument.render(unsigned).write(to: directory.appendingPathComponent("unsigned-plan.pdf"))
    try zip.write(to: directory.appendingPathComponent("verification-forms.zip"))
    print("samples written to \(directory.path)")
}
