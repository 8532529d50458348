import ArgumentParser
import SentraSync

/// `--ca-cert FILE` of `sync` and `daemon`: the office's CA, or the node's self-signed
/// certificate, to trust beside the system's roots when the peer's URL is `https://`.
struct TrustOptions: ParsableArguments {
    @Option(name: .customLong("ca-cert"),
            help: ArgumentHelp("Trust this PEM certificate (the office's CA, or the node's self-signed certificate) for an https:// peer.",
                               valueName: "file"))
    var caCertificate: String?

    /// What the peer's certificate may chain to; read at once, so a bad file fails before any sync.
    func trust() throws -> PeerTrust {
        guard let caCertificate else { return .system }
        return try PeerTrust(caCertificateFile: caCertificate)
    }

    /// `error`, with the advice a person at the command line needs when the peer's certificate
    /// was not trusted.
    func advise(_ error: any Error) -> any Error {
        guard var error = error as? SyncError, error.code == .tlsUntrusted else { return error }
        if let caCertificate {
            error.message += "; check the URL's scheme and port, and that \(caCertificate) holds the CA that signed the node's certificate"
        } else {
            error.message += "; if the node uses the office's own CA or a self-signed certificate, give it with --ca-cert FILE"
        }
        return error
    }
}
