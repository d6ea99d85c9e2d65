extension QueueFilter {
    /// The filter in French, as the queue screen's title and the dashboard's drill-down say it:
    /// « à traiter · démarche BS · non attribués · échéance dépassée ».
    ///
    /// - Parameters:
    ///   - me: the agent reading it, whose own dossiers are « mes dossiers ».
    ///   - agentName: the name of another agent.
    public func summary(me: Int64?, agentName: (Int64) -> String) -> String {
        var parts = [scope.label, procedureCode.map { "démarche \($0)" } ?? "toutes démarches"]
        switch assignee {
        case .anyone: break
        case .unassigned: parts.append("non attribués")
        case .agent(let id): parts.append(id == me ? "mes dossiers" : "agent : \(agentName(id))")
        }
        if deadline != .any { parts.append(deadline.label) }
        switch (olderThanDays, newerThanDays) {
        case (let older?, let newer?): parts.append("déposés il y a \(older) à \(newer) j")
        case (let older?, nil): parts.append("déposés il y a \(older) j ou plus")
        case (nil, let newer?): parts.append("déposés il y a \(newer) j au plus")
        case (nil, nil): break
        }
        return parts.joined(separator: " · ")
    }
}
