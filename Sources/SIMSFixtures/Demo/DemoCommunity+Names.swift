import SIMSModel
// The name pools of each community. All combinations are fictional; a few full names of public
// figures are excluded by `DemoCatalog.reservedFullNames`.

extension DemoCommunity {
    /// The family names of the community, with their accents as typed.
    var familyNames: [String] {
        switch self {
        case .kanak: return Self.kanakFamilyNames
        case .european: return Self.europeanFamilyNames
        case .wallisianFutunian: return Self.wallisianFamilyNames
        case .tahitian: return Self.tahitianFamilyNames
        case .indonesian: return Self.indonesianFamilyNames
        case .vietnamese: return Self.vietnameseFamilyNames
        case .niVanuatu: return Self.niVanuatuFamilyNames
        case .other: return Self.otherFamilyNames
        }
    }

    /// The community's own given names of one sex; European names also depend on the
    /// generation (`modern` for people born from 1985 on).
    func givenNames(female: Bool, modern: Bool) -> [String] {
        switch self {
        case .kanak: return female ? Self.kanakFemale : Self.kanakMale
        case .european:
            if female { return modern ? Self.europeanModernFemale : Self.europeanClassicFemale }
            return modern ? Self.europeanModernMale : Self.europeanClassicMale
        case .wallisianFutunian: return female ? Self.wallisianFemale : Self.wallisianMale
        case .tahitian: return female ? Self.tahitianFemale : Self.tahitianMale
        case .indonesian: return female ? Self.indonesianFemale : Self.indonesianMale
        case .vietnamese: return female ? Self.vietnameseFemale : Self.vietnameseMale
        case .niVanuatu: return female ? Self.niVanuatuFemale : Self.niVanuatuMale
        case .other: return female ? Self.otherFemale : Self.otherMale
        }
    }

    // MARK: Kanak

    private static let kanakFamilyNames: [String] = [
        "Wamytan", "Ouamytan", "Gorodey", "Kasarhérou", "Tjibaou", "Naisseline", "Wapotro",
        "Pidjot", "Ounou", "Waia", "Boéné", "Néaoutyine", "Goa", "Hnawia", "Kaloï", "Wahuzue",
        "Trolue", "Xowie", "Dounehote", "Poédi", "Ukeiwé", "Tein", "Wéa", "Ihage", "Wadrawane",
        "Wahetra", "Hnaweongo", "Wayenece", "Kabar", "Sihaze", "Kaudre", "Waminya", "Wanakaze",
        "Hmeun", "Haocas", "Gope", "Pourouoro", "Apikaoua", "Néchero", "Bouarat", "Gowé", "Tiaou",
        "Poigoune", "Wejieme", "Newedou", "Wenehoua", "Tutugoro", "Nekaré", "Wayaridri", "Xulue",
        "Washetine", "Hmana", "Wakolo", "Ipeze", "Goromido", "Téambouéon", "Gounou", "Poadae",
        "Naouna", "Ayawa", "Thavoavianon", "Kasovimoin", "Kaumaré", "Cawa", "Caihe", "Toura",
        "Hnepeune", "Wakié", "Wanabo", "Mapéri", "Kaouma", "Wénémé", "Bealo", "Hmaé", "Wacalie",
        "Kaddo", "Nedenon", "Ouetcho", "Hnacipan", "Waneux",
    ]

    private static let kanakFemale: [String] = [
        "Marie", "Hélène", "Joséphine", "Madeleine", "Anne-Marie", "Marie-Claire", "Marie-Thérèse",
        "Noëlla", "Élise", "Scholastique", "Rose", "Cécile", "Berthe", "Pascaline", "Jeannette",
        "Suzanne", "Agnès", "Thérèse", "Priscilla", "Nadège", "Ludivine", "Déwé", "Naïa", "Wanaï",
        "Ewa", "Sabrina", "Magali", "Léonie", "Anaïs", "Kélly", "Yolande", "Germaine", "Louise",
    ]

