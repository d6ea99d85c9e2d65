import Foundation
import SIMSFixtures
import SIMSModel

/// The population of `bench doublons`: the demo population's persons (households sharing an
/// address and a landline, the community name pools with their common names), of whom 10 %
/// are keyed again once more (and 2 % twice more), each copy with perturbations drawn
/// independently at these rates (see README « Doublons »):
///
/// | perturbation | rate |
/// | --- | --- |
/// | slip in the birth name (``BenchSlip``: one edit, a second in 8+ letters, or a phonetic spelling) | 30 % |
/// | slip in the first given name | 15 % |
/// | later given names left out | 25 % |
/// | names swapped (given names keyed as the surname) | 3 % |
/// | nom d'usage: a woman keyed under a spouse's name (as nom d'usage 60 %, instead of the birth name 40 %) | 8 % |
/// | birth date with day and month swapped (when both ≤ 12) | 4 % |
/// | birth date with one digit wrong | 3 % |
/// | moved: another household's address, commune and phone | 20 % |
/// | each of phone, e-mail, CAFAT, address left out | 25 % each |
/// | accents left out | 50 % |
///
/// Lines are written in the import format; `entity[i]` is the person line `i` is a record of.
///
/// ```swift
/// let truth = try BenchDuplicatePopulation(tiers: 100_000, seed: 1).write(to: "doublons.csv")
/// ```
struct BenchDuplicatePopulation {
    let tiers: Int
    let seed: UInt64
    static let fields: [TierField] = [.birthName, .usageName, .givenNames, .sex, .birthDate, .address, .commune, .postalCode,
                                      .phone, .email, .cafat]

    private var state: UInt64

    init(tiers: Int, seed: UInt64) {
        self.tiers = tiers
        self.seed = seed
        state = seed &+ 0x5851_F42D_4C95_7F2D
    }

    private mutating func chance(_ p: Double) -> Bool {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / Double(1 << 53) < p
    }

    private mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(max(bound, 1)))
    }

    /// Writes the file; returns each line's person (line order, header excluded).
    mutating func write(to path: String) throws -> [Int32] {
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw ValidationError(field: nil, message: "Impossible d'écrire \(path).")
        }
        defer { try? handle.close() }
        var entity: [Int32] = []
        entity.reserveCapacity(tiers)
        var buffer = (["type"] + Self.fields.map(\.rawValue)).joined(separator: ",") + "\n"
        var slip = BenchSlip(seed: seed)
        // Recent households, whose address, commune and phone a moved copy takes.
        var homes: [[TierField: String]] = []
        var person: Int32 = 0
        func line(_ values: [TierField: String]) {
            buffer += "personne," + Self.fields.map { field in values[field].map { DemoCSVWriter.cell(field, $0) } ?? "" }
                .joined(separator: ",") + "\n"
        }
        for tier in DemoPopulation(count: tiers * 2, seed: seed) where tier.kind == .person {
            guard entity.count < tiers else { break }
            line(tier.values)
            entity.append(person)
            let home = tier.values.filter { [.address, .commune, .postalCode, .phone].contains($0.key) }
            if homes.count < 4096 { homes.append(home) } else { homes[next(homes.count)] = home }
            if chance(0.1) {
                let copies = chance(0.2) ? 2 : 1
                for _ in 0..<copies where entity.count < tiers {
                    line(perturbed(tier.values, slip: &slip, homes: homes))
                    entity.append(person)
                }
            }
            person += 1
            if buffer.utf8.count > 1 << 20 {
                handle.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        handle.write(Data(buffer.utf8))
        return entity
    }

    private mutating func perturbed(_ original: [TierField: String], slip: inout BenchSlip,
                                    homes: [[TierField: String]]) -> [TierField: String] {
        var values = original
        let fold = chance(0.5)
        if let name = values[.birthName], chance(0.3) { values[.birthName] = slip.apply(to: name) }
        if let given = values[.givenNames] {
            var words = given.split(separator: " ").map(String.init)
            if words.count > 1, chance(0.25) { words = [words[0]] }
            if chance(0.15) { words[0] = slip.apply(to: words[0]) }
            values[.givenNames] = words.joined(separator: " ")
        }
        if chance(0.03), let name = values[.birthName], let given = values[.givenNames] {
            values[.birthName] = given
            values[.givenNames] = name
        }
        if values[.sex] == "F", values[.usageName] == nil, chance(0.08) {
            let spouse = Self.spouseNames[next(Self.spouseNames.count)]
            if chance(0.6) { values[.usageName] = spouse } else { values[.birthName] = spouse }
        }
        if let iso = values[.birthDate], let date = CalendarDate(iso: iso) {
            if date.day <= 12, date.day != date.month, chance(0.04), let swapped = CalendarDate(year: date.year, month: date.day, day: date.month) {
                values[.birthDate] = swapped.iso
            } else if chance(0.03) {
                values[.birthDate] = oneDigitOff(date)?.iso ?? iso
            }
        }
        if chance(0.2) {
            let home = homes[next(homes.count)]
            for field in [TierField.address, .commune, .postalCode, .phone] { values[field] = home[field] }
        }
        for field in [TierField.phone, .email, .cafat] where chance(0.25) { values[field] = nil }
        if chance(0.25) { values[.address] = nil }
        if fold {
            for field in [TierField.birthName, .usageName, .givenNames] {
                values[field] = values[field].map { SearchText.fold($0).split(separator: " ").joined(separator: " ") }
            }
        }
        return values.filter { !$0.value.isEmpty }
    }

    /// The date with one digit of jjmmaaaa changed, still a valid date in the past.
    private mutating func oneDigitOff(_ date: CalendarDate) -> CalendarDate? {
        for _ in 0..<8 {
            var digits = Array(String(format: "%02d%02d%04d", date.day, date.month, date.year))
            let i = next(8)
            digits[i] = Character(String(next(10)))
            let text = String(digits)
            guard let day = Int(text.prefix(2)), let month = Int(text.dropFirst(2).prefix(2)), let year = Int(text.suffix(4)),
                  year >= 1900, year <= 2025, let changed = CalendarDate(year: year, month: month, day: day), changed != date else { continue }
            return changed
        }
        return nil
    }

    /// Names a woman may take from a spouse, common ones included (Wamytan, Martin...).
    static let spouseNames = ["Martin", "Wamytan", "Gope", "Nguyen", "Tein", "Kaloi", "Lefevre", "Wahetra", "Bernard", "Thomas",
                              "Hnawia", "Tutugoro", "Wakie", "Dupont", "Lenormand", "Boewa", "Pidjot", "Ukeiwe", "Naisseline", "Petit"]
}
