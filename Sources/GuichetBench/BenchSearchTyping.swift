import Foundation
import GuichetTUI
import SIMSModel

/// An agent typing names in the field of « Rechercher » (in-memory terminal, 80×24), a search at
/// every key: the milliseconds from each key to its new frame, as `bench ui` measures them.
///
/// ```swift
/// let typing = BenchSearchTyping(store: store, agent: agent)
/// let keys = typing.type("hélène wamytan")   // one figure per character
/// ```
final class BenchSearchTyping {
    private let app: Application

    init(store: SIMSStore, agent: Agent) {
        let session = AppSession(store: store, agent: agent, keymap: DefaultKeymap.keymap)
        app = Application(terminal: InMemoryTerminal(columns: 80, rows: 24), session: session, root: HomeScreen(session: session))
        app.renderFrame()
        app.process(.character("r"))
        app.renderFrame()
    }

    /// Types `name` key by key (waiting `pause` seconds after each, as a person would), then
    /// erases it; the milliseconds of each key until its frame.
    func type(_ name: String, pause: TimeInterval = 0) -> [Double] {
        var samples: [Double] = []
        for character in name {
            samples.append(BenchMeasure.milliseconds {
                app.process(.character(character))
                app.renderFrame()
            })
            if pause > 0 { Thread.sleep(forTimeInterval: pause) }
        }
        for _ in name {
            app.process(.backspace)
        }
        return samples
    }
}
