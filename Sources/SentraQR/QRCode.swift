import CQRencode
import Foundation

/// A QR code symbol, made by libqrencode: a square of dark and light modules.
///
/// The only file that calls the C library. Error correction level M (15 % of the symbol may be
/// damaged or dirty), the smallest version that fits, 8-bit mode for what is not alphanumeric.
///
/// ```swift
/// let code = try QRCode(text: "https://kantor.example:8443/field/#enrol=…")
/// print(code.terminalText())
/// ```
public struct QRCode: Sendable, Equatable {
    /// Modules on a side: 4 × version + 17, without the quiet zone.
    public let size: Int
    /// The QR version, 1 to 40.
    public let version: Int
    /// One byte per module, row by row, as libqrencode gives them; bit 0 is set when dark.
    private let modules: [UInt8]

    /// Encodes `text`, whose bytes are its UTF-8.
    ///
    /// - Throws: ``QRError`` `.tooLong` when the text does not fit the largest symbol,
    ///   `.nulCharacter` when it contains a NUL, `.encoderFailed` when libqrencode fails otherwise.
    public init(text: String) throws {
        guard !text.utf8.contains(0) else { throw QRError(.nulCharacter, "a QR code cannot hold a NUL character") }
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else {
            let failure = errno
            guard failure == ERANGE else {
                throw QRError(.encoderFailed, "cannot encode \(text.utf8.count) bytes as a QR code: libqrencode failed (errno \(failure))")
            }
            throw QRError(.tooLong, "cannot encode \(text.utf8.count) bytes as a QR code: it is too long for a QR code")
        }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        size = width
        version = Int(code.pointee.version)
        modules = Array(UnsafeBufferPointer(start: code.pointee.data, count: width * width))
    }

    /// Whether the module in column `x`, row `y` is dark. Outside the symbol (the quiet zone) is light.
    public func isDark(_ x: Int, _ y: Int) -> Bool {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return false }
        return modules[y * size + x] & 1 == 1
    }
}
