import Foundation
import SWXMLHash
import ZIPFoundation

/// An .xlsx workbook read from bytes in memory: its sheets by name, its shared strings and the
/// styles that tell a date from a number. Sheets are read on demand.
///
/// An .xlsx is a ZIP of XML parts. `xl/workbook.xml` lists the sheets by name, each with a
/// relationship id that `xl/_rels/workbook.xml.rels` maps to the sheet's part.
struct Workbook {
    /// The most bytes the workbook's parts may unpack to: a form is kilobytes, and this keeps a
    /// ZIP bomb from filling memory.
    static let maximumUnpackedSize = 64 << 20

    /// The sheet names, in workbook order.
    private(set) var sheetNames: [String] = []
    private var sheetPaths: [String: String] = [:]
    private var sharedStrings: [String] = []
    private var styles = CellStyles()
    private let archive: Archive
    private var unpacked = 0

    init(_ data: Data) throws(XLSFormError) {
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw XLSFormError(.notXLSX, "not an .xlsx workbook: the file is not a ZIP archive, or it is truncated")
        }
        let workbookPath = try officeDocumentPath()
        guard let workbook = try document(workbookPath) else {
            throw XLSFormError(.notXLSX, "not an .xlsx workbook: it has no \(workbookPath)")
        }
        let relationships = try relationships(of: workbookPath)
        for sheet in workbook.element("sheets")?.elements("sheet") ?? [] {
            guard let name = sheet.value(of: "name"), let id = sheet.value(of: "id"), let target = relationships[id]?.target else { continue }
            sheetNames.append(name)
            sheetPaths[name] = target
        }
        let date1904 = workbook.element("workbookPr")?.value(of: "date1904").map { $0 == "1" || $0 == "true" } ?? false
        for relationship in relationships.values {
            if relationship.type.hasSuffix("/sharedStrings"), let strings = try document(relationship.target) {
                sharedStrings = strings.elements("si").map(\.richText)
            } else if relationship.type.hasSuffix("/styles"), let styles = try document(relationship.target) {
                self.styles = CellStyles(styles, date1904: date1904)
            }
        }
        styles.date1904 = date1904
    }

    /// The rows of the sheet named `name`, or nil when the workbook has no such sheet.
    mutating func sheet(named name: String) throws(XLSFormError) -> Worksheet? {
        guard let path = sheetPaths[name] else { return nil }
        guard let document = try document(path) else {
            throw XLSFormError(.notXLSX, "the workbook lists sheet \(name), but its part \(path) is missing", sheet: name)
        }
        return try Worksheet(name: name, document: document, sharedStrings: sharedStrings, styles: styles)
    }

    /// The workbook part, from the package's relationships (`_rels/.rels`), or the usual place.
    private mutating func officeDocumentPath() throws(XLSFormError) -> String {
        let relationships = try relationships(of: "")
        return relationships.values.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
    }

    private struct Relationship {
        var type: String
        var target: String
    }

    /// The relationships of the part at `path` (`""` for the package), by id, with targets made
    /// into paths from the archive's root.
    private mutating func relationships(of path: String) throws(XLSFormError) -> [String: Relationship] {
        let folder = path.split(separator: "/").dropLast().joined(separator: "/")
        let file = path.split(separator: "/").last.map(String.init) ?? ""
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/\(file).rels"
        guard let document = try document(relsPath) else { return [:] }
        var relationships: [String: Relationship] = [:]
        for element in document.elements("Relationship") {
            guard let id = element.value(of: "Id"), let target = element.value(of: "Target"), element.value(of: "TargetMode") != "External" else { continue }
            relationships[id] = Relationship(type: element.value(of: "Type") ?? "", target: Self.resolve(target, in: folder))
        }
        return relationships
    }

    /// `target` made into a path from the archive's root: `/xl/x.xml` is already one, `x.xml` and
    /// `../x.xml` are relative to `folder`.
    private static func resolve(_ target: String, in folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = folder.split(separator: "/").map(String.init)
        for part in target.split(separator: "/") {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }

    /// The root element of the XML part at `path`, or nil when the archive has no such part.
    private mutating func document(_ path: String) throws(XLSFormError) -> XMLElement? {
        guard let entry = archive[path] else { return nil }
        guard entry.type == .file, Int(clamping: entry.uncompressedSize) <= Self.maximumUnpackedSize - unpacked else {
            throw XLSFormError(.notXLSX, "the workbook's part \(path) is too large for a form (more than \(Self.maximumUnpackedSize >> 20) MiB unpacked)")
        }
        var data = Data()
        let limit = Self.maximumUnpackedSize - unpacked
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= limit else { throw CocoaError(.fileReadTooLarge) }
                data.append(chunk)
            }
        } catch {
            throw XLSFormError(.notXLSX, "the workbook's part \(path) is damaged and cannot be unpacked")
        }
        unpacked += data.count
        let parsed = XMLHash.config { $0.detectParsingErrors = true }.parse(data)
        guard case .element(let root) = parsed, let element = root.children.lazy.compactMap({ $0 as? XMLElement }).first else {
            throw XLSFormError(.notXLSX, "the workbook's part \(path) is not well-formed XML")
        }
        return element
    }
}
