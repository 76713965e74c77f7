// libFuzzer calls this once per input; it provides `main` itself. Build and run with
// `make fuzz` (see the Makefile); what is checked is in `FuzzChecks.swift`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzChecks.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}
