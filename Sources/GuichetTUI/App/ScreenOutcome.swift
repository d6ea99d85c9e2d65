/// What a screen asks the application to do after handling an event.
package enum ScreenOutcome {
    /// Stay on this screen (it may have changed its own state).
    case stay
    /// Open another screen on top of this one.
    case push(Screen)
    /// Close this screen and go back to the previous one.
    case pop
    /// Replace this screen by another (e.g. the form by the record it saved).
    case replace(Screen)
    /// Leave the application.
    case quit
}
