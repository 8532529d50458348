/// A test fixture that could not do its part: a server that would not start, a program that failed.
public struct TestSupportFailure: Error, CustomStringConvertible {
    public let description: String

    public init(_ message: String) {
        description = message
    }
}
