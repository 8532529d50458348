@testable import SentraWeb
import Testing

/// The records page's search: every word typed, anywhere in the record's text, case ignored.
@Suite struct SearchTextTests {
    @Test func everyWordIsFoundAnywhereWhateverItsCase() {
        let text = SearchText("01a2-b3\nKonveksi Maju Jaya\nSindangmulya\nKp. Pangkalan RT 08")
        let query = { (typed: String) in SearchText.words(typed).allSatisfy(text.contains) }
        #expect(query("maju"))
        #expect(query("  JAYA   konveksi "))
        #expect(query("01A2"))
        #expect(query("rt 08"))
        #expect(!query("maju berkah"))
        #expect(!query("sindangmulyaa"))
        #expect(query(""))
    }

    @Test func lettersBeyondASCIIAreFoundInEitherCase() {
        let text = SearchText("Bordir ÉLÉGANCE Ümmü")
        #expect(SearchText.words("élégance ümmü").allSatisfy(text.contains))
        #expect(!SearchText.words("elegance").allSatisfy(text.contains))
    }
}
