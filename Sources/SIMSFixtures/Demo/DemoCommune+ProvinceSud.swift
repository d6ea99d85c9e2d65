import SIMSModel
extension DemoCommune {
    /// The streets found in every commune outside Nouméa, added to each commune's own.
    private static let villageStreets: [String] = [
        "rue des Flamboyants", "allée des Niaoulis", "rue des Cocotiers", "lotissement Les Banians",
        "rue des Frangipaniers", "allée des Kaoris", "rue de la Mairie", "rue de l'Église",
        "lotissement Les Palétuviers", "chemin des Manguiers",
    ]

    /// The communes of the Province Sud, most populous first.
    static let provinceSud: [DemoCommune] = [
        DemoCommune(
            name: "Nouméa", postalCode: "98800", population: 94_300, settlement: .urban,
            ofName: "de Nouméa",
            places: [
                "du Quartier Latin", "de la Vallée des Colons", "de Magenta", "de l'Anse Vata",
                "de la Baie des Citrons", "du Faubourg Blanchot", "de Rivière-Salée", "de Ducos",
                "de l'Orphelinat", "du Receiving", "de Montravel", "de Tina", "de Motor Pool",
                "de la Vallée du Tir", "de Sainte-Marie", "de Nouville", "de l'Ouen Toro",
                "du Port Moselle", "de N'Géa", "de Normandie", "de Portes de Fer",
                "du 6e Kilomètre", "du 7e Kilomètre", "de Saint-Quentin", "du Centre-Ville",
            ],
            streets: [
                "rue Jules Garnier", "rue de Sébastopol", "avenue du Maréchal Foch",
                "rue Anatole France", "rue de l'Alma", "boulevard Vauban", "promenade Roger Laroque",
                "rue du Général Mangin", "rue Georges Clemenceau", "rue Jean Jaurès",
                "rue Higginson", "rue de Verdun", "rue Paul Doumer", "avenue du Général de Gaulle",
                "rue du Général Gallieni", "rue Frédéric Surleau", "rue Auer", "rue Louis Blériot",
                "rue Bichat", "rue Eugène Porcheron", "rue du Docteur Guégan", "rue Édouard Unger",
                "avenue Bonaparte", "rue Papeete", "rue Jacques Iékawé", "rue Taragnat",
                "route de l'Anse Vata", "boulevard Extérieur", "avenue James Cook",
                "rue de la Somme", "rue Duquesne", "rue d'Austerlitz", "rue de Metz",
                "rue de Soissons", "rue Pierre Sauvan", "rue Guynemer", "rue Dumont d'Urville",
                "rue Gabriel Laroque", "rue du Port Despointes", "rue Jean Chalier",
                "rue Georges Baudoux", "rue des Frères Carcopino", "rue Édouard Glasser",
                "avenue Victor Roffey", "rue Olry", "rue Clément Ader", "rue Ampère",
                "rue Denis Papin", "rue Thomas Edison", "rue Fernand Forest",
                "rue Marcellin Berthelot", "rue Vincent Auriol", "rue Jules Ferry",
                "rue Jean Mermoz", "rue de Barleux", "rue Paul Bloc", "rue Emile Vitteau",
                "route du Vélodrome", "rue Félix Broche", "avenue Paul Doumer",
            ],
            tribes: [], kanakTribeShare: 0, landlinePrefixes: [24, 25, 26, 27, 28]
        ),
        DemoCommune(
            name: "Dumbéa", postalCode: "98835", population: 35_900, settlement: .urban,
            ofName: "de Dumbéa",
            places: ["de Koutio", "de Dumbéa-sur-Mer", "d'Auteuil", "de Nakutakoin", "de Katiramona", "de Dumbéa"],
            streets: [
                "avenue de Koutio", "rue de la Dumbéa", "route de Nondoué", "rue des Cerisiers Bleus",
                "avenue de Dumbéa-sur-Mer", "route de la Couvelée", "rue de Katiramona",
                "rue d'Auteuil", "rue des Niaoulis", "rue de Nakutakoin",
            ] + villageStreets,
            tribes: ["Couvelée"], kanakTribeShare: 0.04, landlinePrefixes: [41, 43]
        ),
        DemoCommune(
            name: "Mont-Dore", postalCode: "98809", population: 27_600, settlement: .urban,
            ofName: "du Mont-Dore",
            places: [
                "de Boulari", "de la Coulée", "de Plum", "de Yahoué", "du Vallon Dore",
                "du Pont des Français", "du Mont-Dore",
            ],
            streets: [
                "route du Vallon Dore", "route de la Coulée", "route de Plum", "rue de Boulari",
                "route du Sud", "rue de Yahoué", "route de Mont-Dore Sud", "rue du Pont des Français",
            ] + villageStreets,
            tribes: ["Saint-Louis", "La Conception"], kanakTribeShare: 0.2, landlinePrefixes: [43, 41]
        ),
        DemoCommune(
            name: "Païta", postalCode: "98889", population: 24_600, settlement: .urban,
            ofName: "de Païta",
            places: ["de Tontouta", "du Col de la Pirogue", "de Savannah", "de Païta"],
            streets: [
                "route de Tontouta", "route du Col de la Pirogue", "rue de Naniouni",
                "route de la Tamoa", "rue de Savannah", "route de Mont-Mou",
            ] + villageStreets,
            tribes: ["N'Dé", "Naniouni"], kanakTribeShare: 0.1, landlinePrefixes: [35, 43]
        ),
        DemoCommune(
            name: "Bourail", postalCode: "98870", population: 5_500, settlement: .rural,
            ofName: "de Bourail",
            places: ["de la Roche Percée", "de Nessadiou", "de Poé", "de Téné", "de Bourail"],
            streets: [
                "route de la Roche Percée", "route de Nessadiou", "rue de Téné", "route de Poé",
                "rue du Général de Gaulle",
            ] + villageStreets,
            tribes: ["Néméara", "Ny", "Azareu", "Gouaro"], kanakTribeShare: 0.45, landlinePrefixes: [44]
        ),
        DemoCommune(
            name: "La Foa", postalCode: "98880", population: 3_600, settlement: .rural,
            ofName: "de La Foa",
            places: ["de Fonwhary", "du Pont Marguerite", "de Ouano", "de La Foa"],
            streets: [
                "route de Farino", "rue du Pont Marguerite", "rue de Fonwhary", "rue des Mandariniers",
                "route de Ouano",
            ] + villageStreets,
            tribes: ["Ouipoin", "Koindé"], kanakTribeShare: 0.4, landlinePrefixes: [44]
        ),
        DemoCommune(
            name: "Boulouparis", postalCode: "98812", population: 3_300, settlement: .rural,
            ofName: "de Boulouparis",
            places: ["de Tomo", "de Bouraké", "de Boulouparis"],
            streets: ["route de Bouraké", "route de Tomo", "rue de Nassirah", "route de Ouitchambo"] + villageStreets,
            tribes: ["Nassirah", "Ouitchambo", "Kouergoa"], kanakTribeShare: 0.4, landlinePrefixes: [35]
        ),
        DemoCommune(
            name: "Thio", postalCode: "98829", population: 2_500, settlement: .tribal,
            ofName: "de Thio",
            places: ["de Thio Mission", "de Kouaré", "de Thio"],
            streets: ["route de la Mission", "rue du Wharf", "route de Kouaré"] + villageStreets,
            tribes: ["Saint-Philippo", "Ouroué", "Kouaré", "Ouindo", "Petit Borendy"],
            kanakTribeShare: 0.75, landlinePrefixes: [44]
        ),
        DemoCommune(
            name: "Île des Pins", postalCode: "98832", population: 2_000, settlement: .tribal,
            ofName: "de l'Île des Pins",
            places: ["de Kuto", "de Vao", "de Kanumera", "de l'Île des Pins"],
            streets: ["route de Kuto", "route de Vao", "route de la Baie d'Oro"],
            tribes: ["Vao", "Gadji", "Wapan", "Touété", "Comagna", "Youwaty", "Ouatchia", "Kéré"],
            kanakTribeShare: 0.85, landlinePrefixes: [46]
        ),
        DemoCommune(
            name: "Yaté", postalCode: "98834", population: 1_700, settlement: .tribal,
            ofName: "de Yaté",
            places: ["de Goro", "de Waho", "de Touaourou", "de la Plaine des Lacs", "de Yaté"],
            streets: ["route de Goro", "route de Waho", "route de la Plaine des Lacs"],
            tribes: ["Touaourou", "Goro", "Waho", "Unia", "Ouinné"], kanakTribeShare: 0.85,
            landlinePrefixes: [46]
        ),
        DemoCommune(
            name: "Farino", postalCode: "98881", population: 700, settlement: .rural,
            ofName: "de Farino",
            places: ["de Farino"],
            streets: ["route du Parc des Grandes Fougères", "route de Farino"] + villageStreets,
            tribes: [], kanakTribeShare: 0, landlinePrefixes: [44]
        ),
        DemoCommune(
            name: "Moindou", postalCode: "98819", population: 700, settlement: .rural,
            ofName: "de Moindou",
            places: ["de Moindou"],
            streets: ["route de Moindou", "route de la Plage"] + villageStreets,
            tribes: ["Table Unio", "Kêlê"], kanakTribeShare: 0.4, landlinePrefixes: [44]
        ),
        DemoCommune(
            name: "Sarraméa", postalCode: "98882", population: 600, settlement: .rural,
            ofName: "de Sarraméa",
            places: ["du Col d'Amieu", "de Sarraméa"],
            streets: ["route du Col d'Amieu", "route de Petit Couli"] + villageStreets,
            tribes: ["Petit Couli", "Grand Couli", "Kokingone"], kanakTribeShare: 0.5,
            landlinePrefixes: [44]
        ),
        DemoCommune(
            name: "Poya", postalCode: "98827", population: 300, settlement: .rural,
            ofName: "de Poya",
            places: ["de Poya"],
            streets: ["route de Poya", "route de Nétéa"] + villageStreets,
            tribes: ["Nétéa"], kanakTribeShare: 0.5, landlinePrefixes: [47]
        ),
    ]
}
