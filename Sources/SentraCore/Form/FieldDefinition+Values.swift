extension FieldDefinition {
    /// Parses command-line or CSV text into a value of this field's type.
    ///
    /// Empty text means `null`, which clears the field. Errors name the field.
    public func parse(_ text: String) throws(CoreError) -> FieldValue {
        if text.isEmpty { return .null }
        switch type {
        case .text:
            return .string(text)
        case .integer:
            guard let number = Int64(text.trimmed) else { throw invalid("\"\(text)\" is not a whole number") }
            return .integer(number)
        case .decimal:
            guard let number = Double(text.trimmed), number.isFinite else { throw invalid("\"\(text)\" is not a number") }
            return try check(.decimal(number))
        case .boolean:
            switch text.trimmed.lowercased() {
            case "true", "yes", "ya", "1": return .bool(true)
            case "false", "no", "tidak", "0": return .bool(false)
            default: throw invalid("\"\(text)\" is not true or false")
            }
        case .date, .choice:
            return try check(.string(text.trimmed))
        case .multichoice:
            if text.hasPrefix("[") { return try check(FieldValue.parseLiteral(text)) }
            // Exports join choices with ";"; people often type ",".
            let separator: Character = text.utf8.contains(UInt8(ascii: ";")) ? ";" : ","
            let items = text.split(separator: separator).map { FieldValue.string(String($0).trimmed) }
            return try check(.array(items))
        case .geopoint:
            let parts = text.split(separator: ",").map { Double(String($0).trimmed) }
            guard parts.count == 2, let lat = parts[0], let lon = parts[1] else {
                throw invalid("\"\(text)\" is not LAT,LON")
            }
            return try check(.object(["lat": .decimal(lat), "lon": .decimal(lon)]))
        case .note, .calculate:
            throw CoreError(.invalidValue, "field \(name) is a \(type.rawValue) and cannot be set", field: name)
        }
    }

    /// Checks a JSON value against this field's type and returns it in its stored form: a whole
    /// number in a decimal field is stored as an integer, as JSON reads it back. `null` is
    /// accepted; required fields are checked by the form.
    public func check(_ value: FieldValue) throws(CoreError) -> FieldValue {
        if value.isNull { return value }
        switch (type, value) {
        case (.text, .string), (.integer, .integer), (.boolean, .bool):
            return value
        case (.decimal, .decimal(let number)) where number.isFinite:
            return .number(number)
        case (.decimal, .integer):
            return value
        case (.date, .string(let text)):
            guard Self.isDate(text) else { throw invalid("\"\(text)\" is not a date (YYYY-MM-DD)") }
            return value
        case (.choice, .string(let text)):
            try checkChoice(text)
            return value
        case (.multichoice, .array(let items)):
            var seen = Set<String>()
            for item in items {
                guard let text = item.stringValue else { throw invalid("choices must be strings") }
                try checkChoice(text)
                guard seen.insert(text).inserted else { throw invalid("\"\(text)\" is chosen twice") }
            }
            return value
        case (.geopoint, .object(let object)):
            guard object.count == 2, let lat = object["lat"]?.numberValue, let lon = object["lon"]?.numberValue,
                  (-90...90).contains(lat), (-180...180).contains(lon) else {
                throw invalid("a location needs \"lat\" in -90…90 and \"lon\" in -180…180")
            }
            return .object(["lat": .number(lat), "lon": .number(lon)])
        case (.calculate, .string), (.calculate, .integer), (.calculate, .bool):
            return value
        case (.calculate, .decimal(let number)) where number.isFinite:
            return .number(number)
        default:
            throw invalid("expected \(type.rawValue), got \(value.typeName)")
        }
    }

    private func checkChoice(_ text: String) throws(CoreError) {
        guard choice(text) != nil else {
            let allowed = (choices ?? []).map { "\"\($0.name)\"" }.joined(separator: ", ")
            throw invalid("\"\(text)\" is not one of the choices: \(allowed)")
        }
    }

    private func invalid(_ reason: String) -> CoreError {
        CoreError(.invalidValue, "field \(name): \(reason)", field: name)
    }

    /// Whether `text` is a real calendar date written `YYYY-MM-DD`.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }
}

extension String {
    var trimmed: String {
        // Most cells start and end with a printable ASCII byte: nothing to trim, nothing to copy.
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) { return self }
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }
}
