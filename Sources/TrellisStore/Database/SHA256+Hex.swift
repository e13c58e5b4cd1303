import Crypto
import Foundation

extension SHA256 {
    /// The SHA-256 digest of `data` as 64 lowercase hex digits, the form keys and file names are stored in.
    /// Written out by hand: `String(format:)` per byte was a visible share of every signed-in request.
    public static func hex(of data: some DataProtocol) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in hash(data: data) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
