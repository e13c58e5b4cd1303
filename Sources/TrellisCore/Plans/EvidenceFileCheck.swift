import Foundation

/// Decides whether an uploaded file is what its name says, by its first bytes, before anything is stored.
/// Evidence is served back to other people, so a file whose content does not match its type is refused.
public enum EvidenceFileCheck {
    /// The kinds of file accepted as evidence, by extension, with the media type they are served as.
    public static let accepted: [String: (mediaType: String, kind: Signature)] = [
        "pdf": ("application/pdf", .pdf),
        "png": ("image/png", .png),
        "jpg": ("image/jpeg", .jpeg), "jpeg": ("image/jpeg", .jpeg),
        "gif": ("image/gif", .gif),
        "webp": ("image/webp", .webp),
        "heic": ("image/heic", .heic),
        "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", .officeOpenXML),
        "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", .officeOpenXML),
        "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", .officeOpenXML),
        "doc": ("application/msword", .legacyOffice),
        "xls": ("application/vnd.ms-excel", .legacyOffice),
        "ppt": ("application/vnd.ms-powerpoint", .legacyOffice),
        "odt": ("application/vnd.oasis.opendocument.text", .openDocument),
        "txt": ("text/plain", .text), "csv": ("text/csv", .text), "md": ("text/markdown", .text),
    ]

    /// How a kind of file begins.
    public enum Signature: Sendable {
        case pdf, png, jpeg, gif, webp, heic, officeOpenXML, legacyOffice, openDocument, text

        func matches(_ bytes: [UInt8]) -> Bool {
            func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
                bytes.count >= offset + prefix.count && Array(bytes[offset..<offset + prefix.count]) == prefix
            }
            switch self {
            case .pdf: return starts(Array("%PDF-".utf8))
            case .png: return starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            case .jpeg: return starts([0xFF, 0xD8, 0xFF])
            case .gif: return starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8))
            case .webp: return starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8)
            case .heic: return starts(Array("ftyp".utf8), at: 4)
            case .officeOpenXML, .openDocument: return starts([0x50, 0x4B, 0x03, 0x04])
            case .legacyOffice: return starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
            case .text:
                // Text is valid UTF-8 without control characters other than tabs and line breaks.
                // Only the first bytes are seen, which may end inside a character: allow up to three missing bytes.
                guard (0...min(3, bytes.count)).contains(where: { String(validating: bytes.dropLast($0), as: UTF8.self) != nil }) else { return false }
                return !bytes.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
            }
        }
    }

    public struct Accepted: Sendable, Hashable {
        public let mediaType: String
        public let fileExtension: String
    }

    /// The media type to store and serve, or a message for the person saying why the file is refused.
    public static func check(filename: String, firstBytes: [UInt8], byteCount: Int, maximumBytes: Int) -> Result<Accepted, Refusal> {
        guard byteCount > 0 else { return .failure(Refusal(message: "The file is empty.")) }
        guard byteCount <= maximumBytes else {
            return .failure(Refusal(message: "The file is \(megabytes(byteCount)); the largest accepted is \(megabytes(maximumBytes))."))
        }
        let ext = (filename as NSString).pathExtension.lowercased()
        guard let expected = accepted[ext] else {
            return .failure(Refusal(message: "Trellis accepts PDF, images (PNG, JPEG, GIF, WebP, HEIC), Office documents and plain text. “\(filename)” is not one of them."))
        }
        guard expected.kind.matches(firstBytes) else {
            return .failure(Refusal(message: "“\(filename)” is named like a .\(ext) file, but its content is not. Save it again as a real .\(ext) file and upload that."))
        }
        return .success(Accepted(mediaType: expected.mediaType, fileExtension: ext))
    }

    public struct Refusal: Error, Sendable, Hashable {
        public let message: String
    }

    static func megabytes(_ bytes: Int) -> String {
        let value = Double(bytes) / 1_048_576
        return value >= 10 || value == value.rounded() ? "\(Int(value.rounded())) MB" : String(format: "%.1f MB", value)
    }
}
