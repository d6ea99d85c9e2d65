// Every test file of this target sees the shared test support (TestStore, fixtureWrite).
@_exported import SIMSTestSupport
