/// One erasure as `guichet check` reports it: « contenu effacé le 03/12/2026 (conservation échue) ».
public struct ErasureSummary: Sendable, Equatable {
    /// The erasure event.
    public var eventID: Int64
    /// When (ISO 8601, UTC).
    public var at: String
    /// What kind of erasure (purge at the end of retention, a person's request).
    public var label: String
    /// Why, as the erasure recorded it.
    public var motif: String
    /// How many events lost their content.
    public var erasedEvents: Int

    init?(event: AuditEvent) {
        let payload = EventLog.decodePayload(event.payload)
        guard let count = payload[EventErasure.countKey].flatMap(Int.init) else { return nil }
        eventID = event.id
        at = event.at
        // An erasure of a person's data says on what ground: her request, or inactivity.
        label = payload[TierErasure.groundKey].flatMap(TierErasureGround.init(rawValue:))?.eventLabel ?? event.kindLabel
        motif = payload["motif"] ?? ""
        erasedEvents = count
    }

    /// « contenu de 812 événements effacé le 03/12/2026 (effacement à échéance de conservation : …), événement n° 4521 »
    public var line: String {
        let why = motif.isEmpty ? label : "\(label) : \(motif)"
        return "contenu de \(erasedEvents) événement\(erasedEvents > 1 ? "s" : "") effacé le \(Timestamp.french(at)) (\(why)), événement n° \(eventID)"
    }
}
