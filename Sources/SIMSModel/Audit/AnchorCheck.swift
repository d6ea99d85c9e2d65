/// Compares anchors with the chain while ``ChainVerifier`` walks it: each anchored event must
/// have the anchor's hash as the walk recomputed it, in a store of the anchor's register.
///
/// An anchor kept by hand before the chain was converted (v13, no register named) may match the
/// event's former hash instead, but only while that former chain is proven from the first event
/// to the anchored one: every event up to it with its content, checked against its former hash.
/// An erased event (or one without a former hash) ends that proof, so that a rewritten history
/// cannot pass by writing the anchor's hash in `legacy_hash`.
struct AnchorCheck {
    /// The anchors still to meet, by event id.
    private var pending: [ChainAnchor]
    private var next = 0
    /// The register the store says it is.
    let registerID: String?
    /// The first problem found.
    private(set) var problem: String?
    /// The first event that ends the proof of the former chain.
    private var legacyGap: Int64?

    init(anchors: [ChainAnchor], registerID: String?) {
        pending = anchors.sorted { $0.events < $1.events }
        self.registerID = registerID
        if let foreign = pending.first(where: { $0.registerID != nil && $0.registerID != registerID }) {
            problem = "L'\(Self.name(foreign)) est celle du registre \(foreign.registerID ?? "?"), pas de celui de cette base "
                + "(\(registerID ?? "sans identité")) : la base a été remplacée par celle d'un autre registre."
        }
    }

    /// « ancre du 07/12/2026 à 21:00 »
    static func name(_ anchor: ChainAnchor) -> String { "ancre du \(anchor.frenchTime)" }

    /// Takes the next event of the walk, whose hash the walk has recomputed and found right.
    mutating func see(_ event: AuditEvent) {
        if legacyGap == nil, event.legacyHash == nil || event.contentSalt == nil { legacyGap = event.id }
        while next < pending.count, pending[next].events <= event.id {
            let anchor = pending[next]
            next += 1
            guard problem == nil, anchor.events == event.id, anchor.hash != event.hash else { continue }
            if anchor.registerID == nil, event.legacyHash == anchor.hash {
                guard let gap = legacyGap else { continue }
                problem = "L'\(Self.name(anchor)) désigne l'empreinte qu'avait l'événement n° \(event.id) avant la conversion "
                    + "de la chaîne, que l'effacement du contenu de l'événement n° \(gap) (ou son absence d'ancienne empreinte) "
                    + "ne permet plus de prouver : elle ne prouve plus rien ; comparez avec une ancre plus récente."
            } else {
                problem = "L'événement n° \(event.id) n'a plus l'empreinte de l'\(Self.name(anchor)) : le journal a été réécrit jusqu'à lui."
            }
        }
    }

    /// The first problem, once the walk is over at `lastID` (`walked`: it reached the chain's end).
    mutating func finish(lastID: Int64, walked: Bool) -> String? {
        guard problem == nil, next < pending.count else { return problem }
        let anchor = pending[pending.count - 1]
        if walked {
            return "L'\(Self.name(anchor)) désigne l'événement n° \(anchor.events), qui n'existe plus (la chaîne s'arrête à "
                + "n° \(lastID)) : les derniers événements ont été supprimés, ou la base a été remplacée par une copie plus ancienne."
        }
        return "La chaîne est rompue avant l'événement n° \(pending[next].events) de l'\(Self.name(pending[next])) : "
            + "l'ancre ne peut pas être confirmée."
    }
}