    private static let kanakMale: [String] = [
        "Jean-Marie", "Joseph", "Paul", "Pierre", "Jacques", "Louis", "Édouard", "Bernard",
        "Gilbert", "Émile", "Raphaël", "Christophe", "Yann", "Alphonse", "Théophile", "Boniface",
        "Éloi", "Élie", "Léopold", "Basile", "Hippolyte", "Wassissi", "Yeiwéné", "Djubelly",
        "Néko", "Nidoïsh", "Hnalaine", "Kotra", "Roch", "Ignace", "Gaston", "Joël", "Aloïs", "Noé",
    ]

    // MARK: European

    private static let europeanFamilyNames: [String] = [
        "Lefèvre", "Lefebvre", "Martin", "Dubois", "Lafleur", "Boyer", "Bernard", "Petit",
        "Durand", "Moreau", "Laurent", "Simon", "Michel", "Garcia", "Roux", "David", "Bertrand",
        "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau",
        "Vincent", "Muller", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boucher", "Mathieu",
        "Gauthier", "Hélary", "Ferré", "Chêne", "Brun", "Henry", "Leroy", "Roussel", "Gaillard",
        "Perrin", "Morin", "Nicolas", "Robert", "Richard", "Thomas", "Lemoine", "Marchand",
        "Duval", "Denis", "Masson", "Clément", "Chevalier", "Lucas", "Meunier", "Brunet",
        "Leclerc", "Dumas", "Chauvin", "Guillot", "Berthelot", "Hagen", "Ohlen", "Mermoud",
        "Colomina", "Gervolino", "Chatenay", "Baudoux", "Descombels", "Gosselin", "Delathière",
        "Hébert", "Pérez", "Lopez", "Sanchez", "Le Goff", "Le Borgne", "Tissot", "Ferrand",
        "Vallée", "Boulanger", "Pujol", "Dézarnaulds", "Lebreton", "Quéré", "Jourdain", "Frémont",
    ]

    private static let europeanClassicFemale: [String] = [
        "Monique", "Jacqueline", "Françoise", "Nicole", "Christiane", "Danielle", "Martine",
        "Sylvie", "Catherine", "Isabelle", "Nathalie", "Brigitte", "Véronique", "Chantal",
        "Hélène", "Annie", "Josiane", "Ginette", "Colette", "Évelyne", "Marie", "Anne", "Claudine",
        "Odile", "Geneviève", "Michèle", "Dominique", "Béatrice", "Valérie", "Sandrine", "Corinne",
        "Patricia", "Christine", "Pascale", "Laurence", "Joëlle", "Agnès", "Élisabeth", "Thérèse",
        "Jeanne", "Suzanne", "Renée", "Mireille", "Régine",
    ]

    private static let europeanModernFemale: [String] = [
        "Léa", "Chloé", "Zoé", "Emma", "Manon", "Camille", "Inès", "Jade", "Louise", "Lina",
        "Clara", "Mélanie", "Gaëlle", "Émilie", "Éloïse", "Kélly", "Océane", "Laura", "Sarah",
        "Julie", "Marion", "Pauline", "Aurélie", "Audrey", "Céline", "Élodie", "Amandine", "Anaïs",
        "Maëlys", "Lola", "Alice", "Lucie", "Ambre", "Héloïse", "Noémie", "Justine", "Margaux",
        "Romane", "Maëva", "Hélène", "Marie",
    ]

    private static let europeanClassicMale: [String] = [
        "Jean", "Pierre", "Michel", "André", "Philippe", "Alain", "Bernard", "Jacques", "Daniel",
        "Gérard", "Patrick", "Christian", "Claude", "René", "Serge", "Roger", "Marcel", "Henri",
        "Gilbert", "Yves", "Guy", "Francis", "Didier", "Thierry", "Éric", "Pascal", "Frédéric",
        "Jérôme", "Joël", "Dominique", "Laurent", "Olivier", "Stéphane", "Christophe", "Bruno",
        "Hervé", "Régis", "Lionel", "François", "Raymond", "Georges", "Louis", "Jean-Pierre",
        "Jean-Claude",
    ]

