package io.dealgraph.organization;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;

@Controller
class OrganizationController {

	private final OrganizationQueries queries;

	OrganizationController(OrganizationQueries queries) {
		this.queries = queries;
	}

	@QueryMapping
	@Nullable Organization organization(@Argument String id) {
		return this.queries.byId(id).orElse(null);
	}

	@BatchMapping(typeName = "Organization")
	Map<Organization, List<Fact>> facts(Set<Organization> organizations) {
		Map<String, List<Fact>> byId = this.queries.factsOf(organizations.stream().map(Organization::id).toList());
		return organizations.stream()
			.collect(java.util.stream.Collectors.toMap((o) -> o, (o) -> byId.getOrDefault(o.id(), List.of())));
	}

	/** Each organization is served as the object type of its kind. */
	@Bean
	static RuntimeWiringConfigurer organizationTypes() {
		return (wiring) -> wiring.type("Organization", (type) -> type.typeResolver(
				(env) -> env.getSchema().getObjectType(((Organization) env.getObject()).kind().typeName())));
	}

}
