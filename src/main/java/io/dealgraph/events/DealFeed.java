package io.dealgraph.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.dealgraph.audit.Change;
import io.dealgraph.audit.ChangeQueries;
import io.dealgraph.deal.Deal;
import io.dealgraph.errors.ApiException;
import io.dealgraph.errors.ErrorCode;
import io.dealgraph.filter.DealWhere;
import io.dealgraph.deal.DealQueries;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The events of every subscriber of this instance, read from the audit log. Every write,
 * through any instance or the command-line import, records its changes in its own
 * transaction, numbered in the order of commits ({@code AuditLog}); this feed follows the
 * numbers on one thread, a batch of changes per statement, checks the batch against every
 * subscriber's filter in one more statement, and hands each subscriber its events in the
 * log's order. Each subscriber keeps its own position, so one that joins late, or resumes
 * with {@code after:}, first catches up from the log and then follows it: no event is
 * missed or given twice. While no one subscribes, the feed reads nothing.
 * <p>
 * A subscriber holds at most {@code buffer} events it has not taken (and one more on its
 * way to it). A burst larger than that waits in the log and is handed over in the next
 * rounds, as the client takes events; a client that takes none for a whole round while
 * its buffer is full is closed with {@code SUBSCRIBER_BEHIND} and the number to resume
 * after, rather than silently missing events.
 */