    private static let europeanModernMale: [String] = [
        "Noé", "Lucas", "Hugo", "Enzo", "Nathan", "Théo", "Louis", "Gabriel", "Raphaël", "Jules",
        "Mathis", "Tom", "Maxime", "Kévin", "Julien", "Romain", "Nicolas", "Anthony", "Alexandre",
        "Benjamin", "Dylan", "Kylian", "Aloïs", "Timéo", "Mathéo", "Clément", "Quentin",
        "Valentin", "Adrien", "Loïc", "Yannick", "Cédric", "Sébastien", "Jérémy", "Florian",
        "Baptiste", "Ethan", "Léo", "Arthur", "Jérôme", "Frédéric", "Joël",
    ]

    // MARK: Wallisian and Futunian

    private static let wallisianFamilyNames: [String] = [
        "Tuakoifenua", "Lauhea", "Taofifénua", "Falelavaki", "Tauhavili", "Mulikihaamea", "Sao",
        "Takatai", "Manufekai", "Lakalaka", "Fotofili", "Tialetagi", "Uhila", "Tukumuli",
        "Folituu", "Tufele", "Hopoate", "Tauvale", "Taufana", "Filimohahau", "Pilioko",
        "Vakalepu", "Tuugahala", "Manuohalalo", "Tafilagi", "Takaniua", "Polelei", "Lolohea",
        "Likuvalu", "Fulilagi", "Tuifua", "Vaitootai", "Motuku", "Kaitapu", "Tamole",
        "Talomafaia", "Halagahu", "Muliakaaka", "Latuhoi", "Fuluhea", "Sako", "Vanai", "Tuiseka",
        "Falevalu", "Kafoa", "Hoatau", "Moefana", "Tapuai", "Ilalio", "Manako", "Fakatika",
        "Hufanga", "Folaumahina", "Tuikalepa", "Vaitanoa", "Felomaki", "Tuhimutu", "Kulitea",
        "Selui", "Tuliloa", "Mulitalo", "Fakailo", "Lavakula", "Tauvaka", "Siueni",
    ]

    private static let wallisianFemale: [String] = [
        "Malia", "Lusia", "Falakika", "Losa", "Akenese", "Sesilia", "Atelea", "Temaleti", "Mele",
        "Kalolina", "Alesia", "Seini", "Makalita", "Sulia", "Melania", "Loseta", "Ana", "Felisita",
        "Kataline", "Petelonila", "Sosefina", "Mikaela", "Savelina", "Elisapeti",
    ]

    private static let wallisianMale: [String] = [
        "Soane", "Petelo", "Sosefo", "Kalisito", "Atonio", "Manuele", "Mikaele", "Tomasi", "Sione",
        "Pasilio", "Kamilo", "Lolesio", "Setefano", "Aukusitino", "Iosefo", "Pesamino", "Filipo",
        "Sakopo", "Vitolio", "Paulo", "Malakai", "Siosaia", "Aloïsio", "Milakulo", "Napole",
        "Kelepi", "Falakiko",
    ]

    // MARK: Tahitian

    private static let tahitianFamilyNames: [String] = [
        "Teriierooiterai", "Tehaamoana", "Tetuanui", "Mahinui", "Tauira", "Teriitahi", "Teuira",
        "Tuheiava", "Temauri", "Teihotu", "Tavaearii", "Maitere", "Tehei", "Tepa", "Tuahine",
        "Raapoto", "Taputu", "Hapairai", "Teriitehau", "Tehuiotoa", "Tefaatau", "Tapuni", "Amaru",
        "Tuairau", "Tehiva", "Faatauira", "Tetauira", "Manate", "Vanaa", "Tinorua",
    ]

    private static let tahitianFemale: [String] = [
        "Vaitiare", "Hinano", "Tehani", "Poerava", "Heiata", "Maeva", "Moana", "Teura", "Hinatea",
        "Vaea", "Tiare", "Mareva", "Titaina", "Vaihere", "Heimiti",
    ]

    private static let tahitianMale: [String] = [
        "Teva", "Manutea", "Tamatea", "Rahiti", "Heimana", "Teiki", "Hiro", "Raiarii", "Tavita",
        "Mataiki", "Toa", "Tuarii", "Ariitea", "Teraiarii", "Moerani",
    ]

    // MARK: Indonesian (Javanese)

