import SIMSModel
extension DemoPopulationIterator {
    /// Age bands of adults outside households with children: (youngest, oldest, weight).
    private static let adultAgeBands: [(Int, Int, Int)] = [
        (18, 29, 22), (30, 44, 30), (45, 59, 27), (60, 74, 15), (75, 89, 6),
    ]
    private static let adultAgeTable = DemoWeightedTable(weights: adultAgeBands.map(\.2))

    /// A family name drawn from `community`, with its e-mail form.
    private struct FamilyName {
        let name: String
        let slug: String
        /// Given names that would make the full name of a public figure.
        let excludedGivenNames: Set<String>

        /// Whether `givenName` with this name is the full name of a public figure.
        func excludes(_ givenName: String) -> Bool {
            !excludedGivenNames.isEmpty && excludedGivenNames.contains(givenName)
        }
    }

    /// What a household member shares with the rest of the household.
    private struct Home {
        let communeIndex: Int
        let commune: DemoCommune
        let address: String
        let landline: String
        /// Whether the household lives in a tribe rather than on a street.
        let inTribe: Bool
    }

    /// The person just generated, as the rest of the household needs them.
    private struct Member {
        let localID: Int
        let birthYear: Int
        let community: DemoCommunity
        let birthName: FamilyName
    }

    /// Generates one household: its adults first, then their minor children.
    mutating func appendHousehold() {
        let communeIndex = catalog.householdCommunes.pick(using: &random)
        let commune = catalog.communes[communeIndex]
        let communities = catalog.settlementCommunities[commune.settlement.rawValue]
        let community = DemoCommunity.allCases[communities.pick(using: &random)]
        let shape = DemoHouseholdShape.allCases[catalog.householdShapes.pick(using: &random)]

        let inTribe = community == .kanak && !commune.tribes.isEmpty && random.chance(commune.kanakTribeShare)
        let address = inTribe ? Self.tribeAddress(random.element(of: commune.tribes)) : streetAddress(in: commune)
        let home = Home(
            communeIndex: communeIndex, commune: commune, address: address, landline: landline(in: commune),
            inTribe: inTribe
        )

        var mother: Member?
        var father: Member?
        switch shape {
        case .single, .singleParent:
            let female = random.chance(shape == .singleParent ? 0.8 : 0.5)
            let age = shape.hasChildren ? random.between(21, 55) : adultAge()
            let adult = appendAdult(
                community: community, female: female, birthYear: referenceYear - 1 - age,
                birthName: familyName(of: community), usageName: nil, home: home
            )
            if female { mother = adult } else { father = adult }
        case .couple, .coupleWithChildren:
            let wifeCommunity = random.chance(0.12)
                ? DemoCommunity.allCases[communities.pick(using: &random)]
                : community
            let manAge: Int
            let womanAge: Int
            if shape.hasChildren {
                womanAge = random.between(21, 50)
                manAge = min(max(womanAge + random.between(-3, 8), 21), 75)
            } else {
                manAge = adultAge()
                womanAge = min(max(manAge + random.between(-8, 3), 18), 89)
            }
            let husbandName = familyName(of: community)
            var wifeName = familyName(of: wifeCommunity)
            while wifeName.name == husbandName.name {
                wifeName = familyName(of: wifeCommunity)
            }
            // About 60 % of couples are married, and 70 % of married women use their husband's name.
            let usesHusbandName = random.chance(0.6 * 0.7)
            let wifeFirst = random.chance(0.5)
            if wifeFirst {
                mother = appendAdult(
                    community: wifeCommunity, female: true, birthYear: referenceYear - 1 - womanAge,
                    birthName: wifeName, usageName: usesHusbandName ? husbandName : nil, home: home
                )
            }
            father = appendAdult(
                community: community, female: false, birthYear: referenceYear - 1 - manAge,
                birthName: husbandName, usageName: nil, home: home
            )
            if !wifeFirst {
                mother = appendAdult(
                    community: wifeCommunity, female: true, birthYear: referenceYear - 1 - womanAge,
                    birthName: wifeName, usageName: usesHusbandName ? husbandName : nil, home: home
                )
            }
        }
        guard shape.hasChildren else { return }
        appendChildren(mother: mother, father: father, home: home)
    }

