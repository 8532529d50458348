/// Finds a key that appears twice in one object of a JSON document.
///
/// `JSONDecoder` keeps one of two equal keys without saying so, so a body like
/// `{"limit": 10, "limit": 100000}` would mean different things to different parsers. The server
/// refuses such a body before decoding it.
///
/// ```swift
/// JSONDuplicateKeys.firstDuplicate(in: Data(#"{"a": 1, "b": {"c": 2, "c": 3}}"#.utf8)) // "c"
/// ```
///
/// Keys are compared after unescaping, so `"a"` and `"\u0061"` are the same key. The scanner does
/// not validate the document: on malformed JSON it returns what it found so far, or nil, and
/// never traps. Nesting is tracked on a heap stack, so deep documents cannot overflow the call
/// stack.
public enum JSONDuplicateKeys {
    /// The first key, in document order, that repeats a key of its own object; nil when none does.
    public static func firstDuplicate<Bytes: Collection<UInt8>>(in bytes: Bytes) -> String? {
        if let found = bytes.withContiguousStorageIfAvailable({ scan($0) }) { return found }
        return Array(bytes).withUnsafeBufferPointer { scan($0) }
    }

    /// One open object or array.
    private enum Frame {
        /// An object: the keys seen so far, and whether the next string is a key.
        case object(keys: Set<String>, expectsKey: Bool)
        case array
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var stack: [Frame] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "{"):
                stack.append(.object(keys: [], expectsKey: true))
            case UInt8(ascii: "["):
                stack.append(.array)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !stack.isEmpty { stack.removeLast() }
            case UInt8(ascii: ","):
                if case .object(let keys, _)? = stack.last { stack[stack.count - 1] = .object(keys: keys, expectsKey: true) }
            case UInt8(ascii: "\""):
                let (text, end) = readString(bytes, from: index + 1)
                index = end
                if case .object(var keys, true)? = stack.last {
                    guard keys.insert(text).inserted else { return text }
                    stack[stack.count - 1] = .object(keys: keys, expectsKey: false)
                }
                continue
            default:
                break
            }
            index += 1
        }
        return nil
    }

    /// The unescaped string starting at `start` (just after its opening quote), and the index
    /// just after its closing quote (or the end of the input, if it is unterminated).
    private static func readString(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (String, Int) {
        var index = start
        // The common case: no escapes, so the key is a slice of the input.
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\\") else {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            return (text, min(index + 1, bytes.count))
        }
        var scalars = String.UnicodeScalarView()
        var utf8 = Array(bytes[start..<index])
        func flush() {
            scalars.append(contentsOf: String(decoding: utf8, as: UTF8.self).unicodeScalars)
            utf8.removeAll(keepingCapacity: true)
        }
        var pendingHigh: UInt32?
        // A high surrogate without its low half stands for U+FFFD (the decoder refuses it anyway).
        func dropLoneHigh() {
            guard pendingHigh != nil else { return }
            flush()
            scalars.append(Unicode.Scalar(0xFFFD)!)
            pendingHigh = nil
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                break
            }
            guard byte == UInt8(ascii: "\\"), index + 1 < bytes.count else {
                dropLoneHigh()
                utf8.append(byte)
                index += 1
                continue
            }
            let escape = bytes[index + 1]
            index += 2
            if escape == UInt8(ascii: "u"), let unit = hex4(bytes, at: index) {
                index += 4
                flush()
                if let high = pendingHigh, (0xDC00...0xDFFF).contains(unit) {
                    pendingHigh = nil
                    scalars.append(Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00))!)
                    continue
                }
                dropLoneHigh()
                if (0xD800...0xDBFF).contains(unit) {
                    pendingHigh = unit
                } else {
                    scalars.append(Unicode.Scalar(unit) ?? Unicode.Scalar(0xFFFD)!)
                }
                continue
            }
            dropLoneHigh()
            switch escape {
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            default: utf8.append(escape)  // \" \\ \/ and anything malformed, kept as written
            }
        }
        dropLoneHigh()
        flush()
        return (String(scalars), index)
    }

    /// The value of four hex digits at `index`, if there are four.
    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for byte in bytes[index..<(index + 4)] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
