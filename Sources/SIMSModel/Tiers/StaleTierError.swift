/// An update was made from a stale view: someone else changed the tier meanwhile.
///
/// Nothing was written. The message says what changed, by whom and when, so that the agent
/// can reload the record and decide.
public struct StaleTierError: Error, Equatable, Sendable, CustomStringConvertible {
    public var tierID: Int64
    public var expectedVersion: Int
    public var currentVersion: Int
    /// The facts written since the version the agent saw.
    public var changes: [Fact]

    public var description: String {
        let lines = changes.map { fact in
            "  - \(fact.field.label) : « \(fact.displayValue) » par \(fact.agentLogin ?? "?") le \(Timestamp.french(fact.recordedAt))"
        }
        // A new version without facts of its own: a merge made or undone on the record (see TierMerger).
        let what = lines.isEmpty ? ["Entre-temps, une fusion avec une autre fiche a été faite ou défaite sur celle-ci."]
            : ["Modifications intervenues entre-temps :"] + lines
        return (["Cette fiche a été modifiée par quelqu'un d'autre pendant que vous la modifiiez ; rien n'a été enregistré."]
                + what
                + ["Rechargez la fiche, vérifiez ces valeurs, puis refaites votre modification."]).joined(separator: "\n")
    }
}
