@testable import SIMSModel

/// A returning parent with one child, as the counter sees them.
struct TestFamily {
    let parent: TierSnapshot
    let child: TierSnapshot

    init(_ test: TestStore) throws {
        parent = try test.person("Hélène", "Wamytan", born: "14/03/1985",
                                 [.address: "12 rue de Sébastopol", .commune: "Nouméa", .postalCode: "98800",
                                  .phone: "25 12 34", .email: "helene.wamytan@example.nc"])
        child = try test.person("Léa", "Wamytan", born: "02/05/2016", [.sex: "F"])
        try TierService(store: test.store).relate(child.id, kind: .legalRepresentative, to: parent.id, by: test.counter)
    }
}
