import SIMSModel
extension DemoCommunity {
    /// The birth places of adults of the community with their weights; the empty place stands
    /// for the commune where the person lives. Places outside New Caledonia carry their country,
    /// as agents are asked to type them: « Papeete (Polynésie française) ».
    var adultBirthPlaces: [(place: String, weight: Int)] {
        switch self {
        case .kanak:
            return [
                ("Nouméa", 40), ("", 12), ("Lifou", 12), ("Maré", 9), ("Ouvéa", 6),
                ("Houaïlou", 4), ("Canala", 4), ("Poindimié", 3), ("Hienghène", 2), ("Koné", 2),
                ("Ponérihouen", 2), ("Thio", 1), ("Yaté", 1), ("Île des Pins", 1), ("Bourail", 1),
            ]
        case .european:
            return [
                ("Nouméa", 50), ("", 8), ("Paris (France)", 8), ("Marseille (France)", 4),
                ("Lyon (France)", 3), ("Toulouse (France)", 3), ("Bordeaux (France)", 3),
                ("Brest (France)", 2), ("Toulon (France)", 2), ("Montpellier (France)", 2),
                ("Nantes (France)", 2), ("Lille (France)", 1), ("Strasbourg (France)", 1),
                ("Nice (France)", 1), ("Rennes (France)", 1), ("Papeete (Polynésie française)", 2),
                ("Saint-Denis (La Réunion)", 2), ("Koumac", 1), ("Bourail", 2),
            ]
        case .wallisianFutunian:
            return [
                ("Nouméa", 48), ("", 5), ("Wallis (Wallis-et-Futuna)", 34),
                ("Futuna (Wallis-et-Futuna)", 12), ("Papeete (Polynésie française)", 1),
            ]
        case .tahitian:
            return [
                ("Nouméa", 50), ("", 5), ("Papeete (Polynésie française)", 30),
                ("Faa'a (Polynésie française)", 8), ("Uturoa (Polynésie française)", 7),
            ]
        case .indonesian:
            return [
                ("Nouméa", 75), ("", 10), ("Semarang (Indonésie)", 5), ("Surabaya (Indonésie)", 4),
                ("Yogyakarta (Indonésie)", 3), ("Jakarta (Indonésie)", 3),
            ]
        case .vietnamese:
            return [
                ("Nouméa", 78), ("", 8), ("Hô Chi Minh-Ville (Viêt Nam)", 6), ("Hanoï (Viêt Nam)", 4),
                ("Haïphong (Viêt Nam)", 2), ("Paris (France)", 2),
            ]
        case .niVanuatu:
            return [
                ("Nouméa", 40), ("", 5), ("Port-Vila (Vanuatu)", 38), ("Luganville (Vanuatu)", 12),
                ("Tanna (Vanuatu)", 5),
            ]
        case .other:
            return [
                ("Nouméa", 60), ("", 8), ("Saint-Denis (La Réunion)", 10), ("Paris (France)", 8),
                ("Marseille (France)", 4), ("Alger (Algérie)", 3), ("Lisbonne (Portugal)", 3),
                ("Tokyo (Japon)", 2), ("Hong Kong (Chine)", 2),
            ]
        }
    }
}
