import Foundation
/// The list of inactive persons as plain text of at most 80 columns: number, name, day of the
/// last activity (jj/mm/aaaa), why they are listed; the count at the end.
///
/// ```text
/// Fiches inactives au 03/12/2026 : aucune activité depuis le 03/12/2021 (5 ans),
/// aucun dossier ouvert ni sous conservation.
///
///      n°  Nom                     Dern. activité  Pourquoi
///     123  WAMYTAN Hélène          14/03/2015      aucun dossier
///     456  GOPE Sylvie             02/05/2019      2 dossiers, échus le 15/09/2025
///                                                  conservée le 03/12/2020
///
/// 2 fiches inactives : sur la fiche, « Effacement » pour anonymiser ; « Conserver » dans
/// l'écran « Fiches inactives » (touche i de l'accueil).
/// ```
public enum InactiveTierListText {
    public static let width = 80
    static let nameWidth = 22
    static let reasonColumn = 7 + 2 + nameWidth + 2 + 15

    public static func render(_ tiers: [InactiveTier], period: InactivityPeriod, today: CalendarDate) -> String {
        var lines = ConsultationListingText.wrap(heading(period: period, today: today))
        lines.append("")
        if tiers.isEmpty {
            lines.append("Aucune fiche inactive.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append(row("n°", "Nom", "Dern. activité", "Pourquoi"))
        for tier in tiers {
            let reasons = reasonLines(tier)
            lines.append(row(String(tier.id), ConsultationListingText.cut(ShownText.escaped(tier.name, limit: 200), nameWidth),
                             tier.lastActivityDay, reasons.first ?? ""))
            lines += reasons.dropFirst().map { String(repeating: " ", count: reasonColumn) + $0 }
        }
        lines.append("")
        lines.append(counted(tiers.count) + ".")
        lines.append("Pour chacune : « Effacement » sur sa fiche, ou « Conserver » dans l'écran")
        lines.append("« Fiches inactives » de l'accueil (superviseurs).")
        return lines.joined(separator: "\n") + "\n"
    }

    /// « Fiches inactives au 03/12/2026 : aucune activité depuis le 03/12/2021 (5 ans), aucun
    /// dossier ouvert ni sous conservation. »
    public static func heading(period: InactivityPeriod, today: CalendarDate) -> String {
        "Fiches inactives au \(today.french) : aucune activité depuis le \(period.cutoffDay(today: today).french) "
            + "(\(period.french)), aucun dossier ouvert ni sous conservation."
    }

    /// « 1 fiche inactive », « 12 fiches inactives »
    public static func counted(_ count: Int) -> String {
        count == 0 ? "Aucune fiche inactive" : count == 1 ? "1 fiche inactive" : "\(count) fiches inactives"
    }

    /// The reasons, each within the reason column.
    static func reasonLines(_ tier: InactiveTier) -> [String] {
        tier.reason.components(separatedBy: " ; ").map { ConsultationListingText.cut($0, width - reasonColumn) }
    }

    static func row(_ id: String, _ name: String, _ day: String, _ reason: String) -> String {
        String(repeating: " ", count: max(0, 7 - id.count)) + id + "  " + ConsultationListingText.pad(name, nameWidth) + "  "
            + ConsultationListingText.pad(day, 15) + reason
    }
}
