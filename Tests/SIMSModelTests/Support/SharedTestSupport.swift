// Every test file of this target sees the shared test support (TestStore, TestProcedures, fixtureWrite).
@_exported import SIMSTestSupport