    private static let indonesianFamilyNames: [String] = [
        "Sumarno", "Wiryo", "Atmo", "Soemardi", "Sarimin", "Karto", "Parmo", "Kromo", "Sadimin",
        "Sastro", "Rono", "Sarno", "Pawiro", "Dikromo", "Martodikromo", "Kasmo", "Sukiman",
        "Djojo", "Darmo", "Marto", "Setro", "Soekirno", "Kartodiwiryo", "Ngatimin", "Moertono",
        "Sardi", "Tukiyo", "Paiman", "Saiman", "Sarmo", "Rasmin", "Supardi", "Parman", "Sukirman",
    ]

    private static let indonesianFemale: [String] = [
        "Sri", "Wati", "Suryani", "Sumiati", "Tuminah", "Sarinah", "Siti", "Ratna", "Yanti",
        "Dewi", "Painem", "Sumini", "Kartini",
    ]

    private static let indonesianMale: [String] = [
        "Budi", "Slamet", "Agus", "Sutikno", "Sarno", "Paimin", "Tukimin", "Sugeng", "Bambang",
        "Joko", "Suparman", "Wagiman", "Darsono",
    ]

    // MARK: Vietnamese

    private static let vietnameseFamilyNames: [String] = [
        "Nguyen", "Tran", "Le", "Pham", "Hoang", "Vo", "Dang", "Bui", "Do", "Huynh", "Phan", "Vu",
        "Ngo", "Duong", "Ly", "Truong", "Dinh", "Lam", "Mai", "Trinh", "Ta", "Cao", "Luu", "Chau",
        "Quach", "Ha", "Luong", "Doan", "Dao", "Tang",
    ]

    private static let vietnameseFemale: [String] = [
        "Lan", "Hoa", "Mai", "Linh", "Thu", "Huong", "Ngoc", "Thao", "Trang", "Hanh", "Phuong",
        "Yen",
    ]

    private static let vietnameseMale: [String] = [
        "Minh", "Duc", "Hung", "Thanh", "Tuan", "Quang", "Long", "Nam", "Hai", "Son", "Dung",
        "Binh", "Phong", "Cuong",
    ]

    // MARK: ni-Vanuatu

    private static let niVanuatuFamilyNames: [String] = [
        "Kalo", "Tari", "Bule", "Molisa", "Nako", "Tamata", "Saksak", "Kalpoi", "Natuman", "Vira",
        "Toa", "Seule", "Moli", "Tabi", "Kaltabang", "Iauko", "Kaltak", "Natonga", "Worek",
        "Kalsong", "Naliupis", "Tasso", "Malas", "Bakokoto", "Tarilongi",
    ]

    private static let niVanuatuFemale: [String] = [
        "Mary", "Rose", "Esther", "Lily", "Janet", "Serah", "Annie", "Dorothy", "Ruth", "Nelly",
        "Elsie",
    ]

    private static let niVanuatuMale: [String] = [
        "John", "Jimmy", "Willie", "Samson", "Charley", "Obed", "Joe", "Tom", "Moses", "Harry",
        "Frazer",
    ]

    // MARK: Other communities (Japanese, Chinese, Arab, Réunionese descent...)

    private static let otherFamilyNames: [String] = [
        "Nakamura", "Tanaka", "Yamamoto", "Ogawa", "Shimizu", "Hayashi", "Matsumoto", "Kobayashi",
        "Fujii", "Chan", "Wong", "Chang", "Ah-Sing", "Aïfa", "Ben Amar", "Kaddour", "Saïdi",
        "Mansour", "Belkacem", "Méziane", "Bouzid", "Payet", "Hoarau", "Grondin", "Técher",
        "Rivière", "Ramassamy", "Sinapah", "Dos Santos", "Da Silva",
    ]

    private static let otherFemale: [String] = [
        "Aïcha", "Nadia", "Leïla", "Yasmina", "Sonia", "Yuki", "Mei", "Ling", "Christelle",
        "Sandrine", "Nathalie", "Marie",
    ]

    private static let otherMale: [String] = [
        "Karim", "Ahmed", "Rachid", "Samir", "Kenji", "Hiroshi", "Wei", "Mohamed", "Kévin",
        "Jean-Luc", "Patrice", "José",
    ]
}
