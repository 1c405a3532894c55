package io.dealgraph.events;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import io.dealgraph.deal.Deal;
import io.dealgraph.filter.DealWhere;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/**
 * The three subscriptions, over GraphQL over WebSocket: deals recorded, updated and
 * retracted, matching {@code where}, from now or after a change of the log.
 */
@Controller
class EventsController {

	private final DealFeed feed;

	EventsController(DealFeed feed) {
		this.feed = feed;
	}

	@SubscriptionMapping
	Flux<Deal> dealRecorded(@Argument @Nullable DealWhere where, @Argument @Nullable Long after) {
		return this.feed.subscribe(DealEventKind.RECORDED, where, after);
	}

	@SubscriptionMapping
	Flux<Deal> dealUpdated(@Argument @Nullable DealWhere where, @Argument @Nullable Long after) {
		return this.feed.subscribe(DealEventKind.UPDATED, where, after);
	}

	@SubscriptionMapping
	Flux<Deal> dealRetracted(@Argument @Nullable DealWhere where, @Argument @Nullable Long after) {
		return this.feed.subscribe(DealEventKind.RETRACTED, where, after);
	}

}
