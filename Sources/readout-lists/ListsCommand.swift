import ArgumentParser
import ReadoutEngine
import ReadoutWorkbench

/// `readout-lists`: compiles the engine's text word lists into the binary image the engine
/// loads at start (`make lists`; see `CompiledLists`).
@main
struct ListsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readout-lists",
        abstract: "Compile the word lists in Sources/ReadoutEngine/Data into the image the engine loads.")

    @Argument(help: "Where to write the image.")
    var output = "Sources/ReadoutEngine/Data/" + CompiledLists.imageFile

    func run() throws {
        // compiling without the text lists would write an empty image
        if let problem = DataFiles.missingFolderProblem { throw ValidationError(problem.message + " - " + problem.hint) }
        let image = CompiledLists.compile()
        try AtomicFile.write(image, to: output)
        print("wrote \(output) (\(image.count) bytes)")
    }
}
