import Foundation

/// The parameters of the match score: for each field and comparison level, m (how often two
/// records of one person fall in that level) and u (how often two records of different people
/// do), and the prior probability λ that a candidate pair is one person. Learnt from the
/// register by ``MatchTrainer`` (u on random pairs, m and λ by expectation–maximisation on
/// candidate pairs, as Splink does) and kept in the store (``MatchParameterStore``); until then,
/// ``defaults``.
///
/// ```swift
/// let p = MatchParameters.defaults
/// p.bayesFactor(.birthDate, level: 0)   // far above 1: the same birth date says much
/// ```
public struct MatchParameters: Codable, Sendable, Equatable {
    public var lambda: Double
    public var m: [String: [Double]]
    public var u: [String: [Double]]
    /// Candidate pairs the estimation ran on (0 for the defaults).
    public var pairs: Int = 0

    public func m(_ field: MatchField) -> [Double] { m[field.rawValue] ?? Self.defaults.m[field.rawValue]! }
    public func u(_ field: MatchField) -> [Double] { u[field.rawValue] ?? Self.defaults.u[field.rawValue]! }

    /// m / u of `field` at `level`; `uOverride` replaces u (term frequency of an exact value).
    public func bayesFactor(_ field: MatchField, level: Int, uOverride: Double? = nil) -> Double {
        let mv = m(field)[level], uv = uOverride ?? u(field)[level]
        return max(mv, 1e-9) / max(uv, 1e-9)
    }

    /// Hand-set values close to what a register of a few hundred thousand persons gives.
    public static let defaults = MatchParameters(
        lambda: 0.01,
        m: [
            MatchField.surname.rawValue: [0.86, 0.05, 0.05, 0.02, 0.02],
            MatchField.givenName.rawValue: [0.86, 0.04, 0.05, 0.02, 0.03],
            MatchField.birthDate.rawValue: [0.9, 0.02, 0.04, 0.038, 0.002],
            MatchField.commune.rawValue: [0.8, 0.2],
            MatchField.address.rawValue: [0.55, 0.45],
            MatchField.phone.rawValue: [0.6, 0.4],
            MatchField.email.rawValue: [0.6, 0.4],
            MatchField.cafat.rawValue: [0.95, 0.05],
            MatchField.ridet.rawValue: [0.95, 0.05],
        ],
        u: [
            MatchField.surname.rawValue: [0.005, 0.002, 0.004, 0.01, 0.979],
            MatchField.givenName.rawValue: [0.02, 0.005, 0.01, 0.02, 0.945],
            MatchField.birthDate.rawValue: [0.00004, 0.00001, 0.0004, 0.012, 0.98755],
            MatchField.commune.rawValue: [0.3, 0.7],
            MatchField.address.rawValue: [0.001, 0.999],
            MatchField.phone.rawValue: [0.0002, 0.9998],
            MatchField.email.rawValue: [0.0001, 0.9999],
            MatchField.cafat.rawValue: [0.00001, 0.99999],
            MatchField.ridet.rawValue: [0.00001, 0.99999],
        ])
}
