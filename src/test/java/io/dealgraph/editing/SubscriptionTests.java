package io.dealgraph.editing;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.dealgraph.support.RemovesItsWrites;
import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.events.DealFeed;
import io.dealgraph.support.Editors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A front-end subscribed over WebSocket sees a deal as soon as it is recorded, if it
 * matches its filter, whose ids may be global ones, as a Relay client holds them.
 */
@RunsDealgraph
@RemovesItsWrites
class SubscriptionTests {

	@LocalServerPort
	int port;

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	DealFeed feed;

	@Test
	void aSubscriberReceivesTheDealsItAskedForAfterTheMutation() throws Exception {
		var client = WebSocketGraphQlClient
			.builder(URI.create("ws://localhost:" + this.port + "/graphql"), new StandardWebSocketClient())
			.build();
		var events = client
			.document(
					"""
							subscription { dealRecorded(where: {type: SUPPLY, to: {kind: MINER, idIn: ["Organization:hut-8", "Organization:iren"]}}) { key type from { key } to { id } } }
							""")
			.retrieveSubscription("dealRecorded")
			.toEntity(Map.class);
		int listening = this.feed.subscribers();
		var first = events.next().timeout(Duration.ofSeconds(20)).toFuture();
		// The subscription is live once the server listens to recorded deals for it;
		// recording before then would go unseen.
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> this.feed.subscribers() > listening);
		record(Editors.supplyDeal("dell", "iren"), "FINANCING");
		record(Editors.supplyDeal("nvidia", "hut-8"), null);
		Map<?, ?> deal = first.get(25, TimeUnit.SECONDS);
		assertThat(deal.get("type")).isEqualTo("SUPPLY");
		assertThat(deal.get("to")).as("a global id, in an event too").isEqualTo(Map.of("id", "Organization:hut-8"));
		client.stop().block(Duration.ofSeconds(5));
	}

	private void record(Map<String, Object> input, String asType) {
		var deal = new HashMap<>(input);
		if (asType != null) {
			deal.put("type", asType);
			deal.put("from", "coatue");
		}
		Editors.editor(this.graphQl)
			.document(Editors.RECORD_DEAL)
			.variable("input", deal)
			.execute()
			.path("recordDeal.key")
			.hasValue();
	}

}
