import ArgumentParser

/// A hidden `--postgres` on the commands that work on a device's replica file only (`sync`,
/// `daemon`, `bundle`, `record import`, `review todo`, `form import`, `restore`), so that giving it
/// fails with one line that says why, not with an unknown option or, worse, on `./sentra.db`.
/// `$SENTRA_POSTGRES_URL` without `--db` fails the same way (``GlobalOptions/replicaPath()``).
struct ReplicaOnlyOption: ParsableArguments {
    @Option(name: .long, help: .hidden) var postgres: String?

    func validate() throws {
        if postgres != nil {
            throw ValidationError("this command works on a replica file (--db), not on a central node in PostgreSQL: --postgres is for the office's commands")
        }
    }
}
