package io.dealgraph.editing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.dealgraph.deal.Deal;
import io.dealgraph.editing.Inputs.DealInput;
import io.dealgraph.editing.Inputs.OrganizationInput;
import io.dealgraph.editing.Inputs.SourceInput;
import io.dealgraph.graph.CypherText;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.filter.CypherFilter;
import io.dealgraph.filter.DealWhere;
import io.dealgraph.organization.Organization;
import io.dealgraph.security.Access;
import io.dealgraph.security.Role;
import io.dealgraph.system.CypherExecutor;
import io.dealgraph.system.Workload;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/**
 * The mutations: each checks the caller's role first, so a refused request writes
 * nothing.
 */
@Controller
class EditingController {

	/**
	 * Whether a recorded deal matches a subscriber's filter, asked of the database like
	 * any filter.
	 */
	private static final CypherText MATCHES = CypherText.of("""
			MATCH {{deal}}, {{parties}}
			WHERE {{where}}
			RETURN count(r) > 0 AS matches
			""").with("deal", DealStorage.byId("r", "$id")).with("parties", DealStorage.partiesOf("a", "r", "b"));

	private final Access access;

	private final DealEditor deals;

	private final OrganizationEditor organizations;

	private final DealEvents events;

	private final CypherExecutor cypher;

	EditingController(Access access, DealEditor deals, OrganizationEditor organizations, DealEvents events,
			CypherExecutor cypher) {
		this.access = access;
		this.deals = deals;
		this.organizations = organizations;
		this.events = events;
		this.cypher = cypher;
	}

	@MutationMapping
	Organization upsertOrganization(@Argument OrganizationInput input) {
		return this.organizations.upsert(input, this.access.require(Role.EDITOR));
	}

	@MutationMapping
	Deal recordDeal(@Argument DealInput input, @Argument @Nullable String idempotencyKey) {
		return this.deals.record(input, idempotencyKey, this.access.require(Role.EDITOR));
	}

	@MutationMapping
	Deal updateDeal(@Argument String id, @Argument DealInput input, @Argument int expectedVersion) {
		return this.deals.update(id, input, expectedVersion, this.access.require(Role.EDITOR));
	}

	@MutationMapping
	Deal retractDeal(@Argument String id, @Argument String reason) {
		return this.deals.retract(id, reason, this.access.require(Role.ADMIN));
	}

	@MutationMapping
	Deal addSource(@Argument String dealId, @Argument SourceInput source) {
		return this.deals.addSource(dealId, source, this.access.require(Role.EDITOR));
	}

	@MutationMapping
	Organization mergeOrganizations(@Argument String keep, @Argument String merge) {
		return this.organizations.merge(keep, merge, this.access.require(Role.ADMIN));
	}

	@MutationMapping
	ImportResult importDeals(@Argument List<DealInput> input, @Argument @Nullable String idempotencyKey) {
		String by = this.access.require(Role.EDITOR);
		var rows = input.stream().map((deal) -> new DealEditor.Row(null, deal)).toList();
		List<Deal> written = this.deals
			.importDeals(rows, idempotencyKey, by, "importDeals", "input", Workload.BULK, (n) -> {
			})
			.deals();
		return new ImportResult(written.size(), written);
	}

	@SubscriptionMapping
	Flux<Deal> dealRecorded(@Argument @Nullable DealWhere where) {
		if (where == null) {
			return this.events.stream();
		}
		var filter = new CypherFilter();
		String query = MATCHES.with("where", filter.deal(where, "r", "a", "b")).build();
		return this.events.stream().filterWhen((deal) -> Mono.fromCallable(() -> {
			Map<String, Object> parameters = new HashMap<>(filter.parameters());
			parameters.put("id", deal.id());
			return this.cypher.read(query, parameters).getFirst().get("matches").asBoolean();
		}));
	}

	/** What an import wrote. */
	record ImportResult(int count, List<Deal> deals) {
	}

}
