import SIMSModel
import XCTest
@testable import GuichetTUI

final class ActionPromptTests: XCTestCase {
    private func motifPrompt() -> ActionPrompt {
        ActionPrompt(title: "Proposer une décision", fields: [.choice("Décision", ["acceptation", "refus"]), .text("Motif")])
    }

    private func screen(_ prompt: ActionPrompt) -> String {
        var buffer = CellBuffer(width: 50, height: 6)
        _ = prompt.render(into: &buffer, area: buffer.bounds, theme: .standard)
        return buffer.text
    }

    func testAChoiceByLetterOrArrowsThenTheMotifAndEnterConfirms() {
        var prompt = motifPrompt()
        XCTAssertEqual(prompt.handle(.character("r")), .editing)
        XCTAssertEqual(prompt.fields[0].value, "refus")
        XCTAssertEqual(prompt.handle(.key(.right)), .editing)
        XCTAssertEqual(prompt.fields[0].value, "acceptation")
        XCTAssertEqual(prompt.handle(.key(.tab)), .editing)
        for character in "Pièces complètes" { _ = prompt.handle(.character(character)) }
        XCTAssertEqual(prompt.fields[1].value, "Pièces complètes")
        XCTAssertEqual(prompt.handle(.key(.enter)), .confirmed)
        XCTAssertEqual(prompt.handle(.key(.escape)), .cancelled)
    }

    func testALetterNoChoiceStartsWithIsSaidNotSwallowed() {
        var prompt = motifPrompt()
        _ = prompt.handle(.character("x"))
        XCTAssertEqual(prompt.error, "Décision : aucun choix ne commence par « x » (acceptation, refus) ; Tab : champ suivant.")
        XCTAssertEqual(screen(prompt), """

        ── Proposer une décision ─────────────────────────
        ▸Décision : ◀ acceptation ▶
         Motif :
         ✗ Décision : aucun choix ne commence par « x »
         (acceptation, refus) ; Tab : champ suivant.
        """)
        var buffer = CellBuffer(width: 50, height: 6)
        XCTAssertEqual(prompt.render(into: &buffer, area: CellRect(x: 0, y: 0, width: 50, height: 6), theme: .standard),
                       CursorPosition(x: 14, y: 2), "a choice holds the cursor on its option, for a screen reader")
    }

    func testARefusalKeepsThePromptOpenWithWhatWasTypedAndMovesToTheEmptyMotif() {
        let prompt = motifPrompt()
        let refused = prompt.responding(to: .key(.enter)) { prompt in
            if prompt.fields[1].value.isEmpty { throw ValidationError(field: nil, message: "Le motif est obligatoire.") }
        }
        XCTAssertEqual(refused?.error, "Le motif est obligatoire.")
        XCTAssertEqual(refused?.focus, 1, "the agent types the motif next")
        XCTAssertNil(prompt.responding(to: .key(.escape)) { _ in XCTFail("Esc confirms nothing") })
        XCTAssertTrue(screen(motifPrompt()).hasSuffix(" Entrée : valider · Tab : champ suivant · Échap…"),
                      "the help line ends with « … » where it is cut: \(screen(motifPrompt()))")
    }
}
