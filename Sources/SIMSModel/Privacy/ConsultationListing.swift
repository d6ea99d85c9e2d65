/// Who consulted or exported a tier's data, when and why: what `guichet rgpd consultations`
/// prints (see ``ConsultationListingText``).
public struct ConsultationListing: Sendable, Equatable {
    public var tierID: Int64
    public var tierName: String
    /// The first day listed, when the listing starts later than the tier's first event.
    public var since: CalendarDate?
    /// The consultations, oldest first.
    public var entries: [ConsultationEntry]
    /// The restrictions of the tier's processing, oldest first.
    public var restrictions: [TierRestriction]
    /// The erasures made at the person's request, oldest first: the consultations before them
    /// were erased with the data.
    public var erasures: [TierErasureRecord] = []
    /// When the listing was made (stored timestamp) and by whom (full name and login).
    public var madeAt: String
    public var madeBy: String
}
