import ArgumentParser
import Foundation
import GuichetCommandLine
import GuichetTUI
import SIMSModel

/// `guichet search QUERY [--json]`: the ranked results of a search.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Recherche des tiers (nom, date, RIDET, CAFAT, téléphone, courriel).")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Ce que l'agent taperait, par ex. \"hélène wamytan\" ou 14/03/1985.") var query: [String]
    @Option(name: .long, help: "Nombre de résultats.") var limit = 20
    @Flag(name: .long, help: "Résultats en JSON.") var json = false

    func run() throws {
        try CommandFailure.guarded {
            let text = query.joined(separator: " ")
            // The same limit as the search field of the screen: a query no agent could type is
            // refused at once instead of keeping the store busy.
            guard text.count <= TierSearchScreen.queryLimit else {
                throw ValidationError(field: nil, message: "Recherche trop longue (\(text.count) caractères) : "
                    + "\(TierSearchScreen.queryLimit) au plus, comme dans le champ de recherche. Tapez seulement le nom, "
                    + "la date ou le numéro cherché.")
            }
            guard (1...1_000).contains(limit) else {
                throw ValidationError(field: nil, message: "--limit \(limit) : indiquez un nombre de résultats de 1 à 1000.")
            }
            let (opened, agent) = try store.session()
            try AgentService.require(agent, .reception, .instructor, .supervisor, to: "rechercher des tiers")
            let hits = try TierSearch(store: opened).search(text, limit: limit)
            if let redirect = hits.first?.redirect {
                FileHandle.standardError.write(Data("guichet : \(redirect.notice)\n".utf8))
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(hits), as: UTF8.self))
                return
            }
            if hits.isEmpty { print("Aucun tiers ne correspond à \(ShownText.quoted(text)).") }
            for hit in hits {
                // A restricted tier shows its name only (its data needs a motif: open its record).
                guard !hit.restricted else {
                    print([String(hit.tierID), hit.displayName, "limitée (RGPD)", "", ""].joined(separator: "\t"))
                    continue
                }
                let identity = hit.kind == .person
                    ? (hit.birthDate.map { FieldValidator.display($0, for: .birthDate) } ?? "")
                    : (hit.ridet ?? "")
                print([String(hit.tierID), hit.displayName, identity, hit.commune ?? "", hit.minLevel.mark]
                        .joined(separator: "\t"))
            }
        }
    }
}
