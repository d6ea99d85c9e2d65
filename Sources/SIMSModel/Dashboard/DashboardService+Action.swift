extension DashboardService {
    /// What the dashboard is to an agent, in refusals: superviseurs only, as it names agents and
    /// applicants (the live screen and `guichet dashboard --once` say the same).
    public static let action = "consulter le tableau de bord"
}
