import Foundation
import Hummingbird
import TrellisCore

/// An evidence file as a response: always a download, never shown inline, because the file comes from a person,
/// not from Trellis. The plan's owner and the reviewer of a submitted snapshot download through the same headers.
enum EvidenceDownload {
    static func response(_ file: EvidenceFile, _ data: Data) -> Response {
        FileDownload.response(data, mediaType: file.mediaType, filename: file.originalFilename, fallback: "evidence")
    }
}
