package io.dealgraph.organization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.dealgraph.filter.Views;
import io.dealgraph.graph.Relationship;
import io.dealgraph.graph.View;
import io.dealgraph.selection.Prefetched;
import org.springframework.context.annotation.Bean;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;
import io.dealgraph.graph.OrganizationKind;

/**
 * Organizations' nested fields. Beneath the top-level reads ({@code io.dealgraph.read}) a
 * nested field takes the answer their statement read; elsewhere (beneath the network,
 * paths or a mutation) each is loaded for a whole level of the response at once, so a
 * request costs one statement per level whatever the number of organizations.
 */
@Controller
class OrganizationController {

	/** The loader of every relationship field. */
	private static final String RELATED = "related";

	private final OrganizationQueries queries;

	OrganizationController(OrganizationQueries queries, BatchLoaderRegistry loaders) {
		this.queries = queries;
		// One loader per field for all kinds of organization: a per-type @BatchMapping
		// would split each level
		// into one statement per kind.
		loaders.forTypePair(Related.class, Neighbourhood.class)
			.withName(RELATED)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> loadRelated(keys)));
		loaders.forTypePair(FactsOf.class, Facts.class)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> loadFacts(keys)));
	}

	@SchemaMapping(typeName = "Organization")
	CompletableFuture<List<Fact>> facts(Organization organization, DataLoader<FactsOf, Facts> loader,
			DataFetchingEnvironment environment) {
		return Prefetched.orLoad(environment,
				() -> loader.load(new FactsOf(organization.id())).thenApply(Facts::facts));
	}

	private static @Nullable Organization firstOrNull(List<Organization> organizations) {
		return organizations.isEmpty() ? null : organizations.getFirst();
	}

	private Map<Related, Neighbourhood> loadRelated(Set<Related> keys) {
		Map<Related, Neighbourhood> result = new HashMap<>();
		keys.stream()
			.collect(Collectors.groupingBy((key) -> List.of(key.kind(), key.view())))
			.forEach((same, group) -> {
				Related first = group.getFirst();
				Map<String, List<Organization>> byId = this.queries.neighbours(first.kind(),
						group.stream().map(Related::organizationId).toList(), first.view());
				group.forEach((key) -> result.put(key,
						new Neighbourhood(byId.getOrDefault(key.organizationId(), List.of()))));
			});
		return result;
	}

	private Map<FactsOf, Facts> loadFacts(Set<FactsOf> keys) {
		Map<String, List<Fact>> byId = this.queries.factsOf(keys.stream().map(FactsOf::organizationId).toList());
		return keys.stream()
			.collect(Collectors.toMap(Function.identity(),
					(key) -> new Facts(byId.getOrDefault(key.organizationId(), List.of()))));
	}

	/** Loader key: which neighbours of which organization, in which view. */
	record Related(Relationship kind, String organizationId, View view) {
	}

	/** Loader value: the neighbours found. */
	record Neighbourhood(List<Organization> organizations) {
	}

	/** Loader key: the facts of an organization. */
	record FactsOf(String organizationId) {
	}

	/** Loader value: the facts found. */
	record Facts(List<Fact> facts) {
	}

	/**
	 * Each organization is served as the object type of its kind, and every relationship
	 * row with a field is that field on every kind: a new row needs no new method here.
	 * All of a level's organizations are loaded in one statement per row and view.
	 */
	@Bean
	static RuntimeWiringConfigurer organizationTypes() {
		return (wiring) -> {
			wiring.type("Organization", (type) -> type.typeResolver(
					(env) -> env.getSchema().getObjectType(((Organization) env.getObject()).kind().typeName())));
			for (OrganizationKind kind : OrganizationKind.values()) {
				wiring.type(kind.typeName(), (type) -> {
					for (Relationship relationship : Relationship.values()) {
						relationship.field()
							.ifPresent((field) -> type.dataFetcher(field.name(), (env) -> related(relationship, env)));
					}
					return type;
				});
			}
		};
	}

	/** The other parties: a list, or the one of the latest deal for a single field. */
	private static CompletableFuture<?> related(Relationship relationship, DataFetchingEnvironment environment) {
		return Prefetched.orLoad(environment, () -> load(relationship, environment));
	}

	private static CompletableFuture<?> load(Relationship relationship, DataFetchingEnvironment environment) {
		Organization organization = environment.getSource();
		DataLoader<Related, Neighbourhood> loader = environment.getDataLoader(RELATED);
		CompletableFuture<List<Organization>> others = loader
			.load(new Related(relationship, organization.id(), Views.of(environment)))
			.thenApply(Neighbourhood::organizations);
		return relationship.field().orElseThrow().latest() ? others.thenApply(OrganizationController::firstOrNull)
				: others;
	}

}
