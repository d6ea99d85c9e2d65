import Foundation
/// The review rules of DESIGN.md as one pure function: which action is allowed in which state,
/// for which agent, and the state it leads to.
///
/// `déposé → en instruction ⇄ attente de pièces → à valider → accepté | refusé | sans suite`,
/// with a reasoned reopening by a superviseur; with two review levels the decision is taken by a
/// superviseur who is not the proposer (four eyes); with one level the instructeur decides.
///
/// ```swift
/// let next = try DossierWorkflow.next(for: .claim, dossier: facts, agent: instructeur)  // .underReview
/// ```
public enum DossierWorkflow {
    /// What the rules need to know of a dossier.
    public struct Facts: Sendable, Equatable {
        public var state: DossierState
        public var assigneeID: Int64?
        public var proposerID: Int64?
        public var reviewLevels: Int

        public init(state: DossierState, assigneeID: Int64?, proposerID: Int64?, reviewLevels: Int) {
            self.state = state
            self.assigneeID = assigneeID
            self.proposerID = proposerID
            self.reviewLevels = reviewLevels
        }
    }

    /// The state the action leads to, or the French reason it is refused.
    public static func next(for action: DossierAction, dossier: Facts, agent: Agent) throws(WorkflowRefusal) -> DossierState {
        let state = dossier.state
        let isSupervisor = agent.has(.supervisor)
        let isInstructor = agent.has(.instructor)
        let isAssignee = dossier.assigneeID == agent.id
        func refuse(_ reason: String) -> WorkflowRefusal {
            WorkflowRefusal("Impossible de \(action.label) : \(reason)")
        }
        func inState(_ allowed: DossierState...) throws(WorkflowRefusal) {
            guard allowed.contains(state) else {
                throw refuse("le dossier est « \(state.label) »"
                    + " (il faut qu'il soit « \(allowed.map(\.label).joined(separator: " » ou « ")) »).")
            }
        }
        func motif(_ text: String) throws(WorkflowRefusal) {
            guard text.trimmingCharacters(in: .whitespacesAndNewlines).count >= 5 else {
                throw refuse("indiquez le motif (au moins 5 caractères).")
            }
        }
        func instructingAgent() throws(WorkflowRefusal) {
            guard isSupervisor || (isInstructor && isAssignee) else {
                throw refuse(isInstructor ? "ce dossier est attribué à un autre agent." : "il faut être instructeur ou superviseur.")
            }
        }
        switch action {
        case .claim:
            try inState(.submitted)
            guard isInstructor || isSupervisor else { throw refuse("il faut être instructeur ou superviseur.") }
            return .underReview
        case .requestPieces(let pieces, _):
            try inState(.underReview)
            try instructingAgent()
            guard !pieces.isEmpty else { throw refuse("indiquez au moins une pièce à demander.") }
            return .awaitingPieces
        case .piecesReceived:
            try inState(.awaitingPieces)
            guard agent.has(.reception) || isInstructor || isSupervisor else {
                throw refuse("il faut être agent d'accueil, instructeur ou superviseur.")
            }
            return .underReview
        case .propose(_, let text):
            try inState(.underReview)
            try instructingAgent()
            guard dossier.reviewLevels >= 2 else {
                throw refuse("cette démarche n'a qu'un niveau : décidez directement.")
            }
            try motif(text)
            return .awaitingValidation
        case .decide(let decision, let text):
            try motif(text)
            if dossier.reviewLevels >= 2 {
                try inState(.awaitingValidation)
                guard isSupervisor else { throw refuse("la décision revient à un superviseur (validation à deux niveaux).") }
                guard dossier.proposerID != agent.id else {
                    throw refuse("vous avez fait la proposition : un autre superviseur doit la valider (principe des quatre yeux).")
                }
            } else {
                try inState(.underReview)
                try instructingAgent()
            }
            return decision.state
        case .returnProposal(let text):
            try inState(.awaitingValidation)
            guard isSupervisor else { throw refuse("il faut être superviseur.") }
            try motif(text)
            return .underReview
        case .reopen(let text):
            try inState(.accepted, .refused, .closedWithoutAction)
            guard isSupervisor else { throw refuse("seul un superviseur rouvre un dossier décidé.") }
            try motif(text)
            return .underReview
        case .reassign(let target):
            guard state != .draft, ![DossierState.accepted, .refused, .closedWithoutAction].contains(state) else {
                throw refuse("le dossier est « \(state.label) ».")
            }
            guard isSupervisor || isAssignee else {
                throw refuse("seuls l'agent à qui il est attribué et les superviseurs peuvent le réattribuer.")
            }
            guard target != dossier.assigneeID else { throw refuse("il est déjà attribué à cet agent.") }
            return state
        }
    }
}
