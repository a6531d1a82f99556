import Foundation

#if FUZZING
/// libFuzzer's driver (in the runtime that `-sanitize=fuzzer` links), run from our own `main`: SwiftPM
/// gives an executable target's `main` to the target, so libFuzzer's `main` is not the one linked.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>,
               _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
               _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt
#endif

/// `make fuzz` (built with `-DFUZZING`): libFuzzer, with its command line (`-max_total_time=…`, corpus
/// folders). Without `FUZZING`: runs each file named on the command line through `fuzzOne`, as libFuzzer
/// would, so that a crash found can be replayed and kept as a fixture.
@main
struct FuzzMain {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runDriver(&argc, &argv) { fuzzOne($0, $1) })
        #else
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                exit(2)
            }
            let bytes = [UInt8](data)
            _ = bytes.withUnsafeBufferPointer { fuzzOne($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
            print("\(path): ok")
        }
        #endif
    }
}
