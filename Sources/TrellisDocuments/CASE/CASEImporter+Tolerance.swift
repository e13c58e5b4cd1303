import Foundation
import TrellisCore

/// A framework read from a CASE package, with what the importer accepted that the specification does not quite
/// allow, in sentences for the person importing it ("CFPackageURI given as plain text; accepted").
public struct CASEImportResult: Sendable, Hashable {
    public var framework: ImportedFramework
    /// Empty for a package written exactly to CASE 1.0.
    public var tolerated: [String]

    public init(framework: ImportedFramework, tolerated: [String]) {
        self.framework = framework
        self.tolerated = tolerated
    }
}

extension CASEImporter {
    /// Real publishers differ in the shapes of optional fields. Those Trellis does not need are accepted as they
    /// come; this names each kind once, with how often it occurred, so nothing is accepted silently.
    static func tolerated(in package: CASEPackage) -> [String] {
        var notes: [String] = []
        if package.document?.packageURI?.givenAsText == true {
            notes.append("CFPackageURI given as plain text; accepted")
        }
        func count(_ number: Int, _ what: String, in place: String) {
            guard number > 0 else { return }
            notes.append("\(what) in \(number) \(place)\(number == 1 ? "" : "s"); accepted")
        }
        let items = package.items ?? [], associations = package.associations ?? []
        count(items.filter { $0.documentURI?.givenAsText == true }.count, "CFDocumentURI given as plain text", in: "CFItem")
        count(associations.filter { $0.documentURI?.givenAsText == true }.count, "CFDocumentURI given as plain text", in: "CFAssociation")
        count(associations.filter { $0.sequenceNumberShape == .text }.count, "sequenceNumber given as text", in: "CFAssociation")
        let unreadable = associations.filter { $0.sequenceNumberShape == .unreadable }.count
        if unreadable > 0 {
            notes.append("sequenceNumber not a whole number in \(unreadable) CFAssociation\(unreadable == 1 ? "" : "s"); "
                         + "those items keep their order in CFItems")
        }
        if package.items == nil { notes.append("no CFItems list; read as a framework without standards") }
        return notes
    }

    /// Added to a refusal when a required link was a plain string, which names no identifier.
    static func plainText(_ link: CASELinkURI?) -> String {
        link?.givenAsText == true ? " (it is plain text; it must be a LinkURI object with an identifier)" : ""
    }
}
