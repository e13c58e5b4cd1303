import Foundation

/// A CASE LinkURI: how one CASE object points at another.
///
/// CASE says a LinkURI is an object (title, identifier, uri), but real publishers also write a plain URI string
/// where the link is optional (CFPackageURI, CFDocumentURI, ...). That reads as a link with only its `uri`, and
/// `givenAsText` says so, so the importer can accept it and tell the person it did. Where Trellis needs the
/// identifier (the two ends of an isChildOf association), a plain string still lacks one and is refused.
public struct CASELinkURI: Codable, Sendable, Hashable {
    public var title: String?
    public var identifier: String?
    public var uri: String?
    /// Not part of the file: true when the link was a plain string rather than an object.
    public var givenAsText: Bool = false

    public init(title: String?, identifier: String?, uri: String?) {
        self.title = title
        self.identifier = identifier
        self.uri = uri
    }

    enum CodingKeys: String, CodingKey {
        case title, identifier, uri
    }

    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self.init(title: nil, identifier: nil, uri: text)
            givenAsText = true
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(title: try container.decodeIfPresent(String.self, forKey: .title),
                  identifier: try container.decodeIfPresent(String.self, forKey: .identifier),
                  uri: try container.decodeIfPresent(String.self, forKey: .uri))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encodeIfPresent(identifier, forKey: .identifier)
        try container.encodeIfPresent(uri, forKey: .uri)
    }
}