    /// Generates the minor children of `mother` and/or `father`, eldest first.
    private mutating func appendChildren(mother: Member?, father: Member?, home: Home) {
        let parents = [mother, father].compactMap { $0 }
        let youngestParentYear = parents.map(\.birthYear).max()!
        // At least 19 calendar years after each parent, so every parent is 18 years older or more.
        let firstYear = max(referenceYear - 17, youngestParentYear + 19)
        let lastYear = min(referenceYear - 1, (mother ?? father)!.birthYear + 45)
        guard firstYear <= lastYear else { return }

        // Birth days counted from 1 January of `firstYear`; siblings are at least 300 days apart,
        // unless they are twins.
        var spanDays = 0
        for year in firstYear...lastYear {
            spanDays += DemoText.daysIn(year: year)
        }
        let count = catalog.childCounts.pick(using: &random) + 1
        var drawn: [Int] = []
        drawn.reserveCapacity(count)
        for _ in 0..<count {
            drawn.append(random.below(spanDays))
        }
        drawn.sort()
        var birthDays: [Int] = []
        birthDays.reserveCapacity(count)
        for day in drawn {
            guard let previous = birthDays.last, day - previous < 300 else {
                birthDays.append(day)
                continue
            }
            if random.chance(0.05) {
                birthDays.append(previous)
            } else if previous + 300 < spanDays {
                // A day past the span is reflected back into it: clamped to its last day, such
                // births made one day (31 December of last year) twenty times as frequent as any other.
                let day = previous + 300 + random.below(400)
                birthDays.append(day < spanDays ? day : spanDays - 1 - (day - spanDays) % spanDays)
            }
        }

        let familyName = (father ?? mother)!.birthName
        let representative = mother != nil && father != nil
            ? (random.chance(0.7) ? mother! : father!)
            : parents[0]
        var relations = [DemoRelation(kind: .legalRepresentative, relatedLocalID: representative.localID)]
        for parent in parents {
            relations.append(DemoRelation(kind: .parent, relatedLocalID: parent.localID))
        }
        for birthDay in birthDays {
            var birthYear = firstYear
            var dayOfYear = birthDay + 1
            while dayOfYear > DemoText.daysIn(year: birthYear) {
                dayOfYear -= DemoText.daysIn(year: birthYear)
                birthYear += 1
            }
            let nameCommunity = mother != nil && father != nil && random.chance(0.4)
                ? mother!.community
                : (father ?? mother)!.community
            appendPerson(
                community: nameCommunity, female: random.chance(0.49), birthYear: birthYear,
                dayOfYear: dayOfYear, birthName: familyName, usageName: nil, home: home,
                relations: relations
            )
        }
    }

    /// « Tribu de Saint-Louis », « Tribu d'Azareu »: the address of a household living in a tribe.
    static func tribeAddress(_ tribe: String) -> String {
        let elides = tribe.first.map { "AEIUÉÈ".contains($0) } ?? false
        return elides ? "Tribu d'\(tribe)" : "Tribu de \(tribe)"
    }

    /// An adult age drawn from the age bands.
    private mutating func adultAge() -> Int {
        let band = Self.adultAgeBands[Self.adultAgeTable.pick(using: &random)]
        return random.between(band.0, band.1)
    }

    /// A family name of `community`.
    private mutating func familyName(of community: DemoCommunity) -> FamilyName {
        let pool = catalog.familyNames[community.index]
        let index = pool.pick(using: &random)
        return FamilyName(
            name: pool.names[index], slug: pool.slugs[index], excludedGivenNames: pool.excludedGivenNames[index]
        )
    }

    /// Generates an adult and remembers them as a candidate gérant.
    private mutating func appendAdult(
        community: DemoCommunity, female: Bool, birthYear: Int,
        birthName: FamilyName, usageName: FamilyName?, home: Home
    ) -> Member {
        let (member, givenName) = appendPerson(
            community: community, female: female, birthYear: birthYear,
            birthName: birthName, usageName: usageName, home: home, relations: []
        )
        adults.append(DemoAdult(
            localID: member.localID, givenName: givenName, familyName: (usageName ?? birthName).name,
            community: community, communeIndex: home.communeIndex
        ))
        return member
    }

