import Foundation

/// Reads a new password for `sentra user`: from the terminal without echo, or one line of stdin.
enum PasswordInput {
    /// The shortest password `sentra user` accepts, in characters.
    static let minimumLength = 10

    /// The password for `user`: the first line of stdin when `fromStdin` is set or stdin is not a
    /// terminal; else typed twice at the terminal, not echoed.
    ///
    /// - Throws: ``CLIError`` when stdin is empty, the two typings differ, or the password is
    ///   shorter than ``minimumLength``.
    static func read(for user: String, fromStdin: Bool) throws -> String {
        let password: String
        if fromStdin || isatty(STDIN_FILENO) != 1 {
            guard let line = readLine(strippingNewline: true) else {
                throw CLIError("no password on standard input; nothing was changed")
            }
            password = line.hasSuffix("\r") ? String(line.dropLast()) : line
        } else {
            password = try prompt("Password for \(user): ")
            guard try prompt("Repeat the password: ") == password else {
                throw CLIError("the two passwords differ; nothing was changed")
            }
        }
        guard password.count >= minimumLength else {
            throw CLIError("a password must be at least \(minimumLength) characters; nothing was changed")
        }
        return password
    }

    /// One line typed at the terminal with echo off, after `message` on stderr.
    private static func prompt(_ message: String) throws -> String {
        FileHandle.standardError.write(Data(message.utf8))
        var saved = termios()
        let hidden = tcgetattr(STDIN_FILENO, &saved) == 0
        if hidden {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        }
        defer {
            if hidden { tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) }
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else {
            throw CLIError("no password typed; nothing was changed")
        }
        return line
    }
}
