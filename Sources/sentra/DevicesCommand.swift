import ArgumentParser
import SentraStore

/// `sentra devices`: the registry of devices that sync with this node, one per bound token.
struct DevicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices", abstract: "List the devices that sync with this node: node, name, token, role, syncs, what each holds.",
        discussion: "A device enters the registry when its token is bound: with `sentra token create --node`, or at its first sync.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var postgres: PostgresOption

    func run() async throws {
        try await Output.run(json: global.json) { output in
            let devices = try await postgres.withCentralStorage(global) { try await $0.devices() }
            output.emit(devices) {
                guard !devices.isEmpty else { return "No devices yet: a device appears at its first sync with a token of this node" }
                return devices.map { device in
                    var lines = ["\(device.name ?? "(no name yet)") (\(device.node))  token \(device.token)  \(device.role)"
                        + (device.survey.map { "  survey \($0)" } ?? "") + (device.revoked ? "  REVOKED" : "")]
                    lines.append("  first sync  \(device.firstSync ?? "never")")
                    lines.append("  last sync   \(device.lastSync ?? "never")")
                    for (survey, held) in device.holds.sorted(by: { $0.key < $1.key }) {
                        lines.append("  holds       \(survey) \(held)")
                    }
                    return lines.joined(separator: "\n")
                }.joined(separator: "\n")
            }
        }
    }
}
