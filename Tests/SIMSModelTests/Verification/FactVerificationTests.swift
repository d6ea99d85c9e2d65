import Foundation
import GRDB
import XCTest
@testable import SIMSModel

/// Verification levels that mean something: a fact rises only by an agent checking it against a
/// document of the tier, a superviseur's motif, or a decision, each recorded in an event; a
/// changed value starts again at « déclaré ».
final class FactVerificationTests: ReviewTeamTestCase {
    private let identity: [TierField] = [.birthName, .givenNames, .sex, .birthDate]

    private func parent() throws -> TierSnapshot {
        try test.person("Hélène", "Wamytan", born: "14/03/1985",
                        [.sex: "F", .address: "12 rue de Sébastopol", .commune: "Nouméa", .postalCode: "98800", .phone: "25 12 34"])
    }

    private func card(of tier: TierSnapshot, issued: String = "2024-03-12", validUntil: String? = nil) throws -> Document {
        try DocumentService(store: test.store).register(type: .identityDocument, issuedOn: issued, validUntil: validUntil,
                                                        owners: [tier.id], by: test.counter)
    }

    private func searchMark(_ tier: TierSnapshot) throws -> VerificationLevel? {
        try TierSearch(store: test.store).search(tier.displayName).first { $0.tierID == tier.id }?.minLevel
    }

