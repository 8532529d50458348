import Foundation

/// The parts of a `multipart/form-data` post: what a page's file upload sends.
struct MultipartBody: Sendable {
    /// One part: its field name, its file name if it is a file, and its bytes.
    struct Part: Sendable {
        let name: String
        let filename: String?
        let data: Data
    }

    let parts: [Part]

    /// Parses `data` with the boundary of its `Content-Type`; nil when the type is not
    /// multipart or the body does not follow it.
    init?(_ data: Data, contentType: String) {
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
              let boundaryRange = contentType.range(of: "boundary=", options: .caseInsensitive) else { return nil }
        var boundary = String(contentType[boundaryRange.upperBound...])
        if let end = boundary.firstIndex(of: ";") { boundary = String(boundary[..<end]) }
        boundary = boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        guard !boundary.isEmpty else { return nil }
        let delimiter = Data(("--" + boundary).utf8)
        var parts: [Part] = []
        var cursor = data.startIndex
        guard let first = data.range(of: delimiter, in: cursor..<data.endIndex) else { return nil }
        cursor = first.upperBound
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if data[cursor...].starts(with: Data("--".utf8)) { break }
            guard data[cursor...].starts(with: Data("\r\n".utf8)) else { return nil }
            cursor += 2
            guard let headerEnd = data.range(of: Data("\r\n\r\n".utf8), in: cursor..<data.endIndex),
                  let next = data.range(of: Data("\r\n".utf8) + delimiter, in: headerEnd.upperBound..<data.endIndex) else { return nil }
            let headers = String(decoding: data[cursor..<headerEnd.lowerBound], as: UTF8.self)
            guard let disposition = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
                  let name = MultipartBody.parameter("name", in: String(disposition)) else { return nil }
            parts.append(Part(name: name, filename: MultipartBody.parameter("filename", in: String(disposition)),
                              data: Data(data[headerEnd.upperBound..<next.lowerBound])))
            cursor = next.upperBound
        }
        self.parts = parts
    }

    /// The first part named `name`.
    subscript(name: String) -> Part? {
        parts.first { $0.name == name }
    }

    /// A quoted parameter of a `Content-Disposition` header, `name="file"`.
    private static func parameter(_ key: String, in header: String) -> String? {
        guard let range = header.range(of: "; \(key)=\"") ?? header.range(of: ";\(key)=\"") else { return nil }
        let rest = header[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }
}
