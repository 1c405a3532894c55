package io.dealgraph.editing;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import io.dealgraph.deal.Deal;
import org.springframework.stereotype.Component;

/**
 * Recorded deals, as a live stream for subscriptions. Only deals whose transaction
 * committed are published, and only to the clients of this instance: there is no broker
 * between instances.
 */
@Component
class DealEvents {

	private final Sinks.Many<Deal> sink = Sinks.many().multicast().directBestEffort();

	void published(Deal deal) {
		this.sink.tryEmitNext(deal);
	}

	Flux<Deal> stream() {
		return this.sink.asFlux();
	}

	/** How many subscriptions are listening now. */
	int subscribers() {
		return this.sink.currentSubscriberCount();
	}

}
