import SIMSModel
/// The words from which plausible « raisons sociales » are put together, such as
/// « Boulangerie du Quartier Latin », « Transports Wamytan et Fils » or « SARL Pacifique Froid ».
enum DemoCompanyNames {
    /// Trades, each the first word of a shop or craft name.
    static let trades: [String] = [
        "Boulangerie", "Pâtisserie", "Garage", "Menuiserie", "Plomberie", "Électricité",
        "Transports", "Restaurant", "Snack", "Pharmacie", "Librairie", "Quincaillerie", "Coiffure",
        "Pressing", "Auto-école", "Épicerie", "Poissonnerie", "Boucherie", "Charpente",
        "Maçonnerie", "Climatisation", "Jardinerie", "Imprimerie", "Taxi", "Ferronnerie",
        "Carrosserie", "Serrurerie", "Fleurs", "Cabinet infirmier", "Cabinet dentaire",
        "Bijouterie", "Optique", "Traiteur", "Pépinière", "Terrassement", "Peinture", "Vitrerie",
        "Pension de famille",
    ]

    /// Local words used as brand names.
    static let themes: [String] = [
        "Pacifique", "Lagon", "Calédo", "Niaouli", "Cagou", "Kaori", "Corail", "Récif", "Tropic",
        "Océanie", "Austral", "Mélanésia", "Grand Sud", "Caillou", "Nickel", "Banian",
        "Flamboyant", "Alizé", "Tamanou", "Nautile", "Îlot", "Horizon", "Mangrove", "Cocotier",
        "Tabou", "Amédée",
    ]

    /// Activities following a brand name, as in « Lagon Nettoyage ».
    static let activities: [String] = [
        "Froid", "Bâtiment", "Services", "Informatique", "Nettoyage", "Négoce", "Import",
        "Distribution", "Sécurité", "Conseil", "Immobilier", "Logistique", "Énergie", "Solaire",
        "Marine", "Plongée", "Tourisme", "Traiteur", "Construction", "Élec", "Auto", "Bureautique",
        "Événements", "Location", "Transport", "Environnement", "Agencement", "Paysage", "Médical",
    ]

    /// Plural plant names for property companies, as in « SCI Les Niaoulis ».
    static let plants: [String] = [
        "Niaoulis", "Banians", "Flamboyants", "Kaoris", "Cocotiers", "Palétuviers", "Manguiers",
        "Frangipaniers", "Tamanous", "Araucarias", "Bougainvilliers", "Hibiscus",
    ]

    /// Association names before a place, as in « Association sportive de Rivière-Salée ».
    static let associationStarts: [String] = [
        "Association sportive", "Club de va'a", "Association des parents d'élèves",
        "Amicale des pêcheurs", "Club de football", "Association des locataires",
        "Club de pétanque", "Association de quartier", "Club de tennis", "Chorale paroissiale",
        "Association des jeunes", "Comité des fêtes",
    ]
}
