import SIMSModel
extension DemoPopulationIterator {
    /// Generates one organisation managed by a recent adult.
    mutating func appendOrganisation() {
        let manager = adults.randomElement(using: &random)
        let communeIndex = random.chance(0.5)
            ? manager.communeIndex
            : catalog.organisationCommunes.pick(using: &random)
        let commune = catalog.communes[communeIndex]
        let form = DemoLegalForm.allCases[catalog.legalForms.pick(using: &random)]
        let (name, brand) = companyName(form: form, manager: manager, commune: commune)

        var values = [TierField: String](minimumCapacity: 10)
        values[.companyName] = name
        values[.legalForm] = form.rawValue
        let company = ridetNumbers.next() ?? random.below(2_000_000)
        let establishment = random.chance(0.9) ? 1 : random.between(2, 9)
        values[.ridet] = "\(DemoText.digits(company, width: 7)).\(DemoText.digits(establishment, width: 3))"
        values[.address] = streetAddress(in: commune)
        values[.commune] = commune.name
        values[.postalCode] = commune.postalCode
        let draw = random.unit()
        if draw < 0.72 {
            values[.phone] = landline(in: commune)
        } else if draw < 0.95 {
            values[.phone] = mobile()
        }
        if random.chance(0.45) {
            var slug = DemoText.slug(brand)
            if slug.utf8.count > 30 {
                // Cut at the last whole word that fits: « boulangerie-du-col-de-la ».
                let words = slug.split(separator: "-")
                var short = String(words[0])
                for word in words.dropFirst() where short.utf8.count + 1 + word.utf8.count <= 30 {
                    short += "-\(word)"
                }
                slug = short
            }
            values[.email] = random.chance(0.7) ? "contact@\(slug).nc" : "\(slug)@lagoon.nc"
        }
        _ = emit(
            kind: .organisation, values: values,
            relations: [DemoRelation(kind: .manager, relatedLocalID: manager.localID)]
        )
    }

    /// A « raison sociale » for a company of `form`, and its brand (the name without the form).
    private mutating func companyName(
        form: DemoLegalForm, manager: DemoAdult, commune: DemoCommune
    ) -> (String, String) {
        let family = manager.familyName
        let draw = random.unit()
        switch form {
        case .association:
            let brand: String
            if draw < 0.25 {
                brand = "Association culturelle \(manager.community.associationAdjective) \(commune.ofName)"
            } else {
                let start = random.element(of: DemoCompanyNames.associationStarts)
                let place = start == "Comité des fêtes" ? commune.ofName : random.element(of: commune.places)
                brand = "\(start) \(place)"
            }
            return (brand, brand)
        case .sci:
            let brand: String
            if draw < 0.45 {
                brand = family
            } else if draw < 0.8 {
                brand = "Les \(random.element(of: DemoCompanyNames.plants))"
            } else {
                brand = random.element(of: DemoCompanyNames.themes)
            }
            return ("SCI \(brand)", brand)
        case .soleTrader:
            let brand: String
            if draw < 0.5 {
                brand = "\(random.element(of: DemoCompanyNames.trades)) \(family)"
            } else if draw < 0.8 {
                brand = "\(manager.givenName) \(family)"
            } else {
                brand = "\(family) \(random.element(of: DemoCompanyNames.activities))"
            }
            return (brand, brand)
        case .snc where draw < 0.5:
            return ("SNC \(family) et Cie", "\(family) et Cie")
        case .sarl, .sas, .sasu, .sa, .eurl, .snc:
            if draw < 0.3 {
                let brand = themeAndActivity()
                return ("\(form.rawValue) \(brand)", brand)
            }
            let brand: String
            if draw < 0.55 {
                brand = "\(random.element(of: DemoCompanyNames.trades)) \(random.element(of: commune.places))"
            } else if draw < 0.7 {
                brand = "\(random.element(of: DemoCompanyNames.trades)) \(family) et Fils"
            } else if draw < 0.85 {
                brand = "\(family) \(random.element(of: DemoCompanyNames.activities))"
            } else {
                brand = themeAndActivity()
            }
            return (brand, brand)
        }
    }

    /// A brand such as « Lagon Nettoyage ».
    private mutating func themeAndActivity() -> String {
        "\(random.element(of: DemoCompanyNames.themes)) \(random.element(of: DemoCompanyNames.activities))"
    }
}
