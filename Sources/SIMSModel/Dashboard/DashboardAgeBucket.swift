/// How long an open dossier has waited since its deposit, in whole New Caledonian days: the
/// dashboard's ageing buckets.
///
/// ```swift
/// DashboardAgeBucket.bucket(forAge: 12)      // .days8to15
/// DashboardAgeBucket.days8to15.label        // "8–15 j"
/// ```
public enum DashboardAgeBucket: Int, Sendable, CaseIterable, Comparable {
    /// Deposited 0 to 7 days ago (or later than the dashboard's day).
    case days0to7
    case days8to15
    case days16to30
    case days31to60
    /// Deposited more than 60 days ago.
    case over60

    /// The bucket of a dossier deposited `age` days ago.
    public static func bucket(forAge age: Int) -> DashboardAgeBucket {
        switch age {
        case ...7: return .days0to7
        case 8...15: return .days8to15
        case 16...30: return .days16to30
        case 31...60: return .days31to60
        default: return .over60
        }
    }

    /// The fewest days a dossier of the bucket has waited (nil for the first: any age), as a
    /// queue's `olderThanDays`.
    public var minimumDays: Int? {
        switch self {
        case .days0to7: return nil
        case .days8to15: return 8
        case .days16to30: return 16
        case .days31to60: return 31
        case .over60: return 61
        }
    }

    /// The most days a dossier of the bucket has waited (nil for the last: no limit).
    public var maximumDays: Int? {
        switch self {
        case .days0to7: return 7
        case .days8to15: return 15
        case .days16to30: return 30
        case .days31to60: return 60
        case .over60: return nil
        }
    }

    /// The French label: « 0–7 j », « > 60 j ».
    public var label: String {
        switch self {
        case .days0to7: return "0–7 j"
        case .days8to15: return "8–15 j"
        case .days16to30: return "16–30 j"
        case .days31to60: return "31–60 j"
        case .over60: return "> 60 j"
        }
    }

    public static func < (lhs: DashboardAgeBucket, rhs: DashboardAgeBucket) -> Bool { lhs.rawValue < rhs.rawValue }
}
