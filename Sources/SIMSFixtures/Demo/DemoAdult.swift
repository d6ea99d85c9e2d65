import SIMSModel
/// What the generator remembers of a recent adult, to make them a company's gérant.
struct DemoAdult: Sendable {
    /// The adult's tier number.
    let localID: Int
    /// The first of the adult's given names.
    let givenName: String
    /// The name the adult goes by: usage name if any, else birth name.
    let familyName: String
    /// The adult's community.
    let community: DemoCommunity
    /// The index of the adult's commune in the catalog.
    let communeIndex: Int
}