    func testAnAgentVerifiesIdentityFactsOnAnIdentityCardOfTheTier() throws {
        let tier = try parent()
        let document = try card(of: tier)
        XCTAssertEqual(try searchMark(tier), .declared)
        let after = try FactVerificationService(store: test.store).verify(
            tierID: tier.id, expectedVersion: tier.version, fields: identity, documentID: document.id, by: test.counter)
        XCTAssertEqual(after.version, tier.version + 1)
        for field in identity {
            let fact = try XCTUnwrap(after.current[field])
            XCTAssertEqual(fact.level, .checkedAgainstDocument, field.label)
            XCTAssertEqual(fact.source, .document)
            XCTAssertEqual(fact.value, tier.value(field), "the same value, now verified")
            XCTAssertEqual(FactEvidence.describe(fact, documents: [document.id: document]),
                           "vérifié sur Pièce d'identité du 12/03/2024")
        }
        XCTAssertEqual(after.current[.address]?.level, .declared, "only the facts chosen")
        let event = try test.store.sqlitePool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT e.kind, e.agent_id, e.payload FROM event e JOIN fact_record f ON f.event_id = e.id
                WHERE f.tier_id = ? AND f.seq = ?
                """, arguments: [tier.id, after.version])
        }
        XCTAssertEqual(event?[0], "fact.verify")
        XCTAssertEqual(event?[1], test.counter.id)
        XCTAssertTrue((event?[2] as String?)?.contains("\"document\":\"\(document.id)\"") ?? false)
        XCTAssertEqual(try searchMark(tier), .checkedAgainstDocument, "the search's « Vérif. » is the identity's level")
        XCTAssertNil(try ChainVerifier.verify(test.store).firstBreak)
    }

    func testADocumentOfAnotherTierAnExpiredOneOrAWrongTypeIsRefusedWithWhyAndNothingWritten() throws {
        let tier = try parent()
        let other = try test.person("Paul", "Dupont", born: "01/01/1990")
        let verification = FactVerificationService(store: test.store)
        let documents = DocumentService(store: test.store)
        let othersCard = try card(of: other)
        let expired = try card(of: tier, issued: "2014-03-12", validUntil: "2024-03-11")
        let rib = try documents.register(type: .bankDetails, issuedOn: "2026-01-10", owners: [tier.id], by: test.counter)
        let oldProof = try documents.register(type: .proofOfAddress, issuedOn: "2025-06-01", owners: [tier.id], by: test.counter)
        let cases: [(Int64, [TierField], String)] = [
            (othersCard.id, [.birthDate], "La pièce « Pièce d'identité du 12/03/2024 » n'appartient pas à ce tiers : choisissez une pièce de sa fiche ou numérisez-la."),
            (expired.id, [.birthDate], "La pièce « Pièce d'identité du 12/03/2014 » n'est plus valable depuis le 12/03/2024 : une pièce périmée ne prouve rien ; numérisez une pièce en cours de validité."),
            (rib.id, [.birthDate], "Un relevé d'identité bancaire (RIB) ne prouve pas la date de naissance : choisissez une pièce d'identité ou un livret de famille."),
            (oldProof.id, [.address], "La pièce « Justificatif de domicile du 01/06/2025 » n'est plus valable depuis le 02/09/2025 : une pièce périmée ne prouve rien ; numérisez une pièce en cours de validité."),
            (rib.id, [.phone], "Un relevé d'identité bancaire (RIB) ne prouve pas le téléphone : aucune pièce ne prouve ce fait."),
        ]
        for (documentID, fields, message) in cases {
            XCTAssertThrowsError(try verification.verify(tierID: tier.id, expectedVersion: tier.version, fields: fields,
                                                         documentID: documentID, by: test.counter)) { error in
                XCTAssertEqual("\(error)", message)
            }
        }
        XCTAssertEqual(try TierService(store: test.store).snapshot(id: tier.id).version, tier.version, "nothing written")
    }

    func testTwoAgentsVerifyingAtOnceOneWinsTheOtherIsToldAndAStaleEditIsRefused() throws {
        let tier = try parent()
        let document = try card(of: tier)
        let verification = FactVerificationService(store: test.store)
        try verification.verify(tierID: tier.id, expectedVersion: tier.version, fields: [.birthDate], documentID: document.id,
                                by: test.counter)
        XCTAssertThrowsError(try verification.verify(tierID: tier.id, expectedVersion: tier.version, fields: [.birthDate],
                                                     documentID: document.id, by: instructor)) { error in
            let stale = error as? StaleTierError
            XCTAssertEqual(stale?.changes.map(\.field), [.birthDate])
            XCTAssertEqual(stale?.changes.first?.agentLogin, "accueil1", "the other agent is told who verified it")
        }
        XCTAssertThrowsError(try TierService(store: test.store).update(id: tier.id, expectedVersion: tier.version,
                                                                      changes: [.birthDate: "15/03/1985"], by: instructor)) {
            XCTAssertTrue($0 is StaleTierError, "an edit form opened before the verification is stale")
        }
    }

    func testAChangedValueStartsAgainAtDeclared() throws {
        let tier = try parent()
        let document = try card(of: tier)
        let verified = try FactVerificationService(store: test.store).verify(
            tierID: tier.id, expectedVersion: tier.version, fields: identity, documentID: document.id, by: test.counter)
        let tiers = TierService(store: test.store)
        XCTAssertThrowsError(try tiers.update(id: tier.id, expectedVersion: verified.version, changes: [.birthDate: "15/03/1985"],
                                              by: test.counter)) { XCTAssertTrue($0 is VerifiedFactChange) }
        let changed = try tiers.update(id: tier.id, expectedVersion: verified.version, changes: [.birthDate: "15/03/1985"],
                                       confirmingVerifiedChanges: true, by: test.counter)
        XCTAssertEqual(changed.current[.birthDate]?.level, .declared)
        XCTAssertEqual(changed.current[.birthName]?.level, .checkedAgainstDocument)
        XCTAssertEqual(try searchMark(changed), .declared, "one identity fact declared again: the identity is declared")
    }

    func testASuperviseurValidatesWithAMotifOthersCannot() throws {
        let tier = try parent()
        let verification = FactVerificationService(store: test.store)
        XCTAssertThrowsError(try verification.validate(tierID: tier.id, expectedVersion: tier.version, fields: [.address],
                                                       motif: "Vu le bail", by: instructor)) {
            XCTAssertEqual("\($0)", "Seul un superviseur peut valider un fait hors décision : demandez à un superviseur.")
        }
        XCTAssertThrowsError(try verification.validate(tierID: tier.id, expectedVersion: tier.version, fields: [.address],
                                                       motif: "  ", by: supervisor)) {
            XCTAssertTrue("\($0)".hasPrefix("Motif : dites sur quoi"), "\($0)")
        }
        XCTAssertThrowsError(try verification.validate(tierID: tier.id, expectedVersion: tier.version, fields: [.email],
                                                       motif: "Vu", by: supervisor)) {
            XCTAssertEqual("\($0)", "Courriel : aucune valeur à vérifier ; saisissez-la d'abord (F6).")
        }
        let after = try verification.validate(tierID: tier.id, expectedVersion: tier.version, fields: [.address, .commune],
                                              motif: "Bail notarié vu au guichet", by: supervisor)
        let fact = try XCTUnwrap(after.current[.address])
        XCTAssertEqual(fact.level, .validated)
        XCTAssertEqual(FactEvidence.describe(fact, documents: [:]), "validé : « Bail notarié vu au guichet »")
        XCTAssertThrowsError(try FactVerificationService(store: test.store).verify(
            tierID: tier.id, expectedVersion: after.version, fields: [.address], documentID: try card(of: tier).id, by: test.counter)) {
            XCTAssertEqual("\($0)", "Adresse est déjà validé : rien à changer.")
        }
        let kind = try test.store.sqlitePool.read { db in
            try String.fetchOne(db, sql: "SELECT kind FROM event WHERE id = ?", arguments: [fact.eventID])
        }
        XCTAssertEqual(kind, "fact.validate")
    }

    // MARK: Decisions

    /// A grant whose identity piece reuses the parent's card; claimed and proposed for acceptance.
    private func proposedGrant(_ tier: TierSnapshot, card document: Document) throws -> Int64 {
        let child = try test.person("Léa", "Wamytan", born: "02/05/2016", [.sex: "F"])
        try TierService(store: test.store).relate(child.id, kind: .legalRepresentative, to: tier.id, by: test.counter)
        let dossiers = DossierService(store: test.store)
        var intake = try dossiers.start(TestProcedures.schoolGrant, applicantID: tier.id, beneficiaryID: child.id, by: test.counter)
        XCTAssertEqual(intake.dossier.pieces["identite"], .reused(documentID: document.id))
        intake.dossier.answers.merge(["etablissement": "École Surleau", "classe": "CM1", "revenus_annuels": "1000000"]) { $1 }
        let id = try dossiers.submit(intake.dossier, procedure: TestProcedures.schoolGrant, by: test.counter).dossier.id
        let workflow = WorkflowService(store: test.store)
        try workflow.perform(.claim, on: id, reviewLevels: 2, by: instructor)
        try workflow.perform(.propose(.accepted, motif: "Ressources sous le plafond."), on: id, reviewLevels: 2, by: instructor)
        return id
    }

    func testAcceptingADossierValidatesTheFactsItsPiecesProveInTheDecisionsEvent() throws {
        let tier = try parent()
        let document = try card(of: tier)
        let id = try proposedGrant(tier, card: document)
        let workflow = WorkflowService(store: test.store)
        let facts = try workflow.provableFacts(dossierID: id)
        XCTAssertEqual(facts.map(\.field), identity.sorted { TierField.allCases.firstIndex(of: $0)! < TierField.allCases.firstIndex(of: $1)! })
        XCTAssertEqual(Set(facts.map(\.role)), ["Demandeur"], "the child has no piece proving her identity")
        try workflow.perform(.decide(.accepted, motif: "Conforme."), on: id, reviewLevels: 2, validating: facts, by: supervisor)
        let after = try TierService(store: test.store).snapshot(id: tier.id)
        let decision = try test.store.sqlitePool.read { db in
            try Row.fetchOne(db, sql: "SELECT id, payload FROM event WHERE kind = 'dossier.decide' AND dossier_id = ?", arguments: [id])
        }
        for field in identity {
            let fact = try XCTUnwrap(after.current[field])
            XCTAssertEqual(fact.level, .validated)
            XCTAssertEqual(fact.eventID, decision?[0], "recorded by the decision's event")
            XCTAssertEqual(FactEvidence.describe(fact, documents: [document.id: document]),
                           "validé par la décision BS-2026-000001 sur Pièce d'identité du 12/03/2024")
        }
        XCTAssertTrue((decision?[1] as String?)?.contains("demandeur.date_naissance") ?? false)
        XCTAssertEqual(try searchMark(after), .validated)
        XCTAssertEqual(try workflow.provableFacts(dossierID: id), [], "nothing left to validate")
        XCTAssertNil(try ChainVerifier.verify(test.store).firstBreak)
    }

    func testARefusalValidatesNothingAndAFactChangedSinceTheFormRefusesTheDecision() throws {
        let tier = try parent()
        let id = try proposedGrant(tier, card: try card(of: tier))
        let workflow = WorkflowService(store: test.store)
        let facts = try workflow.provableFacts(dossierID: id)
        let current = try TierService(store: test.store).snapshot(id: tier.id)
        try TierService(store: test.store).update(id: tier.id, expectedVersion: current.version,
                                                  changes: [.birthDate: "15/03/1985"], by: test.counter)
        XCTAssertThrowsError(try workflow.perform(.decide(.accepted, motif: "Conforme."), on: id, reviewLevels: 2,
                                                  validating: facts, by: supervisor)) {
            XCTAssertTrue("\($0)".hasPrefix("Ces faits ont changé depuis l'ouverture du formulaire : Demandeur · Date de naissance."), "\($0)")
        }
        XCTAssertEqual(try DossierService(store: test.store).dossier(id: id).state, .awaitingValidation, "nothing decided")
        try workflow.perform(.decide(.refused, motif: "Ressources trop élevées."), on: id, reviewLevels: 2,
                             validating: try workflow.provableFacts(dossierID: id), by: supervisor)
        XCTAssertEqual(try TierService(store: test.store).snapshot(id: tier.id).current[.birthName]?.level, .declared)
    }

    // MARK: Import, checklist, quality

    func testAnImportFromATrustedSourceBringsItsLevelRecordedAsSuch() throws {
        let path = test.directory + "/etat-civil.csv"
        try "type,nom_naissance,prenoms,sexe,date_naissance\npersonne,Kaloï,Lise,F,04/07/1990\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ImportSource(name: "", level: .validated))
        let source = try ImportSource(name: "État civil", level: .validated)
        let report = try TierImporter(store: test.store).importTiers(path: path, source: source, by: test.admin)
        let hit = try XCTUnwrap(TierSearch(store: test.store).search("kaloi lise").first)
        XCTAssertEqual(hit.minLevel, .validated)
        let fact = try XCTUnwrap(TierService(store: test.store).snapshot(id: hit.tierID).current[.birthDate])
        XCTAssertEqual(fact.level, .validated)
        XCTAssertEqual(fact.reference, "État civil · etat-civil.csv:2")
        XCTAssertEqual(FactEvidence.describe(fact, documents: [:]), "validé selon la source État civil · etat-civil.csv:2")
        let payload = try test.store.sqlitePool.read { db in
            try String.fetchOne(db, sql: "SELECT payload FROM event WHERE id = ?", arguments: [report.eventID])
        }
        XCTAssertTrue(payload?.contains("\"niveau\":\"2\"") ?? false)
        XCTAssertTrue(payload?.contains("\"source\":\"État civil\"") ?? false)
    }

    func testTheChecklistStopsOfferingAProofOfAFieldChangedInTheForm() throws {
        let tier = try parent()
        let proof = try DocumentService(store: test.store).register(type: .proofOfAddress, issuedOn: "2026-11-01",
                                                                    owners: [tier.id], by: test.counter)
        let checks = PieceChecklist.checks(for: TestProcedures.schoolGrant, applicantDocuments: [proof], beneficiaryDocuments: [],
                                           today: test.store.clock.today())
        XCTAssertEqual(checks[1].reusable.map(\.id), [proof.id])
        let phone = PieceChecklist.withdrawingProofs(of: [.applicant: [.phone]], from: checks)
        XCTAssertEqual(phone.checks[1].reusable.map(\.id), [proof.id], "a phone change proves nothing of the address")
        let moved = PieceChecklist.withdrawingProofs(of: [.applicant: [.address]], from: checks)
        XCTAssertEqual(moved.checks[1].reusable, [])
        XCTAssertEqual(moved.withdrawn, ["domicile": [.address]])
        let childMoved = PieceChecklist.withdrawingProofs(of: [.beneficiary: [.address]], from: checks)
        XCTAssertEqual(childMoved.checks[1].reusable.map(\.id), [proof.id], "the parent's proof, not the child's address")
        let rescanned = PieceChecklist.withdrawingProofs(of: [.applicant: [.address]], from: checks, keeping: [proof.id])
        XCTAssertEqual(rescanned.checks[1].reusable.map(\.id), [proof.id], "a piece scanned into this dossier proves the new address")
    }

    func testRegisterQualityCountsIdentityLevelsFactsAndExpiredDocuments() throws {
        let tier = try parent()
        try test.person("Paul", "Dupont", born: "01/01/1990")
        let document = try card(of: tier)
        try DocumentService(store: test.store).register(type: .proofOfAddress, issuedOn: "2025-06-01", owners: [tier.id], by: test.counter)
        try FactVerificationService(store: test.store).verify(tierID: tier.id, expectedVersion: tier.version, fields: identity,
                                                               documentID: document.id, by: test.counter)
        let quality = try RegisterQuality.read(test.store, today: test.store.clock.today())
        XCTAssertEqual(quality.personCount, 2)
        XCTAssertEqual(quality.verifiedPersons, 1)
        XCTAssertEqual(quality.factRecords[.checkedAgainstDocument], 1)
        XCTAssertEqual(quality.factRecords[.declared], 2)
        XCTAssertEqual(quality.documents, 2)
        XCTAssertEqual(quality.expired, 1)
        XCTAssertEqual(quality.lines[0], "Personnes à l'identité vérifiée : 1 sur 2 (50 %)")
        XCTAssertTrue(quality.lines.allSatisfy { $0.count <= 80 }, quality.lines.joined(separator: "\n"))
    }
}
