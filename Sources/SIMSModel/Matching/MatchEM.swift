import Foundation

/// Expectation–maximisation of the m-probabilities and the prior λ on the comparison vectors of
/// candidate pairs, u held fixed (estimated on random pairs, as Splink does): each pair's
/// probability of being one person under the current m and λ (E), then m as the levels' shares
/// weighted by those probabilities and λ as their mean (M), until stable. With
/// `estimatingLambda` false, λ stays the start's: on a register, candidate pairs hold whole
/// households (same surname, address and phone), which EM takes for one person, λ drifting to 1.
///
/// ```swift
/// let learnt = MatchEM.estimate(vectors: pairs, start: .defaults, iterations: 30)
/// learnt.m["date_naissance"]   // [0.9, …]
/// ```
public enum MatchEM {
    public static func estimate(vectors: [[Int?]], start: MatchParameters, iterations: Int = 30,
                                estimatingLambda: Bool = true) -> MatchParameters {
        guard !vectors.isEmpty else { return start }
        var parameters = start
        let fields = MatchField.allCases
        for _ in 0..<iterations {
            var lambdaSum = 0.0
            var counts = fields.map { [Double](repeating: 0, count: $0.levels) }
            for vector in vectors {
                var logMatch = log(max(parameters.lambda, 1e-9)), logOther = log(max(1 - parameters.lambda, 1e-9))
                for (f, field) in fields.enumerated() {
                    guard let level = vector[f] else { continue }
                    logMatch += log(max(parameters.m(field)[level], 1e-9))
                    logOther += log(max(parameters.u(field)[level], 1e-9))
                }
                let p = 1 / (1 + exp(logOther - logMatch))
                lambdaSum += p
                for (f, _) in fields.enumerated() {
                    if let level = vector[f] { counts[f][level] += p }
                }
            }
            var changed = 0.0
            for (f, field) in fields.enumerated() {
                let total = counts[f].reduce(0, +)
                // A level never seen keeps a little mass: a pair may fall there one day.
                let smoothing = 0.5
                guard total > 0 else { continue }
                let m = counts[f].map { ($0 + smoothing) / (total + smoothing * Double(field.levels)) }
                changed = max(changed, zip(m, parameters.m(field)).map { abs($0 - $1) }.max() ?? 0)
                parameters.m[field.rawValue] = m
            }
            if estimatingLambda {
                let lambda = min(max(lambdaSum / Double(vectors.count), 1e-6), 1 - 1e-6)
                changed = max(changed, abs(lambda - parameters.lambda))
                parameters.lambda = lambda
            }
            if changed < 1e-5 { break }
        }
        parameters.pairs = vectors.count
        return parameters
    }

    /// The u-probabilities of each field: the shares of the levels among the comparison vectors
    /// of random pairs (almost all of different people), smoothed.
    public static func uProbabilities(randomVectors: [[Int?]], start: MatchParameters) -> [String: [Double]] {
        var u = start.u
        for (f, field) in MatchField.allCases.enumerated() {
            var counts = [Double](repeating: 0, count: field.levels)
            for vector in randomVectors { if let level = vector[f] { counts[level] += 1 } }
            let total = counts.reduce(0, +)
            guard total >= 100 else { continue } // too few values to say
            u[field.rawValue] = counts.map { ($0 + 0.5) / (total + 0.5 * Double(field.levels)) }
        }
        return u
    }
}
