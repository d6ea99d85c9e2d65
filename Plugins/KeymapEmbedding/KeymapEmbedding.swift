import Foundation
import PackagePlugin

/// Embeds the repository's `keymap.conf` into the terminal layer at build time, as tig builds its
/// built-in configuration from `tigrc`: the file is the one source of the default key bindings,
/// and a change to it rebuilds the binary.
@main
struct KeymapEmbedding: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let keymap = context.package.directoryURL.appendingPathComponent("keymap.conf")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("DefaultKeymapText.swift")
        return [
            .buildCommand(
                displayName: "Embedding keymap.conf",
                executable: try context.tool(named: "KeymapEmbedder").url,
                arguments: [keymap.path, output.path],
                inputFiles: [keymap],
                outputFiles: [output]
            ),
        ]
    }
}
