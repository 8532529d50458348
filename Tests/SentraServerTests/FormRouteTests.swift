import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SentraCore
import SentraServer
import SentraStore
import Testing

/// `POST /v1/surveys/{survey}/forms`: the office publishes; devices read what was published.
@Suite("Form routes")
struct FormRouteTests {
    static func form(version: Int64) -> FormDefinition {
        FormDefinition(name: "usaha", version: version, fields: [
            FieldDefinition(name: "nama_usaha", type: .text, required: true),
            FieldDefinition(name: "pekerja", type: .integer, constraint: ". >= 0 and . <= 500"),
        ])
    }

    @Test("the office publishes; a device's token cannot; a version that does not rise is refused; devices see it in state and forms")
    func publish() async throws {
        let fixture = try NodeFixture()
        let path = surveyPath("forms")
        try await fixture.withClient { client in
            let forged = try await client.send(.post, path, token: fixture.tokens.enumerator, body: try json(Self.form(version: 1)))
            #expect(forged.status == .forbidden)
            #expect(try forged.error.code == "forbidden")
            #expect(try fixture.replica.heldForms(survey: NodeFixture.survey).isEmpty)

            let published = try await client.send(.post, path, token: fixture.tokens.office, body: try json(Self.form(version: 1)))
            #expect(published.status == .created)
            let answer = try published.decode(PublishedForm.self)
            #expect(answer.form == Self.form(version: 1) && answer.publisher == fixture.replica.node)

            for version: Int64 in [1, 0] {
                let stale = try await client.send(.post, path, token: fixture.tokens.office, body: try json(Self.form(version: version)))
                #expect(stale.status.code == (version == 1 ? 409 : 422), "version \(version)")
                #expect(try stale.error.code == (version == 1 ? "stale_form_version" : "invalid_input"))
            }
            var broken = Self.form(version: 2)
            broken.fields[1].constraint = "concat(., 1)"
            let refused = try await client.send(.post, path, token: fixture.tokens.office, body: try json(broken))
            #expect(refused.status.code == 422)
            #expect(try refused.error.message.contains("concat"))
            let notAForm = try await client.send(.post, path, token: fixture.tokens.office, body: ByteBuffer(string: #"{"name": "usaha"}"#))
            #expect(notAForm.status == .badRequest)

            let state = try await client.send(.get, surveyPath("state"), token: fixture.tokens.enumerator)
            #expect(try state.decode(NodeState.self).forms == ["usaha": 1])
            let forms = try await client.send(.get, path, token: fixture.tokens.enumerator)
            #expect(try forms.decode([PublishedForm].self).map(\.form) == [Self.form(version: 1)])
        }
        #expect(try fixture.replica.form(survey: NodeFixture.survey, name: "usaha")?.version == 1)
    }
}
