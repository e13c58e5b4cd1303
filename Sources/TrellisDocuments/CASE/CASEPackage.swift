import Foundation

// The parts of a 1EdTech CASE 1.0 CFPackage that Trellis reads and writes. Every field is
// optional when decoding so the importer, not the decoder, decides what is missing and
// says so by position ("CFItems[12]: missing identifier"). Fields Trellis does not use
// (CFDefinitions, educationLevel, notes, ...) are simply not declared, so they are skipped.

/// A CASE CFPackage: one framework document with its items and the associations between them.
public struct CASEPackage: Codable, Sendable, Hashable {
    public var document: CASEDocument?
    public var items: [CASEItem]?
    public var associations: [CASEAssociation]?

    public init(document: CASEDocument?, items: [CASEItem]?, associations: [CASEAssociation]?) {
        self.document = document
        self.items = items
        self.associations = associations
    }

    enum CodingKeys: String, CodingKey {
        case document = "CFDocument"
        case items = "CFItems"
        case associations = "CFAssociations"
    }
}

/// A CASE CFDocument: the framework itself.
public struct CASEDocument: Codable, Sendable, Hashable {
    public var identifier: String?
    public var uri: String?
    public var creator: String?
    public var title: String?
    public var description: String?
    public var lastChangeDateTime: String?
    public var packageURI: CASELinkURI?

    public init(
        identifier: String?, uri: String?, creator: String?, title: String?,
        description: String? = nil, lastChangeDateTime: String? = nil, packageURI: CASELinkURI? = nil
    ) {
        self.identifier = identifier
        self.uri = uri
        self.creator = creator
        self.title = title
        self.description = description
        self.lastChangeDateTime = lastChangeDateTime
        self.packageURI = packageURI
    }

    enum CodingKeys: String, CodingKey {
        case identifier, uri, creator, title, description, lastChangeDateTime
        case packageURI = "CFPackageURI"
    }
}

/// A CASE CFItem: one standard, competency or indicator.
public struct CASEItem: Codable, Sendable, Hashable {
    public var identifier: String?
    public var uri: String?
    public var fullStatement: String?
    public var abbreviatedStatement: String?
    public var humanCodingScheme: String?
    public var lastChangeDateTime: String?
    public var documentURI: CASELinkURI?

    public init(
        identifier: String?, uri: String?, fullStatement: String?, abbreviatedStatement: String? = nil,
        humanCodingScheme: String? = nil, lastChangeDateTime: String? = nil, documentURI: CASELinkURI? = nil
    ) {
        self.identifier = identifier
        self.uri = uri
        self.fullStatement = fullStatement
        self.abbreviatedStatement = abbreviatedStatement
        self.humanCodingScheme = humanCodingScheme
        self.lastChangeDateTime = lastChangeDateTime
        self.documentURI = documentURI
    }

    enum CodingKeys: String, CodingKey {
        case identifier, uri, fullStatement, abbreviatedStatement, humanCodingScheme, lastChangeDateTime
        case documentURI = "CFDocumentURI"
    }
}

/// A CASE CFAssociation. Trellis builds its hierarchy from `isChildOf` associations, whose
/// origin is the child and destination the parent (an item, or the document for the top level).
public struct CASEAssociation: Codable, Sendable, Hashable {
    /// The association type that places an item in the hierarchy.
    public static let isChildOf = "isChildOf"

    public var identifier: String?
    public var uri: String?
    public var associationType: String?
    /// Sibling order among the children of one parent.
    public var sequenceNumber: Int?
    public var lastChangeDateTime: String?
    public var documentURI: CASELinkURI?
    public var originNodeURI: CASELinkURI?
    public var destinationNodeURI: CASELinkURI?

    public init(
        identifier: String?, uri: String?, associationType: String?, sequenceNumber: Int?,
        lastChangeDateTime: String? = nil, documentURI: CASELinkURI? = nil,
        originNodeURI: CASELinkURI?, destinationNodeURI: CASELinkURI?
    ) {
        self.identifier = identifier
        self.uri = uri
        self.associationType = associationType
        self.sequenceNumber = sequenceNumber
        self.lastChangeDateTime = lastChangeDateTime
        self.documentURI = documentURI
        self.originNodeURI = originNodeURI
        self.destinationNodeURI = destinationNodeURI
    }

    enum CodingKeys: String, CodingKey {
        case identifier, uri, associationType, sequenceNumber, lastChangeDateTime
        case documentURI = "CFDocumentURI"
        case originNodeURI, destinationNodeURI
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        identifier = try container.decodeIfPresent(String.self, forKey: .identifier)
        uri = try container.decodeIfPresent(String.self, forKey: .uri)
        associationType = try container.decodeIfPresent(String.self, forKey: .associationType)
        lastChangeDateTime = try container.decodeIfPresent(String.self, forKey: .lastChangeDateTime)
        documentURI = try container.decodeIfPresent(CASELinkURI.self, forKey: .documentURI)
        originNodeURI = try container.decodeIfPresent(CASELinkURI.self, forKey: .originNodeURI)
        destinationNodeURI = try container.decodeIfPresent(CASELinkURI.self, forKey: .destinationNodeURI)
        // Some publishers write the sequence number as a string ("3"), or as 3.0; accept those. It only orders
        // siblings, so one that cannot be read at all is left out (and reported) rather than refusing the file.
        if let text = try? container.decodeIfPresent(String.self, forKey: .sequenceNumber) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            sequenceNumber = Int(trimmed)
            sequenceNumberShape = trimmed.isEmpty ? .missing : sequenceNumber == nil ? .unreadable : .text
        } else if let number = try? container.decodeIfPresent(Int.self, forKey: .sequenceNumber) {
            sequenceNumber = number
        } else if let number = try? container.decodeIfPresent(Double.self, forKey: .sequenceNumber), number.rounded() == number,
                  abs(number) < 1e9 {
            sequenceNumber = Int(number)
        } else {
            sequenceNumber = nil
            sequenceNumberShape = container.contains(.sequenceNumber) && (try? container.decodeNil(forKey: .sequenceNumber)) != true
                ? .unreadable : .number
        }
    }

    /// How `sequenceNumber` was written, so the importer can say what it tolerated.
    public enum SequenceNumberShape: Sendable, Hashable {
        case number
        /// A number written as text, e.g. "3".
        case text
        /// Blank text.
        case missing
        /// Neither a whole number nor text holding one: ignored.
        case unreadable
    }

    /// Not part of the file: how `sequenceNumber` appeared in it. Writing a package always gives numbers.
    public var sequenceNumberShape: SequenceNumberShape = .number
}
