import Foundation
import Testing
import SentraCore

/// The scanner the server runs on every JSON body before decoding it.
@Suite("JSON duplicate keys")
struct JSONDuplicateKeysTests {
    private func duplicate(_ json: String) -> String? {
        JSONDuplicateKeys.firstDuplicate(in: Data(json.utf8))
    }

    @Test("documents without repeated keys pass", arguments: [
        "", "{}", "[]", "1", #""a""#, #"{"a": 1, "b": 2}"#, #"[{"a": 1}, {"a": 2}]"#,
        #"{"a": {"a": {"a": 1}}}"#, #"{"a": "a", "b": ["a", "a"]}"#, #"{"a": 1, "A": 2}"#,
        #"{"a\"": 1, "a": 2}"#, #"{"x": {"k": 1}, "k": 2}"#, #"{"a": [{"b": 1}], "b": 2}"#,
    ])
    func noDuplicates(json: String) {
        #expect(duplicate(json) == nil)
    }

    @Test("a key repeated in one object is found, at any depth")
    func duplicates() {
        #expect(duplicate(#"{"a": 1, "a": 2}"#) == "a")
        #expect(duplicate(#"{"a": 1, "b": {"c": 2, "c": 3}}"#) == "c")
        #expect(duplicate(#"[1, [2, {"x": [], "y": {}, "x": null}]]"#) == "x")
        #expect(duplicate(#"{"outer": {"k": 1}, "k": 2, "outer": 3}"#) == "outer")
        #expect(duplicate(#"{"protocol":1,"changes":[],"protocol":2}"#) == "protocol")
    }

    @Test("the first duplicate in document order is reported")
    func firstInOrder() {
        #expect(duplicate(#"{"b": {"z": 1, "z": 2}, "a": 1, "a": 2}"#) == "z")
    }

    @Test("keys are compared after unescaping")
    func escapes() {
        #expect(duplicate(#"{"a": 1, "\u0061": 2}"#) == "a")
        #expect(duplicate(#"{"tab\t": 1, "tab\u0009": 2}"#) == "tab\t")
        #expect(duplicate(#"{"q\"": 1, "q\u0022": 2}"#) == "q\"")
        #expect(duplicate(#"{"s\/": 1, "s/": 2}"#) == "s/")
        #expect(duplicate(#"{"😀": 1, "\ud83d\ude00": 2}"#) == "😀")
        #expect(duplicate(#"{"\\": 1, "\u005c": 2}"#) == "\\")
    }

    @Test("strings with braces, commas and colons do not confuse the nesting")
    func stringsWithStructure() {
        #expect(duplicate(#"{"a": "}{,:[]", "b": 1}"#) == nil)
        #expect(duplicate(#"{"a": "}", "a": 1}"#) == "a")
        #expect(duplicate(#"{"k": "x\"}, \"k\": 1", "j": 2}"#) == nil)
    }

    @Test("malformed input never traps", arguments: [
        "{", "}", "]]]]", #"{"a"#, #"{"a\"#, #"{"a\u12"#, #"{"\ud83d": 1, "\ud83d"#, #"{"a": 1,,, "b"}"#,
        String(repeating: "[", count: 100_000), String(repeating: "{\"a\":", count: 50_000),
    ])
    func malformed(json: String) {
        _ = duplicate(json)
    }

    @Test("a deep document is scanned without recursion")
    func deep() {
        let depth = 200_000
        let json = String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
        #expect(duplicate(json) == nil)
        #expect(duplicate(String(repeating: "[", count: depth) + #"{"k":1,"k":2}"# + String(repeating: "]", count: depth)) == "k")
    }

    @Test("any byte collection is accepted")
    func collections() {
        let bytes = Array(#"{"a":1,"a":2}"#.utf8)
        #expect(JSONDuplicateKeys.firstDuplicate(in: bytes) == "a")
        #expect(JSONDuplicateKeys.firstDuplicate(in: bytes[...]) == "a")
        #expect(JSONDuplicateKeys.firstDuplicate(in: bytes.lazy.map { $0 }) == "a")
    }
}
