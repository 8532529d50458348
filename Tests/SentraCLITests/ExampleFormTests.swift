import Foundation
import IKMKonveksi
import SentraCore
import Testing

/// The census example's form file and generator agree with the code that uses them.
@Suite struct ExampleFormTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func formFileIsTheCensusForm() throws {
        let data = try Data(contentsOf: Self.root.appendingPathComponent("Examples/ikm-konveksi/form.json"))
        #expect(try JSONDecoder().decode(FormDefinition.self, from: data) == CensusForm.usaha)
        try CensusForm.usaha.validate()
    }

    @Test func generatedRecordsAreValidAndReproducible() throws {
        var first = CensusGenerator(seed: 7)
        var second = CensusGenerator(seed: 7)
        for _ in 0..<500 {
            let record = first.next()
            #expect(record == second.next())
            _ = try CensusForm.usaha.check(record, isNew: true)
        }
    }
}
