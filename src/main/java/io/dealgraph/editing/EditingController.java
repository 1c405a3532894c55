package io.dealgraph.editing;

import java.security.Principal;
import java.util.List;

import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;

import io.dealgraph.deal.Deal;
import io.dealgraph.editing.Inputs.DealInput;
import io.dealgraph.editing.Inputs.OrganizationInput;
import io.dealgraph.editing.Inputs.SourceInput;
import io.dealgraph.organization.Organization;
import io.dealgraph.neo4j.Workload;
import io.dealgraph.read.ResponseReads;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * The mutations: each states the role it needs, checked before it runs, so a refused
 * request writes nothing. An admin holds the editor's role too (the role hierarchy in
 * {@code SecurityConfiguration}). The caller's name goes to the audit log.
 */
@Controller
class EditingController {

	/** What recording and correcting needs: {@code Role.EDITOR}. */
	private static final String EDITOR = "hasRole('EDITOR')";

	/** What merging and retracting needs: {@code Role.ADMIN}. */
	private static final String ADMIN = "hasRole('ADMIN')";

	private final DealEditor deals;

	private final OrganizationEditor organizations;

	EditingController(DealEditor deals, OrganizationEditor organizations) {
		this.deals = deals;
		this.organizations = organizations;
	}

	@MutationMapping
	@PreAuthorize(EDITOR)
	public Organization upsertOrganization(@Argument OrganizationInput input, Principal caller,
			DataFetchingEnvironment environment) {
		return this.organizations.upsert(input, caller.getName(), ResponseReads.organization(environment));
	}

	@MutationMapping
	@PreAuthorize(EDITOR)
	public Deal recordDeal(@Argument DealInput input, @Argument @Nullable String idempotencyKey, Principal caller,
			DataFetchingEnvironment environment) {
		return this.deals.record(input, idempotencyKey, caller.getName(), ResponseReads.deal(environment));
	}

	@MutationMapping
	@PreAuthorize(EDITOR)
	public Deal updateDeal(@Argument String id, @Argument DealInput input, @Argument int expectedVersion,
			Principal caller, DataFetchingEnvironment environment) {
		return this.deals.update(id, input, expectedVersion, caller.getName(), ResponseReads.deal(environment));
	}

	@MutationMapping
	@PreAuthorize(ADMIN)
	public Deal retractDeal(@Argument String id, @Argument String reason, Principal caller,
			DataFetchingEnvironment environment) {
		return this.deals.retract(id, reason, caller.getName(), ResponseReads.deal(environment));
	}

	@MutationMapping
	@PreAuthorize(EDITOR)
	public Deal addSource(@Argument String dealId, @Argument SourceInput source, Principal caller,
			DataFetchingEnvironment environment) {
		return this.deals.addSource(dealId, source, caller.getName(), ResponseReads.deal(environment));
	}

	@MutationMapping
	@PreAuthorize(ADMIN)
	public Organization mergeOrganizations(@Argument String keep, @Argument String merge, Principal caller,
			DataFetchingEnvironment environment) {
		return this.organizations.merge(keep, merge, caller.getName(), ResponseReads.organization(environment));
	}

	@MutationMapping
	@PreAuthorize(EDITOR)
	public ImportResult importDeals(@Argument List<DealInput> input, @Argument @Nullable String idempotencyKey,
			Principal caller, DataFetchingEnvironment environment) {
		String by = caller.getName();
		var rows = input.stream().map((deal) -> new DealEditor.Row(null, deal)).toList();
		List<Deal> written = this.deals.importDeals(rows, idempotencyKey, by, "importDeals", "input", Workload.BULK,
				DealEditor.BadRows.REFUSE_BATCH, (n) -> {
				}, ResponseReads.dealsListedIn(environment, "deals"))
			.deals();
		return new ImportResult(written.size(), written);
	}

	/** What an import wrote. */
	record ImportResult(int count, List<Deal> deals) {
	}

}
