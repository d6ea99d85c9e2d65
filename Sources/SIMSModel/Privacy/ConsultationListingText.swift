import Foundation
/// The listing of consultations as plain text a superviseur can hand over: at most 80 columns,
/// dates jj/mm/aaaa hh:mm (heure de Nouméa), one consultation per line with its motif below it.
///
/// ```text
/// Consultations des données de WAMYTAN Hélène (fiche n° 12)
/// Relevé le 03/12/2026 14:05 par Anne Tein (atein)
/// Période : depuis le 01/12/2026
///
/// Le                Agent                         Pour
/// 03/12/2026 09:12  Jean Wayenece (jwayenece)     fiche
///                   motif : « Dossier BS en cours »
/// ```
public enum ConsultationListingText {
    /// The widest line.
    public static let width = 80

    public static func render(_ listing: ConsultationListing) -> String {
        var lines: [String] = []
        lines += wrap("Consultations des données de \(listing.tierName) (fiche n° \(listing.tierID))")
        lines += wrap("Relevé le \(Timestamp.french(listing.madeAt)) par \(listing.madeBy)")
        lines.append("Période : " + (listing.since.map { "depuis le \($0.french)" } ?? "depuis la création de la fiche"))
        if !listing.restrictions.isEmpty {
            lines.append("")
            for restriction in listing.restrictions {
                lines += wrap("Traitement limité le \(Timestamp.french(restriction.restrictedAt)) par "
                              + "\(restriction.restrictedBy) : « \(restriction.motif) »")
                if let liftedAt = restriction.liftedAt {
                    lines += wrap("  levée le \(Timestamp.french(liftedAt)) par \(restriction.liftedBy ?? "?") : "
                                  + "« \(restriction.liftMotif ?? "") »")
                } else {
                    lines.append("  en vigueur : chaque consultation donne son motif.")
                }
            }
        }
        if !listing.erasures.isEmpty {
            lines.append("")
            for erasure in listing.erasures {
                lines += wrap("Données effacées \(erasure.ground.phrase) le \(Timestamp.french(erasure.erasedAt)) par "
                              + "\(erasure.erasedBy) : « \(erasure.motif) » ; les consultations d'avant ont été effacées avec elles.")
            }
        }
        lines.append("")
        guard !listing.entries.isEmpty else {
            lines.append(listing.since == nil ? "Aucune consultation enregistrée." : "Aucune consultation depuis cette date.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append(row("Le", "Agent", "Pour"))
        for entry in listing.entries {
            let purpose = entry.context.label + (entry.dossier.map { " \($0)" } ?? "")
            lines.append(row(Timestamp.french(entry.at), "\(entry.agentName) (\(entry.agentLogin))", purpose))
            if let motif = entry.motif {
                lines += wrap(String(repeating: " ", count: 18) + "motif : « \(ShownText.escaped(motif)) »")
            }
        }
        let count = listing.entries.count
        lines.append("")
        lines.append(count == 1 ? "1 consultation." : "\(count) consultations.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Date (16), agent (28), purpose (the rest), each cut with « … » when longer than its column.
    static func row(_ date: String, _ agent: String, _ purpose: String) -> String {
        let agentWidth = 28, purposeWidth = width - 18 - agentWidth - 2
        return pad(date, 16) + "  " + pad(cut(agent, agentWidth), agentWidth) + "  " + cut(purpose, purposeWidth)
    }

    static func cut(_ text: String, _ width: Int) -> String {
        text.count > width ? String(text.prefix(width - 1)) + "…" : text
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// The line wrapped at ``width``, a guillemet never left alone at the end or the start of a
    /// line: « and » stay with the word they enclose.
    static func wrap(_ line: String) -> [String] {
        let bound = line.replacingOccurrences(of: "« ", with: "«\u{00A0}").replacingOccurrences(of: " »", with: "\u{00A0}»")
        return ProcedureSheetText.wrap(bound, width: width)
            .map { $0.replacingOccurrences(of: "\u{00A0}", with: " ") }
            .flatMap { $0.count > width ? [cut($0, width)] : [$0] }
    }
}