    /// Generates one person of the household and returns them with their first given name.
    @discardableResult
    private mutating func appendPerson(
        community: DemoCommunity, female: Bool, birthYear: Int, dayOfYear: Int? = nil,
        birthName: FamilyName, usageName: FamilyName?, home: Home, relations: [DemoRelation]
    ) -> (Member, String) {
        let age = referenceYear - 1 - birthYear
        let isAdult = age >= 18
        let shownName = usageName ?? birthName

        // Given names: the community's own or French ones, sometimes two.
        let pools = random.chance(community.frenchGivenNameShare)
            ? catalog.givenNames[DemoCommunity.european.index]
            : catalog.givenNames[community.index]
        let pool = pools[(female ? 0 : 1) + (birthYear >= 1985 ? 2 : 0)]
        var firstIndex = pool.pick(using: &random)
        while birthName.excludes(pool.names[firstIndex]) || (usageName?.excludes(pool.names[firstIndex]) ?? false) {
            firstIndex = (firstIndex + 1) % pool.names.count
        }
        let firstName = pool.names[firstIndex]
        var givenNames = firstName
        if pool.names.count > 1 && random.chance(0.15) {
            var secondIndex = pool.pick(using: &random)
            if secondIndex == firstIndex { secondIndex = (secondIndex + 1) % pool.names.count }
            let secondName = pool.names[secondIndex]
            // Not « Pierre Jean-Pierre » nor « Marie-Claire Marie ».
            if !secondName.contains(firstName) && !firstName.contains(secondName) {
                givenNames = "\(firstName) \(secondName)"
            }
        }

        var values = [TierField: String](minimumCapacity: 14)
        values[.birthName] = birthName.name
        if let usageName { values[.usageName] = usageName.name }
        values[.givenNames] = givenNames
        values[.sex] = female ? "F" : "M"
        values[.birthDate] = DemoText.isoDate(
            year: birthYear, dayOfYear: dayOfYear ?? random.between(1, DemoText.daysIn(year: birthYear))
        )
        values[.birthPlace] = birthPlace(community: community, birthYear: birthYear, isAdult: isAdult, home: home)
        values[.address] = home.address
        values[.commune] = home.commune.name
        values[.postalCode] = home.commune.postalCode

        if isAdult {
            let draw = random.unit()
            if draw < 0.70 {
                values[.phone] = mobile()
            } else if draw < 0.85 {
                values[.phone] = home.landline
            }
            if random.chance(age < 60 ? 0.55 : 0.25) {
                values[.email] = email(given: pool.slugs[firstIndex], family: shownName.slug, birthYear: birthYear)
            }
            if random.chance(0.9), let cafat = cafatNumbers.next() {
                values[.cafat] = DemoText.digits(cafat, width: 7)
            }
        } else {
            if age >= 13 && random.chance(0.4) {
                values[.phone] = mobile()
            }
            if age >= 15 && random.chance(0.2) {
                values[.email] = email(given: pool.slugs[firstIndex], family: shownName.slug, birthYear: birthYear)
            }
        }

        let localID = emit(kind: .person, values: values, relations: relations)
        return (Member(localID: localID, birthYear: birthYear, community: community, birthName: birthName), firstName)
    }

    /// Where a person was born: for adults after their community, for children mostly at the
    /// hospital of Greater Nouméa (the Médipôle at Dumbéa since late 2016).
    private mutating func birthPlace(community: DemoCommunity, birthYear: Int, isAdult: Bool, home: Home) -> String {
        if !isAdult {
            let draw = random.unit()
            if birthYear >= 2017 {
                if draw < 0.75 { return "Dumbéa" }
                if draw < 0.9 { return "Nouméa" }
                return home.commune.name
            }
            if draw < 0.8 { return "Nouméa" }
            if draw < 0.95 { return home.commune.name }
        }
        if home.inTribe && random.chance(0.4) {
            return home.commune.name
        }
        let places = catalog.birthPlaces[community.index]
        let place = places.places[places.table.pick(using: &random)]
        return place.isEmpty ? home.commune.name : place
    }

    /// A lowercase ASCII e-mail address made of the person's names.
    private mutating func email(given: String, family: String, birthYear: Int) -> String {
        let domain = catalog.emailDomains[catalog.emailDomainTable.pick(using: &random)]
        switch random.below(5) {
        case 0, 1:
            return "\(given).\(family)@\(domain)"
        case 2:
            return "\(given).\(family)\(DemoText.digits(birthYear % 100, width: 2))@\(domain)"
        case 3:
            return "\(given.prefix(1))\(family)@\(domain)"
        default:
            return "\(family).\(given)\(random.between(1, 99))@\(domain)"
        }
    }
}
