package io.dealgraph.editing;

import java.util.List;

import io.dealgraph.audit.AuditLog;
import io.dealgraph.editing.Inputs.OrganizationInput;
import io.dealgraph.organization.Organization;
import io.dealgraph.organization.OrganizationWrites;
import io.dealgraph.errors.ApiException;
import io.dealgraph.graph.Classification;
import io.dealgraph.neo4j.CypherExecutor;
import io.dealgraph.neo4j.Workload;
import io.dealgraph.errors.ErrorCode;
import io.dealgraph.read.ResponseReads.AfterWrite;
import io.dealgraph.rules.Violation;
import org.springframework.stereotype.Component;

/**
 * Writes organizations for editors: upserts, and merges of two nodes that are one
 * company.
 */
@Component
class OrganizationEditor {

	private final CypherExecutor cypher;

	private final OrganizationWrites writes;

	private final AuditLog audit;

	OrganizationEditor(CypherExecutor cypher, OrganizationWrites writes, AuditLog audit) {
		this.cypher = cypher;
		this.writes = writes;
		this.audit = audit;
	}

	Organization upsert(OrganizationInput input, String by, AfterWrite<Organization> response) {
		Organization checked = InputRules.organization(input, "input");
		InputRules.ClaimFacts claims = InputRules.claims(input, by, "input");
		return this.cypher.write((tx) -> {
			Organization before = this.writes.find(tx, checked.id()).orElse(null);
			Organization merged = (before == null) ? checked : keepUnsaid(before, input, checked);
			this.writes.upsert(tx, List.of(merged));
			if (claims.investorTypes() != null) {
				this.writes.replaceFacts(tx, checked.id(), Classification.INVESTOR_TYPE.attribute(),
						claims.investorTypes());
			}
			if (claims.unsourcedInvestorTypes() != null) {
				this.writes.keepOnlyValues(tx, checked.id(), Classification.INVESTOR_TYPE.attribute(),
						claims.unsourcedInvestorTypes());
			}
			if (claims.kinds() != null) {
				this.writes.replaceFacts(tx, checked.id(), Classification.KIND.attribute(), claims.kinds());
			}
			if (before == null) {
				// A new organization's lists of claimed values start empty, not missing.
				this.writes.refreshClassifications(tx, List.of(checked.id()));
			}
			Organization after = this.writes.find(tx, checked.id()).orElseThrow();
			this.audit.record(tx, by, "upsertOrganization", checked.id(), before, after);
			response.read(tx, after);
			return after;
		});
	}

	Organization merge(String keep, String merge, String by, AfterWrite<Organization> response) {
		if (keep.equals(merge)) {
			throw ApiException.badRequest("'keep' and 'merge' are the same organization.");
		}
		return this.cypher.forWork(Workload.BULK).write((tx) -> {
			Organization kept = this.writes.find(tx, keep).orElseThrow(() -> notFound("keep", keep));
			Organization merged = this.writes.find(tx, merge).orElseThrow(() -> notFound("merge", merge));
			this.writes.merge(tx, keep, merge);
			Organization after = this.writes.find(tx, keep).orElseThrow();
			this.audit.record(tx, by, "mergeOrganizations", keep, List.of(kept, merged), after);
			response.read(tx, after);
			return after;
		});
	}

	/** On update, fields the input leaves out keep their value. */
	private static Organization keepUnsaid(Organization before, OrganizationInput input, Organization checked) {
		return new Organization(checked.id(), checked.name(), checked.kind(),
				(input.category() != null) ? checked.category() : before.category(),
				(input.aliases() != null) ? checked.aliases() : before.aliases(),
				(input.country() != null) ? checked.country() : before.country(),
				(input.ticker() != null) ? checked.ticker() : before.ticker(), before.investorTypes(), before.kinds(),
				(input.undisclosed() != null) ? checked.undisclosed() : before.undisclosed());
	}

	private static ApiException notFound(String field, String id) {
		return new InvalidInput(ErrorCode.NOT_FOUND, List.of(Violation.unknownOrganization(field, id)));
	}

}
