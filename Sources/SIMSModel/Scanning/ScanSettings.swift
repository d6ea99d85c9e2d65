import Foundation

/// How the counter's scanner is driven through SANE's `scanimage`: which device, which source
/// (flatbed or document feeder), at what resolution and in what mode. Pages come out as PNG
/// (lossless) and are then assembled into one PDF by `img2pdf`.
///
/// Read from the environment by ``configured(environment:)``:
///
/// | Variable | Meaning | Default |
/// |---|---|---|
/// | `GUICHET_SCANNER` | SANE device name (`scanimage -L` lists them, e.g. `epjitsu:libusb:001:004`) | scanimage's default device |
/// | `GUICHET_SCANNER_SOURCE` | passed to `--source` as is (`Flatbed`, `ADF`, `ADF Duplex`, `Automatic Document Feeder`…, depends on the device) | the device's default |
/// | `GUICHET_SCANNER_RESOLUTION` | dots per inch | 200 |
/// | `GUICHET_SCANNER_MODE` | `Gray`, `Color` or `Lineart` (as the device names them) | `Gray` |
/// | `GUICHET_SCANNER_PAGES` | at most this many pages per scan (`--batch-count`) | one page on a flatbed, the whole feeder otherwise |
/// | `GUICHET_COMMANDE_SCANIMAGE` | the `scanimage` program (path or name; tests give a fake one) | `scanimage` |
/// | `GUICHET_COMMANDE_IMG2PDF` | the `img2pdf` program | `img2pdf` |
///
/// ```swift
/// let settings = ScanSettings.configured(environment: ProcessInfo.processInfo.environment)
/// settings.scanimageArguments(batchPattern: "/tmp/x/page%d.png")
/// // ["--batch=/tmp/x/page%d.png", "--format=png", "--batch-count=1", "--resolution", "200", "--mode", "Gray"]
/// ```
public struct ScanSettings: Sendable, Equatable {
    /// The SANE device (`-d`); nil lets scanimage take its default (the first device found).
    public var device: String?
    /// The source (`--source`), passed through as the device names it; nil keeps the device's default.
    public var source: String?
    /// Dots per inch.
    public var resolution: Int
    /// `Gray`, `Color`, `Lineart`: passed through to `--mode`.
    public var mode: String
    /// At most this many pages (`--batch-count`); nil: one page on a flatbed, every page of the feeder otherwise.
    public var maxPages: Int?
    /// The page format scanimage writes (always `png`: lossless, what img2pdf embeds as is).
    public let format = "png"
    /// The `scanimage` program: a path, or a name looked up in `PATH`.
    public var scanimageCommand: String
    /// The `img2pdf` program: a path, or a name looked up in `PATH`.
    public var img2pdfCommand: String
    /// How long scanimage may stay silent (no new line, no new page) before the scan is stopped
    /// with « le scanner ne répond plus » (`GUICHET_SCANNER_DELAI`, seconds; default 120).
    public var silenceLimit: TimeInterval = 120

    public init(device: String? = nil, source: String? = nil, resolution: Int = 200, mode: String = "Gray",
                maxPages: Int? = nil, scanimageCommand: String = "scanimage", img2pdfCommand: String = "img2pdf") {
        self.device = device
        self.source = source
        self.resolution = resolution
        self.mode = mode
        self.maxPages = maxPages
        self.scanimageCommand = scanimageCommand
        self.img2pdfCommand = img2pdfCommand
    }

    /// The settings given by the `GUICHET_SCANNER*` variables (see the table above); empty or
    /// unreadable values keep the defaults.
    public static func configured(environment: [String: String] = ProcessInfo.processInfo.environment) -> ScanSettings {
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        var settings = ScanSettings()
        settings.device = value("GUICHET_SCANNER")
        settings.source = value("GUICHET_SCANNER_SOURCE")
        if let dpi = value("GUICHET_SCANNER_RESOLUTION").flatMap(Int.init), dpi > 0 { settings.resolution = dpi }
        if let mode = value("GUICHET_SCANNER_MODE") { settings.mode = mode }
        if let pages = value("GUICHET_SCANNER_PAGES").flatMap(Int.init), pages > 0 { settings.maxPages = pages }
        if let seconds = value("GUICHET_SCANNER_DELAI").flatMap(Double.init), seconds > 0 { settings.silenceLimit = seconds }
        if let command = value("GUICHET_COMMANDE_SCANIMAGE") { settings.scanimageCommand = command }
        if let command = value("GUICHET_COMMANDE_IMG2PDF") { settings.img2pdfCommand = command }
        return settings
    }

    /// Whether the source is the flatbed (no source given counts as the flatbed: one page).
    public var isFlatbed: Bool {
        guard let source else { return true }
        let lowered = source.lowercased()
        return lowered.contains("flatbed") || lowered.contains("vitre")
    }

    /// How many pages to ask for: `maxPages`, else 1 on a flatbed, else nil (until the feeder is empty).
    public var batchCount: Int? { maxPages ?? (isFlatbed ? 1 : nil) }

    /// scanimage's arguments, pages written along `batchPattern` (`…/page%d.png`).
    public func scanimageArguments(batchPattern: String) -> [String] {
        var arguments = ["--batch=\(batchPattern)", "--format=\(format)"]
        if let batchCount { arguments.append("--batch-count=\(batchCount)") }
        if let device { arguments += ["-d", device] }
        if let source { arguments += ["--source", source] }
        arguments += ["--resolution", String(resolution), "--mode", mode]
        return arguments
    }
}