@Component
public class DealFeed implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DealFeed.class);

	private final ChangeQueries changes;

	private final DealQueries deals;

	private final JsonMapper json;

	private final EventSettings settings;

	/** Subscribers that asked since the last tick: the only state other threads touch. */
	private final Queue<Subscriber> joining = new ConcurrentLinkedQueue<>();

	/** The subscribers being served; changed by the feed's thread only. */
	private final List<Subscriber> serving = new CopyOnWriteArrayList<>();

	/** The number of the last change the feed has read. */
	private volatile long position;

	/** Batches of changes read, and the statements spent on them: reads and filters. */
	private final AtomicLong batches = new AtomicLong();

	private final AtomicLong statements = new AtomicLong();

	private volatile boolean running;

	private @Nullable ScheduledExecutorService thread;

	DealFeed(ChangeQueries changes, DealQueries deals, JsonMapper json, EventSettings settings) {
		this.changes = changes;
		this.deals = deals;
		this.json = json;
		this.settings = settings;
	}

	/** One subscription: what it wants, where it is in the log, and its buffer. */
	private static final class Subscriber {

		final DealEventKind kind;

		final @Nullable DealWhere where;

		final Sinks.Many<Deal> sink;

		/** The events handed over that its client has not taken yet. */
		final ArrayBlockingQueue<Deal> buffer;

		/** Every event up to this number has been handed over or filtered out. */
		long position;

		/**
		 * Its buffer was full at the last round: it catches up from the log, if it can.
		 */
		boolean full;

		volatile boolean closed;

		Subscriber(DealEventKind kind, @Nullable DealWhere where, int buffer, long position) {
			this.kind = kind;
			this.where = where;
			this.buffer = new ArrayBlockingQueue<>(buffer);
			this.sink = Sinks.many().unicast().onBackpressureBuffer(this.buffer);
			this.position = position;
		}

	}

	/** A change that is an event: its number, what it did and the deal it left. */
	private record Event(long sequence, DealEventKind kind, Deal deal) {
	}

	/**
	 * The events of one kind that match {@code where}, after change {@code after} when
	 * given, else from now.
	 */
	Flux<Deal> subscribe(DealEventKind kind, @Nullable DealWhere where, @Nullable Long after) {
		long last = this.changes.lastSequence();
		long from;
		if (after == null) {
			from = last;
		}
		else {
			if (after < 0 || after > last) {
				return Flux.error(ApiException
					.badRequest("'after' must be the number of a change, from 0 to " + last + ", not " + after + "."));
			}
			if (last - after > this.settings.resumeWindow()) {
				return Flux.error(new ApiException(ErrorCode.LIMIT_EXCEEDED,
						"'after' is " + (last - after) + " changes back; a subscription resumes up to "
								+ this.settings.resumeWindow()
								+ " back. Read the earlier ones with the `changes` query."));
			}
			from = after;
		}
		Subscriber subscriber = new Subscriber(kind, where, this.settings.buffer(), from);
		this.joining.add(subscriber);
		// The feed's thread only queues an event; the subscriber's own thread sends it,
		// so
		// a slow client fills its buffer instead of holding up everyone else's events.
		return subscriber.sink.asFlux()
			.publishOn(Schedulers.boundedElastic(), 1)
			.doFinally((signal) -> subscriber.closed = true);
	}

	/** How many subscriptions are being served, or about to be. */
	public int subscribers() {
		return this.joining.size() + (int) this.serving.stream().filter((s) -> !s.closed).count();
	}

	/** How many batches of changes the feed has read since start. */
	public long batches() {
		return this.batches.get();
	}

	/**
	 * How many statements the feed has spent on its batches since start: the read of the
	 * log that found the batch, and one filter statement when the batch holds events some
	 * subscriber filters. (A poll that finds nothing new is one more read, a few times a
	 * second while someone listens.)
	 */
	public long statements() {
		return this.statements.get();
	}

	/**
	 * One round: new subscribers join, those behind catch up, and the changes since the
	 * last round go to everyone, a batch at a time.
	 */
	void tick() {
		try {
			List<Subscriber> joined = new ArrayList<>();
			for (Subscriber one; (one = this.joining.poll()) != null;) {
				joined.add(one);
			}
			this.serving.removeIf((subscriber) -> subscriber.closed);
			if (this.serving.isEmpty() && !joined.isEmpty()) {
				// An idle feed reads nothing (no statement runs while nobody listens); it
				// starts again where its first subscribers are.
				this.position = joined.stream().mapToLong((subscriber) -> subscriber.position).min().orElseThrow();
			}
			this.serving.addAll(joined);
			if (this.serving.isEmpty()) {
				return;
			}
			for (Subscriber subscriber : this.serving) {
				if (subscriber.full && subscriber.buffer.remainingCapacity() == 0) {
					// Full a round ago and still full: its client took nothing meanwhile.
					close(subscriber);
				}
				else {
					subscriber.full = false;
					catchUp(subscriber);
				}
			}
			List<Change> batch;
			do {
				batch = read(this.position);
				if (!batch.isEmpty()) {
					publish(this.serving, batch);
					this.position = batch.getLast().sequence();
				}
			}
			while (batch.size() == this.settings.batchSize() && this.running);
		}
		catch (RuntimeException ex) {
			// The database away for a moment: the next round starts where this one
			// stopped.
			log.warn("Following the audit log failed, retrying: {}", ex.getMessage());
		}
	}

	/** The next batch of the log after a number. */
	private List<Change> read(long after) {
		List<Change> batch = this.changes.after(after, this.settings.batchSize());
		if (!batch.isEmpty()) {
			this.batches.incrementAndGet();
			this.statements.incrementAndGet();
		}
		return batch;
	}

	/** Hands a subscriber that is behind the feed the changes it has not seen. */
	private void catchUp(Subscriber subscriber) {
		long upTo = this.position;
		while (subscriber.position < upTo && !subscriber.closed && !subscriber.full) {
			List<Change> batch = read(subscriber.position).stream()
				.filter((change) -> change.sequence() <= upTo)
				.toList();
			if (batch.isEmpty()) {
				subscriber.position = upTo;
				return;
			}
			publish(List.of(subscriber), batch);
		}
	}

	/**
	 * Hands a batch of changes to subscribers: the deal events among them, each checked
	 * against every subscriber's filter in one statement.
	 */
	private void publish(List<Subscriber> subscribers, List<Change> batch) {
		List<Event> events = new ArrayList<>();
		for (Change change : batch) {
			Deal after = deal(change.after());
			DealEventKind kind = DealEventKind.of(deal(change.before()), after);
			if (after != null && kind != null) {
				events.add(new Event(change.sequence(), kind, after.asOfChange(change.sequence())));
			}
		}
		List<Subscriber> listening = subscribers.stream().filter((s) -> !s.closed && !s.full).toList();
		List<DealWhere> wheres = listening.stream()
			.map((s) -> s.where)
			.filter((where) -> where != null)
			.distinct()
			.toList();
		boolean wanted = events.stream()
			.anyMatch((event) -> listening.stream().anyMatch((s) -> s.kind == event.kind() && s.where != null));
		Map<String, List<Boolean>> matches = Map.of();
		if (wanted) {
			this.statements.incrementAndGet();
			matches = this.deals.matches(events.stream().map((event) -> event.deal().id()).distinct().toList(), wheres);
		}
		long last = batch.getLast().sequence();
		for (Subscriber subscriber : listening) {
			for (Event event : events) {
				if (event.sequence() <= subscriber.position || event.kind() != subscriber.kind
						|| !matches(subscriber, event, wheres, matches)) {
					continue;
				}
				Sinks.EmitResult emitted = subscriber.sink.tryEmitNext(event.deal());
				if (emitted == Sinks.EmitResult.FAIL_OVERFLOW) {
					// A burst larger than its buffer: the rest waits in the log, and the
					// next round hands it over if the client has taken some meanwhile.
					subscriber.full = true;
					break;
				}
				if (emitted != Sinks.EmitResult.OK) {
					subscriber.closed = true;
					break;
				}
				subscriber.position = event.sequence();
			}
			if (!subscriber.closed && !subscriber.full) {
				subscriber.position = Math.max(subscriber.position, last);
			}
		}
	}

	private static boolean matches(Subscriber subscriber, Event event, List<DealWhere> wheres,
			Map<String, List<Boolean>> matches) {
		if (subscriber.where == null) {
			return true;
		}
		List<Boolean> flags = matches.get(event.deal().id());
		return flags != null && flags.get(wheres.indexOf(subscriber.where));
	}

	/** Closes a subscriber that fell behind, saying where to resume. */
	private void close(Subscriber subscriber) {
		subscriber.closed = true;
		subscriber.sink.tryEmitError(new SubscriberBehind(this.settings.buffer(), subscriber.position));
	}

	private @Nullable Deal deal(@Nullable String state) {
		if (state == null) {
			return null;
		}
		try {
			JsonNode node = this.json.readTree(state);
			// Organizations' changes are in the log too; a deal's state names its
			// parties.
			return (node.isObject() && node.has("from")) ? this.json.treeToValue(node, Deal.class) : null;
		}
		catch (JacksonException ex) {
			// A state this version cannot read is skipped, said once, rather than retried
			// for ever and holding up every later event.
			log.warn("A change's state is not a deal this version reads; no event for it: {}", ex.getOriginalMessage());
			return null;
		}
	}

	@Override
	public void start() {
		this.running = true;
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "dealgraph-events");
			thread.setDaemon(true);
			return thread;
		});
		long every = this.settings.pollInterval().toMillis();
		executor.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
		this.thread = executor;
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.thread != null) {
			this.thread.shutdownNow();
		}
		this.serving.forEach((subscriber) -> subscriber.sink.tryEmitComplete());
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
