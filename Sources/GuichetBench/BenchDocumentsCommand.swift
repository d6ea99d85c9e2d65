import ArgumentParser
import Foundation
import GuichetCommandLine
import GuichetTUI
import SIMSModel

/// `guichet bench documents`: how fast scans are stored (hash, write with fsync, index) beside
/// `sha256sum` reading the same files, and the form's key latency while the OCR worker reads
/// real pages in the background.
struct BenchDocumentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "documents",
                                                    abstract: "Enregistrement des pièces (Mo/s) ; latence des touches pendant l'OCR.")

    @Option(name: .long, help: "Volume de fichiers enregistrés, en Mo.") var mb = 200
    @Option(name: .long, help: "Taille de chaque fichier, en Mo.") var fileMb = 2
    @Option(name: .long, help: "Pages lues par l'OCR pendant la mesure des touches.") var pages = 5
    @Option(name: .long, help: "Dossier de travail.") var workdir = NSTemporaryDirectory() + "guichet-bench"
    @Flag(name: .long, help: "Un objet JSON au lieu du tableau.") var json = false

    func run() throws {
        try CommandFailure.guarded {
            let fm = FileManager.default
            let root = "\(workdir)/documents-\(ProcessInfo.processInfo.processIdentifier)"
            try? fm.removeItem(atPath: root)
            try fm.createDirectory(atPath: root + "/scans", withIntermediateDirectories: true)
            defer { try? fm.removeItem(atPath: root) }

            // Scan-like files: a PDF header, then pseudo-random bytes (incompressible, all different).
            let count = max(mb / max(fileMb, 1), 1)
            let size = fileMb << 20
            var files: [URL] = []
            for index in 0..<count {
                let url = URL(fileURLWithPath: "\(root)/scans/scan-\(index).pdf")
                try Self.scanLike(size: size, seed: UInt64(index) &+ 0x5EED).write(to: url)
                files.append(url)
            }
            let megabytes = Double(count * size) / 1_048_576
            sync() // the generated files on disk first: neither measure pays for their writeback

            // Baseline: sha256sum over the same files (one process, output discarded).
            guard let sha256sum = BenchMeasure.which("sha256sum") else {
                throw SIMSModel.ValidationError(field: nil, message: "sha256sum est introuvable (coreutils).")
            }
            let baselineMs = try BenchMeasure.milliseconds { try Self.quietly(sha256sum, files.map(\.path)) }

            // Ours: each file attached into a fresh store, one transaction each.
            let (store, agent, tier) = try Self.freshStore(at: root + "/store/sims.sqlite")
            let documents = DocumentService(store: store)
            let storeMs = try BenchMeasure.milliseconds {
                for file in files {
                    try documents.attach(fileAt: file, type: .other, pages: 1, originalName: file.lastPathComponent,
                                         owners: [tier], by: agent)
                }
            }
            for file in files { try? fm.removeItem(at: file) }

            var report = BenchReport(title: "Pièces : \(count) fichiers de \(fileMb) Mo (\(Int(megabytes)) Mo)")
            let ours = megabytes / max(storeMs / 1000, 0.000_001)
            let baseline = megabytes / max(baselineMs / 1000, 0.000_001)
            report.add("store_mb_per_s", ours, "empreinte + écriture avec fsync + index, une transaction par pièce")
            report.add("sha256sum_mb_per_s", baseline, "sha256sum sur les mêmes fichiers")
            report.add("ratio", ours / max(baseline, 0.000_001), "objectif ≥ 0,7")

            // Keys typed in a form while the OCR worker reads real pages.
            let engine = OCREngine()
            switch engine.availability() {
            case .unavailable(let reason):
                FileHandle.standardError.write(Data("Mesure pendant l'OCR sautée : \(reason)\n".utf8))
            case .available:
                let (keys, read) = try Self.keysDuringOCR(root: root, pages: pages, engine: engine)
                report.add("ui_keys_during_ocr", Double(keys.count), "touches tapées pendant la lecture")
                report.add("ui_key_median_ms_during_ocr", BenchMeasure.percentile(keys, 50))
                report.add("ui_key_p99_ms_during_ocr", BenchMeasure.percentile(keys, 99), "objectif ≤ 8 (touche → image)")
                report.add("ocr_documents_read", Double(read), "pages lues par tesseract pendant la mesure")
            }
            report.print(json: json)
        }
    }

    /// Types names into « Nouvelle personne », a key every 30 ms as an agent would, until the
    /// worker has read every page (or two minutes); returns the key → frame times and pages read.
    static func keysDuringOCR(root: String, pages: Int, engine: OCREngine) throws -> ([Double], Int) {
        let (store, agent, tier) = try freshStore(at: root + "/ocr/sims.sqlite")
        let documents = DocumentService(store: store)
        let pdftoppm = engine.pdftoppm
        for page in 0..<pages {
            let pdf = URL(fileURLWithPath: "\(root)/ocr/page-\(page).pdf")
            try OCRSamplePage.pdf(lines: sampleLetter(page)).write(to: pdf)
            // A PNG page at 150 dpi, as the scanner gives them.
            try quietly(pdftoppm, ["-r", "150", "-png", "-singlefile", pdf.path, "\(root)/ocr/page-\(page)"])
            try documents.attach(fileAt: URL(fileURLWithPath: "\(root)/ocr/page-\(page).png"), type: .proofOfAddress,
                                 pages: 1, owners: [tier], by: agent)
        }
        let worker = OCRWorker(store: store, engine: engine)
        let session = AppSession(store: store, agent: agent, keymap: DefaultKeymap.keymap)
        let app = Application(terminal: InMemoryTerminal(columns: 80, rows: 24), session: session,
                              root: TierFormScreen(session: session, kind: .person))
        app.renderFrame()
        let text = Array("hélène wamytan marie-claire néaoutyine jean-baptiste gorodey ")
        var keys: [Double] = []
        var typed = 0
        worker.start()
        defer { worker.stop() }
        let deadline = Date().addingTimeInterval(120)
        while worker.documentsRead + worker.documentsFailed < pages, Date() < deadline {
            let character = text[typed % text.count]
            typed += 1
            keys.append(BenchMeasure.milliseconds {
                app.process(.character(character))
                app.renderFrame()
            })
            if typed % 40 == 0 {
                for _ in 0..<40 { app.process(.backspace) }
                app.renderFrame()
            }
            Thread.sleep(forTimeInterval: 0.03)
        }
        return (keys, worker.documentsRead)
    }

    /// A store with an agent of every role and one person who owns the documents.
    static func freshStore(at path: String) throws -> (SIMSStore, Agent, Int64) {
        let fm = FileManager.default
        try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let (store, agent) = try BenchIntakeCommand.freshStore(path)
        let tier = try TierService(store: store).create(kind: .person, values: [
            .birthName: "Wamytan", .givenNames: "Hélène", .birthDate: "14/03/1985",
        ], by: agent)
        return (store, agent, tier.id)
    }

    /// A letter with a name, a date, a phone and an address, different on each page.
    static func sampleLetter(_ page: Int) -> [String] {
        var lines = [
            "PROVINCE SUD - Direction de l'action sanitaire et sociale",
            "", "Attestation de domicile n° \(1000 + page)", "",
            "Je soussignée, Madame WAMYTAN Hélène, née le 14/03/1985 à Nouméa,",
            "atteste que mon enfant réside à mon domicile au 12 rue de Sébastopol, 98800 Nouméa.",
            "Téléphone : 25.12.\(String(format: "%02d", 30 + page)) - courriel : helene.wamytan@example.nc",
            "Fait à Nouméa, le \(page + 1) mars 2026.", "",
        ]
        for line in 0..<30 {
            lines.append("Ligne \(line + 1) : les pièces justificatives sont conservées selon les règles de la Province Sud.")
        }
        return lines
    }

    /// `size` bytes starting with a PDF header, then xorshift pseudo-random bytes.
    static func scanLike(size: Int, seed: UInt64) -> Data {
        var data = Data(count: size)
        data.withUnsafeMutableBytes { raw in
            let words = raw.bindMemory(to: UInt64.self)
            var state = seed | 1
            for index in 0..<words.count {
                state ^= state << 13
                state ^= state >> 7
                state ^= state << 17
                words[index] = state
            }
        }
        let header = Data("%PDF-1.4\n%âãÏÓ scan \(seed)\n".utf8)
        data.replaceSubrange(0..<header.count, with: header)
        return data
    }

    /// Runs a program with its output discarded; fails when it fails.
    static func quietly(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SIMSModel.ValidationError(field: nil, message: "\(executable) a échoué (code \(process.terminationStatus)).")
        }
    }
}
