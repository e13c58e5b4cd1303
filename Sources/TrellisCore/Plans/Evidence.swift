import Foundation

/// Something that documents growth toward a goal: a file (student work, a video, a survey
/// export), a link, or a written note. Washington's PGP asks for evidence from a focused
/// evaluation, a PLC, a project or other learning.
public struct Evidence: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Identifier<Evidence>

    /// The three kinds of evidence, as stored and as offered in forms.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case file
        case link
        case note

        /// The name shown to people.
        public var label: String {
            switch self {
            case .file: "File"
            case .link: "Link"
            case .note: "Note"
            }
        }
    }

    /// What the evidence is. An enum rather than optional fields, so a link can never be
    /// missing its address or a file its hash.
    public enum Content: Sendable, Hashable {
        case file(EvidenceFile)
        case link(URL)
        /// Written evidence, e.g. what an observer noticed.
        case note(String)
    }

    public var id: ID
    public var content: Content
    /// A line saying what this shows, e.g. "Fluency benchmark results, January".
    public var caption: String
    /// The day the evidence is from (the assessment, the lesson), not the day it was uploaded.
    public var date: CalendarDate
    /// The goals it documents. One piece of evidence can serve several goals.
    public var goalIDs: [Goal.ID]
    /// The `Standard.identifier`s it shows growth on.
    public var standardIdentifiers: [String]

    public init(
        id: ID, content: Content, caption: String, date: CalendarDate,
        goalIDs: [Goal.ID] = [], standardIdentifiers: [String] = []
    ) {
        self.id = id
        self.content = content
        self.caption = caption
        self.date = date
        self.goalIDs = goalIDs
        self.standardIdentifiers = standardIdentifiers
    }

    public var kind: Kind {
        switch content {
        case .file: .file
        case .link: .link
        case .note: .note
        }
    }

    /// Whether it is tagged as documenting `goalID`.
    public func documents(_ goalID: Goal.ID) -> Bool { goalIDs.contains(goalID) }
}

/// An uploaded file, as the domain knows it. The bytes live on disk under their content hash
/// (so the same file uploaded twice is stored once); the name is kept for downloads.
public struct EvidenceFile: Sendable, Hashable, Codable {
    /// Lower-case hex SHA-256 of the bytes: the file's address in storage.
    public var contentHash: String
    public var byteCount: Int
    /// The media type, e.g. "application/pdf" or "image/jpeg".
    public var mediaType: String
    /// The name the file had on the educator's computer, e.g. "Fluency Jan.pdf".
    public var originalFilename: String

    public init(contentHash: String, byteCount: Int, mediaType: String, originalFilename: String) {
        self.contentHash = contentHash
        self.byteCount = byteCount
        self.mediaType = mediaType
        self.originalFilename = originalFilename
    }
}

extension Evidence.Content: Codable {
    // Coded as {"kind": "link", "url": "…"} rather than Swift's default {"link": {"_0": …}},
    // so the JSON (and a signed plan's snapshot) reads plainly and matches `Evidence.Kind`.
    private enum CodingKeys: String, CodingKey {
        case kind, file, url, text
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Evidence.Kind.self, forKey: .kind) {
        case .file: self = .file(try container.decode(EvidenceFile.self, forKey: .file))
        case .link: self = .link(try container.decode(URL.self, forKey: .url))
        case .note: self = .note(try container.decode(String.self, forKey: .text))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .file(let file):
            try container.encode(Evidence.Kind.file, forKey: .kind)
            try container.encode(file, forKey: .file)
        case .link(let url):
            try container.encode(Evidence.Kind.link, forKey: .kind)
            try container.encode(url, forKey: .url)
        case .note(let text):
            try container.encode(Evidence.Kind.note, forKey: .kind)
            try container.encode(text, forKey: .text)
        }
    }
}
