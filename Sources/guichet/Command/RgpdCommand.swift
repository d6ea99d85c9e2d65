import ArgumentParser
import SIMSModel

/// `guichet rgpd …`: the requests of a person and the register of processing (RGPD).
struct RgpdCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rgpd", abstract: "Données personnelles (RGPD) : consultations, limitation, registre des traitements, conservation, fiches inactives.",
        subcommands: [RgpdConsultationsCommand.self, RgpdRestrictCommand.self, RgpdLiftCommand.self,
                      RgpdRegisterCommand.self, RgpdPurgeCommand.self, RgpdEraseCommand.self, RgpdInactiveCommand.self])

    /// The message of a restricted tier opened from the command line without `--motif`.
    static func motifNeeded(_ refusal: RestrictedTierRefusal, action: String) -> String {
        "\(refusal) Relancez avec --motif \"…\" (par ex. --motif \"demande d'accès du 02/12/2026\") "
            + "pour \(action) ; rien n'a été fait."
    }
}
