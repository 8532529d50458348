import Foundation
import PackagePlugin

/// Puts the field app's static files (Sources/SentraWeb/FieldApp, without its tests and notes)
/// into SentraWeb as a generated Swift file, so that a node serves `/field/` from its binary
/// alone, as it serves the office pages' assets (decision 0017).
@main
struct EmbedFieldApp: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let root = target.directoryURL.appending(path: "FieldApp")
        let files = try Self.servedFiles(under: root)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFieldAppFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding the field app's \(files.count) files",
                executable: try context.tool(named: "sentra-embed").url,
                arguments: [output.path(), root.path()] + files.map(\.relative),
                inputFiles: files.map(\.url),
                outputFiles: [output]
            ),
        ]
    }

    /// Every file the app serves: all of FieldApp except `tests/` and Markdown notes, sorted.
    static func servedFiles(under root: URL) throws -> [(url: URL, relative: String)] {
        var prefix = root.standardizedFileURL.path()
        if !prefix.hasSuffix("/") { prefix += "/" }
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var files: [(url: URL, relative: String)] = []
        for case let url as URL in walker {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path().dropFirst(prefix.count))
            if relative.hasPrefix("tests/") || relative.hasSuffix(".md") || relative.hasPrefix(".") { continue }
            files.append((url, relative))
        }
        return files.sorted { $0.relative < $1.relative }
    }
}
