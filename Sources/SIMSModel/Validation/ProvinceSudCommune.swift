/// One commune of the Province Sud, with its postal codes and population: the table behind the
/// commune and postal code fields.
///
/// Sources (recent copies of the pages, 2024-2025):
/// - names, INSEE codes and 2019 populations: French Wikipedia « Liste des communes de la
///   Nouvelle-Calédonie », which quotes the 2019 census (ISEE / INSEE, « population municipale »);
/// - postal codes: the infobox of each commune's French Wikipedia article, plus the codes of the
///   older (2009) version of the same list where they differ, because a code that is still printed
///   on people's papers must not be refused at the counter. Païta: 98890 (article) and 98889 (list);
///   Sarraméa: 98880 (article, shared with La Foa) and 98882 (list).
///   Farino keeps 98881 (French article and list) although the English article gives 98880.
///   Nouméa's CEDEX and post-office-box codes are not listed.
///
/// Populations are the 2019 « population municipale », to be taken as approximate: they are not
/// updated (the 2025 census is lower in the Grand Nouméa), and Poya's is an estimate.
///
/// ```swift
/// ProvinceSudCommune.named("ile des pins")?.name      // "Île des Pins"
/// ProvinceSudCommune.withPostalCode("98810").map(\.name)  // ["Mont-Dore"]
/// ```
public struct ProvinceSudCommune: Hashable, Sendable {
    /// The official name, with its accents: "Nouméa", "Île des Pins".
    public let name: String
    /// The commune's code in the INSEE code of geographic areas (988xx), not a postal code.
    public let inseeCode: String
    /// The postal codes in use in the commune, the main one first.
    public let postalCodes: [String]
    /// The 2019 census « population municipale » (approximate; see the type's notes).
    public let population2019: Int
    /// Other spellings that name the commune: "Le Mont-Dore", "Bouloupari".
    public let aliases: [String]

    public init(name: String, inseeCode: String, postalCodes: [String], population2019: Int,
                aliases: [String] = []) {
        self.name = name
        self.inseeCode = inseeCode
        self.postalCodes = postalCodes
        self.population2019 = population2019
        self.aliases = aliases
    }

    /// The 14 communes of the Province Sud (Poya only for its southern part), in alphabetical order.
    public static let all: [ProvinceSudCommune] = [
        ProvinceSudCommune(name: "Boulouparis", inseeCode: "98802", postalCodes: ["98812"],
                           population2019: 3_315, aliases: ["Bouloupari"]),
        ProvinceSudCommune(name: "Bourail", inseeCode: "98803", postalCodes: ["98870"],
                           population2019: 5_531),
        ProvinceSudCommune(name: "Dumbéa", inseeCode: "98805",
                           postalCodes: ["98835", "98830", "98837", "98839"],
                           population2019: 35_873),
        ProvinceSudCommune(name: "Farino", inseeCode: "98806", postalCodes: ["98881"],
                           population2019: 712),
        ProvinceSudCommune(name: "Île des Pins", inseeCode: "98809", postalCodes: ["98832"],
                           population2019: 2_037, aliases: ["L'Île des Pins", "L'Île-des-Pins"]),
        ProvinceSudCommune(name: "La Foa", inseeCode: "98813", postalCodes: ["98880"],
                           population2019: 3_552),
        ProvinceSudCommune(name: "Moindou", inseeCode: "98816", postalCodes: ["98819"],
                           population2019: 681),
        ProvinceSudCommune(name: "Mont-Dore", inseeCode: "98817", postalCodes: ["98809", "98810"],
                           population2019: 27_620, aliases: ["Le Mont-Dore"]),
        ProvinceSudCommune(name: "Nouméa", inseeCode: "98818", postalCodes: ["98800"],
                           population2019: 94_285),
        ProvinceSudCommune(name: "Païta", inseeCode: "98821", postalCodes: ["98890", "98889"],
                           population2019: 24_563),
        // Poya straddles the two provinces: 2,802 inhabitants in 2019 for the whole commune, of
        // whom about 95 % live in the northern part (Province Nord) by the 2004 split given in the
        // commune's Wikipedia article. Only the southern share is counted here: a rough estimate.
        ProvinceSudCommune(name: "Poya", inseeCode: "98827", postalCodes: ["98827"],
                           population2019: 130),
        ProvinceSudCommune(name: "Sarraméa", inseeCode: "98828", postalCodes: ["98880", "98882"],
                           population2019: 572),
        ProvinceSudCommune(name: "Thio", inseeCode: "98829", postalCodes: ["98829"],
                           population2019: 2_524),
        ProvinceSudCommune(name: "Yaté", inseeCode: "98832", postalCodes: ["98834"],
                           population2019: 1_667),
    ]

    /// Every postal code of the Province Sud, sorted.
    public static let allPostalCodes: [String] = Array(Set(all.flatMap(\.postalCodes))).sorted()

    /// The commune a typed name designates, matched without regard to case, accents, hyphens or
    /// apostrophes ("noumea", "ILE DES PINS", "Ile-des-Pins", "mont dore"); `nil` when none does.
    public static func named(_ typed: String) -> ProvinceSudCommune? {
        if let commune = byWrittenName[typed] { return commune }
        let key = ValidationText.fold(typed)
        guard !key.isEmpty else { return nil }
        return byFoldedName[key]
    }

    /// Every commune by the folded form of its name and aliases, built once.
    private static let byFoldedName: [String: ProvinceSudCommune] = {
        var map: [String: ProvinceSudCommune] = [:]
        for commune in all {
            for name in [commune.name] + commune.aliases where map[ValidationText.fold(name)] == nil {
                map[ValidationText.fold(name)] = commune
            }
        }
        return map
    }()

    /// Every commune by its name and aliases as written, for the common case (a stored value).
    private static let byWrittenName: [String: ProvinceSudCommune] = {
        var map: [String: ProvinceSudCommune] = [:]
        for commune in all {
            for name in [commune.name] + commune.aliases {
                if let found = byFoldedName[ValidationText.fold(name)] { map[name] = found }
            }
        }
        return map
    }()

    /// The communes that use a postal code (two for 98880: La Foa and Sarraméa).
    public static func withPostalCode(_ code: String) -> [ProvinceSudCommune] {
        all.filter { $0.postalCodes.contains(code) }
    }
}
